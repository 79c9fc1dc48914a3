"""The storage layer on both real backends: SQLite in a temporary directory and PostgreSQL
at 127.0.0.1:5432, each test in a database of its own.

PostgreSQL must be running: when it is not, these tests error at set-up with the reason
and the command that starts it (they never skip). Point
COMPANION_TEST_POSTGRES_URL at another server's maintenance database to use that one.
"""
from __future__ import annotations

import asyncio
import getpass
import json
import os
import secrets
from collections.abc import AsyncIterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import asyncpg
import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import CheckConstraint, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import StatementError
from sqlalchemy.ext.asyncio import AsyncEngine

from companion.db import DatabaseURLError, alembic_config, create_engine, migrate, normalise_url
from companion.models import Base
from companion.store import (
    InvalidData,
    InvalidState,
    NewRecording,
    Person,
    RecordNotFound,
    Store,
)
from companion.tokens import Participant, hash_token

SESSIONS = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "sessions"
MENTOR = Person("Dana Reyes", "dana.reyes@example.org")
MENTEE = Person("Sam Okafor", "sam.okafor@example.org")
ADDED_BY_STORE = {"id", "edited", "status", "done_at"}
PG_START = "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start"


# Backends

async def _postgres_admin() -> tuple[asyncpg.Connection, str]:
    """A connection to the server's maintenance database, and the DSN it used."""
    configured = os.environ.get("COMPANION_TEST_POSTGRES_URL")
    candidates = [configured] if configured else [
        f"postgresql://{user}@127.0.0.1:5432/postgres" for user in ("postgres", getpass.getuser())]
    errors = []
    for dsn in candidates:
        try:
            return await asyncpg.connect(dsn, timeout=10), dsn
        except (OSError, asyncio.TimeoutError, asyncpg.PostgresError) as exc:
            errors.append(f"{dsn}: {exc}")
    pytest.fail(f"PostgreSQL is not reachable ({'; '.join(errors)}); start it with {PG_START}",
                pytrace=False)


@pytest.fixture(params=["sqlite", "postgresql"])
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """An empty database: a SQLite file, or a PostgreSQL database dropped afterwards."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'companion.db'}"
        return
    admin, dsn = await _postgres_admin()
    name = f"companion_test_{secrets.token_hex(6)}"
    await admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(dsn).set(database=name).render_as_string(hide_password=False)
    finally:
        await admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        await admin.close()


@pytest.fixture
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    await migrate(database_url)
    engine = create_engine(database_url)
    yield engine
    await engine.dispose()


@pytest.fixture
def store(engine: AsyncEngine) -> Store:
    return Store(engine)


# Helpers

def session_fixture(name: str) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """A hand-labelled mentoring session from ../shared as (transcript segments, extraction
    JSON): segments from the audio's ground truth, items from the hand labels."""
    conversation = json.loads((SESSIONS / f"{name}.json").read_text(encoding="utf-8"))
    truth = json.loads((SESSIONS / f"{name}.truth.json").read_text(encoding="utf-8"))
    segments = [{"speaker": t["speaker"], "start": t["start"], "end": t["end"], "text": t["text"]}
                for t in truth["turns"]]

    def said(label: dict[str, Any]) -> dict[str, Any]:
        turn = segments[label["turn"]]
        return {"text": turn["text"], "segment": label["turn"], "start": turn["start"],
                "quote": turn["text"]}

    labels = conversation["expected"]
    talk = {role: sum(s["end"] - s["start"] for s in segments if s["speaker"] == role)
            for role in ("mentor", "mentee")}
    extraction = {
        "action_items": [{"owner": a["owner"], **said(a), "due": a["due"]}
                         for a in labels["action_items"]],
        "feedback": [{"kind": f["kind"], "from": f["from"], "to": f["to"], **said(f)}
                     for f in labels["feedback"]],
        "questions": [{"speaker": q["speaker"], **said(q)} for q in labels["questions"]],
        "challenges": [{"speaker": c["speaker"], **said(c)} for c in labels["challenges"]],
        "goals": [{"owner": g["owner"], **said(g), "target": g["target"]}
                  for g in labels["goals"]],
        "decisions": [said(d) for d in labels["decisions"]],
        "next_checkin": labels["next_checkin"],
        "metrics": {"talk_share": {role: round(t / sum(talk.values()), 3)
                                   for role, t in talk.items()}},
    }
    return segments, extraction


