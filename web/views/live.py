"""``GET /api/sessions/{id}/live``: the live websocket (docs/LIVE.md is the protocol), and
``GET /api/sessions/{id}/live/history``: the call so far, for pages that do not stream.

The view only moves messages: a JSON "start", then numbered binary frames and JSON
controls in; acknowledgements and the session's events out. Everything else is
``companion.live``. A protocol error is answered with an error event and a close whose code
says what was wrong; it ends that connection only.

Checks that need no socket happen before the upgrade, as plain HTTP errors: the
participant (cookie or Bearer, 401), a foreign ``Origin`` (403: a browser sends the cookie
on a cross-site websocket handshake, so the origin is what stops another site from
listening in), the session (404) and its state (409 unless live).
"""
from __future__ import annotations

import asyncio
import contextlib
import json
import weakref
from collections.abc import AsyncIterator
from typing import Any, Final

from aiohttp import WSCloseCode, WSMsgType, web

from companion.live import BYTES_PER_SAMPLE, ROLES, LiveConfig, LiveError, \
    LiveSession, Presence, streaming_engine_factory
from companion.live_registry import LiveRegistry
from companion.store import InvalidState
from companion.tokens import Participant
from web.auth import _origin_allowed, require_participant
from web.typedefs import EVENTS, SETTINGS, STORE, WORKER
from transcription.types import SAMPLE_RATE
from web.views.shapes import job_json

LIVE = web.AppKey("live", LiveRegistry)
LIVE_CONFIG = web.AppKey("live_config", LiveConfig)
"""Optional: the live limits (tests and benchmarks set it before the app starts)."""
LIVE_SOCKETS = web.AppKey("live_sockets", weakref.WeakSet[web.WebSocketResponse])

CLOSE_CODES: Final = {
    "bad_start": 4400, "bad_message": 4400, "forbidden_role": 4403, "sequence": 4409,
    "replaced": 4409, "ended": 4410, "rate": 4429,
    "unsupported": WSCloseCode.UNSUPPORTED_DATA, "bad_frame": WSCloseCode.UNSUPPORTED_DATA,
    "too_big": WSCloseCode.MESSAGE_TOO_BIG,
}
"""Close code per error code; 1003/1009 are RFC 6455's, 44xx mirror HTTP statuses."""
START_TIMEOUT_S: Final = 10.0
MAX_MESSAGE_BYTES: Final = 1 << 20
"""aiohttp closes with 1009 beyond this by itself; the frame limit (1 s) is checked below
it, so that a too-long frame gets its error event first."""
OUTBOX_SIZE: Final = 256
SOURCES: Final = ("mic", "tab", "file")


async def live_registry(app: web.Application) -> AsyncIterator[None]:
    """``cleanup_ctx``: the registry of live sessions (after the database and worker)."""
    settings = app[SETTINGS]
    worker = app.get(WORKER)
    app[LIVE_SOCKETS] = weakref.WeakSet()
    app[LIVE] = registry = LiveRegistry(
        app[STORE], app[EVENTS], settings,
        streaming_engine_factory(settings.engine, settings.model),
        app.get(LIVE_CONFIG, LiveConfig()),
        wake=worker.wake if worker is not None else lambda: None)
    yield
    await registry.close()


async def close_live_sockets(app: web.Application) -> None:
    """``on_shutdown``: open live sockets close (1001), so the server can stop."""
    for ws in list(app.get(LIVE_SOCKETS, ())):
        await ws.close(code=WSCloseCode.GOING_AWAY, message=b"the server is shutting down")


