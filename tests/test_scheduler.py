"""The check-in rhythm: reminders before a check-in and nudges when the cadence is missed,
sent once each whatever happens (repeated rounds, a restart, two processes, a server that
is down, an attempt cut short).

Real SQLite and PostgreSQL, a real SMTP server (aiosmtpd on a loopback port), the real
``Scheduler`` driven by ``tick(now)`` at the instants the test chooses; and the real service,
whose own scheduler loop writes reminders to the outbox.
"""
from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select, update

from companion import notifications
from companion.db import create_engine, migrate
from companion.deliveries import recap_queue
from companion.mailer import RetryPolicy
from companion.models import Mentorship, Notification, Session
from companion.scheduler import Scheduler, agreed_cadence, checkin_instant, effective_checkin
from companion.settings import Settings
from companion.store import Person, Store
from companion.tokens import Participant
from test_api import MENTEE, MENTOR, ServiceFactory, make_service  # noqa: F401
from test_recap import Inbox, database_url, free_port, parse, smtp_server  # noqa: F401

PARIS = ZoneInfo("Europe/Paris")
UTC = timezone.utc
GUARD = 60.0
"""Seconds after which waiting for the service's scheduler fails the test (a hang)."""


# -- a real database and store, sessions made the way the worker makes them ----------------


@dataclass
class Pair:
    """A mentorship and its two participants."""

    id: str
    mentor: Participant
    mentee: Participant


@dataclass
class Backend:
    store: Store
    settings: Settings
    url: str

    def scheduler(self, **kwargs: Any) -> Scheduler:
        return Scheduler(self.store, self.settings, **kwargs)

    async def mentorship(self, agreement: dict[str, Any] | None = None,
                         mentor: dict[str, str] = MENTOR,
                         mentee: dict[str, str] = MENTEE) -> Pair:
        made, tokens = await self.store.create_mentorship(Person(**mentor), Person(**mentee),
                                                          agreement=agreement)
        mentor_p = await self.store.authenticate(tokens["mentor"])
        mentee_p = await self.store.authenticate(tokens["mentee"])
        assert mentor_p is not None and mentee_p is not None
        return Pair(made.id, mentor_p, mentee_p)

    async def held(self, pair: Pair, title: str, started: datetime,
                   extraction: dict[str, Any] | None = None,
                   lines: list[str] | None = None) -> str:
        """A session that took place: live, transcript and extraction stored, finalised an
        hour after it started (its ``updated_at`` moved to then: the test's clock)."""
        store = self.store
        session = await store.create_session(pair.mentor, title, started, live=True)
        segments = [{"speaker": "mentor" if i % 2 == 0 else "mentee", "start": 5.0 * i,
                     "end": 5.0 * i + 4, "text": text}
                    for i, text in enumerate(lines or ["Hello.", "Hi, good to see you."])]
        await store.save_results(session.id, segments, extraction or {})
        await store.end_live_session(session.id, pair.mentor)
        job = await store.claim_next_job("test-scheduler")
        assert job is not None and job.kind == "finalize"
        await store.finish_job(job.id)
        async with store.transaction() as db:
            await db.execute(update(Session).where(Session.id == session.id)
                             .values(updated_at=started + timedelta(hours=1)))
        return session.id

    async def set_checkin(self, pair: Pair, local: str, at: datetime) -> None:
        """A check-in set by hand at ``at``."""
        async with self.store.transaction() as db:
            await db.execute(update(Mentorship).where(Mentorship.id == pair.id).values(
                next_checkin=local, next_checkin_set_at=at, next_checkin_set_by="mentee"))

    async def notifications(self, pair: Pair | None = None) -> list[Notification]:
        async with self.store.transaction() as db:
            query = select(Notification).order_by(Notification.kind, Notification.key,
                                                  Notification.role)
            if pair is not None:
                query = query.where(Notification.mentorship_id == pair.id)
            return list(await db.scalars(query))


BackendFactory = Callable[..., Awaitable[Backend]]


