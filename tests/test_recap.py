"""Recap emails: a real SMTP server (aiosmtpd on a loopback port), a real database (SQLite,
and PostgreSQL for the mailer's queue), the real app with its worker and mailer.

The service tests finalise a live session the real way (POST /end: the worker runs
extraction over the stored transcript, then the mailer sends). The mailer's own tests
drive ``Mailer.run_once`` with a clock they move, so that back-off, holds and abandoned
attempts are reached without waiting; the server really is down, then up.
"""
from __future__ import annotations

import asyncio
import email
import json
import re
import socket
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import aiohttp
import pytest
from aiosmtpd.controller import Controller
from icalendar import Calendar

from companion import processing
from companion.cli import main
from companion.db import create_engine, migrate
from companion.deliveries import DeliveryStore, recap_queue
from companion.mailer import (ABANDONED, STALE_SENDING, Envelope, Mailer, RetryPolicy,
                              SmtpTransport)
from companion.models import Delivery, utcnow
from companion.recap import CarriedItem, RecapSource, compose, to_message
from companion.settings import Settings
from companion.store import NewRecording, Person, Store
from companion.tokens import Participant
from test_api import MENTEE, MENTOR, S01, Service, ServiceFactory, make_service  # noqa: F401
from web.auth import CSRF_COOKIE, CSRF_HEADER
from web.views.recap import MAILER

PARIS = ZoneInfo("Europe/Paris")
GUARD = 120.0
"""Seconds after which waiting for an email fails the test (a hang, not a slow run)."""


# -- a real SMTP server ---------------------------------------------------------------------


@dataclass
class Inbox:
    """What an aiosmtpd server received; it refuses the addresses in ``refuse``."""

    refuse: set[str] = field(default_factory=set)
    received: list[tuple[list[str], bytes]] = field(default_factory=list)

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str,
                          rcpt_options: list[str]) -> str:
        if address in self.refuse:
            return f"550 5.1.1 <{address}>: mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.received.append((list(envelope.rcpt_tos), envelope.content))
        return "250 2.0.0 accepted"

    def messages(self) -> list[EmailMessage]:
        return [parse(data) for _, data in self.received]

    def to(self, address: str) -> list[EmailMessage]:
        return [m for (rcpts, _), m in zip(self.received, self.messages()) if rcpts == [address]]

    async def wait_for(self, count: int) -> None:
        deadline = asyncio.get_running_loop().time() + GUARD
        while len(self.received) < count:
            assert asyncio.get_running_loop().time() < deadline, self.received
            await asyncio.sleep(0.1)


def parse(data: bytes) -> EmailMessage:
    return BytesParser(policy=policy.default).parsebytes(data)  # type: ignore[return-value]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def smtp_server(port: int, inbox: Inbox) -> Iterator[Inbox]:
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox
    finally:
        controller.stop()


# -- the database, the store and the mailer, without the web layer ---------------------------


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """SQLite in the test's directory, or PostgreSQL (conftest's ``postgres_url``)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'companion.db'}"
    return request.getfixturevalue("postgres_url")


class Clock:
    """The mailer's time, moved by the test."""

    def __init__(self) -> None:
        self.now = utcnow()

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> None:
        self.now += delta


@dataclass
class Backend:
    store: Store
    deliveries: DeliveryStore
    settings: Settings

    def mailer(self, clock: Clock, **kwargs: Any) -> Mailer:
        return Mailer(self.deliveries, self.settings, clock=clock, **kwargs)


@dataclass(frozen=True)
class Finalised:
    session_id: str
    mentor: Participant
    mentee: Participant
    backend: Backend

    async def deliveries(self) -> list[Delivery]:
        """The session's deliveries, newest first."""
        return await self.backend.deliveries.for_session(self.session_id, self.mentor)

    async def latest(self) -> dict[str, Delivery]:
        """The newest delivery of each role."""
        rows: dict[str, Delivery] = {}
        for row in await self.deliveries():
            rows.setdefault(row.role, row)
        return rows


