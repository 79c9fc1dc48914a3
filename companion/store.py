"""Queries and commands: everything the web layer and the worker ask of the database.

Every ``Store`` method runs in one transaction (``claim_next_job``, one per attempt), so
a request never leaves half its writes behind. Methods done on behalf of a participant
take the ``Participant`` (from ``authenticate``) and scope their queries to its
mentorship: another mentorship's record raises ``RecordNotFound`` exactly like a missing
one, so ids give nothing away. The worker's methods (jobs, ``save_results``) are not
scoped: the worker is trusted.

Returned ORM objects are detached snapshots: read them freely, change them only through
the store. Results cross in the JSON shapes of CONTRACT.md (transcript segments and the
extraction), so this module depends on no other package of the project.
"""
from __future__ import annotations

import re
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession
from sqlalchemy.orm import defer
from sqlalchemy.orm.attributes import set_committed_value

from companion import tokens
from companion.db import session_factory
from companion.models import (
    EMAIL_LENGTH,
    ITEM_STATUSES,
    JOB_KINDS,
    NAME_LENGTH,
    OWNERS,
    ROLES,
    SPEAKERS,
    Delivery,
    Item,
    Job,
    Mentorship,
    Recording,
    Session,
    TranscriptSegment,
    utcnow,
)
from companion.tokens import Participant

EXTRACTION_LISTS: Final = (
    ("action_items", "action_item"),
    ("feedback", "feedback"),
    ("questions", "question"),
    ("challenges", "challenge"),
    ("goals", "goal"),
    ("decisions", "decision"),
)
"""The extraction JSON's lists, in contract order, and the item kind each one holds."""

@dataclass(frozen=True)
class DeletedFiles:
    """What a deleted session leaves on disk for the caller to remove once the rows are gone:
    its recordings' stored names and the ids of its recap emails written to the outbox."""

    recordings: list[str]
    outbox: list[str]


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?")
_UPLOADABLE = ("created", "done", "failed")


class StoreError(Exception):
    """Base class: the store refused a request; the message is one line."""


class RecordNotFound(StoreError):
    """No such record, or it belongs to another mentorship (the two look the same)."""


class InvalidData(StoreError):
    """A value cannot be stored: wrong type, out of range or not one of the choices."""


class InvalidState(StoreError):
    """The record is not in a state that allows this, e.g. retrying a job that runs."""


@dataclass(frozen=True)
class Person:
    name: str
    email: str


@dataclass(frozen=True)
class NewRecording:
    """A recording the web layer has fully written to the data directory and validated."""

    stored_name: str
    original_filename: str
    content_type: str
    size_bytes: int
    sha256: str
    duration: float | None = None


@dataclass(frozen=True)
class JobContext:
    """What a worker needs to run a claimed job."""

    job: Job
    session: Session
    mentorship: Mentorship
    recording: Recording | None
    segments: list[TranscriptSegment]
    """The stored transcript, for jobs that work on it (all but "transcribe")."""


class _Keep:
    def __repr__(self) -> str:
        return "KEEP"


KEEP: Final = _Keep()
"""Default of optional edits where None is a meaningful new value (clearing a due date)."""

SessionDone = Callable[[AsyncSession, Job], Awaitable[None]]
"""Told, inside the transaction of ``finish_job``, that ``Job`` finalised its session:
what must follow a finalisation (the recap emails) is then recorded with it, or not at
all, whatever happens to the process in between."""


