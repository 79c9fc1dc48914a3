// The session page: upload a recording and follow its processing live, start a live call
// and see who is connected to it, play the recording from a transcript line, tick off and
// edit action items, correct the transcript.
// User text only ever goes into the page through textContent and form values.
"use strict";

(function () {
  const C = window.Companion;
  const root = document.getElementById("session");
  if (!root) return;
  const sessionId = root.dataset.sessionId;
  const base = "/api/sessions/" + encodeURIComponent(sessionId);
  const BUSY = ["queued", "processing"];
  const SUMMARY = ["actions", "checkin", "recap", "balance", "downloads"];
  const EVERYTHING = ["status", "player", "transcript", "email", "lasttime"].concat(SUMMARY);
  let status = root.dataset.status;
  let stage = "";
  let openLineEditors = 0;

  // -- status and progress ---------------------------------------------------------------

  function byId(id) { return document.getElementById(id); }

  // `change` is an event of the stream, or what a request of ours just did.
  function applyStatus(change) {
    if (change.status === "deleted") {  // by the other participant: nothing left to show
      location.assign(document.querySelector("a.back").href);
      return;
    }
    const previous = status;
    if (change.status) status = change.status;
    if (change.stage !== undefined) stage = change.stage;
    root.dataset.status = status;
    const busy = BUSY.indexOf(status) >= 0;
    const label = byId("status-label");
    label.textContent = C.STATUS_LABELS[status] || status;
    label.className = "badge status-" + status;
    const bar = byId("status-progress");
    if (typeof change.progress === "number") {
      bar.value = change.progress;
      bar.textContent = C.percent(change.progress);
    }
    bar.hidden = !busy;
    byId("status-detail").textContent = C.statusDetail(status, bar.value, stage);
    byId("status-error").hidden = status !== "failed";
    if (status === "failed" && change.error) byId("status-error-text").textContent = change.error;
    byId("upload").hidden = busy || status === "live";
    showLive(previous);
    if (status === "done" && previous !== "done") C.refreshRegions(EVERYTHING);
  }

  function listen() {
    const stream = new EventSource(base + "/events");
    const onState = function (event) { applyStatus(JSON.parse(event.data)); };
    stream.addEventListener("snapshot", onState);
    // Subscribed (again): who is connected now, if the call is live (live.presence follows).
    stream.addEventListener("snapshot", function () { if (status === "live") loadPresence(); });
    stream.addEventListener("live.presence", function (event) {
      showPresence(JSON.parse(event.data).live.connected);
    });
    stream.addEventListener("live.paused", function (event) {
      const change = JSON.parse(event.data).live;
      livePaused[change.role] = change.paused;
      showPresence(connected);
    });
    stream.addEventListener("status", onState);
    stream.addEventListener("progress", function (event) {
      // Progress of a job that this page saw end already is stale: ignore it.
      if (BUSY.indexOf(status) < 0) return;
      applyStatus(Object.assign({ status: "processing" }, JSON.parse(event.data)));
    });
    // Someone (maybe the other participant) corrected a line or changed an item.
    stream.addEventListener("transcript", function () {
      C.refreshRegions(openLineEditors ? SUMMARY : SUMMARY.concat(["transcript"]));
    });
    stream.addEventListener("items", function () { C.refreshRegions(["actions", "lasttime"]); });
    // A recap email was sent, failed or will be retried.
    stream.addEventListener("recap", function () { C.refreshRegions(["email"]); });
  }

  // -- the live call --------------------------------------------------------------------------
  // "Start live session" turns a new session into a live call and opens its panel. A live
  // session shows the panel's link and who is connected: the call's history when the event
  // stream (re)connects, then its live.presence and live.paused events.

  const live = byId("live-call");
  const LIVE_NAMES = { mentor: live.dataset.mentorName, mentee: live.dataset.menteeName };
  let connected = [];
  let livePaused = {};

  function showLive(previous) {
    const isNew = status === "created";
    live.hidden = !isNew && status !== "live";
    byId("live-start").hidden = !isNew;
    byId("live-start-hint").hidden = !isNew;
    byId("live-open").hidden = status !== "live";
    byId("live-connected").hidden = status !== "live";
    if (status === "live" && previous !== "live") loadPresence();
  }

  async function loadPresence() {
    try {
      const history = await C.api("GET", base + "/live/history");
      livePaused = {};
      history.paused.forEach(function (role) { livePaused[role] = true; });
      showPresence(history.connected);
    } catch (error) {
      // Not live any more (409): the status event that says so is on its way.
    }
  }

  function showPresence(now) {
    connected = now;
    C.showPresence(byId("live-presence"), connected, LIVE_NAMES, livePaused);
  }

  byId("live-start").addEventListener("click", async function (event) {
    const button = event.currentTarget;
    button.disabled = true;
    byId("live-message").textContent = "";
    try {
      const started = await C.api("POST", base + "/live/start");
      location.assign(started.panel);
    } catch (error) {
      byId("live-message").textContent = "The live session could not start: " + error.message;
      button.disabled = false;
    }
  });

  // -- uploading and retrying --------------------------------------------------------------

  byId("upload-form").addEventListener("submit", async function (event) {
    event.preventDefault();
    const form = event.currentTarget;
    const file = form.elements.audio.files[0];
    const message = byId("upload-message");
    const button = form.querySelector('button[type="submit"]');
    if (!file) return;
    button.disabled = true;
    message.textContent = "Uploading… 0%";
    try {
      const accepted = await C.upload(sessionId, file, function (fraction) {
        message.textContent = "Uploading… " + C.percent(fraction);
      });
      message.textContent = "";
      form.reset();
      applyStatus({ status: accepted.job.status, progress: 0, stage: "" });
    } catch (error) {
      message.textContent = "The upload failed: " + error.message;
    } finally {
      button.disabled = false;
    }
  });

  // Delegated: the status region, and its button, are replaced when processing ends.
  document.addEventListener("click", async function (event) {
    const button = event.target.closest("#retry");
    if (!button) return;
    button.disabled = true;
    try {
      const answer = await C.api("POST", base + "/retry");
      applyStatus({ status: answer.job.status, progress: 0, stage: "" });
    } catch (error) {
      byId("status-error-text").textContent = "Retrying failed: " + error.message;
    } finally {
      button.disabled = false;
    }
  });

  // -- playing from a line -----------------------------------------------------------------

  function play(seconds) {
    const audio = byId("player");
    if (!audio || !isFinite(seconds)) return;
    audio.currentTime = seconds;
    const playing = audio.play();
    if (playing) playing.catch(function () { /* autoplay refused: the seek stands */ });
  }

  document.addEventListener("click", function (event) {
    const seek = event.target.closest("[data-seek]");
    if (seek) {
      play(parseFloat(seek.dataset.seek));
      return;
    }
    const line = event.target.closest(".line[data-start]");
    if (!line || event.target.closest("button, a, form") || String(window.getSelection())) return;
    play(parseFloat(line.dataset.start));
  });

  // Mark the line being played. Media events do not bubble, hence the capturing listener
  // (it also survives the player being replaced).
  let lineStarts = null;
  document.addEventListener("companion:refreshed", function () { lineStarts = null; });
  document.addEventListener("timeupdate", function (event) {
    if (event.target.id !== "player") return;
    if (!lineStarts) {
      lineStarts = Array.from(document.querySelectorAll(".line[data-start]")).map(function (el) {
        return [parseFloat(el.dataset.start), el];
      });
    }
    const now = event.target.currentTime;
    let low = 0, high = lineStarts.length - 1, found = null;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (lineStarts[middle][0] <= now) { found = lineStarts[middle][1]; low = middle + 1; }
      else high = middle - 1;
    }
    const current = document.querySelector(".line.current");
    if (current === found) return;
    if (current) { current.classList.remove("current"); current.removeAttribute("aria-current"); }
    if (found) { found.classList.add("current"); found.setAttribute("aria-current", "true"); }
  }, true);

  // -- action items --------------------------------------------------------------------------

  document.addEventListener("change", async function (event) {
    const box = event.target;
    if (!box.classList.contains("tick")) return;
    const item = box.closest(".item");
    const id = item.dataset.itemId;
    const wanted = box.checked;
    item.classList.toggle("done", wanted);
    try {
      const saved = await C.api("PATCH", "/api/items/" + encodeURIComponent(id), { done: wanted });
      const now = byId("item-" + id);  // the list may have been refreshed meanwhile
      if (now) {
        now.checked = saved.status === "done";
        now.closest(".item").classList.toggle("done", now.checked);
      }
    } catch (error) {
      box.checked = !wanted;
      item.classList.toggle("done", !wanted);
      showItemError(item, "Not saved: " + error.message);
    }
  });

  function showItemError(item, text) {
    let note = item.querySelector(".item-error");
    if (!note) {
      note = document.createElement("p");
      note.className = "message item-error";
      note.setAttribute("role", "alert");
      item.append(note);
    }
    note.textContent = text;
  }

  function editor(templateId) {
    return byId(templateId).content.firstElementChild.cloneNode(true);
  }

  function openItemEditor(item) {
    if (item.querySelector("form.editor")) return;
    const form = editor("item-editor");
    const due = item.dataset.due;
    form.elements.text.value = item.querySelector(".item-text").textContent;
    form.elements.owner.value = item.dataset.owner;
    if (due.indexOf("T") >= 0) form.elements.due.type = "datetime-local";
    form.elements.due.value = due;
    item.append(form);
    form.elements.text.focus();
    const close = function () {
      form.remove();
      const button = byId("edit-item-" + item.dataset.itemId);
      if (button) button.focus();
    };
    form.querySelector(".cancel").addEventListener("click", close);
    form.addEventListener("keydown", function (event) { if (event.key === "Escape") close(); });
    form.addEventListener("submit", async function (event) {
      event.preventDefault();
      const body = {
        text: form.elements.text.value.trim(),
        owner: form.elements.owner.value,
        due: form.elements.due.value || null,
      };
      try {
        await C.api("PATCH", "/api/items/" + encodeURIComponent(item.dataset.itemId), body);
        await C.refreshRegions(["actions"]);  // the owner may have changed: a new group
        const button = byId("edit-item-" + item.dataset.itemId);
        if (button) button.focus();
      } catch (error) {
        form.querySelector(".message").textContent = "Not saved: " + error.message;
      }
    });
  }

  // -- correcting the transcript -------------------------------------------------------------

  function openLineEditor(line) {
    if (line.querySelector("form.editor")) return;
    const form = editor("segment-editor");
    const said = line.querySelector(".said");
    const speakers = form.elements.speaker;
    form.elements.text.value = said.textContent;
    speakers.value = line.dataset.speaker;
    said.hidden = true;
    line.append(form);
    openLineEditors += 1;
    form.elements.text.focus();
    const close = function () {
      form.remove();
      said.hidden = false;
      openLineEditors -= 1;
      const button = byId("edit-line-" + line.dataset.idx);
      if (button) button.focus();
    };
    form.querySelector(".cancel").addEventListener("click", close);
    form.addEventListener("keydown", function (event) { if (event.key === "Escape") close(); });
    form.addEventListener("submit", async function (event) {
      event.preventDefault();
      const body = {};
      const text = form.elements.text.value.trim();
      if (text !== said.textContent) body.text = text;
      if (speakers.value !== line.dataset.speaker) body.speaker = speakers.value;
      if (!Object.keys(body).length) { close(); return; }
      const button = form.querySelector('button[type="submit"]');
      button.disabled = true;
      form.querySelector(".message").textContent = "Saving and updating the summary…";
      try {
        const answer = await C.api("PATCH", base + "/segments/" + line.dataset.idx, body);
        const segment = answer.segment;
        said.textContent = segment.text;
        line.dataset.speaker = segment.speaker;
        line.className = line.className.replace(/\bspeaker-\w+/, "speaker-" + segment.speaker);
        line.classList.add("edited");
        if (!line.querySelector(".tag")) {
          const tag = document.createElement("span");
          tag.className = "tag";
          tag.textContent = "corrected";
          line.querySelector(".who").after(tag);
        }
        line.querySelector(".who").textContent =
          speakers.querySelector('option[value="' + segment.speaker + '"]').textContent;
        close();
        C.refreshRegions(SUMMARY);
      } catch (error) {
        button.disabled = false;
        form.querySelector(".message").textContent = "Not saved: " + error.message;
      }
    });
  }

  document.addEventListener("click", function (event) {
    const editItem = event.target.closest(".edit-item");
    if (editItem) openItemEditor(editItem.closest(".item"));
    const editLine = event.target.closest(".edit-line");
    if (editLine) openLineEditor(editLine.closest(".line"));
  });

  // -- the recap email ------------------------------------------------------------------------
  // Its state is rendered by the server (the "email" region); these only ask for changes.

  const email = byId("email");

  async function recapRequest(method, url, body, done) {
    const message = byId("recap-message");
    message.textContent = "";
    try {
      await C.api(method, url, body);
      message.textContent = done;
    } catch (error) {
      message.textContent = "That did not work: " + error.message;
    }
    await C.refreshRegions(["email"]);
  }

  document.addEventListener("click", function (event) {
    const release = event.target.closest("#recap-release");
    const resend = event.target.closest(".recap-resend");
    if (release) {
      release.disabled = true;
      recapRequest("POST", base + "/recap/release", undefined,
        "Released: the emails are on their way.");
    } else if (resend) {
      resend.disabled = true;
      const both = resend.dataset.to === "both";
      recapRequest("POST", base + "/recap/resend", { to: resend.dataset.to },
        both ? "Sending the recap again to both of you." : "Sending the recap again to you.");
    }
  });

  document.addEventListener("change", function (event) {
    if (event.target.id !== "recap-toggle") return;
    const on = event.target.checked;
    recapRequest("PATCH", "/api/mentorships/" + encodeURIComponent(email.dataset.mentorshipId),
      { recaps: on }, on ? "You will get recap emails." : "You will not get recap emails.");
  });

  // The preview is composed on request (it is the whole email): only when opened.
  byId("recap-preview").addEventListener("toggle", async function (event) {
    if (!event.currentTarget.open) return;
    const text = byId("recap-preview-text");
    text.textContent = "Loading…";
    try {
      const state = await C.api("GET", base + "/recap");
      const preview = state.preview;
      text.textContent = preview ? "Subject: " + preview.subject + "\n\n" + preview.text
        : "No preview yet: the recap is written when the session is processed.";
    } catch (error) {
      text.textContent = "The preview could not be loaded: " + error.message;
    }
  });

  // -- from last time: confirm or dismiss a "mentioned as done" proposal -------------------

  document.addEventListener("click", async function (event) {
    const button = event.target.closest(".proposal-confirm, .proposal-dismiss");
    if (!button) return;
    const proposal = button.closest(".proposal");
    const action = button.classList.contains("proposal-confirm") ? "confirm" : "dismiss";
    proposal.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
    try {
      await C.api("POST", "/api/proposals/" + encodeURIComponent(proposal.dataset.proposalId)
        + "/" + action);
      await C.refreshRegions(["lasttime", "actions"]);
    } catch (error) {
      proposal.querySelectorAll("button").forEach(function (b) { b.disabled = false; });
      proposal.querySelector(".message").textContent = "Not saved: " + error.message;
    }
  });

  listen();
})();