BackendFactory = Callable[..., Awaitable[Backend]]


@pytest.fixture
async def open_backend(database_url: str, tmp_path: Path) -> AsyncIterator[BackendFactory]:
    engines = []

    async def start(*, hold_min: float = 0, smtp_port: int | None = None) -> Backend:
        overrides = {"data_dir": str(tmp_path / "data"), "database_url": database_url,
                     "timezone": "Europe/Paris", "base_url": "https://companion.example.org",
                     "recap_hold_min": str(hold_min),
                     "smtp_url": f"smtp://127.0.0.1:{smtp_port}" if smtp_port else None}
        settings = Settings.load(environ={}, overrides=overrides)
        await migrate(settings.database_url)
        engine = create_engine(settings.database_url)
        engines.append(engine)
        return Backend(Store(engine, on_session_done=recap_queue(settings.recap_hold)),
                       DeliveryStore(engine), settings)

    yield start
    for engine in engines:
        await engine.dispose()


def s01_segments() -> list[dict[str, Any]]:
    """The s01 conversation with the times at which its recording says each turn."""
    turns = json.loads(S01.with_suffix(".json").read_text())["turns"]
    truth = json.loads(S01.with_suffix(".truth.json").read_text())["turns"]
    return [{"speaker": turn["speaker"], "start": timing["start"], "end": timing["end"],
             "text": turn["text"]} for turn, timing in zip(turns, truth)]


async def finalised_session(backend: Backend) -> Finalised:
    """A live session with the s01 transcript and its extraction, finalised as the worker
    finalises one: its "finalize" job claimed, the results stored, the job finished."""
    store = backend.store
    _, tokens = await store.create_mentorship(Person(**MENTOR), Person(**MENTEE))
    mentor = await store.authenticate(tokens["mentor"])
    mentee = await store.authenticate(tokens["mentee"])
    assert mentor is not None and mentee is not None
    session = await store.create_session(mentor, "Proposal follow-up",
                                         datetime(2026, 11, 20, 15, tzinfo=PARIS), live=True)
    segments = s01_segments()
    await store.save_results(session.id, segments, processing.extract(
        {"session_date": "2026-11-20T15:00", "segments": segments}))
    await store.end_live_session(session.id, mentor)
    job = await store.claim_next_job("test-recap")
    assert job is not None and job.kind == "finalize"
    await store.finish_job(job.id)
    return Finalised(session.id, mentor, mentee, backend)


# -- queueing -------------------------------------------------------------------------------


async def test_a_finalisation_queues_one_recap_per_participant(
        open_backend: BackendFactory) -> None:
    backend = await open_backend()
    session = await finalised_session(backend)
    rows = await session.latest()
    assert {role: (r.status, r.address, r.finalisation, r.reason) for role, r in rows.items()} \
        == {"mentor": ("pending", MENTOR["email"], 1, "finalised"),
            "mentee": ("pending", MENTEE["email"], 1, "finalised")}
    first_job = rows["mentor"].job_id
    assert first_job is not None and rows["mentee"].job_id == first_job

    # The session processed again (an uploaded recording: transcribe, then extract) is
    # finalised again, once its last stage is done: a second recap, numbered 2.
    store = backend.store
    _, job = await store.add_recording(session.session_id, session.mentor, NewRecording(
        stored_name="again.flac", original_filename="again.flac", content_type="audio/flac",
        size_bytes=1, sha256="0" * 64))
    assert (await store.claim_next_job("test-recap")).id == job.id
    follow = await store.finish_job(job.id, then="extract")
    assert follow is not None and len(await session.deliveries()) == 2
    assert (await store.claim_next_job("test-recap")).id == follow.id
    await store.finish_job(follow.id)
    assert sorted((r.finalisation, r.role, r.job_id) for r in await session.deliveries()) == [
        (1, "mentee", first_job), (1, "mentor", first_job),
        (2, "mentee", follow.id), (2, "mentor", follow.id)]