class Store:
    """The database, as the rest of the service sees it."""

    def __init__(self, engine: AsyncEngine, *,
                 on_session_done: SessionDone | None = None) -> None:
        self._sessions = session_factory(engine)
        self._on_session_done = on_session_done

    @asynccontextmanager
    async def _transaction(self) -> AsyncIterator[AsyncSession]:
        async with self._sessions() as db, db.begin():
            yield db

    def transaction(self) -> AbstractAsyncContextManager[AsyncSession]:
        """One transaction, for the modules of the mentoring relationship
        (companion/agreement.py, goals.py, accountability.py ...) that keep their own
        queries: they take the ``AsyncSession`` and scope by participant with
        ``mentorship_of`` / ``session_of`` below."""
        return self._transaction()

    # Mentorships and their participants' tokens

    async def create_mentorship(
        self, mentor: Person, mentee: Person, *, agreement: Mapping[str, Any] | None = None,
        goals: Sequence[Any] | None = None,
    ) -> tuple[Mentorship, dict[str, str]]:
        """A new mentorship and its two personal tokens (plaintext, returned only here)."""
        mentorship = Mentorship(
            mentor_name=_name(mentor.name, "mentor name"), mentor_email=_email(mentor.email),
            mentee_name=_name(mentee.name, "mentee name"), mentee_email=_email(mentee.email),
            agreement=_object(agreement or {}, "agreement"), goals=_list(goals or [], "goals"))
        async with self._transaction() as db:
            db.add(mentorship)
            await db.flush()
            return mentorship, await tokens.issue_tokens(db, mentorship.id)

    async def get_mentorship(self, participant: Participant) -> Mentorship:
        async with self._transaction() as db:
            return await _mentorship(db, participant)

    async def update_mentorship(
        self, participant: Participant, *, agreement: Mapping[str, Any] | None = None,
        goals: Sequence[Any] | None = None,
    ) -> Mentorship:
        """Replace the agreement and/or the goals; None leaves a field as it is."""
        async with self._transaction() as db:
            mentorship = await _mentorship(db, participant)
            if agreement is not None:
                mentorship.agreement = _object(agreement, "agreement")
            if goals is not None:
                mentorship.goals = _list(goals, "goals")
            return mentorship

    async def set_recaps(self, participant: Participant, enabled: bool) -> Mentorship:
        """Turn recap emails on or off for the participant themself."""
        async with self._transaction() as db:
            mentorship = await _mentorship(db, participant)
            setattr(mentorship, f"{participant.role}_recaps", bool(enabled))
            return mentorship

    async def authenticate(self, token: str) -> Participant | None:
        async with self._transaction() as db:
            return await tokens.authenticate(db, token)

    async def revoke(self, mentorship_id: str, role: str) -> int:
        """Revoke the role's live tokens; returns how many were revoked."""
        async with self._transaction() as db:
            return await tokens.revoke(db, mentorship_id, _role(role))

    async def rotate(self, mentorship_id: str, role: str) -> str:
        """Revoke the role's tokens and return a new one, in one transaction."""
        async with self._transaction() as db:
            if await db.get(Mentorship, mentorship_id) is None:
                raise RecordNotFound(f"mentorship {mentorship_id} not found")
            return await tokens.rotate(db, mentorship_id, _role(role))

    # Sessions, as participants see them

    async def create_session(self, participant: Participant, title: str,
                             started_at: datetime | None = None, *, live: bool = False) -> Session:
        session = Session(mentorship_id=participant.mentorship_id, title=_name(title, "title"),
                          started_at=_aware(started_at, "started_at"),
                          status="live" if live else "created")
        async with self._transaction() as db:
            db.add(session)
        return session

    async def get_session(self, session_id: str, participant: Participant) -> Session:
        async with self._transaction() as db:
            return await _session(db, session_id, participant)

    async def list_sessions(self, participant: Participant) -> list[Session]:
        """The mentorship's sessions, oldest first."""
        async with self._transaction() as db:
            return list(await db.scalars(
                select(Session).where(Session.mentorship_id == participant.mentorship_id)
                .order_by(func.coalesce(Session.started_at, Session.created_at), Session.id)))

    async def delete_session(self, session_id: str, participant: Participant) -> DeletedFiles:
        """Delete the session and everything in it; returns the files it leaves (its
        recordings, its recap emails in the outbox), so that the caller can delete them."""
        async with self._transaction() as db:
            await _session(db, session_id, participant)
            stored = list(await db.scalars(
                select(Recording.stored_name).where(Recording.session_id == session_id)
                .order_by(Recording.created_at)))
            written = list(await db.scalars(
                select(Delivery.id).where(Delivery.session_id == session_id, Delivery.channel == "outbox")
                .order_by(Delivery.created_at)))
            await db.execute(delete(Session).where(Session.id == session_id))
            return DeletedFiles(recordings=stored, outbox=written)

    async def get_transcript(self, session_id: str, participant: Participant, *,
                             with_words: bool = True) -> list[TranscriptSegment]:
        """The session's segments in order. ``with_words=False`` leaves out the per-word
        timings (``words`` is None), which are most of an hour's transcript in bytes and
        which a page showing lines does not need."""
        query = (select(TranscriptSegment).where(TranscriptSegment.session_id == session_id)
                 .order_by(TranscriptSegment.idx))
        if not with_words:
            query = query.options(defer(TranscriptSegment.words))
        async with self._transaction() as db:
            await _session(db, session_id, participant)
            segments = list(await db.scalars(query))
        if not with_words:
            for segment in segments:
                set_committed_value(segment, "words", None)
        return segments

    async def get_summary(self, session_id: str, participant: Participant) -> dict[str, Any]:
        """The session's extraction JSON, each item with its id and edited flag."""
        async with self._transaction() as db:
            session = await _session(db, session_id, participant)
            items = list(await db.scalars(
                select(Item).where(Item.session_id == session_id)
                .order_by(Item.kind, Item.position)))
        summary: dict[str, Any] = {
            key: [item.to_json() for item in items if item.kind == kind]
            for key, kind in EXTRACTION_LISTS}
        summary["next_checkin"] = session.next_checkin
        summary["next_checkin_source"] = session.next_checkin_source
        summary["metrics"] = session.metrics or {}
        return summary

    async def edit_segment(self, session_id: str, idx: int, participant: Participant, *,
                           text: str | None = None,
                           speaker: str | None = None) -> TranscriptSegment:
        """Correct one segment's text and/or speaker; the segment is marked edited."""
        if text is None and speaker is None:
            raise InvalidData("nothing to change: give a text or a speaker")
        async with self._transaction() as db:
            segment = await db.scalar(
                select(TranscriptSegment).join(Session)
                .where(TranscriptSegment.session_id == session_id,
                       TranscriptSegment.idx == idx,
                       Session.mentorship_id == participant.mentorship_id))
            if segment is None:
                raise RecordNotFound(f"segment {idx} of session {session_id} not found")
            if text is not None:
                segment.text = _text(text, "text")
            if speaker is not None:
                segment.speaker = _choice(speaker, SPEAKERS, "speaker")
            segment.edited = True
            return segment

    async def update_action_item(
        self, item_id: str, participant: Participant, *, done: bool | None = None,
        text: str | None = None, owner: str | None = None, due: str | None | _Keep = KEEP,
    ) -> Item:
        """Tick an action item off (or reopen it) and/or edit it; edits mark it edited."""
        async with self._transaction() as db:
            item = await db.scalar(
                select(Item).join(Session)
                .where(Item.id == item_id, Item.kind == "action_item",
                       Session.mentorship_id == participant.mentorship_id))
            if item is None:
                raise RecordNotFound(f"action item {item_id} not found")
            if done is not None and (item.status == "done") != done:
                item.status, item.done_at = ("done", utcnow()) if done else ("open", None)
            if text is not None:
                item.text, item.edited = _text(text, "text"), True
            if owner is not None:
                item.owner, item.edited = _choice(owner, OWNERS, "owner"), True
            if not isinstance(due, _Keep):
                item.due, item.edited = _iso_date(due, "due"), True
            return item

    async def open_action_items(self, participant: Participant) -> list[Item]:
        """Open action items across the mentorship's sessions: dated ones first, soonest
        first, then in the order the sessions happened."""
        async with self._transaction() as db:
            return list(await db.scalars(
                select(Item).join(Session)
                .where(Session.mentorship_id == participant.mentorship_id,
                       Item.kind == "action_item", Item.status == "open")
                .order_by(Item.due.is_(None), Item.due,
                          func.coalesce(Session.started_at, Session.created_at),
                          Item.position)))

    # Recordings and processing jobs

    async def add_recording(self, session_id: str, participant: Participant,
                            recording: NewRecording) -> tuple[Recording, Job]:
        """Record an uploaded file and queue its transcription, together."""
        async with self._transaction() as db:
            session = await _session(db, session_id, participant)
            if session.status not in _UPLOADABLE:
                raise InvalidState(f"session {session_id} is {session.status}: "
                                   "a recording can be added only before or after processing")
            row = _recording_row(session_id, recording)
            db.add(row)
            await db.flush()
            return row, await _enqueue(db, session, "transcribe", row.id)

    async def end_live_session(self, session_id: str, participant: Participant,
                               recording: NewRecording | None = None) -> Job:
        """Queue the finalisation of a live session, in one transaction.

        With the call's recording, it is stored and its "transcribe" job queued: the final
        transcript is re-transcribed offline, extraction follows, and the recap goes out
        once, when that chain ends. Without audio (nobody streamed), a "finalize" job runs
        extraction over the stored transcript instead.
        """
        async with self._transaction() as db:
            session = await _session(db, session_id, participant)
            if session.status != "live":
                raise InvalidState(f"session {session_id} is {session.status}, not live")
            if recording is None:
                return await _enqueue(db, session, "finalize", None)
            row = _recording_row(session_id, recording)
            db.add(row)
            await db.flush()
            return await _enqueue(db, session, "transcribe", row.id)

    async def start_live(self, session_id: str, participant: Participant) -> Session:
        """Turn a session that has nothing yet ("created") into a live call.

        Only "created": a live call's end replaces the session's transcript and items and
        adds its recording, so a session that has (or is making) them ("queued",
        "processing", "done", "failed") is refused, as is one already "live". One
        conditional UPDATE, so that two people starting at once go live once.
        """
        async with self._transaction() as db:
            session = await db.scalar(
                update(Session).where(Session.id == session_id,
                                      Session.mentorship_id == participant.mentorship_id,
                                      Session.status == "created")
                .values(status="live", progress=0.0, stage="", error=None)
                .returning(Session))
            if session is None:
                current = await _session(db, session_id, participant)  # 404 first
                raise InvalidState(f"session {session_id} is {current.status}: only a new "
                                   "session (created, with no recording) can start a live "
                                   "call")
            return session

    async def get_job(self, job_id: str) -> Job:
        async with self._transaction() as db:
            return await _job(db, job_id)

    async def latest_job(self, session_id: str, participant: Participant) -> Job | None:
        """The session's most recent job (the one its status reflects), if any."""
        async with self._transaction() as db:
            await _session(db, session_id, participant)
            return await db.scalar(select(Job).where(Job.session_id == session_id)
                                   .order_by(Job.created_at.desc(), Job.id).limit(1))

    async def latest_recording(self, session_id: str,
                               participant: Participant) -> Recording | None:
        """The session's most recent recording, if any."""
        async with self._transaction() as db:
            await _session(db, session_id, participant)
            return await db.scalar(select(Recording).where(Recording.session_id == session_id)
                                   .order_by(Recording.created_at.desc(), Recording.id)
                                   .limit(1))

    async def recording_names(self) -> set[str]:
        """Every recording's stored file name (to find files that no row owns)."""
        async with self._transaction() as db:
            return set(await db.scalars(select(Recording.stored_name)))

    async def job_counts(self) -> dict[str, int]:
        """How many jobs wait and how many run: ``{"queued": n, "running": m}``."""
        async with self._transaction() as db:
            rows = await db.execute(select(Job.status, func.count())
                                    .where(Job.status.in_(("queued", "running")))
                                    .group_by(Job.status))
            return {"queued": 0, "running": 0} | {status: n for status, n in rows.all()}

    async def job_context(self, job_id: str) -> JobContext:
        async with self._transaction() as db:
            job = await _job(db, job_id)
            session = await db.get_one(Session, job.session_id)
            segments = [] if job.kind == "transcribe" else list(await db.scalars(
                select(TranscriptSegment).where(TranscriptSegment.session_id == session.id)
                .order_by(TranscriptSegment.idx)))
            return JobContext(
                job=job, session=session,
                mentorship=await db.get_one(Mentorship, session.mentorship_id),
                recording=(await db.get(Recording, job.recording_id)
                           if job.recording_id is not None else None),
                segments=segments)

    async def claim_next_job(self, worker_id: str) -> Job | None:
        """Take the oldest queued job for ``worker_id``; each job goes to one worker only.

        PostgreSQL locks the candidate row (``FOR UPDATE SKIP LOCKED``: concurrent claimers
        pass over it). SQLite ignores that clause and serialises writers instead; the
        UPDATE's ``status = 'queued'`` condition then tells a worker that lost the race,
        and it moves on to the next job.
        """
        while True:
            async with self._transaction() as db:
                job_id = await db.scalar(
                    select(Job.id).where(Job.status == "queued")
                    .order_by(Job.created_at, Job.id).limit(1)
                    .with_for_update(skip_locked=True))
                if job_id is None:
                    return None
                now = utcnow()
                job = await db.scalar(
                    update(Job).where(Job.id == job_id, Job.status == "queued")
                    .values(status="running", attempts=Job.attempts + 1, started_at=now,
                            heartbeat_at=now, lease_owner=worker_id, progress=0.0, stage="",
                            error=None)
                    .returning(Job))
                if job is not None:
                    await _update_session(db, job.session_id, status="processing", progress=0.0,
                                  stage="", error=None)
                    return job

    async def update_progress(self, job_id: str, progress: float, stage: str) -> None:
        """Report a running job's progress (0-1) and stage; also a heartbeat."""
        fraction, stage = _fraction(progress), _text(stage, "stage")
        async with self._transaction() as db:
            job = await _transition(db, job_id, ("running",), progress=fraction, stage=stage,
                                    heartbeat_at=utcnow())
            await _update_session(db, job.session_id, progress=fraction, stage=stage)

    async def finish_job(self, job_id: str, *, then: str | None = None) -> Job | None:
        """Mark a running job done. With ``then``, queue the next stage's job in the same
        transaction (the session stays "processing"); otherwise the session is done."""
        if then is not None:
            _choice(then, JOB_KINDS, "job kind")
        async with self._transaction() as db:
            job = await _transition(db, job_id, ("running",), status="done", progress=1.0,
                                    finished_at=utcnow())
            if then is None:
                await _update_session(db, job.session_id, status="done", progress=1.0, error=None)
                if self._on_session_done is not None:
                    await self._on_session_done(db, job)
                return None
            follow = Job(session_id=job.session_id, recording_id=job.recording_id, kind=then)
            db.add(follow)
            await db.flush()
            return follow

    async def fail_job(self, job_id: str, reason: str) -> None:
        """Give up on a queued or running job; the session shows ``reason``."""
        reason = _text(reason, "reason")
        async with self._transaction() as db:
            job = await _transition(db, job_id, ("queued", "running"), status="failed",
                                    error=reason, finished_at=utcnow())
            await _update_session(db, job.session_id, status="failed", error=reason)

    async def retry_job(self, job_id: str) -> Job:
        """Queue a failed job again; its attempts count on."""
        async with self._transaction() as db:
            job = await _transition(db, job_id, ("failed",), status="queued", progress=0.0,
                                    stage="", error=None, finished_at=None, lease_owner=None,
                                    heartbeat_at=None)
            await _update_session(db, job.session_id, status="queued", progress=0.0, stage="",
                          error=None)
            return job

    async def requeue_unfinished_jobs(self, *, stale_before: datetime | None = None) -> int:
        """Put running jobs back in the queue: at start-up all of them, since their worker
        died with the previous process; with ``stale_before``, only those whose last
        heartbeat is older. Returns how many were requeued."""
        condition = [Job.status == "running"]
        if stale_before is not None:
            cutoff = _aware(stale_before, "stale_before")
            condition.append(or_(Job.heartbeat_at.is_(None), Job.heartbeat_at < cutoff))
        async with self._transaction() as db:
            session_ids = list(await db.scalars(
                update(Job).where(*condition)
                .values(status="queued", lease_owner=None, heartbeat_at=None)
                .returning(Job.session_id)))
            if session_ids:
                await db.execute(
                    update(Session)
                    .where(Session.id.in_(set(session_ids)), Session.status == "processing")
                    .values(status="queued"))
            return len(session_ids)

    async def save_results(self, session_id: str, segments: Sequence[Mapping[str, Any]],
                           extraction: Mapping[str, Any]) -> None:
        """Replace the session's transcript and extracted items with new ones, all at once.

        ``segments`` are transcript JSON segments and ``extraction`` is the extraction JSON
        (CONTRACT.md). Either everything is replaced or, on any error, nothing is.
        """
        segment_rows = [_segment_row(session_id, idx, raw) for idx, raw in enumerate(segments)]
        item_rows = _item_rows(session_id, extraction)
        session_results = {
            "next_checkin": _iso_date(extraction.get("next_checkin"), "next_checkin"),
            "next_checkin_source": extraction.get("next_checkin_source"),
            "metrics": _object(extraction.get("metrics") or {}, "metrics"),
        }
        async with self._transaction() as db:
            if await db.get(Session, session_id) is None:
                raise RecordNotFound(f"session {session_id} not found")
            await db.execute(delete(TranscriptSegment)
                             .where(TranscriptSegment.session_id == session_id))
            await db.execute(delete(Item).where(Item.session_id == session_id))
            db.add_all(segment_rows)
            db.add_all(item_rows)
            await db.flush()
            await _update_session(db, session_id, **session_results)