@pytest.fixture
async def open_backend(database_url: str, tmp_path: Path) -> AsyncIterator[BackendFactory]:
    """Opens the test's database (again, for a "restart") with the given settings."""
    engines = []

    async def start(*, smtp_port: int | None = None, **settings: Any) -> Backend:
        overrides = {"data_dir": str(tmp_path / "data"), "database_url": database_url,
                     "timezone": "Europe/Paris", "base_url": "https://companion.example.org",
                     "smtp_url": f"smtp://127.0.0.1:{smtp_port}" if smtp_port else None,
                     **{k: str(v) for k, v in settings.items()}}
        config = Settings.load(environ={}, overrides=overrides)
        await migrate(config.database_url)
        engine = create_engine(config.database_url)
        engines.append(engine)
        return Backend(Store(engine, on_session_done=recap_queue(config.recap_hold)), config,
                       database_url)

    yield start
    for engine in engines:
        await engine.dispose()


def paris(*args: int) -> datetime:
    return datetime(*args, tzinfo=PARIS)


CHECKIN = "2026-12-04T10:00"
CHECKIN_AT = paris(2026, 12, 4, 10)
EXTRACTION = {
    "next_checkin": CHECKIN,
    "action_items": [
        {"owner": "mentee", "text": "Send the revised proposal to Dana", "due": "2026-12-01",
         "segment": 0},
        {"owner": "mentor", "text": "Introduce Sam to the finance lead", "due": "2026-12-10",
         "segment": 0},
        {"owner": "both", "text": "Read the chapter on negotiation", "due": None, "segment": 1},
        {"owner": "mentee", "text": "Book the rehearsal room", "due": "2026-11-25",
         "segment": 1, "status": "done"},
    ],
}


# -- the rules, on their own ------------------------------------------------------------------


def test_a_date_alone_is_nine_in_the_morning_local_time() -> None:
    assert checkin_instant("2026-12-04", PARIS) == datetime(2026, 12, 4, 8, tzinfo=UTC)
    assert checkin_instant("2026-07-04", PARIS) == datetime(2026, 7, 4, 7, tzinfo=UTC)
    assert checkin_instant("2026-12-04T10:00", PARIS) == datetime(2026, 12, 4, 9, tzinfo=UTC)
    assert checkin_instant("next week", PARIS) is None and checkin_instant(None, PARIS) is None


def test_the_cadence_is_read_from_either_shape_of_the_agreement() -> None:
    assert agreed_cadence({"cadence_days": 14}) == 14
    assert agreed_cadence({"cadence": {"text": "every two weeks", "cadence_days": 21}}) == 21
    assert agreed_cadence({"cadence": {"text": "every two weeks", "source": None}}) == 14
    assert agreed_cadence({"cadence": "monthly"}) == 30
    assert agreed_cadence({"cadence_days": 0}) is None
    assert agreed_cadence({"cadence_days": True}) is None
    assert agreed_cadence({}) is None and agreed_cadence(None) is None


# -- reminders ------------------------------------------------------------------------------


async def test_a_reminder_goes_to_each_participant_once_across_rounds_and_a_restart(
        open_backend: BackendFactory) -> None:
    port = free_port()
    backend = await open_backend(smtp_port=port)
    pair = await backend.mentorship()
    await backend.held(pair, "Proposal follow-up", paris(2026, 11, 20, 15), EXTRACTION)
    scheduler = backend.scheduler()
    with smtp_server(port, Inbox()) as inbox:
        opens = CHECKIN_AT - timedelta(hours=24)
        assert (await scheduler.tick(opens - timedelta(minutes=1))).queued == 0
        done = await scheduler.tick(opens + timedelta(minutes=30))
        assert done.queued == 2
        assert sorted((n.role, n.status, n.channel, n.attempts) for n in done.attempted) == [
            ("mentee", "sent", "smtp", 1), ("mentor", "sent", "smtp", 1)]
        for _ in range(3):
            again = await scheduler.tick(opens + timedelta(hours=2))
            assert (again.queued, again.attempted) == (0, [])

        # A restart: a new scheduler on a new connection to the same database.
        restarted = await open_backend(smtp_port=port)
        later = await restarted.scheduler().tick(CHECKIN_AT - timedelta(minutes=5))
        assert (later.queued, later.attempted) == (0, [])
        assert (await restarted.scheduler().tick(CHECKIN_AT + timedelta(hours=1))).queued == 0

    assert [len(inbox.to(p["email"])) for p in (MENTOR, MENTEE)] == [1, 1]
    rows = await backend.notifications(pair)
    assert [(n.kind, n.key, n.role, n.status) for n in rows] == [
        ("reminder", CHECKIN_AT.astimezone(UTC).isoformat(), role, "sent")
        for role in ("mentee", "mentor")]

    mentee_mail = inbox.to(MENTEE["email"])[0]
    assert mentee_mail["Subject"] == \
        f"Reminder: your check-in with {MENTOR['name']}, Fri 4 Dec 2026, 10:00"
    assert mentee_mail["Message-ID"] == rows[0].message_id
    assert mentee_mail["Auto-Submitted"] == "auto-generated"
    text = mentee_mail.get_body(("plain",)).get_content()
    due, _, rest = text.partition("ALSO OPEN")
    assert "DUE BY THE CHECK-IN" in due and "Send the revised proposal to Dana" in due
    assert "Introduce Sam to the finance lead" in rest
    assert "Read the chapter on negotiation" in rest
    assert "Book the rehearsal room" not in text  # done
    assert f"https://companion.example.org/mentorships/{pair.id}" in text
    html = mentee_mail.get_body(("html",)).get_content()
    assert "Send the revised proposal to Dana" in html and "<script" not in html