async def test_a_recap_carries_the_open_items_of_earlier_sessions_only(
        open_backend: BackendFactory) -> None:
    backend = await open_backend()
    session = await finalised_session(backend)
    store = backend.store

    async def other(title: str, day: int, items: list[dict[str, Any]]) -> None:
        made = await store.create_session(session.mentor, title,
                                          datetime(2026, 11, day, 15, tzinfo=PARIS))
        await store.save_results(made.id, [{"speaker": "mentee", "text": "Noted."}],
                                 {"action_items": items})

    await other("Kick-off", 6, [
        {"owner": "mentee", "text": "Draft the project proposal", "due": "2026-11-19",
         "segment": 0},
        {"owner": "mentor", "text": "Share the template", "due": None, "segment": 0,
         "status": "done"},
        {"owner": "both", "text": "Agree on a meeting rhythm", "due": None, "segment": 0}])
    await other("Later call", 27, [
        {"owner": "mentee", "text": "Book the venue", "due": "2026-11-30", "segment": 0}])
    source = await backend.deliveries.source(session.session_id, zone=PARIS)
    assert source.earlier == (
        CarriedItem("mentee", "Draft the project proposal", "2026-11-19", "Kick-off"),
        CarriedItem("both", "Agree on a meeting rhythm", None, "Kick-off"))
    assert source.finalisation == 1 and source.title == "Proposal follow-up"


# -- the mailer against a real SMTP server ---------------------------------------------------


async def test_a_server_that_is_down_gets_each_email_once_it_is_back(
        open_backend: BackendFactory) -> None:
    port = free_port()
    backend = await open_backend(smtp_port=port)
    await finalised_session(backend)
    clock = Clock()
    mailer = backend.mailer(clock, retry=RetryPolicy(first=timedelta(minutes=1)))

    ended = await mailer.run_once()  # nothing listens on the port
    assert sorted((d.role, d.status, d.attempts) for d in ended) == [
        ("mentee", "pending", 1), ("mentor", "pending", 1)]
    assert all("cannot reach smtp://127.0.0.1" in d.last_error for d in ended)
    assert all(d.next_attempt_at == clock.now + timedelta(minutes=1) for d in ended)
    message_ids = {d.role: d.message_id for d in ended}
    assert mailer.health()["last_error"] is not None

    with smtp_server(port, Inbox()) as inbox:
        assert await mailer.run_once() == []  # back-off: not due yet
        clock.advance(timedelta(minutes=1))
        ended = await mailer.run_once()
        assert sorted((d.role, d.status, d.attempts, d.channel) for d in ended) == [
            ("mentee", "sent", 2, "smtp"), ("mentor", "sent", 2, "smtp")]
        clock.advance(timedelta(hours=5))
        assert await mailer.run_once() == []
    assert [len(inbox.to(p["email"])) for p in (MENTOR, MENTEE)] == [1, 1]
    for role, person in (("mentor", MENTOR), ("mentee", MENTEE)):
        assert inbox.to(person["email"])[0]["Message-ID"] == message_ids[role]
    assert mailer.health()["last_error"] is None


async def test_a_refused_address_fails_at_once_and_attempts_are_bounded(
        open_backend: BackendFactory) -> None:
    port = free_port()
    backend = await open_backend(smtp_port=port)
    await finalised_session(backend)
    clock = Clock()
    with smtp_server(port, Inbox(refuse={MENTEE["email"]})) as inbox:
        ended = {d.role: d for d in await backend.mailer(clock).run_once()}
    assert (ended["mentor"].status, ended["mentee"].status) == ("sent", "failed")
    assert ended["mentee"].attempts == 1
    assert ended["mentee"].last_error.startswith("the server answered 550 5.1.1")
    assert len(inbox.received) == 1

    # With no server at all, the mailer tries a bounded number of times, then gives up.
    second = await finalised_session(backend)
    mailer = backend.mailer(clock, retry=RetryPolicy(first=timedelta(minutes=1), attempts=3))
    for _ in range(5):
        await mailer.run_once()
        clock.advance(timedelta(hours=1))
    rows = await second.latest()
    assert {(r.status, r.attempts) for r in rows.values()} == {("failed", 3)}
    assert rows["mentor"].last_error.startswith("gave up after 3 attempts: cannot reach")