async def mentorship_of(db: AsyncSession, participant: Participant) -> Mentorship:
    """The participant's mentorship (RecordNotFound if it is gone)."""
    return await _mentorship(db, participant)


async def session_of(db: AsyncSession, session_id: str, participant: Participant) -> Session:
    """A session of the participant's mentorship; another mentorship's raises
    RecordNotFound exactly like a missing one."""
    return await _session(db, session_id, participant)


async def _mentorship(db: AsyncSession, participant: Participant) -> Mentorship:
    mentorship = await db.get(Mentorship, participant.mentorship_id)
    if mentorship is None:
        raise RecordNotFound(f"mentorship {participant.mentorship_id} not found")
    return mentorship


async def _session(db: AsyncSession, session_id: str, participant: Participant) -> Session:
    session = await db.scalar(select(Session).where(
        Session.id == session_id, Session.mentorship_id == participant.mentorship_id))
    if session is None:
        raise RecordNotFound(f"session {session_id} not found")
    return session


async def _job(db: AsyncSession, job_id: str) -> Job:
    job = await db.get(Job, job_id)
    if job is None:
        raise RecordNotFound(f"job {job_id} not found")
    return job


async def _enqueue(db: AsyncSession, session: Session, kind: str,
                   recording_id: str | None) -> Job:
    job = Job(session_id=session.id, recording_id=recording_id, kind=kind)
    db.add(job)
    session.status, session.progress, session.stage, session.error = "queued", 0.0, "", None
    await db.flush()
    return job


