"""Session events: published as things change, streamed to pages as Server-Sent Events."""
from __future__ import annotations

import asyncio
import json
from collections.abc import Mapping
from typing import Any, Final

from aiohttp import web

from companion.events import SessionEvent, Subscription
from companion.models import Job
from companion.tokens import Participant
from web.auth import require_participant
from web.typedefs import EVENTS, STORE, WORKER
from web.views.inputs import member

KEEPALIVE_SECONDS: Final = 15.0
"""An event stream sends a comment this often, so proxies keep the connection open."""


def publish(request: web.Request, kind: str, session_id: str, mentorship_id: str,
            **data: Any) -> None:
    """Tell open pages that something changed in a session (``SessionEvent``)."""
    request.app[EVENTS].publish(SessionEvent(kind, session_id, mentorship_id, data))


def job_queued(request: web.Request, participant: Participant, job: Job) -> None:
    """Tell the worker and the pages that a job is waiting."""
    worker = request.app.get(WORKER)
    if worker is not None:
        worker.wake()
    publish(request, "status", job.session_id, participant.mentorship_id, status="queued",
            progress=0.0, job_id=job.id)


async def session_events(request: web.Request) -> web.StreamResponse:
    """Server-Sent Events: the session's changes as they happen (docs/API.md)."""
    participant = await require_participant(request)
    session = await request.app[STORE].get_session(request.match_info["id"], participant)
    snapshot = {"kind": "snapshot", "session_id": session.id, "status": session.status,
                "progress": session.progress, "stage": session.stage, "error": session.error}
    async with request.app[EVENTS].subscribe(session_id=session.id) as subscription:
        return await _stream(request, subscription, snapshot)


async def mentorship_events(request: web.Request) -> web.StreamResponse:
    """Server-Sent Events: changes in any session of the mentorship."""
    participant = await member(request)
    async with request.app[EVENTS].subscribe(
            mentorship_id=participant.mentorship_id) as subscription:
        return await _stream(request, subscription, {"kind": "snapshot"})


async def _stream(request: web.Request, subscription: Subscription,
                  first: Mapping[str, Any]) -> web.StreamResponse:
    response = web.StreamResponse(headers={"Content-Type": "text/event-stream",
                                           "Cache-Control": "no-store",
                                           "X-Accel-Buffering": "no"})
    await response.prepare(request)
    try:
        await response.write(_sse(first))
        while True:
            try:
                event = await asyncio.wait_for(subscription.get(), KEEPALIVE_SECONDS)
            except asyncio.TimeoutError:
                await response.write(b": keep-alive\n\n")
                continue
            if event is None:
                break
            await response.write(_sse(event.to_json()))
    except ConnectionResetError:
        return response  # the page went away
    return response


def _sse(data: Mapping[str, Any]) -> bytes:
    return f"event: {data['kind']}\ndata: {json.dumps(data)}\n\n".encode()
