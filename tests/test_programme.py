"""The programme view: for the coordinator only (the admin token), counts and dates across
mentorships, and never a word of what was said, written or noted.

The real service on a loopback port, SQLite and PostgreSQL; sessions made the way the
worker makes them (test_scheduler's helpers); goals, notes and surveys stored as rows.
"""
from __future__ import annotations

import json
from datetime import date, datetime, timezone
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import update

from companion.models import Goal, Item, Note, Survey
from test_api import MENTEE, MENTOR, Service, ServiceFactory, make_service  # noqa: F401
from test_recap import database_url  # noqa: F401
from test_scheduler import Backend, Pair

PARIS = ZoneInfo("Europe/Paris")
ADMIN = "coordinator-secret-token-7f3a"
SECRETS = (
    # transcript lines, item texts and quotes, goal titles, notes, survey comments
    "The quarterly budget spreadsheet lives in the shared drive",
    "I kept freezing during the all-hands demo",
    "Draft the onboarding checklist for Priya",
    "Ask Marcus about the conference budget",
    "Rehearse the keynote twice",
    "Shadow the incident commander",
    "Book time with the design lead",
    "Become a confident public speaker",
    "Lead a cross-team project",
    "Learn the finance basics",
    "Publish an internal blog post",
    "Private: Sam seems anxious about the reorg",
    "Dana rushed the last ten minutes, felt unheard",
    "Scope: career growth in the platform team",
)


@pytest.fixture
async def service(database_url: str, make_service: ServiceFactory) -> Service:
    """The service on SQLite or PostgreSQL (test_recap's ``database_url``), with an admin
    token."""
    return await make_service(database_url=database_url, admin_token=ADMIN,
                              timezone="Europe/Paris")


def paris(*args: int) -> datetime:
    return datetime(*args, tzinfo=PARIS)


async def seed(service: Service) -> tuple[Pair, Pair]:
    """Two mentorships: one with a cadence, sessions, items, goals, notes and surveys whose
    counts the test knows; one with a single session and no cadence."""
    backend = Backend(service.store, service.settings, service.settings.database_url)
    busy = await backend.mentorship(agreement={
        "cadence": {"text": "every two weeks", "cadence_days": 14, "source": None},
        "scope": {"text": SECRETS[13], "source": None}})
    quiet = await backend.mentorship(mentor={"name": "Ann Lee", "email": "ann@example.org"},
                                     mentee={"name": "Bo Chen", "email": "bo@example.org"})
    lines = [SECRETS[0], SECRETS[1]]

    def item(text: str, due: str | None, done: bool = False) -> dict[str, Any]:
        return {"owner": "mentee", "text": text, "due": due, "segment": 1, "quote": SECRETS[1],
                "status": "done" if done else "open"}

    first = await backend.held(busy, "September kick-off", paris(2026, 9, 1, 15), {
        "next_checkin": "2026-09-14T10:00",
        "action_items": [item(SECRETS[2], "2026-09-10", True), item(SECRETS[3], "2026-09-10", True),
                         item(SECRETS[4], None, True), item(SECRETS[5], "2026-10-01"),
                         item(SECRETS[6], "2027-01-10")],
        "goals": [{"owner": "mentee", "text": SECRETS[7], "target": None, "segment": 0}]},
        lines=lines)
    # Met on the agreed day (kept), 13 days later: within 14 + 3.
    await backend.held(busy, "Second", paris(2026, 9, 14, 15), {"next_checkin": "2026-09-28"},
                       lines=lines)
    # Missed the 28 September check-in; met again 26 days later: outside 14 + 3.
    await backend.held(busy, "Third", paris(2026, 10, 10, 15), {"next_checkin": "2026-10-24"},
                       lines=lines)
    await backend.set_checkin(busy, "2026-12-20", datetime.now(timezone.utc))
    await backend.held(quiet, "Only one", paris(2026, 11, 2, 10), lines=lines)

    async with service.store.transaction() as db:
        done_on = {SECRETS[2]: paris(2026, 9, 9, 12), SECRETS[3]: paris(2026, 9, 12, 12)}
        for text, moment in done_on.items():
            await db.execute(update(Item).where(Item.text == text).values(done_at=moment))
        db.add_all([
            Goal(mentorship_id=busy.id, title=SECRETS[8], target="2026-10-01", created_by="mentee"),
            Goal(mentorship_id=busy.id, title=SECRETS[9], target=None, created_by="mentor"),
            Goal(mentorship_id=busy.id, title=SECRETS[10], status="achieved",
                 created_by="mentee"),
            Goal(mentorship_id=busy.id, title=SECRETS[7], status="dropped",
                 source_session_id=first, created_by="extraction"),
            Note(mentorship_id=busy.id, session_id=first, author="mentor", text=SECRETS[11]),
            Survey(session_id=first, role="mentee", rating=3, comment=SECRETS[12]),
        ])
    return busy, quiet