async def test_an_attempt_cut_short_by_a_restart_is_not_sent_again(
        open_backend: BackendFactory) -> None:
    port = free_port()
    backend = await open_backend(smtp_port=port)
    session = await finalised_session(backend)
    clock = Clock()
    with smtp_server(port, Inbox()) as inbox:
        # The service claims the mentor's email and the server accepts it; the service
        # dies before it records that (simulated: the claim is never finished).
        claim = await backend.deliveries.claim_next(
            clock(), message_domain="companion.example.org",
            only=[(await session.latest())["mentor"].id])
        assert claim is not None and claim.delivery.status == "sending"
        dying = backend.mailer(clock)
        source = await backend.deliveries.source(session.session_id, zone=PARIS)
        await SmtpTransport(backend.settings.smtp).send(
            dying.message(claim, source),
            Envelope(claim.delivery.id, backend.settings.sender, MENTOR["email"]))
        assert len(inbox.received) == 1

        # The restarted service sends what is due, and leaves the "sending" row alone
        # while its attempt could still be live (another process may be sending it)...
        restarted = backend.mailer(clock)
        assert [(d.role, d.status) for d in await restarted.run_once()] == [("mentee", "sent")]
        assert (await session.latest())["mentor"].status == "sending"
        # ...and once no attempt can still be running, gives it up: never sent twice.
        clock.advance(STALE_SENDING + timedelta(seconds=1))
        assert await restarted.run_once() == []
        mentor_row = (await session.latest())["mentor"]
        assert (mentor_row.status, mentor_row.last_error) == ("failed", ABANDONED)
        assert [len(inbox.to(p["email"])) for p in (MENTOR, MENTEE)] == [1, 1]

        # A participant who did not get it asks again: a new delivery, sent once.
        again = await backend.deliveries.request(session.session_id, ["mentor"], "resend",
                                                 now=clock(), asked_by=session.mentor)
        ended = await restarted.run_once()
        assert [(d.id, d.status) for d in ended] == [(again[0].id, "sent")]
    assert len(inbox.to(MENTOR["email"])) == 2
    ids = [m["Message-ID"] for m in inbox.to(MENTOR["email"])]
    assert ids[0] != ids[1]


async def test_a_hold_keeps_recaps_until_it_expires(open_backend: BackendFactory) -> None:
    port = free_port()
    backend = await open_backend(hold_min=30, smtp_port=port)
    session = await finalised_session(backend)
    assert {r.status for r in await session.deliveries()} == {"held"}
    clock = Clock()
    with smtp_server(port, Inbox()) as inbox:
        mailer = backend.mailer(clock)
        clock.advance(timedelta(minutes=29))
        assert await mailer.run_once() == []
        # The mentee turns recap emails off while theirs is held: it is never sent.
        await backend.store.set_recaps(session.mentee, False)
        clock.advance(timedelta(minutes=2))
        ended = await mailer.run_once()
    assert [(d.role, d.status) for d in ended] == [("mentor", "sent")]
    assert (await session.latest())["mentee"].status == "skipped"
    assert [rcpts for rcpts, _ in inbox.received] == [[MENTOR["email"]]]


# -- the email itself -----------------------------------------------------------------------


def s01_source(title: str = "Proposal follow-up", mentor_name: str = MENTOR["name"],
               summary: dict[str, Any] | None = None) -> RecapSource:
    segments = s01_segments()
    transcript = {"session_date": "2026-11-20T15:00",
                  "participants": {"mentor": {**MENTOR, "name": mentor_name},
                                   "mentee": MENTEE},
                  "segments": segments}
    if summary is None:
        summary = processing.extract(transcript)
    return RecapSource(session_id="5e55f00d5e55f00d", mentorship_id="0" * 16, title=title,
                       changed_at=utcnow(), finalisation=1, transcript=transcript,
                       summary=summary, earlier=(CarriedItem(
                           "mentee", "Email the draft to maria@finance.example.org",
                           "2026-11-13", "Kick-off"),))


