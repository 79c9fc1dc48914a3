"""Retention: recordings older than COMPANION_RETENTION_DAYS go for good (file and row), with
or without their transcripts as chosen; run by the scheduler's round, idempotent.

Real SQLite and PostgreSQL, real files in the data directory, sessions processed through the
store's job chain as the worker processes them.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from sqlalchemy import func, select

from companion.models import DoneProposal, Item, Job, Recording, Session, TranscriptSegment
from companion.store import NewRecording
from test_recap import database_url  # noqa: F401
from test_scheduler import Backend, BackendFactory, Pair, open_backend  # noqa: F401

UTC = timezone.utc
LINES = ["Let us look at the migration plan.", "I will send the revised proposal by Friday."]
EXTRACTION = {
    "next_checkin": "2026-12-04T10:00",
    "next_checkin_source": {"segment": 1, "start": 5.0, "quote": LINES[1]},
    "action_items": [{"owner": "mentee", "text": "Send the revised proposal", "due": "2026-12-04",
                      "segment": 1, "start": 5.0, "quote": LINES[1]}],
}


async def recorded(backend: Backend, pair: Pair, title: str) -> tuple[str, str]:
    """A live session whose recording was stored and processed (transcribe, then extract):
    returns the session id and the recording's stored name."""
    store = backend.store
    session = await store.create_session(pair.mentor, title, datetime.now(UTC), live=True)
    name = f"{session.id}.ogg"
    backend.settings.recordings_dir.mkdir(parents=True, exist_ok=True)
    (backend.settings.recordings_dir / name).write_bytes(b"OggS" + bytes(60))
    job = await store.end_live_session(session.id, pair.mentor, NewRecording(
        stored_name=name, original_filename="call.ogg", content_type="audio/ogg",
        size_bytes=64, sha256="0" * 64))
    assert (await store.claim_next_job("test-retention")).id == job.id
    segments = [{"speaker": s, "start": 5.0 * i, "end": 5.0 * i + 4, "text": t}
                for i, (s, t) in enumerate(zip(("mentor", "mentee"), LINES))]
    await store.save_results(session.id, segments, EXTRACTION)
    follow = await store.finish_job(job.id, then="extract")
    assert follow is not None and (await store.claim_next_job("test-retention")).id == follow.id
    await store.finish_job(follow.id)
    return session.id, name


async def state(backend: Backend, session_id: str) -> dict[str, Any]:
    async with backend.store.transaction() as db:
        session = await db.get_one(Session, session_id)
        item = await db.scalar(select(Item).where(Item.session_id == session_id))
        return {
            "recordings": await db.scalar(select(func.count()).select_from(Recording)
                                          .where(Recording.session_id == session_id)),
            "segments": await db.scalar(select(func.count()).select_from(TranscriptSegment)
                                        .where(TranscriptSegment.session_id == session_id)),
            "jobs": [(j.kind, j.recording_id) for j in await db.scalars(
                select(Job).where(Job.session_id == session_id).order_by(Job.created_at))],
            "item": (item.text, item.quote, item.segment),
            "source": session.next_checkin_source,
            "next_checkin": session.next_checkin,
            "status": session.status,
        }


def files(backend: Backend) -> set[str]:
    return {p.name for p in backend.settings.recordings_dir.iterdir()}