async def test_the_programme_view_counts_and_never_shows_content(service: Service) -> None:
    busy, quiet = await seed(service)
    data = await service.json("GET", "/api/programme", ADMIN)
    by_id = {m["id"]: m for m in data["mentorships"]}
    figures = by_id[busy.id]
    assert (figures["mentor"], figures["mentee"]) == (MENTOR["name"], MENTEE["name"])
    assert (figures["sessions_held"], figures["first_session"], figures["last_session"]) == (
        3, "2026-09-01", "2026-10-10")
    assert (figures["cadence_days"], figures["cadence_source"]) == (14, "agreement")
    assert (figures["gaps"], figures["gaps_kept"], figures["cadence_kept"]) == (2, 1, 0.5)
    today = datetime.now(PARIS).date()
    assert figures["overdue"] == (today > date(2026, 10, 27))
    assert (figures["checkins_past"], figures["checkins_missed"]) == (3, 2)
    assert figures["next_checkin_local"] == "2026-12-20T09:00"
    assert figures["goals"] == {"open": 2, "achieved": 1, "dropped": 1,
                                "overdue": int(today > date(2026, 10, 1))}
    assert figures["action_items"] == {"done_on_time": 1, "done_late": 1, "done_undated": 1,
                                       "open": 2, "open_overdue": int(today > date(2026, 10, 1))
                                       + int(today > date(2027, 1, 10))}
    other = by_id[quiet.id]
    assert (other["sessions_held"], other["cadence_days"], other["cadence_kept"]) == (1, None, None)
    assert other["goals"] == {"open": 0, "achieved": 0, "dropped": 0, "overdue": 0}
    totals = data["totals"]
    assert (totals["mentorships"], totals["sessions_held"], totals["gaps"],
            totals["gaps_kept"], totals["checkins_missed"]) == (2, 4, 2, 1, 2)
    assert totals["action_items"]["done_late"] == 1 and totals["goals"]["achieved"] == 1

    # Not a word of content, in the API or on the page.
    await service.json("POST", "/programme/login", expect=303, data={"token": ADMIN},
                       allow_redirects=False)
    async with service.client.get("/programme") as response:
        assert response.status == 200
        page = await response.text()
    assert MENTOR["name"] in page and "50%" in page
    raw = json.dumps(data)
    for secret in SECRETS + ("September kick-off", MENTOR["email"], MENTEE["email"]):
        assert secret not in raw, secret
        assert secret not in page, secret


async def test_only_the_coordinator_sees_it(service: Service, make_service: ServiceFactory
                                            ) -> None:
    busy, _ = await seed(service)
    tokens = await service.json("POST", f"/api/mentorships/{busy.id}/links/mentee/rotate", ADMIN)
    participant = tokens["token"]
    await service.json("GET", "/api/programme", expect=401)
    await service.json("GET", "/api/programme", "not-the-token", expect=401)
    refused = await service.json("GET", "/api/programme", participant, expect=403)
    assert "participant" in refused["error"]["message"]

    # The page: a sign-in form (401) until the right token is given; then a cookie that
    # holds no token, and that signing out clears.
    async with service.client.get("/programme") as response:
        assert response.status == 401 and 'name="token"' in await response.text()
    async with service.client.post("/programme/login", data={"token": "guess"},
                                   allow_redirects=False) as response:
        assert response.status == 401
    async with service.client.post("/programme/login", data={"token": ADMIN},
                                   allow_redirects=False) as response:
        assert response.status == 303 and response.headers["Location"] == "/programme"
        cookie = response.cookies["companion_admin"]
    assert ADMIN not in cookie.value and cookie["httponly"] and cookie["path"] == "/programme"
    assert cookie["samesite"] == "Strict"
    async with service.client.get("/programme") as response:
        assert response.status == 200 and "Across the programme" in await response.text()
    async with service.client.get("/api/programme") as response:
        assert response.status == 401  # the page's cookie is not the API's credential
    async with service.client.post("/programme/logout", allow_redirects=False) as response:
        assert response.status == 303
    async with service.client.get("/programme") as response:
        assert response.status == 401

    # A forged cookie (a later expiry, the old signature) is refused.
    expires, _, mac = cookie.value.partition(".")
    service.client.session.cookie_jar.update_cookies(
        {"companion_admin": f"{int(expires) + 3600}.{mac}"})
    async with service.client.get("/programme") as response:
        assert response.status == 401

    # Without an admin token configured the view is off for everyone.
    open_service = await make_service()
    await open_service.json("GET", "/api/programme", expect=403)
    await open_service.json("GET", "/api/programme", "anything", expect=403)