async def _transition(db: AsyncSession, job_id: str, allowed: tuple[str, ...],
                      **values: Any) -> Job:
    """Update a job that is in one of the ``allowed`` statuses, in one statement."""
    job = await db.scalar(update(Job).where(Job.id == job_id, Job.status.in_(allowed))
                          .values(**values).returning(Job))
    if job is None:
        current = await db.scalar(select(Job.status).where(Job.id == job_id))
        if current is None:
            raise RecordNotFound(f"job {job_id} not found")
        raise InvalidState(f"job {job_id} is {current}, expected {' or '.join(allowed)}")
    return job


async def _update_session(db: AsyncSession, session_id: str, **values: Any) -> None:
    """Update a session in one statement. Job state is copied onto the session as it
    changes, because the session is what the API shows."""
    await db.execute(update(Session).where(Session.id == session_id).values(**values))


def _recording_row(session_id: str, recording: NewRecording) -> Recording:
    return Recording(session_id=session_id, stored_name=recording.stored_name,
                     original_filename=recording.original_filename,
                     content_type=recording.content_type, size_bytes=recording.size_bytes,
                     duration=recording.duration, sha256=recording.sha256)


def _segment_row(session_id: str, idx: int, raw: Mapping[str, Any]) -> TranscriptSegment:
    where = f"segment {idx}"
    if not isinstance(raw, Mapping):
        raise InvalidData(f"{where} is not an object")
    words = raw.get("words")
    if words is not None and not isinstance(words, list):
        raise InvalidData(f"{where}: 'words' must be a list")
    return TranscriptSegment(
        session_id=session_id, idx=idx,
        speaker=_choice(raw.get("speaker"), SPEAKERS, f"{where} speaker"),
        start=_seconds(raw.get("start"), f"{where} start"),
        end=_seconds(raw.get("end"), f"{where} end"),
        text=_text(raw.get("text"), f"{where} text"), words=words,
        edited=bool(raw.get("edited", False)))


