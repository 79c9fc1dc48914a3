"""Deleting for good: a session's recordings (keeping its transcript), and the files a
deleted session leaves on disk (recordings, a live call's spool, recap emails in the outbox).

Rows go first, in the caller's transaction; files are removed only after it commits
(``remove_files``), so a failed delete never leaves rows that point at missing audio.
A file already gone is fine: removing is idempotent.
"""
from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Final

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from companion.mailer import OutboxTransport
from companion.models import Job, Recording
from companion.store import InvalidState, RecordNotFound, session_of
from companion.tokens import Participant

BUSY: Final = ("live", "queued", "processing")
"""A session whose audio is in use: its recordings cannot be deleted now."""


async def delete_recordings(db: AsyncSession, participant: Participant,
                            session_id: str) -> list[str]:
    """Delete the session's recording rows; returns their stored file names. The
    transcript and everything extracted from it stay."""
    session = await session_of(db, session_id, participant)
    if session.status in BUSY:
        raise InvalidState(f"session {session_id} is {session.status}: its recording is in "
                           "use; delete it when processing has ended")
    names = list(await db.scalars(select(Recording.stored_name)
                                  .where(Recording.session_id == session_id)))
    if not names:
        raise RecordNotFound(f"session {session_id} has no recording")
    # keep the session's jobs (and through them its recap deliveries' history): only their
    # link to the recording goes, as retention does (companion/retention.py)
    await db.execute(update(Job).where(Job.session_id == session_id)
                     .values(recording_id=None))
    await db.execute(delete(Recording).where(Recording.session_id == session_id))
    return names


def live_directory(data_dir: Path, session_id: str) -> Path:
    """Where a live call's per-role audio is spooled (companion/live_registry.py)."""
    return data_dir / "live" / session_id


def remove_files(recordings_dir: Path, stored_names: Iterable[str], *,
                 live_dir: Path | None = None, outbox_dir: Path | None = None,
                 outbox_ids: Iterable[str] = ()) -> None:
    """Remove recordings (a live call's spool directory, the recap emails a session wrote to
    the outbox) after the rows are gone."""
    for name in stored_names:
        (recordings_dir / name).unlink(missing_ok=True)
    if live_dir is not None:
        shutil.rmtree(live_dir, ignore_errors=True)
    if outbox_dir is not None:
        outbox = OutboxTransport(outbox_dir)
        for delivery_id in outbox_ids:
            outbox.path(delivery_id).unlink(missing_ok=True)
