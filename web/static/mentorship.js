// The mentorship page: create a session (and upload its recording), and keep the
// sessions' statuses current while their recordings are processed.
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
    C.refreshRegions(["open-items"]);
  });
})();