def render_message(source: RecapSource, role: str = "mentor") -> EmailMessage:
    page = f"https://companion.example.org/sessions/{source.session_id}"
    recap = compose(source, role, link=page, page_url=page, zone=PARIS, link_days=30)
    person = MENTOR if role == "mentor" else MENTEE
    message = to_message(recap, sender="companion@example.org", address=person["email"],
                         message_id="<recap.1@example.org>", date=utcnow())
    return parse(message.as_bytes(policy=policy.SMTP))


def test_no_header_can_be_injected_through_a_name_or_a_title() -> None:
    source = s01_source(title="Follow-up\r\nX-Injected: yes",
                        mentor_name="Dana Reyes\r\nBcc: eve@example.com")
    message = render_message(source)
    for part in message.walk():
        assert "Bcc" not in part and "X-Injected" not in part
    head = message.as_bytes().split(b"\n\n", 1)[0]
    assert not re.search(rb"^(Bcc|X-Injected):", head, re.MULTILINE | re.IGNORECASE)
    assert len(head.splitlines()) == len(message.keys())  # one line per header
    assert [a.addr_spec for a in message["To"].addresses] == [MENTOR["email"]]
    assert message["To"].addresses[0].display_name == "Dana Reyes Bcc: eve@example.com"
    assert message["Subject"] == "Recap: Follow-up X-Injected: yes (Fri 20 Nov 2026, 15:00)"


def test_personal_data_said_in_the_call_is_masked_in_the_email() -> None:
    summary = processing.extract({"session_date": "2026-11-20T15:00",
                                  "segments": s01_segments()})
    item = summary["action_items"][0]
    item["text"] = "Call Maria on +44 20 7946 0958 about the budget"
    item["quote"] = "Her number is +44 20 7946 0958, or maria@finance.example.org."
    summary["feedback"][0]["text"] = "Pay the fee with 4111 1111 1111 1111, not your own."
    message = render_message(s01_source(summary=summary))
    parts = {part.get_content_type(): part.get_content() for part in message.walk()
             if not part.is_multipart()}
    assert set(parts) == {"text/plain", "text/html", "text/calendar", "application/ics"}
    for kind, content in parts.items():
        text = content.decode() if isinstance(content, bytes) else content
        text = text.replace("\r\n ", "")  # iCalendar folds long lines
        for secret in ("7946 0958", "maria@finance", "4111 1111"):
            assert secret not in text, (kind, secret)
        if kind != "text/plain":
            continue
        flat = " ".join(text.split())
        assert "Call Maria on [phone number] about the budget" in flat
        assert "Pay the fee with [card number], not your own." in flat
        assert "Email the draft to [email address]" in flat  # carried from earlier
        assert "card or account numbers said in the call are masked in this email" in flat


# -- the service: finalised, mailed, linked ---------------------------------------------------


async def live_session(service: Service) -> tuple[dict[str, Any], str]:
    """A mentorship and its live session holding the s01 transcript, not yet finalised."""
    mentorship = await service.mentorship()
    session = await service.session(mentorship["tokens"]["mentor"], mentorship["id"],
                                    live=True)
    await service.store.save_results(session["id"], s01_segments(), {})
    return mentorship, session["id"]


async def end(service: Service, token: str, session_id: str) -> None:
    await service.json("POST", f"/api/sessions/{session_id}/end", token, expect=202)


async def wait_for_deliveries(service: Service, token: str, session_id: str,
                              done: Callable[[list[dict[str, Any]]], bool]) -> dict[str, Any]:
    deadline = asyncio.get_running_loop().time() + GUARD
    while True:
        state = await service.json("GET", f"/api/sessions/{session_id}/recap", token)
        if done(state["deliveries"]):
            return state
        assert asyncio.get_running_loop().time() < deadline, state
        await asyncio.sleep(0.2)