def without_store_fields(summary: dict[str, Any]) -> dict[str, Any]:
    """The summary as the extractor wrote it: no ids, flags or statuses added by the store."""
    return {key: [{k: v for k, v in item.items() if k not in ADDED_BY_STORE} for item in value]
            if isinstance(value, list) else value for key, value in summary.items()}


async def new_mentorship(store: Store) -> tuple[Participant, Participant]:
    """A mentorship's (mentor, mentee), as their tokens authenticate them."""
    _, tokens = await store.create_mentorship(MENTOR, MENTEE)
    mentor, mentee = (await store.authenticate(tokens["mentor"]),
                      await store.authenticate(tokens["mentee"]))
    assert mentor is not None and mentee is not None
    return mentor, mentee


async def processed_session(store: Store, who: Participant, name: str) -> str:
    """A session with a recording and the fixture's transcript and extraction saved."""
    session = await store.create_session(who, name, datetime(2026, 1, 14, 10, tzinfo=timezone.utc))
    await store.add_recording(session.id, who, recording(f"{session.id}.ogg"))
    await store.save_results(session.id, *session_fixture(name))
    return session.id


def recording(stored_name: str) -> NewRecording:
    return NewRecording(stored_name=stored_name, original_filename="call.ogg",
                        content_type="audio/ogg", size_bytes=123_456, sha256="ab" * 32,
                        duration=116.6)


async def count_rows(engine: AsyncEngine, table: str, session_id: str) -> int:
    column = "id" if table == "sessions" else "session_id"
    async with engine.connect() as conn:
        return (await conn.execute(text(f"SELECT count(*) FROM {table} WHERE {column} = :s"),
                                   {"s": session_id})).scalar_one()


# URLs and migrations

@pytest.mark.parametrize(("given", "expected"), [
    ("sqlite:///data/companion.db", "sqlite+aiosqlite:///data/companion.db"),
    ("sqlite+aiosqlite:////abs/c.db", "sqlite+aiosqlite:////abs/c.db"),
    ("postgresql://u:p%40ss@db:5432/companion", "postgresql+asyncpg://u:p%40ss@db:5432/companion"),
    ("postgres://u@db/companion", "postgresql+asyncpg://u@db/companion"),
    ("postgresql+asyncpg://u@db/companion", "postgresql+asyncpg://u@db/companion"),
])
def test_urls_are_normalised_to_async_drivers(given: str, expected: str) -> None:
    assert normalise_url(given) == expected


@pytest.mark.parametrize("url", ["mysql://u@db/companion", "not a url"])
def test_unsupported_urls_are_refused(url: str) -> None:
    with pytest.raises(DatabaseURLError):
        normalise_url(url)


async def test_migrate_twice_is_idempotent(database_url: str) -> None:
    # Two instances starting at once: one migrates, the other waits and finds nothing to do.
    await asyncio.gather(migrate(database_url), migrate(database_url))
    engine = create_engine(database_url)
    try:
        mentor, _ = await new_mentorship(Store(engine))
        await migrate(database_url)
        async with engine.connect() as conn:
            versions = (await conn.execute(text("SELECT version_num FROM alembic_version"))).all()
            tables = await conn.run_sync(lambda sync: inspect(sync).get_table_names())
        assert versions == [(ScriptDirectory.from_config(alembic_config()).get_current_head(),)]
        assert sorted(tables) == sorted([*Base.metadata.tables, "alembic_version"])
        assert (await Store(engine).get_mentorship(mentor)).mentor_name == MENTOR.name
    finally:
        await engine.dispose()


async def test_a_connection_waits_to_switch_a_new_file_to_wal(tmp_path: Path) -> None:
    """SQLite refuses a journal-mode change at once, without its busy wait, while another
    connection holds the file (two services starting on a new database): the switch waits."""
    import sqlite3

    path = tmp_path / "new.db"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x INTEGER)")
    holder.execute("BEGIN IMMEDIATE")  # a writer, as a migrating service is
    holder.execute("INSERT INTO t VALUES (1)")
    asyncio.get_running_loop().call_later(0.5, holder.execute, "COMMIT")
    engine = create_engine(f"sqlite:///{path}")
    try:
        async with engine.connect() as conn:
            assert (await conn.execute(text("PRAGMA journal_mode"))).scalar() == "wal"
    finally:
        await engine.dispose()
        holder.close()