async def test_old_recordings_go_and_transcripts_stay_by_default(
        open_backend: BackendFactory) -> None:
    backend = await open_backend(retention_days=30)
    assert backend.settings.retention_keep_transcripts is True
    pair = await backend.mentorship()
    old, old_name = await recorded(backend, pair, "October call")
    new, new_name = await recorded(backend, pair, "November call")
    now = datetime.now(UTC)
    async with backend.store.transaction() as db:  # the first recording is 40 days old
        row = await db.scalar(select(Recording).where(Recording.session_id == old))
        row.created_at = now - timedelta(days=40)
    scheduler = backend.scheduler()

    purge = (await scheduler.tick(now)).purge
    assert purge is not None
    assert (purge.files, purge.sessions, purge.transcripts) == ([old_name], [old], [])
    assert files(backend) == {new_name}
    gone = await state(backend, old)
    assert (gone["recordings"], gone["segments"], gone["status"]) == (0, 2, "done")
    assert gone["jobs"] == [("transcribe", None), ("extract", None)]  # kept, detached
    assert gone["item"] == ("Send the revised proposal", LINES[1], 1)
    assert gone["source"]["quote"] == LINES[1]
    kept = await state(backend, new)
    assert (kept["recordings"], kept["segments"]) == (1, 2)

    # Idempotent: the next round finds nothing; the newer one goes when its time comes,
    # even if its file has already disappeared.
    assert (await scheduler.tick(now + timedelta(hours=1))).purge.files == []
    (backend.settings.recordings_dir / new_name).unlink()
    later = (await scheduler.tick(now + timedelta(days=31))).purge
    assert later.files == [new_name] and files(backend) == set()
    assert (await state(backend, new))["recordings"] == 0


async def test_transcripts_and_quotes_go_too_when_not_kept(open_backend: BackendFactory) -> None:
    backend = await open_backend(retention_days=7, retention_keep_transcripts="false")
    pair = await backend.mentorship()
    old, old_name = await recorded(backend, pair, "Old call")
    later, _ = await recorded(backend, pair, "Later call")
    async with backend.store.transaction() as db:
        item = await db.scalar(select(Item).where(Item.session_id == later))
        db.add(DoneProposal(item_id=item.id, session_id=old, segment=1, start=5.0,
                            quote=LINES[1], score=0.9))
    # A session whose audio is in use keeps it until processing ends.
    busy = await backend.store.create_session(pair.mentor, "Being processed", live=True)
    (backend.settings.recordings_dir / "busy.ogg").write_bytes(b"OggS")
    await backend.store.end_live_session(busy.id, pair.mentor, NewRecording(
        stored_name="busy.ogg", original_filename="busy.ogg", content_type="audio/ogg",
        size_bytes=4, sha256="1" * 64))

    purge = (await backend.scheduler().tick(datetime.now(UTC) + timedelta(days=8))).purge
    assert sorted(purge.sessions) == sorted([old, later]) and purge.transcripts == purge.sessions
    assert files(backend) == {"busy.ogg"}
    for session_id in (old, later):
        gone = await state(backend, session_id)
        assert (gone["recordings"], gone["segments"]) == (0, 0)
        assert gone["item"] == ("Send the revised proposal", None, None)  # the summary stays
        assert gone["source"] is None and gone["next_checkin"] == "2026-12-04T10:00"
    async with backend.store.transaction() as db:
        proposal = await db.scalar(select(DoneProposal))
        assert (proposal.quote, proposal.segment, proposal.status) == ("", None, "proposed")
        assert await db.scalar(select(func.count()).select_from(Recording)) == 1


async def test_nothing_is_deleted_without_a_retention_setting(
        open_backend: BackendFactory) -> None:
    backend = await open_backend()
    pair = await backend.mentorship()
    session_id, name = await recorded(backend, pair, "Kept forever")
    done = await backend.scheduler().tick(datetime.now(UTC) + timedelta(days=3650))
    assert done.purge is None and files(backend) == {name}
    assert (await state(backend, session_id))["recordings"] == 1


def test_the_settings_read_from_the_environment() -> None:
    from companion.settings import Settings, SettingsError

    settings = Settings.load(environ={"COMPANION_RETENTION_DAYS": "90",
                                      "COMPANION_RETENTION_KEEP_TRANSCRIPTS": "no"})
    assert (settings.retention_days, settings.retention_keep_transcripts) == (90, False)
    for bad, message in (({"COMPANION_RETENTION_DAYS": "0"}, "at least 1"),
                         ({"COMPANION_RETENTION_KEEP_TRANSCRIPTS": "maybe"}, "true or false")):
        with pytest.raises(SettingsError, match=message):
            Settings.load(environ=bad)