_COMMON_KEYS = frozenset({"id", "text", "segment", "start", "quote", "edited"})
_KIND_KEYS = {"action_item": frozenset({"owner", "due", "status", "done_at"}),
              "goal": frozenset({"owner", "target"})}


def _item_rows(session_id: str, extraction: Mapping[str, Any]) -> list[Item]:
    """Rows for the extraction's items; kind-specific fields go to the ``data`` column."""
    if not isinstance(extraction, Mapping):
        raise InvalidData("extraction is not an object")
    rows = []
    for key, kind in EXTRACTION_LISTS:
        entries = extraction.get(key) or []
        if not isinstance(entries, list):
            raise InvalidData(f"extraction {key!r} must be a list")
        for position, raw in enumerate(entries):
            where = f"{key}[{position}]"
            if not isinstance(raw, Mapping):
                raise InvalidData(f"{where} is not an object")
            columns = _COMMON_KEYS | _KIND_KEYS.get(kind, frozenset())
            status = None
            if kind == "action_item":
                status = _choice(raw.get("status", "open"), ITEM_STATUSES, f"{where} status")
            rows.append(Item(
                session_id=session_id, kind=kind, position=position,
                owner=(_choice(raw.get("owner"), OWNERS, f"{where} owner")
                       if kind in _KIND_KEYS else None),
                text=_text(raw.get("text"), f"{where} text"),
                due=_iso_date(raw.get("target" if kind == "goal" else "due"), f"{where} date"),
                segment=_index(raw.get("segment"), f"{where} segment"),
                start=_seconds(raw.get("start"), f"{where} start"),
                quote=_optional_text(raw.get("quote"), f"{where} quote"),
                status=status, done_at=utcnow() if status == "done" else None,
                edited=bool(raw.get("edited", False)),
                data={k: v for k, v in raw.items() if k not in columns}))
    return rows