async def test_migrated_schema_matches_the_models(engine: AsyncEngine,
                                                  database_url: str) -> None:
    def differences(sync: Any) -> list[Any]:
        context = MigrationContext.configure(sync, opts={"compare_type": True})
        return compare_metadata(context, Base.metadata)

    def check_constraints(sync: Any) -> dict[str, set[str]]:
        inspector = inspect(sync)
        return {table: {c["name"] for c in inspector.get_check_constraints(table)}
                for table in Base.metadata.tables}

    async with engine.connect() as conn:
        assert await conn.run_sync(differences) == []
        # compare_metadata does not look at CHECK constraints: compare their names here.
        assert await conn.run_sync(check_constraints) == {
            name: {c.name for c in table.constraints if isinstance(c, CheckConstraint)}
            for name, table in Base.metadata.tables.items()}
    # `alembic check` the way a developer runs it: env.py connects by itself from the URL
    # (in a thread, since it runs its own event loop). It raises if a migration is due.
    await asyncio.to_thread(command.check, alembic_config(database_url))


async def test_downgrade_removes_the_schema(engine: AsyncEngine, database_url: str) -> None:
    def downgrade(sync: Any) -> list[str]:
        config = alembic_config()
        config.attributes["connection"] = sync
        command.downgrade(config, "base")
        return inspect(sync).get_table_names()

    async with engine.begin() as conn:
        assert await conn.run_sync(downgrade) == ["alembic_version"]
    await migrate(database_url)
    assert (await new_mentorship(Store(engine)))[0].role == "mentor"


# Mentorships and tokens

async def test_create_and_read_a_mentorship(store: Store) -> None:
    created, tokens = await store.create_mentorship(
        MENTOR, MENTEE, agreement={"cadence": "every two weeks"}, goals=["Lead a project"])
    mentee = await store.authenticate(tokens["mentee"])
    assert mentee == Participant(mentorship_id=created.id, role="mentee", name=MENTEE.name,
                                 email=MENTEE.email, token_id=mentee.token_id)
    read = await store.get_mentorship(mentee)
    assert (read.mentor_name, read.mentor_email, read.mentee_name, read.mentee_email) == (
        MENTOR.name, MENTOR.email, MENTEE.name, MENTEE.email)
    assert (read.agreement, read.goals) == ({"cadence": "every two weeks"}, ["Lead a project"])
    assert read.created_at.tzinfo == timezone.utc
    assert abs(datetime.now(timezone.utc) - read.created_at) < timedelta(minutes=5)

    await store.set_recaps(mentee, False)
    updated = await store.update_mentorship(mentee, goals=["Lead a project", "Speak at a meetup"])
    assert (updated.mentor_recaps, updated.mentee_recaps) == (True, False)
    assert updated.goals == ["Lead a project", "Speak at a meetup"]
    assert updated.agreement == {"cadence": "every two weeks"}


@pytest.mark.parametrize(("mentor", "message"), [
    (Person("Dana", "not-an-address"), "email address"),
    (Person("  ", "dana@example.org"), "mentor name"),
    (Person("D" * 201, "dana@example.org"), "mentor name"),
])
async def test_bad_participants_are_refused(store: Store, mentor: Person, message: str) -> None:
    with pytest.raises(InvalidData, match=message):
        await store.create_mentorship(mentor, MENTEE)


async def test_tokens_are_stored_only_as_hashes(
        store: Store, engine: AsyncEngine, database_url: str, tmp_path: Path) -> None:
    _, tokens = await store.create_mentorship(MENTOR, MENTEE)
    assert len(tokens) == 2 and tokens["mentor"] != tokens["mentee"]
    assert all(len(t) >= 43 for t in tokens.values())  # 32 random bytes in base64url

    rows = []
    async with engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            rows += (await conn.execute(select(table))).all()
    dump = "\n".join(repr(tuple(row)) for row in rows)
    for token in tokens.values():
        assert token not in dump
        assert hash_token(token) in dump

    if database_url.startswith("sqlite"):
        raw = b"".join(p.read_bytes() for p in tmp_path.glob("companion.db*"))
        for token in tokens.values():
            assert token.encode() not in raw
            assert hash_token(token).encode() in raw


async def test_authenticate_revoke_and_rotate(store: Store) -> None:
    created, tokens = await store.create_mentorship(MENTOR, MENTEE)
    for bad in ("", "x" * 500, tokens["mentor"][:-1], tokens["mentor"] + "A"):
        assert await store.authenticate(bad) is None

    assert await store.revoke(created.id, "mentee") == 1
    assert await store.authenticate(tokens["mentee"]) is None
    assert (await store.authenticate(tokens["mentor"])).role == "mentor"

    fresh = await store.rotate(created.id, "mentor")
    assert await store.authenticate(tokens["mentor"]) is None
    participant = await store.authenticate(fresh)
    assert (participant.mentorship_id, participant.role) == (created.id, "mentor")
    assert await store.revoke(created.id, "mentee") == 0

    with pytest.raises(InvalidData, match="role"):
        await store.revoke(created.id, "admin")
    with pytest.raises(RecordNotFound):
        await store.rotate("0" * 16, "mentor")


