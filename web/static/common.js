// What both pages' scripts share: calling the JSON API as the signed-in participant,
// uploading a recording with progress, status wording, and replacing parts of a page with
// fresh server-rendered copies. Plain browser JavaScript: no build step, no libraries.
"use strict";

window.Companion = (function () {
  const STATUS_LABELS = {
    created: "Waiting for a recording",
    live: "Live",
    queued: "Queued",
    processing: "Processing",
    done: "Done",
    failed: "Failed",
    deleted: "Deleted",
  };

  // The session cookie authenticates the request; the CSRF token proves that it comes
  // from our own page (web/auth.py).
  function csrfToken() {
    const meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.content : "";
  }

  function errorMessage(status, body) {
    if (body && body.error && body.error.message) return body.error.message;
    return "the server answered " + status;
  }

  async function api(method, url, body) {
    const headers = { Accept: "application/json", "X-CSRF-Token": csrfToken() };
    const init = { method: method, headers: headers, credentials: "same-origin" };
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(url, init);
    } catch (error) {
      throw new Error("the service cannot be reached: check the connection and try again");
    }
    const data = response.status === 204 ? null : await response.json().catch(() => null);
    if (!response.ok) throw new Error(errorMessage(response.status, data));
    return data;
  }

  // XMLHttpRequest rather than fetch: only it reports upload progress, which matters for
  // an hour of audio sent from a phone.
  function upload(sessionId, file, onProgress) {
    return new Promise(function (resolve, reject) {
      const request = new XMLHttpRequest();
      request.open("POST", "/api/sessions/" + encodeURIComponent(sessionId) + "/recording");
      request.setRequestHeader("Accept", "application/json");
      request.setRequestHeader("X-CSRF-Token", csrfToken());
      request.responseType = "json";
      request.upload.addEventListener("progress", function (event) {
        if (event.lengthComputable) onProgress(event.loaded / event.total);
      });
      request.addEventListener("load", function () {
        if (request.status === 202) resolve(request.response);
        else reject(new Error(errorMessage(request.status, request.response)));
      });
      request.addEventListener("error", function () {
        reject(new Error("the upload was interrupted: check the connection and try again"));
      });
      const form = new FormData();
      form.append("audio", file, file.name);
      request.send(form);
    });
  }

  function percent(fraction) {
    return Math.round(100 * (fraction || 0)) + "%";
  }

  // The words under a status badge; session.html.j2 writes the same for the first paint.
  function statusDetail(status, progress, stage) {
    if (status === "queued") return "waiting to start";
    if (status === "processing") return (stage || "starting") + " · " + percent(progress);
    return "";
  }

  // Replace the page's [data-region] elements named in `names` with those of a fresh
  // render of the same page. Requests are coalesced: while one runs, further names are
  // collected and fetched once after it. The server's HTML is parsed by DOMParser (its
  // scripts never run) and escaped already; focus stays on the element that had it.
  let running = null;
  const wanted = new Set();

  function refreshRegions(names) {
    names.forEach(function (name) { wanted.add(name); });
    if (running) return running;
    running = (async function () {
      while (wanted.size) {
        const batch = Array.from(wanted);
        wanted.clear();
        const response = await fetch(location.pathname, {
          headers: { Accept: "text/html" }, credentials: "same-origin", cache: "no-store",
        });
        if (!response.ok) return;
        const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
        batch.forEach(function (name) { replaceRegion(fresh, name); });
        document.dispatchEvent(new CustomEvent("companion:refreshed", { detail: batch }));
      }
    })().catch(function () {
      // A failed refresh leaves the page as it was; the next change tries again.
    }).finally(function () {
      running = null;
      if (wanted.size) refreshRegions([]);  // asked for while this one was finishing
    });
    return running;
  }

  function replaceRegion(fresh, name) {
    const selector = '[data-region="' + name + '"]';
    const old = document.querySelector(selector);
    const replacement = fresh.querySelector(selector);
    if (!old || !replacement) return;
    const focused = old.contains(document.activeElement) ? document.activeElement.id : "";
    old.replaceWith(document.adoptNode(replacement));
    const again = focused && document.getElementById(focused);
    if (again) again.focus();
  }

  // Who is connected to a live call (the panel and the session page show the same list):
  // connected is [{role, participant, source}], names by role, paused a {role: bool}.
  const SOURCE_LABELS = { mic: "microphone", tab: "meeting tab audio", file: "a recording" };

  function showPresence(list, connected, names, paused) {
    list.replaceChildren();
    connected.forEach(function (p) {
      const entry = document.createElement("li");
      const who = document.createElement("span");
      who.className = "who speaker-" + p.role;
      who.textContent = names[p.role];
      entry.append(who, " · " + (SOURCE_LABELS[p.source] || p.source));
      if (p.participant !== p.role) entry.append(" (shared by " + names[p.participant] + ")");
      if (paused[p.role]) entry.append(" · paused");
      list.append(entry);
    });
    if (!connected.length) {
      const empty = document.createElement("li");
      empty.className = "empty";
      empty.textContent = "Nobody is streaming now.";
      list.append(empty);
    }
  }

  return {
    STATUS_LABELS: STATUS_LABELS,
    showPresence: showPresence,
    api: api,
    upload: upload,
    percent: percent,
    statusDetail: statusDetail,
    refreshRegions: refreshRegions,
  };
})();