def _text(value: Any, what: str) -> str:
    if not isinstance(value, str):
        raise InvalidData(f"{what} must be a string")
    return value


def _optional_text(value: Any, what: str) -> str | None:
    return None if value is None else _text(value, what)


def _name(value: Any, what: str) -> str:
    text = _text(value, what).strip()
    if not text or len(text) > NAME_LENGTH:
        raise InvalidData(f"{what} must be 1 to {NAME_LENGTH} characters")
    return text


_LOCAL_PART = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
_DOMAIN_LABEL = re.compile(r"(?!-)[A-Za-z0-9-]{1,63}(?<!-)")


def _email(value: Any) -> str:
    """One plain address (``name@example.org``), as recap emails are sent to it.

    Stricter than RFC 5322 on purpose: no display name, comment, quoted local part, IP
    literal or second address, nothing a mail header could be talked into (CR, LF), and a
    domain of DNS labels with a top-level name. An internationalised domain is accepted
    (it is sent in its IDNA form); the local part is ASCII, which every server accepts.
    """
    email = _text(value, "email").strip()
    local, _, domain = email.partition("@")
    if not (len(email) <= EMAIL_LENGTH and len(local) <= 64 and _LOCAL_PART.fullmatch(local)
            and _domain_ok(domain)):
        raise InvalidData(f"{email!r} is not an email address (one address, such as "
                          "name@example.org)")
    return email