# Sessions, scoped to their mentorship

async def test_sessions_are_not_reachable_through_another_mentorship(
        store: Store) -> None:
    mentor_a, mentee_a = await new_mentorship(store)
    mentor_b, _ = await new_mentorship(store)
    session_id = await processed_session(store, mentor_a, "s01-proposal-followup")
    item_id = (await store.open_action_items(mentor_a))[0].id

    assert (await store.get_session(session_id, mentee_a)).id == session_id
    attempts = [
        store.get_session(session_id, mentor_b),
        store.get_transcript(session_id, mentor_b),
        store.get_summary(session_id, mentor_b),
        store.edit_segment(session_id, 0, mentor_b, text="Hijacked"),
        store.update_action_item(item_id, mentor_b, done=True),
        store.add_recording(session_id, mentor_b, recording("other.ogg")),
        store.end_live_session(session_id, mentor_b),
        store.delete_session(session_id, mentor_b),
    ]
    for attempt in attempts:
        with pytest.raises(RecordNotFound):
            await attempt
    assert await store.list_sessions(mentor_b) == []
    assert await store.open_action_items(mentor_b) == []
    assert (await store.get_transcript(session_id, mentee_a))[0].edited is False
    assert [i.status for i in await store.open_action_items(mentor_a)] == ["open"] * 3


async def test_session_times_are_aware_utc(store: Store) -> None:
    mentor, _ = await new_mentorship(store)
    local = datetime(2026, 11, 20, 15, 0, tzinfo=timezone(timedelta(hours=2)))
    session = await store.create_session(mentor, "Proposal follow-up", local)
    read = await store.get_session(session.id, mentor)
    assert read.started_at == local
    assert read.started_at.tzinfo == timezone.utc and read.started_at.hour == 13
    assert read.status == "created" and read.updated_at.tzinfo == timezone.utc
    with pytest.raises(InvalidData, match="time zone"):
        await store.create_session(mentor, "Naive", datetime(2026, 11, 20, 15, 0))
    assert [s.id for s in await store.list_sessions(mentor)] == [session.id]


async def test_save_results_round_trips_the_contract_json(store: Store) -> None:
    mentor, mentee = await new_mentorship(store)
    session_id = await processed_session(store, mentor, "s04-first-session-expectations")
    segments, extraction = session_fixture("s04-first-session-expectations")

    transcript = await store.get_transcript(session_id, mentee)
    assert [{k: v for k, v in s.to_json().items() if k != "edited"} for s in transcript] == segments
    summary = await store.get_summary(session_id, mentee)
    assert without_store_fields(summary) == {**extraction, "next_checkin_source": None}
    assert {i["status"] for i in summary["action_items"]} == {"open"}
    assert len({i["id"] for key in summary if isinstance(summary[key], list)
                for i in summary[key]}) == sum(len(v) for v in extraction.values()
                                               if isinstance(v, list))


async def test_save_results_replaces_everything_or_nothing(store: Store) -> None:
    mentor, _ = await new_mentorship(store)
    session_id = await processed_session(store, mentor, "s01-proposal-followup")
    async def stored() -> tuple[list[dict[str, Any]], dict[str, Any]]:
        return ([s.to_json() for s in await store.get_transcript(session_id, mentor)],
                await store.get_summary(session_id, mentor))

    before = await stored()
    segments, extraction = session_fixture("s04-first-session-expectations")

    # The old rows are deleted and the new segments inserted before this item fails to
    # serialise: only a rollback of the whole transaction leaves the old results.
    broken = {**extraction, "decisions": [{"text": "Meet on Wednesdays", "when": object()}]}
    with pytest.raises(StatementError, match="JSON serializable"):
        await store.save_results(session_id, segments, broken)
    with pytest.raises(InvalidData, match="segment 2 speaker"):
        await store.save_results(session_id, [*segments[:2], {"speaker": "host", "text": "Hi"}],
                                 extraction)
    with pytest.raises(InvalidData, match=r"action_items\[0\] date"):
        await store.save_results(session_id, segments, {
            **extraction, "action_items": [{**extraction["action_items"][0], "due": "Friday"}]})
    assert await stored() == before

    await store.save_results(session_id, segments, extraction)
    after = await store.get_summary(session_id, mentor)
    assert without_store_fields(after)["action_items"] == extraction["action_items"]
    assert len(await store.get_transcript(session_id, mentor)) == len(segments)
    with pytest.raises(RecordNotFound):
        await store.save_results("0" * 16, segments, extraction)


