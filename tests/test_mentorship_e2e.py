"""One mentorship over three sessions, end to end (issue 7), on the real server (a loopback
port; the worker transcribes every recording with the real model), the real database
(SQLite and PostgreSQL) and a real SMTP server (aiosmtpd).

Session 1 is the s01 call of ../shared/fixtures/sessions, uploaded as its stereo
recording; sessions 2 and 3 are conversations of our own, spoken by espeak-ng
(tests/speech.py) and uploaded as recordings too. Along the thread: the agreement is
filled from what session 1 agreed and a goal tracks one of its items; last time's open
items lead the next session's page; an item a later call mentions as done is proposed,
and confirming closes it (and moves its goal); the service's own scheduler, its clock
injected through ``tick(now)``, sends the reminder before the agreed check-in and the
nudge when the cadence is missed, once each; the programme view counts without content;
another mentorship's participant gets 404 everywhere; the export round-trips through
``companion import``; deleting a session leaves no file and no row behind.

Assertions on what was said use words the recogniser keeps (it may write "my next
Friday" for "by next Friday"), never its exact wording.
"""
from __future__ import annotations

import json
import re
from datetime import timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from companion import programme as coordinator
from companion.scheduler import checkin_instant
from speech import render_call
from test_api import MENTEE, MENTOR, S01, Service, ServiceFactory, make_service, settle  # noqa: F401
from test_confidentiality import cli, comparable, download, read_zip, rows_referring_to
from test_recap import Inbox, database_url, free_port, smtp_server  # noqa: F401
from web.typedefs import SCHEDULER

PARIS = ZoneInfo("Europe/Paris")
ADMIN = "coordinator-token-0123456789"
STRANGERS = {"mentor": {"name": "Lee Park", "email": "lee.park@example.org"},
             "mentee": {"name": "Ana Ruiz", "email": "ana.ruiz@example.org"}}

# Session 1 (s01, 2026-11-20) agreed: Sam sends the revised version by Monday, Dana
# introduces Sam to Maria, Sam signs up for the coffee chats; the next check-in on Friday
# 4 December at ten; Slack for quick questions, email for documents, a reply within a day.
SECOND = [  # 2026-12-04, the agreed check-in
    ("mentor", "Hi Sam, good to see you. How have the last two weeks been?"),
    ("mentee", "Busy but good. I sent you the revised version of the proposal on Sunday, "
               "with the three biggest risks in one table."),
    ("mentor", "I read it, and the budget section is much clearer now. Well done."),
    ("mentee", "Thanks. I haven't signed up for the coffee chats yet, I keep forgetting."),
    ("mentor", "That's fine. I'm sorry, I still haven't introduced you to Maria, "
               "she was on holiday."),
    ("mentee", "No problem. What should I prepare for the steering committee?"),
    ("mentor", "Could you write a one page summary of the proposal for them?"),
    ("mentee", "Sure, I'll write the one page summary by next Friday."),
    ("mentor", "Great. Let's meet again on Friday the eighteenth of December at two."),
    ("mentee", "The eighteenth at two works for me."),
]
THIRD = [  # 2027-01-08: the December check-in was missed
    ("mentor", "Happy new year, Sam. I'm sorry we missed our December call."),
    ("mentee", "Happy new year! No worries. I finished the one page summary last week and "
               "sent it to the committee."),
    ("mentor", "Good. And I introduced you to Maria by email on Monday. Did she reply?"),
    ("mentee", "Yes, we have a call on Thursday about the numbers."),
    ("mentor", "Let's meet every two weeks from now on, on Fridays at ten."),
    ("mentee", "Every two weeks on Fridays works for me."),
]