async def test_no_reminder_once_they_have_met_and_a_check_in_set_by_hand_wins(
        open_backend: BackendFactory) -> None:
    port = free_port()
    backend = await open_backend(smtp_port=port)
    pair = await backend.mentorship()
    await backend.held(pair, "Proposal follow-up", paris(2026, 11, 20, 15), EXTRACTION)
    # They met early, on the 2nd, and agreed nothing new: the 4 December check-in is held.
    await backend.held(pair, "Quick catch-up", paris(2026, 12, 2, 18))
    scheduler = backend.scheduler()
    with smtp_server(port, Inbox()) as inbox:
        assert (await scheduler.tick(CHECKIN_AT - timedelta(hours=3))).queued == 0

        # Set by hand after those sessions: a date alone (09:00 local time) wins over the
        # agreed check-in, and gets its reminder.
        async with backend.store.transaction() as db:
            mentorship = await db.get_one(Mentorship, pair.id)
            assert (await effective_checkin(db, mentorship, PARIS)).source == "session"
        await backend.set_checkin(pair, "2026-12-10", paris(2026, 12, 3, 12))
        async with backend.store.transaction() as db:
            mentorship = await db.get_one(Mentorship, pair.id)
            checkin = await effective_checkin(db, mentorship, PARIS)
        assert (checkin.source, checkin.at) == ("hand", paris(2026, 12, 10, 9))
        assert (await scheduler.tick(paris(2026, 12, 9, 8, 59))).queued == 0
        done = await scheduler.tick(paris(2026, 12, 9, 9, 30))
        assert {n.status for n in done.attempted} == {"sent"} and done.queued == 2

        # A later session that agrees a check-in of its own replaces the hand-set one.
        await backend.held(pair, "December session", paris(2026, 12, 10, 9),
                           {"next_checkin": "2026-12-18T16:00"})
        assert (await scheduler.tick(paris(2026, 12, 17, 17))).queued == 2
    assert [len(inbox.to(p["email"])) for p in (MENTOR, MENTEE)] == [2, 2]
    keys = {n.key for n in await backend.notifications(pair)}
    assert keys == {paris(2026, 12, 10, 9).astimezone(UTC).isoformat(),
                    paris(2026, 12, 18, 16).astimezone(UTC).isoformat()}


async def test_a_reminder_no_longer_due_when_its_turn_comes_is_skipped(
        open_backend: BackendFactory) -> None:
    port = free_port()  # nothing listens: the first attempt fails and is retried later
    backend = await open_backend(smtp_port=port)
    pair = await backend.mentorship()
    await backend.held(pair, "Proposal follow-up", paris(2026, 11, 20, 15), EXTRACTION)
    scheduler = backend.scheduler(retry=RetryPolicy(first=timedelta(hours=2)))
    first = await scheduler.tick(CHECKIN_AT - timedelta(hours=1))
    assert {(n.status, n.attempts) for n in first.attempted} == {("pending", 1)}
    with smtp_server(port, Inbox()) as inbox:
        late = await scheduler.tick(CHECKIN_AT + timedelta(hours=1))  # the check-in passed
    assert {n.status for n in late.attempted} == {"skipped"}
    assert inbox.received == []


