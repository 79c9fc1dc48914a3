"""The service's live sessions: opened on the first connection, finalised once.

Finalising ends in the same tail as an uploaded recording. The live transcript and its
extraction are stored at once (the pages show them while the final transcript is made),
then ``Store.end_live_session`` stores the stereo mix of the call and queues its
"transcribe" job in one transaction: the final transcript comes from the whole recording,
re-transcribed offline, not from captions made in a hurry, and the recap follows once,
when that job chain ends, as for any upload.
"""
from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from companion import results
from companion.events import EventHub, SessionEvent
from companion.live import EngineLane, LanePool, LiveConfig, LiveError, LiveSession
from companion.models import Job
from companion.settings import Settings
from companion.store import InvalidState, NewRecording, Store, StoreError
from companion.tokens import Participant
from transcription.types import Engine

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Finalised:
    """What stopping a live session queued."""

    job: Job
    recording: NewRecording | None


class LiveRegistry:
    """Live sessions by session id, each on one of the process's engine lanes."""

    def __init__(self, store: Store, events: EventHub, settings: Settings,
                 engine_factory: Callable[[], Engine], config: LiveConfig = LiveConfig(),
                 wake: Callable[[], None] = lambda: None) -> None:
        self._store = store
        self._events = events
        self._settings = settings
        self._lanes = LanePool(engine_factory, config.engine_lanes)
        self._lane_of: dict[str, EngineLane] = {}
        self.config = config
        self._wake = wake
        self._sessions: dict[str, LiveSession] = {}
        self._finalising: dict[str, asyncio.Task[Finalised]] = {}
        self._opening = asyncio.Lock()

    def get(self, session_id: str) -> LiveSession | None:
        return self._sessions.get(session_id)

    async def open(self, session_id: str, participant: Participant) -> LiveSession:
        """The session's live state, created on first use (the session must be live)."""
        async with self._opening:
            live = self._sessions.get(session_id)
            if live is not None:
                return live
            if session_id in self._finalising:  # a new stream would overwrite its WAVs
                raise LiveError("ended", "this live session is ending: its final transcript "
                                         "is being made")
            session = await self._store.get_session(session_id, participant)
            mentorship = await self._store.get_mentorship(participant)
            mentorship_id = mentorship.id

            def publish(event: dict[str, Any]) -> None:
                self._events.publish(SessionEvent(f"live.{event['type']}", session_id,
                                                  mentorship_id, {"live": event}))

            lane = self._lanes.acquire()
            try:
                live = LiveSession(
                    session_id, self._settings.data_dir / "live" / session_id, lane, publish,
                    self.config,
                    session_date=results.session_date(session.started_at, self._settings.zone),
                    participants=results.participants(mentorship))
            except BaseException:
                self._lanes.release(lane)
                raise
            self._sessions[session_id] = live
            self._lane_of[session_id] = lane
            return live

    async def finalise(self, session_id: str, participant: Participant) -> Finalised:
        """Stop the live session and queue what makes its final transcript and recap.

        Stopping transcribes what is still queued, which can take a while; it runs to its
        end even if the caller goes away meanwhile (a dropped connection cancels its
        handler), so that a call is never left half-finalised."""
        live = self._sessions.pop(session_id, None)
        if live is None:
            raise InvalidState(f"session {session_id} is not streaming live")
        task = asyncio.ensure_future(self._finalise(session_id, live, participant))
        self._finalising[session_id] = task
        task.add_done_callback(lambda done: self._finalised(session_id, done))
        return await asyncio.shield(task)

    def _finalised(self, session_id: str, task: asyncio.Task[Finalised]) -> None:
        self._finalising.pop(session_id, None)
        self._release_lane(session_id)
        if not task.cancelled() and task.exception() is not None:
            log.error("finalising live session %s failed", session_id,
                      exc_info=task.exception())

    async def _finalise(self, session_id: str, live: LiveSession,
                        participant: Participant) -> Finalised:
        outcome = await live.stop(self._settings.recordings_dir)
        if outcome.segments:
            await self._store.save_results(session_id, outcome.segments, outcome.extraction)
        try:
            job = await self._store.end_live_session(session_id, participant, outcome.recording)
        except (StoreError, SQLAlchemyError):
            if outcome.recording is not None:  # never a file without its row
                (self._settings.recordings_dir / outcome.recording.stored_name).unlink(missing_ok=True)
            raise
        self._queued(job, participant)
        return Finalised(job, outcome.recording)

    def _queued(self, job: Job, participant: Participant) -> None:
        self._wake()
        self._events.publish(SessionEvent("status", job.session_id, participant.mentorship_id,
                                          {"status": "queued", "progress": 0.0,
                                           "job_id": job.id}))

    async def close(self) -> None:
        """At shutdown: live sessions are abandoned (their WAVs stay on disk), follow-ups
        cancelled, the engine thread stopped."""
        await asyncio.gather(*self._finalising.values(), return_exceptions=True)
        for session_id, live in list(self._sessions.items()):
            await live.abandon()
            self._release_lane(session_id)
        self._sessions.clear()
        await asyncio.to_thread(self._lanes.close)

    def _release_lane(self, session_id: str) -> None:
        lane = self._lane_of.pop(session_id, None)
        if lane is not None:
            self._lanes.release(lane)