@pytest.fixture(scope="module")
def calls(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Sessions 2 and 3 as two-track WAV recordings."""
    folder = tmp_path_factory.mktemp("calls")
    calls = {"second": folder / "second-call.wav", "third": folder / "third-call.wav"}
    render_call(SECOND, calls["second"])
    render_call(THIRD, calls["third"])
    return calls


async def held(service: Service, token: str, mentorship_id: str, title: str,
               started_at: str, recording: Path, content_type: str) -> dict[str, Any]:
    """A session whose recording was uploaded and processed by the worker."""
    session = await service.session(token, mentorship_id, title=title, started_at=started_at)
    await service.upload(token, session["id"], recording, content_type=content_type)
    done = await settle(service, session["id"], token)
    assert done["status"] == "done", done
    return done


def one(items: list[dict[str, Any]], owner: str, *words: str) -> dict[str, Any]:
    """The one item of ``owner`` whose text holds all ``words``."""
    found = [i for i in items
             if i["owner"] == owner and all(w in i["text"].lower() for w in words)]
    assert len(found) == 1, (owner, words, [(i["owner"], i["text"]) for i in items])
    return found[0]


async def page(service: Service, token: str | None, path: str, expect: int = 200) -> str:
    headers = {"Accept": "text/html"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    async with service.client.get(path, headers=headers) as response:
        text = await response.text()
        assert response.status == expect, (path, response.status, text[:300])
        return text


async def test_a_mentorship_over_three_sessions(
        make_service: ServiceFactory, database_url: str, calls: dict[str, Path],
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    port = free_port()
    with smtp_server(port, Inbox()) as inbox:
        service = await make_service(
            run_worker=True, database_url=database_url, timezone="Europe/Paris",
            smtp_url=f"smtp://127.0.0.1:{port}", admin_token=ADMIN,
            base_url="https://companion.example.org",
            scheduler_interval_s="3600")  # its rounds come from tick(now) below
        await thread_of_one_mentorship(service, make_service, inbox, calls, tmp_path,
                                       capsys)


async def thread_of_one_mentorship(service: Service, make_service: ServiceFactory,
                                   inbox: Inbox, calls: dict[str, Path], tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    made = await service.json("POST", "/api/mentorships", ADMIN, expect=201,
                              json={"mentor": MENTOR, "mentee": MENTEE})
    mid, tokens = made["id"], made["tokens"]
    mentor, mentee = tokens["mentor"], tokens["mentee"]
    base = f"/api/mentorships/{mid}"

    # -- Session 1: the s01 recording ------------------------------------------------------
    first = await held(service, mentee, mid, "Proposal follow-up", "2026-11-20T15:00",
                       S01.with_suffix(".stereo.flac"), "audio/flac")
    items = first["summary"]["action_items"]
    revised = one(items, "mentee", "revised")
    assert revised["due"] == "2026-11-23"
    maria = one(items, "mentor", "maria")
    one(items, "mentee", "sign up")
    assert first["summary"]["next_checkin"] == "2026-12-04T10:00"

    # The agreement, filled from what session 1 agreed (linked to the moment), then saved.
    suggested = await service.json("GET", f"{base}/agreement/suggestions", mentor)
    channels = suggested["prefill"]["channels"]
    assert {c["channel"].lower() for c in channels} >= {"slack", "email"}
    assert all(c["source"]["session_id"] == first["id"] for c in channels)
    terms = {**suggested["prefill"], "cadence": "Every two weeks"}
    saved = await service.json("PUT", f"{base}/agreement", mentor,
                               json={"terms": terms, "note": "from our first call"})
    assert saved["version"] == 1 and saved["terms"]["cadence"]["cadence_days"] == 14

    # A goal by hand; the revised proposal is suggested for it by a shared word and linked.
    goal = await service.json("POST", f"{base}/goals", mentee, expect=201,
                              json={"title": "Get the revised pilot proposal approved",
                                    "target": "2027-03-31"})
    suggestions = await service.json("GET", f"/api/goals/{goal['id']}/suggestions", mentee)
    assert revised["id"] in [s["id"] for s in suggestions["suggestions"]]
    goal = await service.json("PUT", f"/api/goals/{goal['id']}/items/{revised['id']}",
                              mentee, expect=201)
    assert goal["progress"] == 0.0

    # -- Session 2: before a word is said, its page leads with last time's items -----------
    second = await service.session(mentor, mid, title="December check-in",
                                   started_at="2026-12-04T10:00")
    carried = await service.json("GET", f"/api/sessions/{second['id']}/carried", mentor)
    assert carried["previous_session"]["id"] == first["id"]
    assert {c["item"]["id"] for c in carried["open"]} == {i["id"] for i in items}
    assert all(c["sentence"].startswith("Last time: ") for c in carried["open"])
    html = await page(service, mentee, f"/sessions/{second['id']}")
    assert "From last time" in html
    assert "Last time: Dana to introduce" in html and "Maria" in html

    await service.upload(mentor, second["id"], calls["second"], content_type="audio/wav")
    second = await settle(service, second["id"], mentor)
    assert second["status"] == "done", second
    summary_item = one(second["summary"]["action_items"], "mentee", "summary")
    assert summary_item["due"] == "2026-12-11"
    checkin = second["summary"]["next_checkin"]
    assert checkin and checkin.startswith("2026-12-18")

    # The call mentioned the revised version as sent: proposed, with its evidence.
    carried = await service.json("GET", f"/api/sessions/{second['id']}/carried", mentee)
    (proposal,) = carried["proposals"]
    assert proposal["item"]["id"] == revised["id"] and proposal["status"] == "proposed"
    assert "sent you the revised version" in proposal["quote"].lower()
    assert proposal["item_session"]["id"] == first["id"]
    html = await page(service, mentor, f"/sessions/{second['id']}")
    assert "Mentioned as done:" in html and f'data-proposal-id="{proposal["id"]}"' in html
    confirmed = await service.json("POST", f"/api/proposals/{proposal['id']}/confirm", mentor)
    assert confirmed["item"]["status"] == "done"
    goal = await service.json("GET", f"/api/goals/{goal['id']}", mentee)
    assert goal["progress"] == 1.0 and goal["done_items"] == 1

    # -- The scheduler, its clock injected: a reminder, then a nudge, once each -------------
    scheduler = service.client.server.app[SCHEDULER]
    at = checkin_instant(checkin, PARIS)
    assert at is not None
    assert (await scheduler.tick(at - timedelta(hours=25))).queued == 0
    reminded = await scheduler.tick(at - timedelta(hours=23))
    assert reminded.queued == 2
    assert sorted((n.role, n.status) for n in reminded.attempted) == [
        ("mentee", "sent"), ("mentor", "sent")]
    for later in (at - timedelta(hours=1), at + timedelta(hours=2)):
        assert (await scheduler.tick(later)).queued == 0
    reminders = [m for m in inbox.messages() if m["Subject"].startswith("Reminder:")]
    assert sorted(m["To"].addresses[0].addr_spec for m in reminders) == [
        "dana.reyes@example.org", "sam.okafor@example.org"]
    text = reminders[0].get_body(("plain",)).get_content()
    due, _, rest = text.partition("ALSO OPEN")
    assert "DUE BY THE CHECK-IN" in due and "summary" in due.lower()
    assert "Maria" in rest and "revised" not in text

    # No session on the 18th: two weeks plus three days of grace after the 4th, a nudge.
    missed = checkin_instant("2026-12-21T10:00", PARIS)
    assert missed is not None
    assert (await scheduler.tick(missed - timedelta(minutes=5))).queued == 0
    nudged = await scheduler.tick(missed + timedelta(minutes=5))
    assert nudged.queued == 2 and {n.status for n in nudged.attempted} == {"sent"}
    for later in (missed + timedelta(hours=1), missed + timedelta(days=10)):
        assert (await scheduler.tick(later)).queued == 0
    nudges = [m for m in inbox.messages() if m["Subject"].startswith("Time for a check-in")]
    assert len(nudges) == 2

    # -- Session 3: what is still open carries on; two items mentioned as done -------------
    third = await held(service, mentee, mid, "New year", "2027-01-08T10:00",
                       calls["third"], "audio/wav")
    carried = await service.json("GET", f"/api/sessions/{third['id']}/carried", mentee)
    assert carried["previous_session"]["id"] == second["id"]
    open_now = {c["item"]["id"]: c for c in carried["open"]}
    assert revised["id"] not in open_now
    assert {summary_item["id"], maria["id"]} <= set(open_now)
    assert open_now[summary_item["id"]]["sentence"].startswith("Last time: Sam to write")
    assert open_now[maria["id"]]["sentence"].startswith(
        "On Fri 20 Nov 2026: Dana to introduce")
    proposed = {p["item"]["id"]: p for p in carried["proposals"]}
    assert set(proposed) == {summary_item["id"], maria["id"]}
    await service.json("POST", f"/api/proposals/{proposed[summary_item['id']]['id']}/confirm",
                       mentee)
    await service.json("POST", f"/api/proposals/{proposed[maria['id']]['id']}/confirm", mentor)
    mentorship = await service.json("GET", base, mentee)
    assert [i["text"] for i in mentorship["open_action_items"]] == [
        one(items, "mentee", "sign up")["text"]]
    assert [s["id"] for s in mentorship["sessions"]] == [first["id"], second["id"], third["id"]]

    # A survey, and the trends across the three sessions.
    await service.json("PUT", f"/api/sessions/{third['id']}/survey", mentee,
                       json={"rating": 5, "comment": "the reminder helped"})
    trends = (await service.json("GET", f"{base}/trends", mentor))["sessions"]
    assert [t["session_id"] for t in trends] == [first["id"], second["id"], third["id"]]
    assert trends[2]["ratings"]["mentee"] == 5
    assert all(0 < t["talk_share_mentee"] < 1 for t in trends)
    html = await page(service, mentor, f"/mentorships/{mid}")
    assert "Get the revised pilot proposal approved" in html and "<svg" in html
    assert "Slack" in html and "the reminder helped" not in html  # the mentee's comment

    # -- The programme view: counts, no content --------------------------------------------
    programme = await service.json("GET", "/api/programme", ADMIN)
    (figures,) = [m for m in programme["mentorships"] if m["id"] == mid]
    assert figures["sessions_held"] == 3 and figures["cadence_days"] == 14
    # Which check-ins are past depends on the day: the same figures, the day after session 3.
    async with service.store.transaction() as db:
        day_after = checkin_instant("2027-01-09T10:00", PARIS)
        seen = await coordinator.programme(db, now=day_after, settings=service.settings)
    (figures,) = [m for m in seen["mentorships"] if m["id"] == mid]
    assert (figures["checkins_past"], figures["checkins_missed"]) == (2, 1)  # the 18th
    raw = json.dumps(programme)
    for secret in ("Maria", "revised", "summary", "Slack", "sam.okafor@example.org"):
        assert secret not in raw, secret

    # -- Another mentorship's participant sees nothing -------------------------------------
    stranger = (await service.json("POST", "/api/mentorships", ADMIN, expect=201,
                                   json=STRANGERS))["tokens"]["mentee"]
    for path in (base, f"{base}/agreement", f"{base}/goals", f"{base}/trends",
                 f"{base}/export", f"{base}/notes", f"/api/goals/{goal['id']}",
                 f"/api/sessions/{third['id']}", f"/api/sessions/{third['id']}/carried",
                 f"/api/sessions/{third['id']}/survey", f"/api/sessions/{third['id']}/recording",
                 f"/api/sessions/{third['id']}/transcript"):
        await download(service, path, stranger, expect=404)
    for path in (f"/mentorships/{mid}", f"/sessions/{third['id']}"):
        await page(service, stranger, path, expect=404)
    await service.json("POST", f"/api/proposals/{proposed[maria['id']]['id']}/dismiss",
                       stranger, expect=404)

    # -- Export, import elsewhere, export again: the same mentorship -----------------------
    body = await download(service, f"{base}/export", mentee)
    manifest, audio = read_zip(body)
    assert len(manifest["tables"]["sessions"]) == 3 and len(audio) == 3
    archive = tmp_path / "mentorship.zip"
    archive.write_bytes(body)
    url = service.settings.database_url
    database = ["--database-url", url] if url.startswith("postgresql") else []
    target = tmp_path / "restored"
    capsys.readouterr()
    assert await cli("import", str(archive), "--data-dir", str(target), *database) == 0
    printed = capsys.readouterr().out
    new_id = printed.split()[2]
    new_mentee = re.search(r"mentee: \S*/join/(\S+)", printed)
    assert new_id != mid and new_mentee
    restored = await make_service(data_dir=target, database_url=url if database else None)
    again, again_audio = read_zip(await download(
        restored, f"/api/mentorships/{new_id}/export", new_mentee.group(1)))
    assert comparable(again) == comparable(manifest)
    assert sorted(again_audio.values()) == sorted(audio.values())

    # -- Deleting session 1: no file and no row of it is left ------------------------------
    stored = service.stored_files()
    assert len(stored) == 3
    await service.json("DELETE", f"/api/sessions/{first['id']}", mentor, expect=204)
    assert await rows_referring_to(service, "session_id", first["id"]) == {}
    assert await rows_referring_to(service, "id", first["id"]) == {}
    left = service.stored_files()
    assert len(left) == 2 and left < stored  # session 1's recording went, the others stay
    for kept in (second, third):
        await download(service, f"/api/sessions/{kept['id']}/recording", mentee)
    await service.json("GET", f"/api/sessions/{first['id']}", mentor, expect=404)