async def test_edit_a_segment(store: Store) -> None:
    mentor, mentee = await new_mentorship(store)
    session_id = await processed_session(store, mentor, "s01-proposal-followup")
    edited = await store.edit_segment(session_id, 1, mentee, text="Yes, I can hear you now.",
                                      speaker="mentee")
    assert (edited.text, edited.speaker, edited.edited) == ("Yes, I can hear you now.",
                                                            "mentee", True)
    transcript = await store.get_transcript(session_id, mentor)
    assert [s.edited for s in transcript[:3]] == [False, True, False]
    assert transcript[1].text == "Yes, I can hear you now."
    with pytest.raises(InvalidData, match="speaker"):
        await store.edit_segment(session_id, 1, mentee, speaker="narrator")
    with pytest.raises(RecordNotFound):
        await store.edit_segment(session_id, 99, mentee, text="Nothing here")


async def test_tick_and_edit_action_items_across_sessions(store: Store) -> None:
    mentor, mentee = await new_mentorship(store)
    first = await processed_session(store, mentor, "s01-proposal-followup")
    second = await processed_session(store, mentor, "s04-first-session-expectations")

    items = await store.open_action_items(mentee)
    assert len(items) == 7 and {i.session_id for i in items} == {first, second}
    dues = [i.due for i in items]
    dated = [d for d in dues if d is not None]
    assert dues == dated + [None] * (len(dues) - len(dated)) and dated == sorted(dated)

    done = await store.update_action_item(items[0].id, mentee, done=True)
    assert (done.status, done.edited) == ("done", False)
    assert done.done_at is not None and done.done_at.tzinfo == timezone.utc
    assert items[0].id not in {i.id for i in await store.open_action_items(mentor)}

    reopened = await store.update_action_item(items[0].id, mentor, done=False,
                                              text="Send the brag document", due=None)
    assert (reopened.status, reopened.done_at, reopened.due) == ("open", None, None)
    assert (reopened.text, reopened.edited) == ("Send the brag document", True)
    summary = await store.get_summary(reopened.session_id, mentor)
    assert {"text": "Send the brag document", "due": None, "status": "open", "edited": True
            }.items() <= next(i for i in summary["action_items"] if i["id"] == items[0].id).items()

    with pytest.raises(InvalidData, match="due"):
        await store.update_action_item(items[1].id, mentor, due="next Friday")
    with pytest.raises(InvalidData, match="owner"):
        await store.update_action_item(items[1].id, mentor, owner="team")
    question_id = summary["questions"][0]["id"]
    with pytest.raises(RecordNotFound):
        await store.update_action_item(question_id, mentor, done=True)


async def test_deleting_a_session_deletes_its_rows(store: Store, engine: AsyncEngine) -> None:
    mentor, _ = await new_mentorship(store)
    doomed = await processed_session(store, mentor, "s01-proposal-followup")
    kept = await processed_session(store, mentor, "s04-first-session-expectations")
    tables = ("sessions", "recordings", "jobs", "segments", "items")
    assert all([await count_rows(engine, t, doomed) for t in tables])

    assert (await store.delete_session(doomed, mentor)).recordings == [f"{doomed}.ogg"]
    assert [await count_rows(engine, t, doomed) for t in tables] == [0] * len(tables)
    assert all([await count_rows(engine, t, kept) for t in tables])
    with pytest.raises(RecordNotFound):
        await store.get_session(doomed, mentor)


# Jobs

async def queued_jobs(store: Store, who: Participant, count: int) -> list[str]:
    ids = []
    for n in range(count):
        session = await store.create_session(who, f"Session {n}")
        _, job = await store.add_recording(session.id, who, recording(f"{session.id}.ogg"))
        ids.append(job.id)
    return ids


