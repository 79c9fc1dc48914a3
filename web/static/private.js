// What is private and what can be removed, on the session and mentorship pages: private
// notes (templates/_notes.html.j2: add and delete, then refresh the "notes" region) and
// deleting a session's recording for good (the "player" region).
"use strict";

(function () {
  const C = window.Companion;

  function region() { return document.querySelector('[data-region="notes"]'); }

  document.addEventListener("submit", async function (event) {
    const form = event.target.closest(".note-form");
    if (!form) return;
    event.preventDefault();
    const panel = region();
    const body = { text: form.elements.text.value };
    if (panel.dataset.sessionId) body.session_id = panel.dataset.sessionId;
    const message = form.querySelector(".message");
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    try {
      await C.api("POST", "/api/mentorships/" + encodeURIComponent(panel.dataset.mentorshipId)
        + "/notes", body);
      await C.refreshRegions(["notes"]);
      const fresh = region().querySelector(".note-form .message");
      if (fresh) fresh.textContent = "Saved.";
    } catch (error) {
      message.textContent = "Not saved: " + error.message;
      button.disabled = false;
    }
  });

  document.addEventListener("click", async function (event) {
    const button = event.target.closest(".note-delete");
    if (!button) return;
    const note = button.closest(".note");
    if (!window.confirm("Delete this note for good?")) return;
    button.disabled = true;
    try {
      await C.api("DELETE", "/api/notes/" + encodeURIComponent(note.dataset.noteId));
      await C.refreshRegions(["notes"]);
    } catch (error) {
      button.disabled = false;
      button.textContent = "Not deleted: " + error.message;
    }
  });

  document.addEventListener("click", async function (event) {
    const button = event.target.closest(".recording-delete");
    if (!button) return;
    if (!window.confirm("Delete the recording for good? The transcript and the summary stay.")) {
      return;
    }
    button.disabled = true;
    const message = button.parentElement.querySelector(".message");
    try {
      await C.api("DELETE", "/api/sessions/" + encodeURIComponent(button.dataset.sessionId)
        + "/recording");
      await C.refreshRegions(["player"]);
    } catch (error) {
      button.disabled = false;
      if (message) message.textContent = "Not deleted: " + error.message;
    }
  });
})();
