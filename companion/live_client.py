"""The live client: stream audio to a session's live websocket, as ``companion live`` does.

Frames are numbered and kept until the server acknowledges them (a bounded resend buffer:
when it is full, sending waits for acknowledgements). When the connection drops, the
client reconnects with ``resume_from`` = last acknowledged + 1 and resends what the server
says it has not got, so that no audio is lost and none is doubled. An error the server
closes with (docs/LIVE.md) is final: it raises ``LiveClientError``.
"""
from __future__ import annotations

import asyncio
import json
import time
from collections import deque
from collections.abc import AsyncIterator, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Final

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

from companion.live import BYTES_PER_SAMPLE, frame
from transcription.types import SAMPLE_RATE

RESEND_LIMIT_S: Final = 30.0
"""Unacknowledged audio kept for resending; sending waits beyond it."""
RECONNECT_DELAYS_S: Final = (0.2, 0.5, 1.0, 2.0, 4.0, 8.0)
"""Pauses before each reconnection attempt after a drop; then the client gives up."""
RETRYABLE_CLOSES: Final = frozenset({1001, 1006, 1011, 1012, 1013})
"""Close codes that mean "the connection broke", not "you broke the protocol"."""


class LiveClientError(Exception):
    """The server refused the stream, or the connection could not be restored."""


@dataclass
class LiveResult:
    """What a streaming run saw."""

    finals: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    acked: int = -1
    """Highest acknowledged frame number."""
    reconnects: int = 0
    finalised: dict[str, Any] | None = None


class LiveClient:
    """Streams one role's audio to ``GET /api/sessions/{id}/live``."""

    def __init__(self, url: str, session_id: str, role: str, token: str, *,
                 source: str = "file", speed: float = 1.0,
                 on_event: Callable[[dict[str, Any]], None] = lambda event: None) -> None:
        base = url.rstrip("/").replace("http://", "ws://", 1).replace("https://", "wss://", 1)
        self.url = f"{base}/api/sessions/{session_id}/live"
        self.role = role
        self._token = token
        self._source = source
        self._speed = speed
        self._on_event = on_event
        self.result = LiveResult()
        self._unacked: deque[tuple[int, bytes]] = deque()
        self._acked = asyncio.Event()
        self._ws: ClientConnection | None = None

    async def stream(self, pieces: Iterable[bytes] | AsyncIterator[bytes], *,
                     stop: bool = True) -> LiveResult:
        """Send ``pieces`` (s16le PCM, at most 1 s each) paced at ``speed`` times real
        time, wait until all are acknowledged, then stop the session and wait for its
        finalisation (or, without ``stop``, just disconnect)."""
        source = _aiter(pieces)
        next_seq = 0
        started = time.monotonic()
        sent_s = 0.0
        exhausted = False
        for attempt in range(len(RECONNECT_DELAYS_S) + 1):
            try:
                async with connect(self.url, max_size=None, additional_headers={
                        "Authorization": f"Bearer {self._token}"}) as ws:
                    self._ws = ws
                    await self._resend(ws)
                    reader = asyncio.create_task(self._read(ws))
                    try:
                        while not exhausted:
                            await self._room(reader)
                            try:
                                pcm = await anext(source)
                            except StopAsyncIteration:
                                exhausted = True
                                break
                            self._unacked.append((next_seq, pcm))
                            await ws.send(frame(next_seq, pcm))
                            next_seq += 1
                            sent_s += len(pcm) / BYTES_PER_SAMPLE / SAMPLE_RATE
                            await asyncio.sleep(max(0.0, started + sent_s / self._speed
                                                    - time.monotonic()))
                        while self._unacked and not reader.done():
                            await self._room(reader, limit_s=0.0)
                        if stop:
                            await ws.send(json.dumps({"type": "stop"}))
                        else:
                            await ws.close()
                        await reader
                        return self.result
                    finally:
                        reader.cancel()
            except ConnectionClosed as exc:
                code = exc.rcvd.code if exc.rcvd is not None else 1006
                if code not in RETRYABLE_CLOSES or attempt == len(RECONNECT_DELAYS_S):
                    reason = exc.rcvd.reason if exc.rcvd is not None else "connection lost"
                    raise LiveClientError(f"the server closed the stream ({code}): "
                                          f"{reason}") from None
            except InvalidStatus as exc:
                raise LiveClientError(f"the server refused the connection: HTTP "
                                      f"{exc.response.status_code} "
                                      f"{exc.response.body.decode(errors='replace')[:200]}") \
                    from None
            except OSError as exc:
                if attempt == len(RECONNECT_DELAYS_S):
                    raise LiveClientError(f"cannot reach {self.url}: {exc}") from None
            self.result.reconnects += 1
            await asyncio.sleep(RECONNECT_DELAYS_S[attempt])
        raise LiveClientError("the connection could not be restored")

    async def stop(self) -> LiveResult:
        """Stop the session (after ``stream(..., stop=False)``: another participant
        may still have been streaming)."""
        return await self.stream((), stop=True)

    async def cut(self) -> None:
        """Drop the current connection without a closing handshake (as a network failure
        would); ``stream`` reconnects and resumes."""
        if self._ws is not None:
            self._ws.transport.abort()

    async def _resend(self, ws: ClientConnection) -> None:
        """Start (or resume), then resend what the server has not got."""
        start: dict[str, Any] = {"type": "start", "role": self.role, "sample_rate": SAMPLE_RATE,
                                 "format": "s16le", "source": self._source,
                                 "speed": self._speed}
        if self.result.acked >= 0:
            start["resume_from"] = self.result.acked + 1
        await ws.send(json.dumps(start))
        while (ready := json.loads(await ws.recv())).get("type") != "ready":
            self._handle(ready)
        while self._unacked and self._unacked[0][0] < ready["next_seq"]:
            self._unacked.popleft()
        for seq, pcm in list(self._unacked):
            await ws.send(frame(seq, pcm))

    async def _room(self, reader: asyncio.Task[None], limit_s: float = RESEND_LIMIT_S) -> None:
        """Wait while the unacknowledged audio exceeds ``limit_s``."""
        while (sum(len(p) for _, p in self._unacked) / BYTES_PER_SAMPLE / SAMPLE_RATE
               > limit_s) and not reader.done():
            self._acked.clear()
            waiter = asyncio.create_task(self._acked.wait())
            await asyncio.wait({waiter, reader}, return_when=asyncio.FIRST_COMPLETED)
            waiter.cancel()
        if reader.done() and reader.exception() is not None:
            raise reader.exception()  # type: ignore[misc]

    async def _read(self, ws: ClientConnection) -> None:
        async for message in ws:
            self._handle(json.loads(message))

    def _handle(self, event: dict[str, Any]) -> None:
        kind = event.get("type")
        if kind == "ack":
            seq = event["seq"]
            self.result.acked = max(self.result.acked, seq)
            while self._unacked and self._unacked[0][0] <= seq:
                self._unacked.popleft()
            self._acked.set()
            return
        self.result.events.append(event)
        if kind == "caption" and event["final"] and event["speaker"] == self.role:
            self.result.finals.append(event)
        elif kind == "finalised":
            self.result.finalised = event
        self._on_event(event)


async def _aiter(pieces: Iterable[bytes] | AsyncIterator[bytes]) -> AsyncIterator[bytes]:
    if hasattr(pieces, "__anext__"):
        async for piece in pieces:  # type: ignore[union-attr]
            yield piece
    else:
        for piece in pieces:  # type: ignore[union-attr]
            yield piece