@asynccontextmanager
async def browser() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as session:
        yield session


async def test_a_finalised_live_session_is_mailed_to_both_participants(
        make_service: ServiceFactory) -> None:
    port = free_port()
    with smtp_server(port, Inbox()) as inbox:
        service = await make_service(run_worker=True, smtp_url=f"smtp://127.0.0.1:{port}",
                                     timezone="Europe/Paris",
                                     mail_from="recaps@companion.example.org")
        mentorship, session_id = await live_session(service)
        await end(service, mentorship["tokens"]["mentee"], session_id)
        await inbox.wait_for(2)
        state = await wait_for_deliveries(service, mentorship["tokens"]["mentor"], session_id,
                                          lambda ds: {d["status"] for d in ds} == {"sent"})
        health = await service.json("GET", "/healthz")
    assert health["mailer"] == {"status": "ok", "channel": "smtp",
                                "to": f"smtp://127.0.0.1:{port}", "last_error": None}
    assert sorted(rcpts for rcpts, _ in inbox.received) == [[MENTOR["email"]],
                                                             [MENTEE["email"]]]
    ids = {d["role"]: d["message_id"] for d in state["deliveries"]}
    assert state["channel"] == "smtp" and state["outbox"] is None
    for role, person, other in (("mentor", MENTOR, MENTEE), ("mentee", MENTEE, MENTOR)):
        [message] = inbox.to(person["email"])
        assert message["From"].addresses[0].addr_spec == "recaps@companion.example.org"
        assert [a.display_name for a in message["To"].addresses] == [person["name"]]
        assert message["Message-ID"] == ids[role]
        text = message.get_body(("plain",)).get_content()
        html = message.get_body(("html",)).get_content()
        assert message.get_body(("plain",)).get_content_type() == "text/plain"
        assert f"Hello {person['name']}," in text and f"Hello {person['name']}," in html
        assert "Fri 4 Dec 2026, 10:00" in text and "Fri 4 Dec 2026, 10:00" in html
        actions = text[text.index("ACTION ITEMS"):text.index("FEEDBACK")]
        assert actions.index(f"{person['name']}:") < actions.index(f"{other['name']}:")
        check_invitation(message, session_id)

    # The link in the email opens the session page, signed in as its reader.
    [message] = inbox.to(MENTEE["email"])
    link = re.search(r"Open the session page: (\S+)",
                     message.get_body(("plain",)).get_content()).group(1)
    assert link.startswith(f"{service.settings.public_url}/recap/")
    path = urlsplit(link).path
    async with browser() as mentee_browser:
        async with mentee_browser.get(service.client.make_url(path),
                                      allow_redirects=False) as response:
            assert response.status == 303, await response.text()
            assert response.headers["Location"] == f"/sessions/{session_id}"
        async with mentee_browser.get(service.client.make_url(f"/sessions/{session_id}"),
                                      headers={"Accept": "text/html"}) as response:
            assert response.status == 200
        async with mentee_browser.get(
                service.client.make_url(f"/api/mentorships/{mentorship['id']}")) as response:
            assert (await response.json())["you"] == "mentee"
    # Rotating the personal link (it leaked) retires the links mailed before.
    await service.json("POST", f"/api/mentorships/{mentorship['id']}/links/mentee/rotate",
                       mentorship["tokens"]["mentee"])
    async with browser() as stranger:
        async with stranger.get(service.client.make_url(path),
                                allow_redirects=False) as response:
            assert response.status == 401