async def test_each_job_is_claimed_once_under_concurrency(
        store: Store, engine: AsyncEngine) -> None:
    mentor, _ = await new_mentorship(store)
    job_ids = await queued_jobs(store, mentor, 5)

    claims = await asyncio.gather(*(store.claim_next_job(f"worker-{n}") for n in range(20)))
    claimed = [job for job in claims if job is not None]
    assert sorted(job.id for job in claimed) == sorted(job_ids)
    assert await store.claim_next_job("late-worker") is None
    async with engine.connect() as conn:
        rows = (await conn.execute(
            text("SELECT id, status, attempts, lease_owner FROM jobs"))).all()
    assert sorted(rows) == sorted((j.id, "running", 1, j.lease_owner) for j in claimed)
    assert len({j.lease_owner for j in claimed}) == 5
    assert {s.status for s in await store.list_sessions(mentor)} == {"processing"}


async def test_requeue_unfinished_jobs(store: Store) -> None:
    mentor, _ = await new_mentorship(store)
    job_ids = await queued_jobs(store, mentor, 3)
    first, second = await store.claim_next_job("w1"), await store.claim_next_job("w2")
    assert {first.id, second.id} < set(job_ids)

    assert await store.requeue_unfinished_jobs(stale_before=first.heartbeat_at
                                               - timedelta(seconds=1)) == 0
    assert await store.requeue_unfinished_jobs(stale_before=second.heartbeat_at
                                               + timedelta(seconds=1)) == 2
    assert await store.requeue_unfinished_jobs() == 0
    requeued = [await store.get_job(first.id), await store.get_job(second.id)]
    assert [(j.status, j.lease_owner, j.attempts) for j in requeued] == [("queued", None, 1)] * 2
    assert {s.status for s in await store.list_sessions(mentor)} == {"queued"}

    again = [await store.claim_next_job("w3") for _ in range(3)]
    assert sorted(j.id for j in again) == sorted(job_ids)
    assert sorted(j.attempts for j in again) == [1, 2, 2]
    assert await store.requeue_unfinished_jobs() == 3


async def test_job_lifecycle_is_mirrored_on_the_session(store: Store) -> None:
    mentor, _ = await new_mentorship(store)
    [job_id] = await queued_jobs(store, mentor, 1)
    job = await store.claim_next_job("w1")
    context = await store.job_context(job.id)
    assert (context.recording.id, context.session.id) == (job.recording_id, job.session_id)
    assert context.mentorship.id == mentor.mentorship_id

    await store.update_progress(job_id, 0.25, "transcribing")
    session = await store.get_session(job.session_id, mentor)
    assert (session.status, session.progress, session.stage) == ("processing", 0.25,
                                                                 "transcribing")
    with pytest.raises(InvalidData, match="progress"):
        await store.update_progress(job_id, 1.5, "transcribing")

    await store.fail_job(job_id, "the recording has no audio stream")
    session = await store.get_session(job.session_id, mentor)
    assert (session.status, session.error) == ("failed", "the recording has no audio stream")
    with pytest.raises(InvalidState, match="failed"):
        await store.update_progress(job_id, 0.5, "transcribing")

    assert (await store.retry_job(job_id)).status == "queued"
    with pytest.raises(InvalidState):
        await store.retry_job(job_id)
    assert (await store.get_session(job.session_id, mentor)).status == "queued"
    retried = await store.claim_next_job("w2")
    assert (retried.id, retried.attempts, retried.error) == (job_id, 2, None)

    follow = await store.finish_job(job_id, then="extract")
    assert (follow.kind, follow.status, follow.recording_id) == ("extract", "queued",
                                                                 job.recording_id)
    assert (await store.get_session(job.session_id, mentor)).status == "processing"
    assert (await store.claim_next_job("w2")).id == follow.id
    assert await store.finish_job(follow.id) is None
    session = await store.get_session(job.session_id, mentor)
    assert (session.status, session.progress, session.error) == ("done", 1.0, None)

    with pytest.raises(InvalidState, match="done"):
        await store.fail_job(follow.id, "too late")
    with pytest.raises(RecordNotFound):
        await store.get_job("0" * 16)


async def test_recordings_and_live_sessions_need_the_right_state(store: Store) -> None:
    mentor, _ = await new_mentorship(store)
    session = await store.create_session(mentor, "Upload")
    await store.add_recording(session.id, mentor, recording("first.ogg"))
    with pytest.raises(InvalidState, match="queued"):
        await store.add_recording(session.id, mentor, recording("second.ogg"))
    with pytest.raises(InvalidState, match="not live"):
        await store.end_live_session(session.id, mentor)

    live = await store.create_session(mentor, "Live call", live=True)
    job = await store.end_live_session(live.id, mentor)
    assert (job.kind, job.recording_id) == ("finalize", None)
    assert (await store.get_session(live.id, mentor)).status == "queued"
