// The live side panel (docs/LIVE.md). Nothing is captured before "Start listening". Then
// the microphone, and on request the meeting tab's audio (as the other participant), go
// through live-worklet.js (16 kHz s16le chunks) to one websocket each. Frames are numbered
// and kept until acknowledged, in a bounded resend buffer; a dropped connection is
// reopened with back-off and resumes where the server's acknowledgements stopped, as
// companion/live_client.py does. Shared events (captions, items, presence) come from the
// session's event stream, so both panels and the session page see the same thing; the
// websocket brings what is ours only: acknowledgements, cues and errors. When the event
// stream (re)connects (a reloaded panel), the call so far comes from the live history first.
// User text only ever goes into the page through textContent.
"use strict";

(function () {
  const C = window.Companion;
  const root = document.getElementById("live");
  if (!root) return;
  const sessionId = root.dataset.sessionId;
  const base = "/api/sessions/" + encodeURIComponent(sessionId);
  const me = root.dataset.role;
  const other = root.dataset.other;
  const names = { mentor: root.dataset.mentorName, mentee: root.dataset.menteeName };

  const SAMPLE_RATE = 16000;
  const BYTES_PER_SECOND = SAMPLE_RATE * 2;
  const RESEND_LIMIT_S = 30;
  // Pauses before each reconnection after a drop; the last repeats up to MAX_ATTEMPTS, then
  // the panel gives up ("Start listening" tries again).
  const RECONNECT_DELAYS_MS = [200, 500, 1000, 2000, 4000, 8000];
  const MAX_ATTEMPTS = 12;
  // Closes after which reconnecting is pointless: the server refused the stream itself.
  // A plain 1000 is not one of them: after a "stopped" event the stream is closed anyway,
  // and without one the server's side of the connection broke.
  const FINAL_CLOSES = [1003, 1009, 4400, 4403, 4409, 4410, 4429];
  const CUE_SECONDS = 30;
  const ITEM_LABELS = {
    action_item: "Action item", question: "Question", feedback: "Feedback",
    goal: "Goal", decision: "Decision", challenge: "Challenge", next_checkin: "Next check-in",
  };

  function byId(id) { return document.getElementById(id); }

  function say(text) { byId("live-message").textContent = text; }

  // -- one role's audio on one websocket ---------------------------------------------------

  class Stream {
    constructor(role, source) {
      this.role = role;
      this.source = source;
      this.ws = null;
      this.ready = false;
      this.nextSeq = 0;
      this.acked = -1;
      this.unacked = [];  // [seq, ArrayBuffer frame], oldest first
      this.unackedBytes = 0;
      this.attempt = 0;
      this.started = false;
      this.closed = false;  // by us or finally by the server: no reconnecting
      this.paused = false;
      this.dropping = false;
      this.onState = function () {};
    }

    open() {
      const scheme = location.protocol === "https:" ? "wss://" : "ws://";
      const ws = new WebSocket(scheme + location.host + base + "/live");
      ws.binaryType = "arraybuffer";
      this.ws = ws;
      this.ready = false;
      ws.addEventListener("open", () => {
        const start = { type: "start", role: this.role, sample_rate: SAMPLE_RATE,
                        format: "s16le", source: this.source, speed: 1, session: sessionId };
        if (this.acked >= 0) start.resume_from = this.acked + 1;
        ws.send(JSON.stringify(start));
      });
      ws.addEventListener("message", (event) => {
        if (typeof event.data === "string") this.receive(JSON.parse(event.data));
      });
      ws.addEventListener("close", (event) => this.dropped(ws, event.code, event.reason));
      this.onState();
    }

    receive(event) {
      if (event.type === "ready") {
        this.ready = true;
        this.attempt = 0;
        if (!this.started) {
          // A fresh panel (a reload, a second try) continues the role's numbering: frames
          // below next_seq would be taken for repeats and dropped.
          this.started = true;
          if (this.source === "mic") remindLastTime();
          this.renumber(event.next_seq);
        }
        this.trim(event.next_seq - 1);
        this.unacked.forEach((entry) => this.ws.send(entry[1]));  // what the server lacks
        if (this.paused) this.control({ type: "pause" });
        this.onState();
      } else if (event.type === "ack") {
        this.acked = Math.max(this.acked, event.seq);
        this.trim(event.seq);
      } else if (event.type === "cue") {
        showCue(event.message);
      } else if (event.type === "error") {
        say(event.message);  // the close that follows is final (FINAL_CLOSES)
      } else if (event.type === "stopped") {
        this.closed = true;
      }
    }

    renumber(offset) {
      this.unacked.forEach(function (entry) {
        entry[0] += offset;
        new DataView(entry[1]).setUint32(0, entry[0], false);
      });
      this.nextSeq += offset;
    }

    trim(seq) {
      while (this.unacked.length && this.unacked[0][0] <= seq) {
        this.unackedBytes -= this.unacked.shift()[1].byteLength - 4;
      }
      if (this.dropping && this.unackedBytes < BYTES_PER_SECOND * RESEND_LIMIT_S / 2) {
        this.dropping = false;
        this.onState();
      }
    }

    // A chunk of PCM from the worklet. While paused nothing is sent (mute); when the
    // resend buffer is full (the connection has been down for a while) new audio is left
    // out, never numbered, so that the frames the server gets stay contiguous.
    push(pcm) {
      if (this.closed || this.paused) return;
      if (this.unackedBytes + pcm.byteLength > BYTES_PER_SECOND * RESEND_LIMIT_S) {
        if (!this.dropping) { this.dropping = true; this.onState(); }
        return;
      }
      const frame = new ArrayBuffer(4 + pcm.byteLength);
      new DataView(frame).setUint32(0, this.nextSeq, false);
      new Uint8Array(frame, 4).set(new Uint8Array(pcm));
      this.unacked.push([this.nextSeq, frame]);
      this.unackedBytes += pcm.byteLength;
      this.nextSeq += 1;
      if (this.ready && this.ws.readyState === WebSocket.OPEN) this.ws.send(frame);
    }

    control(message) {
      if (this.ready && this.ws.readyState === WebSocket.OPEN) {
        this.ws.send(JSON.stringify(message));
      }
    }

    setPaused(paused) {
      this.paused = paused;
      this.control({ type: paused ? "pause" : "resume" });
    }

    dropped(ws, code, reason) {
      if (ws !== this.ws) return;
      this.ready = false;
      if (this.closed || FINAL_CLOSES.indexOf(code) >= 0 || this.attempt >= MAX_ATTEMPTS) {
        if (!this.closed) say(reason || "The connection to the service could not be restored.");
        this.closed = true;
        this.onState();
        return;
      }
      const delay = RECONNECT_DELAYS_MS[Math.min(this.attempt, RECONNECT_DELAYS_MS.length - 1)];
      this.attempt += 1;
      this.onState();
      setTimeout(() => { if (!this.closed) this.open(); }, delay);
    }

    close() {
      this.closed = true;
      if (this.ws) this.ws.close(1000);
    }

    get state() {
      if (this.closed) return "closed";
      if (!this.ready) return this.attempt ? "reconnecting" : "connecting";
      if (this.dropping) return "dropping";
      return this.paused ? "paused" : "listening";
    }
  }

  // -- capture ----------------------------------------------------------------------------

  let context = null;
  const captures = [];  // {stream, media, node}
  let ended = false;

  async function audioContext() {
    if (!context) {
      context = new AudioContext();
      await context.audioWorklet.addModule(root.dataset.worklet);
    }
    if (context.state === "suspended") await context.resume();
    return context;
  }

  async function capture(media, stream) {
    const ctx = await audioContext();
    const node = new AudioWorkletNode(ctx, "pcm-16k", { numberOfOutputs: 1 });
    node.port.onmessage = function (event) { stream.push(event.data); };
    const silent = ctx.createGain();
    silent.gain.value = 0;  // the graph must reach the destination to be processed
    ctx.createMediaStreamSource(media).connect(node);
    node.connect(silent).connect(ctx.destination);
    stream.onState = showListening;
    captures.push({ stream: stream, media: media, node: node });
    stream.open();
  }

  function release(entry) {
    entry.node.port.onmessage = null;
    entry.node.disconnect();
    entry.media.getTracks().forEach(function (track) { track.stop(); });
    entry.stream.close();
  }

  // Captures whose stream ended for good (refused, replaced), before starting new ones.
  function forgetClosed() {
    captures.filter(function (c) { return c.stream.closed; }).forEach(function (c) {
      release(c);
      captures.splice(captures.indexOf(c), 1);
    });
  }

  function mine() {
    const entry = captures.find(function (c) { return c.stream.source === "mic"; });
    return entry ? entry.stream : null;
  }

  function showListening() {
    const stream = mine();
    const state = ended ? "ended" : stream ? stream.state : "off";
    const words = {
      off: "Not listening", ended: "The call has ended", connecting: "Connecting…",
      listening: "Listening",
      paused: "Paused: your microphone is muted", closed: "Stopped listening",
      reconnecting: "Connection lost: reconnecting (your audio is kept for 30 s)",
      dropping: "Connection lost for over 30 s: audio is not being sent",
    };
    const tab = captures.find(function (c) { return c.stream.source === "tab"; });
    let text = words[state];
    if (tab && !tab.stream.closed) text += " · meeting tab audio as " + names[tab.stream.role];
    byId("listening-text").textContent = text;
    byId("listening").className = "listening state-" + state;
    const active = ["off", "closed", "ended"].indexOf(state) < 0;
    byId("start").hidden = active || ended;
    byId("consent").hidden = active || ended;
    byId("pause").hidden = !active;
    byId("pause").textContent = state === "paused" ? "Resume" : "Pause";
    byId("off-record").hidden = !active;
    byId("tab").hidden = !active || Boolean(tab && !tab.stream.closed);
    byId("stop").disabled = ended;
  }

  // The session is no longer live (stopped here or by the other participant).
  function end() {
    ended = true;
    captures.splice(0).forEach(release);
    showListening();
  }

  async function startListening() {
    const button = byId("start");
    button.disabled = true;
    say("");
    forgetClosed();
    try {
      const media = await navigator.mediaDevices.getUserMedia({
        audio: { echoCancellation: true, noiseSuppression: true, channelCount: 1 },
      });
      await capture(media, new Stream(me, "mic"));
    } catch (error) {
      say("The microphone could not be used: " + error.message);
    } finally {
      button.disabled = false;
    }
  }

  async function captureTab() {
    say("");
    forgetClosed();
    let media;
    try {
      media = await navigator.mediaDevices.getDisplayMedia({ audio: true, video: true });
    } catch (error) {
      say("The meeting tab was not shared: " + error.message);
      return;
    }
    media.getVideoTracks().forEach(function (track) { track.stop(); });
    if (media.getAudioTracks().length === 0) {
      say("That share has no audio: share the meeting's tab and tick “Share tab audio”.");
      return;
    }
    // The meeting tab plays the other participant's voice (docs/LIVE.md: source "tab").
    await capture(media, new Stream(other, "tab"));
  }

  function togglePause() {
    const stream = mine();
    if (!stream) return;
    const paused = !stream.paused;
    captures.forEach(function (c) {
      c.media.getAudioTracks().forEach(function (track) { track.enabled = !paused; });
      c.stream.setPaused(paused);
    });
    showListening();
  }

  function toggleOffRecord() {
    const stream = mine();
    const on = byId("off-record").getAttribute("aria-pressed") !== "true";
    if (stream) stream.control({ type: "off_record", on: on });
  }

  async function stop() {
    const question = "Stop the live call for both of you and make the final transcript?";
    if (!window.confirm(question)) return;
    const button = byId("stop");
    button.disabled = true;
    say("Finishing: the last captions are being transcribed…");
    try {
      await C.api("POST", base + "/end");
      end();
      say("The call has ended. Its transcript and summary are being made: see the session page.");
    } catch (error) {
      say("Stopping failed: " + error.message);
      button.disabled = false;
    }
  }

  // -- what the session's events show --------------------------------------------------------

  const partials = {};  // speaker → the <li> of their running partial caption
  let lastFinal = null;  // {speaker, end, line}: the latest final line
  const TURN_GAP_S = 3;  // a speaker's finals closer than this continue one line…
  const SENTENCE_GAP_S = 1.5;  // …unless a sentence ended and they paused this long…
  const LINE_CHARS = 280;  // …or the line is this long already (a monologue in paragraphs)

  function captionLine(speaker) {
    const line = document.createElement("li");
    line.className = "caption speaker-" + speaker;
    const who = document.createElement("span");
    who.className = "who";
    who.textContent = names[speaker] || "Unknown speaker";
    const said = document.createElement("span");
    said.className = "said";
    line.append(who, " ", said);
    return line;
  }

  // A partial replaces that speaker's previous partial (an empty one clears it); a final
  // ends it, and continues the speaker's last line unless someone else spoke in between.
  function continues(event) {
    if (!lastFinal || lastFinal.speaker !== event.speaker) return false;
    const gap = event.start - lastFinal.end;
    const text = lastFinal.line.querySelector(".said").textContent;
    const sentenceEnded = /[.?!]$/.test(text);
    return gap <= TURN_GAP_S
      && !(sentenceEnded && (gap > SENTENCE_GAP_S || text.length > LINE_CHARS));
  }

  const finalsShown = new Set();  // keys of the final captions on the panel

  function caption(event) {
    if (event.final && event.text) {  // a final the history brought already is skipped
      const key = [event.speaker, event.start, event.end, event.text].join("|");
      if (finalsShown.has(key)) return;
      finalsShown.add(key);
    }
    const list = byId("captions");
    const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 60;
    const running = partials[event.speaker];
    if (running && (event.final || !event.text)) {
      running.remove();
      delete partials[event.speaker];
    }
    if (event.text && event.final) {
      if (continues(event)) {
        lastFinal.line.querySelector(".said").append(" " + event.text);
        lastFinal.end = event.end;
      } else {
        const line = captionLine(event.speaker);
        line.querySelector(".said").textContent = event.text;
        list.insertBefore(line, list.querySelector(".partial"));  // before running partials
        lastFinal = { speaker: event.speaker, end: event.end, line: line };
      }
    } else if (event.text) {
      const line = running || captionLine(event.speaker);
      line.classList.add("partial");
      line.querySelector(".said").textContent = event.text;
      if (!running) {
        partials[event.speaker] = line;
        list.append(line);
      }
    }
    byId("captions-empty").hidden = list.childElementCount > 0;
    if (nearBottom) list.scrollTop = list.scrollHeight;
  }

  function itemText(event) {
    if (event.kind === "next_checkin") return String(event.when).replace("T", " at ");
    return event.text;
  }

  function itemOwner(event) {
    const who = event.owner || event.speaker || event.from;
    if (who === "both") return names.mentor + " and " + names.mentee;
    return names[who] || "";
  }

  const shown = [];  // {kind, owner, words, entry} of each item on the panel

  function comparable(text) {
    return (text || "").toLowerCase().replace(/[^a-z0-9' ]+/g, " ").replace(/\s+/g, " ").trim();
  }

  // Items are found in captions that are still growing, so one may come again longer
  // ("Send Sam", then "Send Sam the revised version by Monday"): the longer one replaces it.
  function item(event) {
    const kind = ITEM_LABELS[event.kind] ? event.kind : "feedback";
    const owner = itemOwner(event);
    const words = comparable(itemText(event));
    const entry = document.createElement("li");
    entry.className = "live-item kind-" + kind;
    const label = document.createElement("span");
    label.className = "kind";
    label.textContent = ITEM_LABELS[kind];
    const text = document.createElement("span");
    text.className = "text";
    text.textContent = itemText(event);
    entry.append(label, text);
    if (owner) {
      const by = document.createElement("span");
      by.className = "owner";
      by.textContent = owner + (event.due ? " · due " + event.due : "");
      entry.append(by);
    }
    const earlier = shown.find(function (s) {
      return s.kind === kind && s.owner === owner
        && (kind === "next_checkin" || (s.words && words.startsWith(s.words)));
    });
    if (earlier) {
      earlier.entry.replaceWith(entry);
      earlier.entry = entry;
      earlier.words = words;
    } else {
      shown.push({ kind: kind, owner: owner, words: words, entry: entry });
      byId("items").append(entry);
    }
    byId("items-empty").hidden = true;
  }

  let connected = [];
  const pausedRoles = {};

  function presence(event) {
    connected = event.connected;
    showPresence();
    offRecord(event.off_record);
  }

  function paused(event) {
    pausedRoles[event.role] = event.paused;
    showPresence();
  }

  function showPresence() {
    window.Companion.showPresence(byId("presence"), connected, names, pausedRoles);
  }

  function offRecord(on) {
    byId("off-record-note").hidden = !on;
    byId("off-record").setAttribute("aria-pressed", on ? "true" : "false");
    byId("off-record").textContent = on ? "Back on the record" : "Off the record";
  }

  const degradedRoles = {};

  function degraded(event) {
    if (event.active) degradedRoles[event.role] = event.message;
    else delete degradedRoles[event.role];
    const messages = Object.keys(degradedRoles).map(function (r) { return degradedRoles[r]; });
    byId("degraded").textContent = messages.join(" · ");
    byId("degraded").hidden = messages.length === 0;
  }

  // Earlier sessions' open items ("From last time", rendered by the server) as cues once
  // listening first starts: what to follow up on in this call.
  let reminded = false;
  function remindLastTime() {
    if (reminded) return;
    reminded = true;
    const lines = document.querySelectorAll("#last-time .carried-item");
    Array.prototype.slice.call(lines, 0, 3).forEach(function (li) { showCue(li.textContent); });
  }

  function showCue(message) {
    const toast = document.createElement("div");
    toast.className = "cue";
    const text = document.createElement("p");
    text.textContent = message;
    const dismiss = document.createElement("button");
    dismiss.type = "button";
    dismiss.className = "link";
    dismiss.textContent = "Dismiss";
    dismiss.addEventListener("click", function () { toast.remove(); });
    toast.append(text, dismiss);
    byId("cues").append(toast);
    setTimeout(function () { toast.remove(); }, CUE_SECONDS * 1000);
  }

  function status(change) {
    if (!change.status) return;
    root.dataset.status = change.status;
    const badge = byId("live-status");
    badge.textContent = C.STATUS_LABELS[change.status] || change.status;
    badge.className = "badge status-" + change.status;
    if (change.status !== "live" && byId("start")) end();
  }

  const handlers = {
    "live.caption": caption, "live.item": item, "live.presence": presence,
    "live.off_record": function (e) { offRecord(e.on); }, "live.degraded": degraded,
    "live.paused": paused,
  };
  let held = null;  // [name, event] that arrived while the history was loading

  // The call so far (docs/LIVE.md, "history"): asked once subscribed, so that nothing falls
  // between the two; events that arrive meanwhile are held, then applied (finals twice
  // over are skipped, an item again replaces itself, presence ends at the latest).
  async function loadHistory() {
    if (root.dataset.status !== "live") return;
    held = held || [];
    try {
      const history = await C.api("GET", base + "/live/history");
      history.captions.forEach(caption);
      history.items.forEach(item);
      Object.keys(pausedRoles).forEach(function (role) { delete pausedRoles[role]; });
      history.paused.forEach(function (role) { pausedRoles[role] = true; });
      presence(history);
    } catch (error) {
      // Not live any more (409): the status event that says so is on its way.
    }
    const waiting = held || [];
    held = null;
    waiting.forEach(function (entry) { handlers[entry[0]](entry[1]); });
  }

  function listen() {
    const events = new EventSource(base + "/events");
    Object.keys(handlers).forEach(function (name) {
      events.addEventListener(name, function (message) {
        const event = JSON.parse(message.data).live;
        if (held) held.push([name, event]);
        else handlers[name](event);
      });
    });
    events.addEventListener("snapshot", function (m) {
      status(JSON.parse(m.data));
      loadHistory();
    });
    events.addEventListener("status", function (m) { status(JSON.parse(m.data)); });
  }

  listen();
  if (!byId("start")) return;  // not a live session: the page says why
  byId("start").addEventListener("click", startListening);
  byId("tab").addEventListener("click", captureTab);
  byId("pause").addEventListener("click", togglePause);
  byId("off-record").addEventListener("click", toggleOffRecord);
  byId("stop").addEventListener("click", stop);
  window.addEventListener("pagehide", function () { captures.forEach(release); });
})();