def check_invitation(message: EmailMessage, session_id: str) -> None:
    """The next check-in, in the service's time zone, from the mentor to both."""
    parts = [p for p in message.walk() if p.get_content_type() == "text/calendar"]
    attachments = [p for p in message.iter_attachments() if p.get_filename() == "invite.ics"]
    assert len(parts) == 1 and parts[0].get_param("method") == "REQUEST"
    assert len(attachments) == 1
    for data in (parts[0].get_content(), attachments[0].get_content()):
        calendar = Calendar.from_ical(data)
        assert str(calendar["METHOD"]) == "REQUEST"
        [event] = calendar.walk("VEVENT")
        start = event.decoded("DTSTART")
        assert start == datetime(2026, 12, 4, 10, 0, tzinfo=PARIS)
        assert start.tzinfo is not None and start.utcoffset() == timedelta(hours=1)
        assert event.decoded("DURATION") == timedelta(minutes=45)
        assert str(event["UID"]) == f"checkin-{session_id}@companion"
        assert event["SEQUENCE"] == 0
        assert str(event["ORGANIZER"]) == f"mailto:{MENTOR['email']}"
        assert sorted(str(a) for a in event["ATTENDEE"]) == [
            f"mailto:{MENTOR['email']}", f"mailto:{MENTEE['email']}"]


async def test_the_outbox_default_and_turning_recaps_off(
        make_service: ServiceFactory) -> None:
    service = await make_service(run_worker=True)
    mentorship, session_id = await live_session(service)
    mentee = mentorship["tokens"]["mentee"]
    turned = await service.json("PATCH", f"/api/mentorships/{mentorship['id']}", mentee,
                                json={"recaps": False})
    assert (turned["mentor"]["recaps"], turned["mentee"]["recaps"]) == (True, False)
    await end(service, mentee, session_id)
    state = await wait_for_deliveries(
        service, mentee, session_id,
        lambda ds: sorted(d["status"] for d in ds) == ["sent", "skipped"])

    outbox = service.settings.outbox_dir.resolve()
    assert (state["channel"], state["outbox"]) == ("outbox", str(outbox))
    assert state["recaps"] == {"mentor": True, "mentee": False}
    by_role = {d["role"]: d for d in state["deliveries"]}
    assert by_role["mentee"]["last_error"].startswith("the recipient turned recap emails off")
    assert [p.name for p in outbox.iterdir()] == [f"{by_role['mentor']['id']}.eml"]
    assert by_role["mentor"]["file"] == str(outbox / f"{by_role['mentor']['id']}.eml")
    with open(by_role["mentor"]["file"], "rb") as file:
        message = email.message_from_binary_file(file, policy=policy.default)
    assert [a.addr_spec for a in message["To"].addresses] == [MENTOR["email"]]
    assert message["Message-ID"] == by_role["mentor"]["message_id"]
    assert "Proposal follow-up" in message.get_body(("plain",)).get_content()
    assert "<h1" in message.get_body(("html",)).get_content()

    # Asking for it yourself sends it, recap emails off or not.
    await service.json("POST", f"/api/sessions/{session_id}/recap/resend", mentee,
                       expect=202, json={"to": "me"})
    state = await wait_for_deliveries(
        service, mentee, session_id,
        lambda ds: [d["status"] for d in ds if d["reason"] == "resend"] == ["sent"])
    assert len(list(outbox.glob("*.eml"))) == 2
    await service.json("POST", f"/api/sessions/{session_id}/recap/resend", mentee,
                       expect=400, json={"to": "everyone"})


async def test_deleting_a_session_deletes_its_recap_emails_from_the_outbox(
        make_service: ServiceFactory) -> None:
    """The outbox's .eml files hold the recap, summary and all: a deleted session must not
    leave them on disk. Other files in the outbox stay."""
    service = await make_service(run_worker=True)
    mentorship, session_id = await live_session(service)
    mentor = mentorship["tokens"]["mentor"]
    await end(service, mentor, session_id)
    state = await wait_for_deliveries(service, mentor, session_id,
                                      lambda ds: sorted(d["status"] for d in ds) == ["sent", "sent"])
    outbox = service.settings.outbox_dir.resolve()
    written = sorted(outbox / f"{d['id']}.eml" for d in state["deliveries"])
    assert sorted(outbox.glob("*.eml")) == written
    other = outbox / "another-session.eml"
    other.write_bytes(b"Subject: not this session's\r\n\r\n")

    await service.json("DELETE", f"/api/sessions/{session_id}", mentor, expect=204)
    assert not any(path.exists() for path in written)
    assert sorted(outbox.glob("*.eml")) == [other]