# -- failures ---------------------------------------------------------------------------------


async def test_a_server_that_is_down_gets_each_reminder_once_it_is_back(
        open_backend: BackendFactory) -> None:
    port = free_port()
    backend = await open_backend(smtp_port=port)
    pair = await backend.mentorship()
    await backend.held(pair, "Proposal follow-up", paris(2026, 11, 20, 15), EXTRACTION)
    scheduler = backend.scheduler(retry=RetryPolicy(first=timedelta(minutes=5)))
    now = CHECKIN_AT - timedelta(hours=20)
    down = await scheduler.tick(now)
    assert sorted((n.role, n.status, n.attempts) for n in down.attempted) == [
        ("mentee", "pending", 1), ("mentor", "pending", 1)]
    assert all(n.last_error.startswith("cannot reach smtp://127.0.0.1") for n in down.attempted)
    assert all(n.next_attempt_at == now + timedelta(minutes=5) for n in down.attempted)
    with smtp_server(port, Inbox()) as inbox:
        assert (await scheduler.tick(now + timedelta(minutes=4))).attempted == []  # back-off
        back = await scheduler.tick(now + timedelta(minutes=5))
        assert sorted((n.role, n.status, n.attempts) for n in back.attempted) == [
            ("mentee", "sent", 2), ("mentor", "sent", 2)]
        assert (await scheduler.tick(now + timedelta(hours=1))).attempted == []
    assert [len(inbox.to(p["email"])) for p in (MENTOR, MENTEE)] == [1, 1]
    rows = await backend.notifications(pair)
    assert {inbox.to(n.address)[0]["Message-ID"] for n in rows} == {n.message_id for n in rows}


async def test_an_attempt_cut_short_is_failed_not_sent_again(
        open_backend: BackendFactory) -> None:
    port = free_port()
    backend = await open_backend(smtp_port=port)
    pair = await backend.mentorship()
    await backend.held(pair, "Proposal follow-up", paris(2026, 11, 20, 15), EXTRACTION)
    now = CHECKIN_AT - timedelta(hours=20)
    async with backend.store.transaction() as db:
        mentorship = await db.get_one(Mentorship, pair.id)
        assert await notifications.queue(db, mentorship, "reminder",
                                         CHECKIN_AT.astimezone(UTC).isoformat(), now) == 2
    # A process claims one and stops before it knows whether the server took it.
    cut = await notifications.claim_next(backend.store, now, message_domain="example.org")
    assert cut is not None and cut.status == "sending"
    with smtp_server(port, Inbox()) as inbox:
        after = await backend.scheduler().tick(now + timedelta(minutes=11))
    assert [(n.role, n.status) for n in after.attempted] == [
        ("mentee" if cut.role == "mentor" else "mentor", "sent")]
    rows = {n.role: n for n in await backend.notifications(pair)}
    assert rows[cut.role].status == "failed"
    assert rows[cut.role].last_error == notifications.ABANDONED
    assert len(inbox.received) == 1


async def test_two_schedulers_at_once_send_each_email_once(
        open_backend: BackendFactory) -> None:
    port = free_port()
    first, second = await open_backend(smtp_port=port), await open_backend(smtp_port=port)
    pair = await first.mentorship()
    await first.held(pair, "Proposal follow-up", paris(2026, 11, 20, 15), EXTRACTION)
    now = CHECKIN_AT - timedelta(hours=2)
    with smtp_server(port, Inbox()) as inbox:
        rounds = await asyncio.gather(first.scheduler().tick(now), second.scheduler().tick(now),
                                      first.scheduler().tick(now))
    assert sum(r.queued for r in rounds) == 2
    assert sorted(n.role for r in rounds for n in r.attempted) == ["mentee", "mentor"]
    assert [len(inbox.to(p["email"])) for p in (MENTOR, MENTEE)] == [1, 1]


# -- nudges -----------------------------------------------------------------------------------