def _domain_ok(domain: str) -> bool:
    try:
        ascii_domain = domain.encode("idna").decode("ascii")
    except UnicodeError:
        return False
    labels = ascii_domain.split(".")
    return (len(ascii_domain) <= 253 and len(labels) >= 2
            and all(_DOMAIN_LABEL.fullmatch(label) for label in labels)
            and not labels[-1].isdigit())


def _choice(value: Any, choices: tuple[str, ...], what: str) -> str:
    if value not in choices:
        raise InvalidData(f"{what} must be one of {', '.join(choices)}, not {value!r}")
    return str(value)


def _role(value: Any) -> str:
    return _choice(value, ROLES, "role")


def _seconds(value: Any, what: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
        raise InvalidData(f"{what} must be a non-negative number of seconds")
    return float(value)


def _fraction(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise InvalidData(f"progress must be a number from 0 to 1, not {value!r}")
    return float(value)


def _index(value: Any, what: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidData(f"{what} must be a segment index")
    return value


def _iso_date(value: Any, what: str) -> str | None:
    """An ISO date or date-time to the minute (CONTRACT.md), or None."""
    if value is None:
        return None
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise InvalidData(f"{what} must be YYYY-MM-DD or YYYY-MM-DDTHH:MM, not {value!r}")
    try:
        datetime.fromisoformat(value)
    except ValueError as exc:
        raise InvalidData(f"{what} {value!r} is not a real date") from exc
    return value


def _aware(value: datetime | None, what: str) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise InvalidData(f"{what} must be a datetime with a time zone")
    return value


def _object(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, Mapping):
        raise InvalidData(f"{what} must be an object")
    return dict(value)


def _list(value: Any, what: str) -> list[Any]:
    if not isinstance(value, (list, tuple)):
        raise InvalidData(f"{what} must be a list")
    return list(value)
