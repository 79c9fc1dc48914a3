"""In-process publish/subscribe of session events, so open pages can be pushed updates.

The worker publishes as a job advances (status, stage, progress) and the API publishes
when people edit (a segment, an action item); the web layer relays a subscription over
Server-Sent Events or a websocket. Events are notifications, not the record: the database
is. A subscriber that falls behind loses its oldest undelivered events rather than slowing
the publisher down, and catches up by reading the session again.

One process only: with several service processes, each sees its own events (the
database would need LISTEN/NOTIFY for more), which is all a self-hosted install needs.
"""
from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any, Final

QUEUE_SIZE: Final = 100
"""Undelivered events kept per subscriber; older ones are dropped beyond that."""


@dataclass(frozen=True)
class SessionEvent:
    """Something changed in a session. ``kind`` names what: "status" (queued, processing,
    done, failed), "progress" (``progress`` and ``stage``), "transcript" (a segment was
    edited) or "items" (an action item changed, or extraction ran again)."""

    kind: str
    session_id: str
    mentorship_id: str
    data: Mapping[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "session_id": self.session_id, **self.data}


class Subscription:
    """Events for one session or one mentorship, in the order they were published."""

    def __init__(self) -> None:
        self._queue: asyncio.Queue[SessionEvent | None] = asyncio.Queue(QUEUE_SIZE)
        self.dropped = 0

    def _deliver(self, event: SessionEvent | None) -> None:
        if self._queue.full():
            self._queue.get_nowait()
            self.dropped += 1
        self._queue.put_nowait(event)

    async def get(self) -> SessionEvent | None:
        """The next event; None once the hub has closed."""
        return await self._queue.get()

    def __aiter__(self) -> AsyncIterator[SessionEvent]:
        return self._events()

    async def _events(self) -> AsyncIterator[SessionEvent]:
        while (event := await self.get()) is not None:
            yield event


class EventHub:
    """Fans events out to the subscribers of their session and of their mentorship."""

    def __init__(self) -> None:
        self._subscribers: dict[tuple[str, str], set[Subscription]] = {}
        self._closed = False

    def publish(self, event: SessionEvent) -> None:
        """Deliver ``event`` now; never blocks (call it from the event loop's thread)."""
        for key in (("session", event.session_id), ("mentorship", event.mentorship_id)):
            for subscription in self._subscribers.get(key, ()):
                subscription._deliver(event)

    @asynccontextmanager
    async def subscribe(self, *, session_id: str | None = None,
                        mentorship_id: str | None = None) -> AsyncIterator[Subscription]:
        """Events of one session, or of every session of one mentorship, while inside."""
        if (session_id is None) == (mentorship_id is None):
            raise ValueError("subscribe to a session_id or to a mentorship_id")
        key = ("session", session_id) if session_id is not None else \
            ("mentorship", str(mentorship_id))
        subscription = Subscription()
        if self._closed:
            subscription._deliver(None)
        self._subscribers.setdefault(key, set()).add(subscription)
        try:
            yield subscription
        finally:
            subscribers = self._subscribers.get(key, set())
            subscribers.discard(subscription)
            if not subscribers:
                self._subscribers.pop(key, None)

    @property
    def subscriber_count(self) -> int:
        return sum(len(s) for s in self._subscribers.values())

    def close(self) -> None:
        """End every subscription (at shutdown, so that streams finish promptly)."""
        self._closed = True
        for subscribers in self._subscribers.values():
            for subscription in subscribers:
                subscription._deliver(None)