async def live_socket(request: web.Request) -> web.WebSocketResponse:
    participant = await require_participant(request)
    origin = request.headers.get("Origin")
    if origin is not None and not _origin_allowed(request, origin):
        raise web.HTTPForbidden(text=f"live connection from {origin} refused")
    session = await request.app[STORE].get_session(request.match_info["id"], participant)
    if session.status != "live":
        raise InvalidState(f"session {session.id} is {session.status}, not live")
    ws = web.WebSocketResponse(heartbeat=20.0, max_msg_size=MAX_MESSAGE_BYTES)
    await ws.prepare(request)
    request.app[LIVE_SOCKETS].add(ws)
    connection = _Connection(ws, participant, session.id)
    await connection.serve(request.app[LIVE])
    return ws


async def live_history(request: web.Request) -> web.Response:
    """``GET /api/sessions/{id}/live/history``: the live call so far, as the websocket's
    "history" event (docs/LIVE.md), for a page that does not stream (a reloaded panel, the
    session page). 409 unless the session is live; empty before anyone connected."""
    participant = await require_participant(request)
    session = await request.app[STORE].get_session(request.match_info["id"], participant)
    if session.status != "live":
        raise InvalidState(f"session {session.id} is {session.status}, not live")
    live = request.app[LIVE].get(session.id)
    return web.json_response(live.history() if live is not None else {
        "type": "history", "connected": [], "off_record": False, "captions": [],
        "truncated": 0, "items": [], "paused": []})


