"""Retention: recordings older than ``COMPANION_RETENTION_DAYS`` are deleted for good.

Run by the scheduler's every round (companion/scheduler.py); unset (the default), nothing
is ever deleted. A recording's age is its row's ``created_at`` (when the upload or the live
call's audio was stored). For each one due:

- its row goes, in one transaction; its file in ``recordings/`` goes after that commits
  (``companion.deletion.remove_files``: a file already missing is fine), so rows never
  point at missing audio, and a second round finds nothing left to do (idempotent);
- the session's jobs stay, detached from the recording (their ``recording_id`` is
  cleared), so that the session's processing history and the recap deliveries that hang
  off its jobs survive the audio;
- with ``COMPANION_RETENTION_KEEP_TRANSCRIPTS=false``, the session's transcript goes too,
  and so does every quote taken from it: the items' quote and their segment and time
  (the items themselves, the summary, stay: action items, goals, decisions), the check-in's
  provenance and the quoted evidence of done proposals. The words are gone; what was
  agreed stays.

A session whose audio is in use (live, queued, processing) keeps its recording until that
ends: the next round deletes it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import delete, null, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from companion.deletion import BUSY, remove_files
from companion.models import DoneProposal, Item, Job, Recording, Session, TranscriptSegment
from companion.settings import Settings
from companion.store import Store


@dataclass(frozen=True)
class Purge:
    """What a retention round deleted."""

    files: list[str] = field(default_factory=list)
    """Stored names of the recordings deleted (rows, then files)."""
    sessions: list[str] = field(default_factory=list)
    """Sessions that lost their recordings."""
    transcripts: list[str] = field(default_factory=list)
    """Sessions that lost their transcript too."""


async def purge_rows(db: AsyncSession, *, before: datetime, keep_transcripts: bool) -> Purge:
    """Delete, in the caller's transaction, the rows of recordings created before
    ``before`` (see the module docstring); the caller removes the files after commit."""
    due = list((await db.execute(
        select(Recording.id, Recording.session_id).join(Session)
        .where(Recording.created_at < before, Session.status.not_in(BUSY))
        .order_by(Recording.created_at, Recording.id))).all())
    if not due:
        return Purge()
    recording_ids = [recording_id for recording_id, _ in due]
    session_ids = list(dict.fromkeys(session_id for _, session_id in due))
    await db.execute(update(Job).where(Job.recording_id.in_(recording_ids))
                     .values(recording_id=None))
    names = list(await db.scalars(delete(Recording).where(Recording.id.in_(recording_ids))
                                  .returning(Recording.stored_name)))
    if keep_transcripts:
        return Purge(files=names, sessions=session_ids)
    await db.execute(delete(TranscriptSegment)
                     .where(TranscriptSegment.session_id.in_(session_ids)))
    await db.execute(update(Item).where(Item.session_id.in_(session_ids))
                     .values(quote=None, segment=None, start=None))
    await db.execute(update(DoneProposal).where(DoneProposal.session_id.in_(session_ids))
                     .values(quote="", segment=None, start=None))
    await db.execute(update(Session).where(Session.id.in_(session_ids))
                     .values(next_checkin_source=null(), updated_at=Session.updated_at))
    return Purge(files=names, sessions=session_ids, transcripts=session_ids)


async def apply(store: Store, settings: Settings, now: datetime) -> Purge | None:
    """One retention round; None when retention is off."""
    if settings.retention_days is None:
        return None
    async with store.transaction() as db:
        purge = await purge_rows(db, before=now - timedelta(days=settings.retention_days),
                                 keep_transcripts=settings.retention_keep_transcripts)
    remove_files(settings.recordings_dir, purge.files)
    return purge