async def test_a_missed_cadence_nudges_both_once_per_gap(open_backend: BackendFactory) -> None:
    port = free_port()
    backend = await open_backend(smtp_port=port)
    pair = await backend.mentorship(
        agreement={"cadence": {"text": "every two weeks", "cadence_days": 14, "source": None}})
    quiet = await backend.mentorship(mentor={"name": "Ann Lee", "email": "ann@example.org"},
                                     mentee={"name": "Bo Chen", "email": "bo@example.org"})
    last = paris(2026, 11, 20, 15)
    first_id = await backend.held(pair, "Kick-off", last)
    await backend.held(quiet, "No cadence agreed", last)  # never nudged: no cadence
    scheduler = backend.scheduler()
    due = last + timedelta(days=14 + 3)
    with smtp_server(port, Inbox()) as inbox:
        assert (await scheduler.tick(due - timedelta(minutes=1))).queued == 0
        nudged = await scheduler.tick(due + timedelta(minutes=1))
        assert nudged.queued == 2 and {n.status for n in nudged.attempted} == {"sent"}
        for moment in (due + timedelta(hours=1), due + timedelta(days=20)):
            assert (await scheduler.tick(moment)).queued == 0
        restarted = await open_backend(smtp_port=port)
        assert (await restarted.scheduler().tick(due + timedelta(days=30))).queued == 0

        # They meet again; the next gap gets a nudge of its own, after that session.
        again = paris(2027, 1, 10, 12)
        second_id = await backend.held(pair, "New year", again)
        assert (await scheduler.tick(again + timedelta(days=16))).queued == 0
        # A check-in ahead means they have a plan: no nudge while it is ahead.
        await backend.set_checkin(pair, "2027-02-01T10:00", again + timedelta(days=16))
        assert (await scheduler.tick(again + timedelta(days=18))).queued == 0
        assert (await scheduler.tick(paris(2027, 2, 1, 11))).queued == 2
    rows = await backend.notifications()
    assert sorted((n.mentorship_id, n.kind, n.key) for n in rows if n.kind == "nudge") == sorted(
        (pair.id, "nudge", key) for key in (first_id, first_id, second_id, second_id))
    assert all(n.mentorship_id == pair.id for n in rows)
    assert [len(inbox.to(p["email"])) for p in (MENTOR, MENTEE)] == [2, 2]
    mail = inbox.to(MENTOR["email"])[0]
    assert mail["Subject"] == f"Time for a check-in with {MENTEE['name']}?"
    body = mail.get_body(("plain",)).get_content()
    assert "17 days since your last session" in body and "every 14 days" in body


async def test_a_default_cadence_nudges_mentorships_that_agreed_none(
        open_backend: BackendFactory) -> None:
    port = free_port()
    backend = await open_backend(smtp_port=port, default_cadence_days=7, cadence_grace_days=0)
    pair = await backend.mentorship()
    await backend.held(pair, "Kick-off", paris(2026, 11, 20, 15))
    with smtp_server(port, Inbox()) as inbox:
        assert (await backend.scheduler().tick(paris(2026, 11, 27, 14))).queued == 0
        assert (await backend.scheduler().tick(paris(2026, 11, 27, 16))).queued == 2
    assert len(inbox.received) == 2


# -- the service runs it ----------------------------------------------------------------------


async def test_the_service_runs_the_scheduler_and_writes_reminders_to_the_outbox(
        make_service: ServiceFactory, tmp_path: Path) -> None:
    service = await make_service(run_worker=True, scheduler_interval_s="0.2")
    made = await service.mentorship()
    soon = datetime.now(UTC).replace(second=0, microsecond=0) + timedelta(hours=3)
    async with service.store.transaction() as db:
        await db.execute(update(Mentorship).where(Mentorship.id == made["id"]).values(
            next_checkin=soon.strftime("%Y-%m-%dT%H:%M"),
            next_checkin_set_at=datetime.now(UTC), next_checkin_set_by="mentor"))
    outbox = service.settings.outbox_dir
    deadline = asyncio.get_running_loop().time() + GUARD
    while len(list(outbox.glob("reminder-*.eml"))) < 2:
        assert asyncio.get_running_loop().time() < deadline, "no reminder was written"
        await asyncio.sleep(0.1)
    await asyncio.sleep(0.6)  # a few more rounds: still two
    files = sorted(outbox.glob("reminder-*.eml"))
    assert len(files) == 2
    recipients = sorted(parse(f.read_bytes())["To"].addresses[0].addr_spec for f in files)
    assert recipients == sorted([MENTOR["email"], MENTEE["email"]])