class _Connection:
    """One websocket: its outbox (events are delivered without blocking the session; a
    client too slow to read loses its oldest undelivered events) and its message loop."""

    def __init__(self, ws: web.WebSocketResponse, participant: Participant,
                 session_id: str) -> None:
        self.ws = ws
        self.participant = participant
        self.session_id = session_id
        self._outbox: asyncio.Queue[dict[str, Any] | None] = asyncio.Queue(OUTBOX_SIZE)
        self._finalising = False
        self.role = ""

    def deliver(self, event: dict[str, Any] | None) -> None:
        if self._outbox.full():
            self._outbox.get_nowait()
        self._outbox.put_nowait(event)

    def deliver_end(self) -> None:
        """Nothing more to send: the send loop ends after what is queued."""
        self.deliver(None)

    async def _send_loop(self) -> None:
        while (event := await self._outbox.get()) is not None:
            with contextlib.suppress(ConnectionResetError):
                await self.ws.send_json(event)
            if event["type"] == "error":
                await self.ws.close(code=CLOSE_CODES.get(event["code"], 4400),
                                    message=event["message"][:120].encode())
                return
            if event["type"] == "stopped" and not self._finalising:
                await self.ws.close(code=WSCloseCode.OK, message=b"the session has ended")
                return

    async def serve(self, registry: LiveRegistry) -> None:
        sender = asyncio.create_task(self._send_loop())
        live: LiveSession | None = None
        try:
            live = await self._start(registry)
            await self._loop(registry, live)
        except LiveError as exc:
            self.deliver({"type": "error", "code": exc.code, "message": str(exc)})
        finally:
            if live is not None:
                live.detach(self)
            self.deliver_end()
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(asyncio.shield(sender), 5.0)
            sender.cancel()
            if not self.ws.closed:
                await self.ws.close()

    async def _start(self, registry: LiveRegistry) -> LiveSession:
        try:
            message = await self.ws.receive(timeout=START_TIMEOUT_S)
        except asyncio.TimeoutError:
            raise LiveError("bad_start", "send the start message first") from None
        if message.type != WSMsgType.TEXT:
            raise LiveError("bad_start", "the first message must be the JSON start message")
        start = _json(message.data)
        if start.get("type") != "start":
            raise LiveError("bad_start", "the first message must be {\"type\": \"start\", ...}")
        if start.get("session", self.session_id) != self.session_id:
            raise LiveError("bad_start", f"this socket is for session {self.session_id}, "
                                         f"not {start.get('session')}")
        role, source = start.get("role"), start.get("source", "mic")
        if role not in ROLES or source not in SOURCES:
            raise LiveError("bad_start", f"role must be one of {', '.join(ROLES)} and source "
                                         f"one of {', '.join(SOURCES)}")
        if role != self.participant.role and source != "tab":
            raise LiveError("forbidden_role", f"you are the {self.participant.role}: stream "
                                              f"as the {role} only from the meeting's tab audio")
        if start.get("sample_rate") != 16000 or start.get("format") != "s16le":
            raise LiveError("unsupported", "send 16000 Hz mono s16le audio "
                                           "(sample_rate 16000, format \"s16le\")")
        speed, resume_from = start.get("speed", 1), start.get("resume_from")
        cap = registry.config.max_speed
        if isinstance(speed, bool) or not isinstance(speed, (int, float)) \
                or not 1 <= speed <= cap:
            raise LiveError("bad_start", f"speed must be a number from 1 to {cap:g}")
        if resume_from is not None and (isinstance(resume_from, bool)
                                        or not isinstance(resume_from, int) or resume_from < 0):
            raise LiveError("bad_start", "resume_from must be a frame number (0 or more)")
        live = await registry.open(self.session_id, self.participant)
        self.role = role
        next_seq, replaced = live.attach(self, Presence(self.participant.role, role, source),
                                         speed=float(speed), resume_from=resume_from)
        if isinstance(replaced, _Connection):
            replaced.deliver({"type": "error", "code": "replaced",
                              "message": "this stream continues on a newer connection"})
        self.deliver({"type": "ready", "session": self.session_id, "role": role,
                      "next_seq": next_seq, "off_record": live.off_record,
                      "max_frame_bytes": int(registry.config.max_frame_s * SAMPLE_RATE
                                             * BYTES_PER_SAMPLE)})
        self.deliver(live.history())  # what was said before this connection
        return live

    async def _loop(self, registry: LiveRegistry, live: LiveSession) -> None:
        async for message in self.ws:
            if message.type == WSMsgType.BINARY:
                self.deliver({"type": "ack", "seq": live.receive(self, message.data)})
            elif message.type == WSMsgType.TEXT:
                if await self._control(registry, live, _json(message.data)):
                    return
            else:
                return

    async def _control(self, registry: LiveRegistry, live: LiveSession,
                       body: dict[str, Any]) -> bool:
        """Act on a control message; True when the connection is done."""
        kind = body.get("type")
        if kind in ("pause", "resume"):
            live.pause(self.role, kind == "pause")
        elif kind == "off_record":
            on = body.get("on")
            if not isinstance(on, bool):
                raise LiveError("bad_message", "off_record needs \"on\": true or false")
            live.set_off_record(on, self.participant.role)
        elif kind == "stop":
            self._finalising = True
            listening = asyncio.create_task(self._answer_pings())
            try:
                finalised = await registry.finalise(self.session_id, self.participant)
            except InvalidState as exc:
                raise LiveError("ended", str(exc)) from None
            finally:
                listening.cancel()
            self.deliver({"type": "finalised", "job": job_json(finalised.job),
                          "recording_seconds": finalised.recording.duration
                          if finalised.recording else 0.0})
            self.deliver_end()
            return True
        else:
            raise LiveError("bad_message", f"unknown message type {kind!r}")
        return False


    async def _answer_pings(self) -> None:
        """Read (and drop) messages while the call is finalised: aiohttp answers the
        client's keepalive pings only while reading, and a client whose pings go
        unanswered for long drops the connection, so a long stop would end in a
        reconnect instead of its "finalised" event."""
        while not self.ws.closed:
            message = await self.ws.receive()
            if message.type in (WSMsgType.CLOSE, WSMsgType.CLOSING, WSMsgType.CLOSED,
                                WSMsgType.ERROR):
                return


def _json(text: str) -> dict[str, Any]:
    try:
        body = json.loads(text)
    except ValueError:
        raise LiveError("bad_message", "text messages must be JSON objects") from None
    if not isinstance(body, dict):
        raise LiveError("bad_message", "text messages must be JSON objects")
    return body