async def test_held_recaps_wait_for_a_participant_to_release_them(
        make_service: ServiceFactory) -> None:
    port = free_port()
    with smtp_server(port, Inbox()) as inbox:
        service = await make_service(run_worker=True, smtp_url=f"smtp://127.0.0.1:{port}",
                                     recap_hold_min="30")
        mentorship, session_id = await live_session(service)
        mentor = mentorship["tokens"]["mentor"]
        await end(service, mentor, session_id)
        state = await wait_for_deliveries(service, mentor, session_id, lambda ds: len(ds) == 2)
        assert {d["status"] for d in state["deliveries"]} == {"held"}
        assert state["held_until"] is not None and state["hold_minutes"] == 30
        await service.client.server.app[MAILER].run_once()
        assert inbox.received == []
        preview = state["preview"]
        assert preview["to"] == {"name": MENTOR["name"], "email": MENTOR["email"]}
        assert preview["subject"].startswith("Recap: Proposal follow-up")
        assert preview["invitation"] is True and "Hello Dana Reyes," in preview["text"]

        # A participant reviews it in the browser and releases it (a CSRF-checked POST).
        release = service.client.make_url(f"/api/sessions/{session_id}/recap/release")
        async with browser() as dana:
            async with dana.get(service.client.make_url(f"/join/{mentor}"),
                                allow_redirects=False) as response:
                assert response.status == 303
            async with dana.post(release) as response:
                assert response.status == 403
            csrf = dana.cookie_jar.filter_cookies(release)[CSRF_COOKIE].value
            async with dana.post(release, headers={CSRF_HEADER: csrf}) as response:
                assert response.status == 200
                assert (await response.json())["released"] == 2
        await inbox.wait_for(2)
    assert sorted(rcpts for rcpts, _ in inbox.received) == [[MENTOR["email"]],
                                                             [MENTEE["email"]]]


@pytest.mark.parametrize("address", [
    "Dana Reyes <dana.reyes@example.org>", "dana.reyes@example.org, eve@example.com",
    "dana.reyes@example.org\r\nBcc: eve@example.com", "dana@localhost", "dana@[127.0.0.1]",
    "\"dana\"@example.org",
])
async def test_participants_addresses_are_checked_when_entered(
        make_service: ServiceFactory, address: str) -> None:
    service = await make_service()
    answer = await service.json("POST", "/api/mentorships", expect=400,
                                json={"mentor": {**MENTOR, "email": address}, "mentee": MENTEE})
    assert "is not an email address" in answer["error"]["message"]


async def test_companion_recap_prints_and_sends(open_backend: BackendFactory,
                                               capsys: pytest.CaptureFixture[str],
                                               database_url: str) -> None:
    backend = await open_backend()
    session = await finalised_session(backend)
    session_id = session.session_id
    data_dir = str(backend.settings.data_dir)
    options = ["--data-dir", data_dir, "--database-url", database_url]
    assert await asyncio.to_thread(main, ["recap", session_id, "--as", "mentee", *options]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("Hello Sam Okafor,")
    assert f"/sessions/{session_id}" in printed

    assert await asyncio.to_thread(main, ["recap", session_id, "--send", *options]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert sorted(line.split(" sent: ")[0] for line in lines) == [
        f"mentee <{MENTEE['email']}>", f"mentor <{MENTOR['email']}>"]
    files = [Path(line.split(" sent: ")[1]) for line in lines]
    assert all(f.parent == backend.settings.outbox_dir.resolve() and f.is_file() for f in files)
    assert {r.reason for r in (await session.latest()).values()} == {"manual"}

    assert await asyncio.to_thread(main, ["recap", "0" * 16, *options]) == 2
    assert capsys.readouterr().err == f"companion: session {'0' * 16} not found\n"
