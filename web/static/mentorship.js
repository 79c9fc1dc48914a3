// The mentorship page: create a session (and upload its recording), keep the sessions'
// statuses current while their recordings are processed, and edit the relationship:
// the agreement, goals and their linked items, and each session's survey.
"use strict";

(function () {
  const C = window.Companion;
  const root = document.getElementById("mentorship");
  if (!root) return;
  const mentorshipId = root.dataset.mentorshipId;
  const base = "/api/mentorships/" + encodeURIComponent(mentorshipId);

  document.getElementById("new-session").addEventListener("submit", async function (event) {
    event.preventDefault();
    const form = event.currentTarget;
    const message = document.getElementById("new-message");
    const button = form.querySelector('button[type="submit"]');
    const file = form.elements.audio.files[0];
    const body = { title: form.elements.title.value.trim() };
    if (form.elements.started_at.value) body.started_at = form.elements.started_at.value;
    button.disabled = true;
    message.textContent = "Creating the session…";
    let session = null;
    try {
      session = await C.api("POST", base + "/sessions", body);
      if (file) {
        await C.upload(session.id, file, function (fraction) {
          message.textContent = "Uploading the recording… " + C.percent(fraction);
        });
      }
      location.assign("/sessions/" + encodeURIComponent(session.id));
    } catch (error) {
      button.disabled = false;
      message.textContent = session
        ? "The session was created, but the upload failed: " + error.message
          + ". Open the session to try again."
        : "The session was not created: " + error.message;
      if (session) C.refreshRegions(["sessions"]);
    }
  });

  function showStatus(sessionId, status, progress) {
    const row = document.querySelector('[data-session-id="' + CSS.escape(sessionId) + '"]');
    if (!row) return false;
    const badge = row.querySelector(".badge");
    badge.className = "badge status-" + status;
    badge.textContent = C.STATUS_LABELS[status] || status;
    if (status === "processing" && typeof progress === "number") {
      badge.textContent += " · " + C.percent(progress);
    }
    return true;
  }

  const stream = new EventSource(base + "/events");
  stream.addEventListener("status", function (event) {
    const change = JSON.parse(event.data);
    const shown = showStatus(change.session_id, change.status, change.progress);
    if (!shown || change.status === "done" || change.status === "deleted") {
      // A session the other participant added, one that left, or new results.
      C.refreshRegions(["sessions", "open-items", "checkin"]);
    }
  });
  stream.addEventListener("progress", function (event) {
    const change = JSON.parse(event.data);
    showStatus(change.session_id, "processing", change.progress);
  });
  stream.addEventListener("items", function () {
    C.refreshRegions(["open-items", "goals"]);
  });

  // -- the relationship: agreement, goals, surveys (web/views/relationship.py) -------------
  // Regions are replaced by fresh server copies after each change, so listeners are
  // delegated from the document rather than bound to elements that will be replaced.

  const RELATIONSHIP = ["agreement", "goals", "checkin", "trends", "surveys"];

  function parseData(element, name) {
    const raw = element && element.dataset[name];
    if (!raw) return null;
    try { return JSON.parse(raw); } catch (error) { return null; }
  }

  function say(form, text) {
    const message = form.querySelector(".message");
    if (message) message.textContent = text;
  }

  async function send(form, run, regions) {
    const button = form.querySelector('button[type="submit"]');
    if (button) button.disabled = true;
    say(form, "Saving…");
    try {
      await run();
      say(form, "Saved.");
      await C.refreshRegions(regions);
    } catch (error) {
      say(form, "Not saved: " + error.message);
    } finally {
      if (button) button.disabled = false;
    }
  }

  // The agreement form as terms: each text keeps the source it came with (the moment it
  // was said) until it is cleared.
  function agreementTerms(form) {
    const terms = {};
    form.querySelectorAll("textarea[data-source]").forEach(function (area) {
      const text = area.value.trim();
      terms[area.name] = { text: text, source: text ? parseData(area, "source") : null };
    });
    const days = form.elements.cadence_days.value;
    terms.cadence.cadence_days = days ? Number(days) : null;
    terms.channels = [];
    form.querySelectorAll(".channel-row").forEach(function (row) {
      const channel = row.querySelector('[name="channel"]').value.trim();
      const purpose = row.querySelector('[name="purpose"]').value.trim();
      if (channel) {
        terms.channels.push({ channel: channel, purpose: purpose, source: parseData(row, "source") });
      }
    });
    return terms;
  }

  function setText(form, field, value) {
    const area = form.elements[field];
    area.value = value.text || "";
    area.dataset.source = JSON.stringify(value.source || null);
    if (field === "cadence") {
      form.elements.cadence_days.value = value.cadence_days || "";
    }
  }

  function addChannel(form, entry) {
    const rows = form.querySelector("#channel-rows");
    let row = Array.from(rows.querySelectorAll(".channel-row")).find(function (r) {
      return !r.querySelector('[name="channel"]').value.trim();
    });
    if (!row) {
      row = rows.querySelector(".channel-row").cloneNode(true);
      rows.appendChild(row);
    }
    row.querySelector('[name="channel"]').value = entry.channel || "";
    row.querySelector('[name="purpose"]').value = entry.purpose || "";
    row.dataset.source = JSON.stringify(entry.source || null);
    return row;
  }

  function haveChannel(form, name) {
    return Array.from(form.querySelectorAll('.channel-row [name="channel"]')).some(function (input) {
      return input.value.trim().toLowerCase() === name.toLowerCase();
    });
  }

  function openEditor() {
    const editor = document.getElementById("agreement-editor");
    if (editor) editor.open = true;
    return document.getElementById("agreement-form");
  }

  document.addEventListener("click", async function (event) {
    const target = event.target.closest("button");
    if (!target) return;
    if (target.classList.contains("use-suggestion")) {
      // Into the form only: the person reads it and saves (or not).
      const form = openEditor();
      const value = parseData(target, "value");
      if (target.dataset.field === "channels") {
        value.forEach(function (entry) { if (!haveChannel(form, entry.channel)) addChannel(form, entry); });
      } else {
        setText(form, target.dataset.field, value);
      }
      say(form, "Added to the form: save to make it part of the agreement.");
      const field = form.elements[target.dataset.field];
      if (field && field.focus) field.focus();
    } else if (target.id === "agreement-fill") {
      const form = openEditor();
      const prefill = parseData(form, "prefill");
      let filled = 0;
      form.querySelectorAll("textarea[data-source]").forEach(function (area) {
        if (!area.value.trim() && prefill[area.name] && prefill[area.name].text) {
          setText(form, area.name, prefill[area.name]);
          filled += 1;
        }
      });
      const noChannels = !form.querySelector('.channel-row [name="channel"]').value.trim()
        && form.querySelectorAll(".channel-row").length === 1;
      if (noChannels && prefill.channels.length) {
        prefill.channels.forEach(function (entry) { addChannel(form, entry); });
        filled += 1;
      }
      say(form, filled ? "Empty fields filled from your sessions: read them, then save."
        : "Every field already has something: use the suggestions one by one.");
    } else if (target.id === "channel-add") {
      addChannel(target.form, {}).querySelector("input").focus();
    } else if (target.classList.contains("track-goal")) {
      target.disabled = true;
      try {
        await C.api("POST", base + "/goals", { item_id: target.dataset.itemId });
        await C.refreshRegions(["goals"]);
      } catch (error) {
        target.disabled = false;
        target.textContent = "Not tracked: " + error.message;
      }
    } else if (target.classList.contains("link-item") || target.classList.contains("unlink-item")) {
      const goal = target.closest("[data-goal-id]").dataset.goalId;
      const url = "/api/goals/" + encodeURIComponent(goal) + "/items/" + encodeURIComponent(target.dataset.itemId);
      target.disabled = true;
      try {
        await C.api(target.classList.contains("link-item") ? "PUT" : "DELETE", url);
        await C.refreshRegions(["goals"]);
      } catch (error) {
        target.disabled = false;
        target.textContent = "Failed: " + error.message;
      }
    } else if (target.classList.contains("delete-goal")) {
      const goal = target.closest("[data-goal-id]");
      if (!window.confirm("Delete this goal? Its links to action items go with it.")) return;
      try {
        await C.api("DELETE", "/api/goals/" + encodeURIComponent(goal.dataset.goalId));
        await C.refreshRegions(["goals"]);
      } catch (error) {
        say(target.form, "Not deleted: " + error.message);
      }
    }
  });

  document.addEventListener("submit", function (event) {
    const form = event.target;
    if (form.id === "agreement-form") {
      event.preventDefault();
      const body = { terms: agreementTerms(form), version: Number(form.dataset.version) };
      const note = form.elements.note.value.trim();
      if (note) body.note = note;
      send(form, function () { return C.api("PUT", base + "/agreement", body); }, RELATIONSHIP);
    } else if (form.id === "goal-new") {
      event.preventDefault();
      const body = { title: form.elements.title.value.trim(), owner: form.elements.owner.value };
      if (form.elements.target.value) body.target = form.elements.target.value;
      send(form, function () { return C.api("POST", base + "/goals", body); }, ["goals"]);
    } else if (form.classList.contains("goal-form")) {
      event.preventDefault();
      const goal = form.closest("[data-goal-id]").dataset.goalId;
      const body = {
        title: form.elements.title.value.trim(), owner: form.elements.owner.value,
        target: form.elements.target.value || null, status: form.elements.status.value,
      };
      send(form, function () {
        return C.api("PATCH", "/api/goals/" + encodeURIComponent(goal), body);
      }, ["goals"]);
    } else if (form.classList.contains("survey-form")) {
      event.preventDefault();
      const sessionId = form.closest("[data-session-id]").dataset.sessionId;
      const checked = form.querySelector('[name="rating"]:checked');
      const body = {
        rating: checked ? Number(checked.value) : null,
        comment: form.elements.comment.value,
        answers: { most_useful: form.elements.most_useful.value, change: form.elements.change.value },
      };
      send(form, function () {
        return C.api("PUT", "/api/sessions/" + encodeURIComponent(sessionId) + "/survey", body);
      }, ["surveys", "trends"]);
    }
  });
})();
