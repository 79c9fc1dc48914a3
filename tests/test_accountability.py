"""Accountability across sessions: last time's open items on the next session's page, the
live panel and the recap; "mentioned as done" proposals, confirmed or dismissed.

The detector is tested on sentences written for this file (careful speech and ASR-like
lower case, positives and hard negatives). The flow runs on the real service (loopback
port, the worker finalising sessions through its real "finalize" and "extract" jobs) with
SQLite and PostgreSQL; the conversations are this file's own.
"""
from __future__ import annotations

import asyncio
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import update

from companion.accountability import due_phrase, is_overdue
from companion.done_mentions import Line, OpenItem, find_mentions, stem
from companion.models import Job, Session
from test_api import MENTEE, MENTOR, Service, ServiceFactory, make_service  # noqa: F401
from web.typedefs import WORKER

GUARD = 120.0
"""Seconds after which a job that never ends fails the test (a hang, not a slow run)."""

# -- the detector ----------------------------------------------------------------------------

ITEMS = [
    OpenItem("proposal", "mentee", "Send Dana the revised proposal"),
    OpenItem("coach", "mentee", "Book a session with the career coach"),
    OpenItem("intro", "mentor", "Introduce Sam to Priya from the analytics team"),
    OpenItem("retro", "both", "Write up the notes from the team retro"),
    OpenItem("course", "mentee", "Sign up for the public speaking course"),
    OpenItem("vague", "mentee", "Send them over"),
]
NAMES = ("Dana Reyes", "Sam Okafor")


def mentioned(speaker: str, *texts: str) -> dict[str, float]:
    """Which items the lines (all by ``speaker``, or alternating when it is "dialogue")
    mention as done, with their scores."""
    if speaker == "dialogue":
        lines = [Line(n, ("mentor", "mentee")[n % 2], float(n), t) for n, t in enumerate(texts)]
    else:
        lines = [Line(n, speaker, float(n), t) for n, t in enumerate(texts)]
    return {m.item_id: m.score for m in find_mentions(ITEMS, lines, names=NAMES)}


@pytest.mark.parametrize(("speaker", "text", "item"), [
    ("mentee", "I sent the revised proposal to Dana on Sunday.", "proposal"),
    ("mentee", "so the proposal i emailed it over on sunday night", "proposal"),
    ("mentee", "The revised proposal? Already sent, it went out Friday.", "proposal"),
    ("mentor", "thanks for sending the revised proposal it reads much better", "proposal"),
    ("mentor", "You sent me the proposal on Saturday, right, I read it twice.", "proposal"),
    ("mentee", "i booked the career coach for thursday afternoon", "coach"),
    ("mentee", "The session with the coach is booked, it's next Tuesday.", "coach"),
    ("mentor", "I've introduced you to Priya by email.", "intro"),
    ("mentor", "priya from analytics, i introduced you two on monday", "intro"),
    ("mentee", "we wrote up the retro notes together yesterday", "retro"),
    ("mentor", "the retro notes are done and shared with the team", "retro"),
    ("mentee", "i signed up for the speaking course last week", "course"),
    ("mentee", "good news, the public speaking course, i registered and paid", "course"),
    ("unknown", "i finally sent the proposal off", "proposal"),
    ("mentee", "I booked the career coach in May, the first free slot", "coach"),
    # the recogniser's "May 1 Monday" for "by email on Monday": a month, not a maybe
    ("mentor", "Good, and I introduced you to Priya May 1 Monday.", "intro"),
])
def test_a_completion_of_an_item_is_found(speaker: str, text: str, item: str) -> None:
    found = mentioned(speaker, text)
    assert set(found) == {item}, found
    assert found[item] >= 0.55


@pytest.mark.parametrize(("speaker", "text"), [
    ("mentee", "I haven't sent the revised proposal yet."),
    ("mentee", "i havent sent the proposal yet sorry"),
    ("mentee", "I didn't get round to booking the career coach."),
    ("mentee", "I'll send the revised proposal tomorrow morning."),
    ("mentee", "i'm going to book the career coach this week"),
    ("mentee", "i need to sign up for the speaking course before it fills"),
    ("mentee", "I was going to send the proposal but the numbers changed."),
    ("mentee", "i tried to book the coach but the site was down"),
    ("mentee", "If I send the proposal today, can you read it by Friday?"),
    ("mentor", "Did you send the revised proposal?"),
    ("mentor", "did you book the career coach"),
    ("mentor", "have you signed up for the speaking course"),
    ("mentee", "We talked about the proposal a lot with my manager."),
    ("mentee", "You sent me the proposal template, thanks."),  # the owner, about the other
    ("mentor", "Sorry, I haven't introduced you to Priya yet, she was away."),
    ("mentee", "i sent it"),  # which one?
    ("mentee", "i sent them over this morning"),  # an item with no object is never matched
    ("mentor", "Well done on the proposal, by the way."),
    ("mentee", "The coach booked me in error and I cancelled."),  # someone else booked
    ("mentee", "never got the proposal done in the end"),
    ("mentee", "I may have sent the proposal, I'm not sure"),
])
def test_negations_futures_questions_and_strangers_are_not_evidence(speaker: str,
                                                                    text: str) -> None:
    assert mentioned(speaker, text) == {}


def test_a_yes_to_the_other_asking_whether_it_was_done_is_evidence() -> None:
    found = mentioned("dialogue", "did you get the revised proposal over to me",
                      "yeah sunday night")
    assert set(found) == {"proposal"}
    assert mentioned("dialogue", "did you get the revised proposal over to me",
                     "no not yet") == {}
    assert mentioned("dialogue", "can you send me the revised proposal",
                     "yes i will send it now") == {}


@pytest.mark.parametrize(("item", "speaker", "text"), [
    # an item's condition is not what it is about: "done" matches nothing
    ("Send you the new version when it's done", "mentee", "Done."),
    # a second verb of the item is not an object ("sent" is not "that list")
    ("Write down the skills a senior engineer needs and send me that list", "mentee",
     "I drafted the budget section last week and sent it to Paul."),
    # the noun "draft" is not the verb "write"
    ("Share the draft with you first", "mentee",
     "I finished the design doc last week, it's really well written."),
], ids=["condition", "second-verb", "noun-draft"])
def test_words_that_do_not_say_which_item_match_none(item: str, speaker: str,
                                                     text: str) -> None:
    items = [OpenItem("x", "mentee", item)]
    assert find_mentions(items, [Line(0, speaker, 0.0, text)], names=NAMES) == []


def test_the_item_itself_still_matches_after_its_condition_is_cut() -> None:
    items = [OpenItem("x", "mentee", "Send you the new version when it's done")]
    [found] = find_mentions(items, [Line(0, "mentee", 0.0, "Done! I sent you the new "
                                                           "version this morning.")])
    assert found.score == 1.0


def test_a_request_is_not_asking_whether_it_was_done() -> None:
    items = [OpenItem("x", "mentee", "Update the profile with the two books")]
    lines = [Line(0, "mentor", 0.0, "Can you update your profile with the two books you did?"),
             Line(1, "mentee", 4.0, "Sure, no problem.")]
    assert find_mentions(items, lines, names=NAMES) == []
    lines[0] = Line(0, "mentor", 0.0, "Did you update your profile with the two books?")
    assert [m.item_id for m in find_mentions(items, lines, names=NAMES)] == ["x"]


def test_each_item_gets_its_best_mention_only() -> None:
    lines = [Line(0, "mentee", 5.0, "the proposal is done"),
             Line(1, "mentee", 9.0, "I sent Dana the revised proposal on Sunday."),
             Line(2, "mentee", 14.0, "and yes, I sent the proposal")]
    [found] = find_mentions(ITEMS[:1], lines, names=NAMES)
    assert (found.segment, found.start, found.score) == (1, 9.0, 1.0)
    assert found.quote == "I sent Dana the revised proposal on Sunday."


def test_light_lemmas() -> None:
    assert {stem(w) for w in ("send", "sent", "sending", "sends", "emailed")} == {"send"}
    assert stem("revised") == stem("revise") == stem("revising")
    assert stem("wrote") == stem("write") == stem("written")
    assert stem("submitted") == stem("submit")


@pytest.mark.parametrize(("due", "expected"), [
    ("2026-11-18", "today"), ("2026-11-19", "tomorrow"), ("2026-11-23", "Monday"),
    ("2026-11-24", "Tuesday"), ("2026-11-26", "next Thursday"),
    ("2026-12-09", "Wed 9 Dec"), ("2027-01-05", "Tue 5 Jan 2027"),
    ("2026-11-20T10:00", "Friday at 10:00"), ("2026-11-10", "Tue 10 Nov"),
])
def test_due_dates_read_from_the_day_they_were_agreed(due: str, expected: str) -> None:
    assert due_phrase(due, date(2026, 11, 18)) == expected  # a Wednesday


def test_overdue_compares_with_the_session() -> None:
    session = datetime(2026, 11, 25, 15, 0)
    assert is_overdue("2026-11-23", session) and not is_overdue("2026-11-25", session)
    assert is_overdue("2026-11-25T10:00", session)
    assert not is_overdue("2026-11-25T16:00", session) and not is_overdue(None, session)


# -- the service ------------------------------------------------------------------------------

FIRST = [
    ("mentor", "Hi Sam, how did the client meeting go on Tuesday?"),
    ("mentee", "Better than I expected. They liked the pilot idea but want a smaller budget "
               "in the proposal."),
    ("mentor", "That's a good sign. Can you rework the numbers and send me the revised "
               "proposal by Monday?"),
    ("mentee", "Yes, I'll send you the revised proposal by Monday."),
    ("mentor", "Great. I'll introduce you to Priya from the analytics team this week, she "
               "ran a similar pilot."),
    ("mentee", "That would help a lot. I will also book a session with the career coach "
               "before our next call."),
    ("mentor", "Good idea. Let's meet again next Friday at ten."),
]
SECOND = [  # as a live transcript would have it: lower case, little punctuation
    ("mentor", "good to see you again sam how was your week"),
    ("mentee", "pretty good so the revised proposal i sent it to you on sunday night"),
    ("mentor", "yes thanks the smaller budget reads much better"),
    ("mentee", "and i booked the career coach for thursday afternoon"),
    ("mentor", "sorry i haven't introduced you to priya yet she was away all week"),
    ("mentee", "no worries"),
]


def segments(turns: list[tuple[str, str]]) -> list[dict[str, Any]]:
    return [{"speaker": who, "text": text, "start": 12.0 * n + 1.5, "end": 12.0 * n + 11.0}
            for n, (who, text) in enumerate(turns)]


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'companion.db'}"
    return request.getfixturevalue("postgres_url")


async def settled(service: Service, token: str, session_id: str) -> dict[str, Any]:
    deadline = asyncio.get_running_loop().time() + GUARD
    while True:
        session = await service.json("GET", f"/api/sessions/{session_id}", token)
        if session["status"] in ("done", "failed"):
            assert session["status"] == "done", session
            return session
        assert asyncio.get_running_loop().time() < deadline, session
        await asyncio.sleep(0.2)


async def live_call(service: Service, token: str, mentorship_id: str, title: str,
                    started_at: str, turns: list[tuple[str, str]]) -> str:
    """A live session whose call said ``turns``, finalised by the worker ("finalize": the
    extraction over its stored transcript, then the session's done hooks)."""
    session = await service.session(token, mentorship_id, title=title, started_at=started_at,
                                    live=True)
    await service.store.save_results(session["id"], segments(turns), {})
    await service.json("POST", f"/api/sessions/{session['id']}/end", token, expect=202)
    await settled(service, token, session["id"])
    return session["id"]


async def page(service: Service, token: str, path: str, expect: int = 200) -> str:
    async with service.client.get(path, headers={"Authorization": f"Bearer {token}",
                                                 "Accept": "text/html"}) as response:
        assert response.status == expect
        return await response.text()


async def test_last_time_items_proposals_confirm_and_dismiss(
        make_service: ServiceFactory, database_url: str) -> None:
    service = await make_service(run_worker=True, database_url=database_url,
                                 timezone="Europe/Paris")
    mentorship = await service.mentorship()
    mentor, mentee = mentorship["tokens"]["mentor"], mentorship["tokens"]["mentee"]
    first = await live_call(service, mentor, mentorship["id"], "Client pilot",
                            "2026-11-18T15:00", FIRST)
    summary = await service.json("GET", f"/api/mentorships/{mentorship['id']}", mentor)
    items = {i["text"]: i for i in summary["open_action_items"]}
    assert set(items) == {"Send Dana the revised proposal",
                          "Introduce Sam to Priya from the analytics team this week",
                          "Book a session with the career coach"}

    # The next session, before anything is said in it: its page opens with last time.
    second = await service.session(mentee, mentorship["id"], title="Pilot follow-up",
                                   started_at="2026-11-25T15:00", live=True)
    carried = await service.json("GET", f"/api/sessions/{second['id']}/carried", mentee)
    assert carried["previous_session"]["id"] == first and carried["proposals"] == []
    assert [(c["sentence"], c["overdue"]) for c in carried["open"]] == [
        ("Last time: Sam to book a session with the career coach by Friday", True),
        ("Last time: Sam to send Dana the revised proposal by Monday", True),
        ("Last time: Dana to introduce Sam to Priya from the analytics team this week",
         False)]
    assert all(c["session"]["id"] == first for c in carried["open"])
    html = await page(service, mentee, f"/sessions/{second['id']}")
    assert "From last time" in html
    assert "Last time: Sam to send Dana the revised proposal by Monday" in html
    live = await page(service, mentor, f"/sessions/{second['id']}/live")
    assert "Last time: Dana to introduce Sam to Priya from the analytics team" in live
    # The first session has nothing before it.
    assert (await service.json("GET", f"/api/sessions/{first}/carried", mentor))["open"] == []

    # The call mentions one item as done, another booked, a third not done yet.
    await service.store.save_results(second["id"], segments(SECOND), {})
    await service.json("POST", f"/api/sessions/{second['id']}/end", mentee, expect=202)
    await settled(service, mentee, second["id"])
    carried = await service.json("GET", f"/api/sessions/{second['id']}/carried", mentor)
    proposals = {p["item"]["text"]: p for p in carried["proposals"]}
    assert set(proposals) == {"Send Dana the revised proposal",
                              "Book a session with the career coach"}
    sent = proposals["Send Dana the revised proposal"]
    assert sent["quote"] == SECOND[1][1] and sent["segment"] == 1
    assert sent["start"] == 13.5 and sent["at"] == "0:13" and sent["status"] == "proposed"
    assert sent["item_session"]["id"] == first and 0.55 <= sent["score"] <= 1
    waiting = {c["item"]["text"]: c["proposal_id"] for c in carried["open"]}
    assert waiting["Send Dana the revised proposal"] == sent["id"]
    assert waiting["Introduce Sam to Priya from the analytics team this week"] is None
    html = await page(service, mentor, f"/sessions/{second['id']}")
    assert html.count('class="proposal"') == 2 and "Mentioned as done:" in html
    assert f'data-proposal-id="{sent["id"]}"' in html and "(<button" in html

    # Another mentorship sees nothing of it.
    stranger = (await service.mentorship())["tokens"]["mentor"]
    await service.json("GET", f"/api/sessions/{second['id']}/carried", stranger, expect=404)
    await service.json("POST", f"/api/proposals/{sent['id']}/confirm", stranger, expect=404)
    await service.json("POST", f"/api/proposals/{sent['id']}/dismiss", stranger, expect=404)
    await page(service, stranger, f"/sessions/{second['id']}", expect=404)
    await service.json("POST", "/api/proposals/0000000000000000/confirm", mentor, expect=404)

    # Confirming closes the item; dismissing keeps the other open.
    answer = await service.json("POST", f"/api/proposals/{sent['id']}/confirm", mentee)
    assert answer["proposal"]["status"] == "confirmed"
    assert answer["proposal"]["resolved_by"] == "mentee"
    assert answer["item"]["status"] == "done" and answer["item"]["done_at"]
    await service.json("POST", f"/api/proposals/{sent['id']}/confirm", mentor, expect=409)
    coach = proposals["Book a session with the career coach"]
    answer = await service.json("POST", f"/api/proposals/{coach['id']}/dismiss", mentor)
    assert answer["proposal"]["status"] == "dismissed" and answer["item"]["status"] == "open"

    carried = await service.json("GET", f"/api/sessions/{second['id']}/carried", mentor)
    assert [c["item"]["text"] for c in carried["open"]] == [
        "Book a session with the career coach",
        "Introduce Sam to Priya from the analytics team this week"]
    assert all(c["proposal_id"] is None for c in carried["open"])
    assert [c["item"]["text"] for c in carried["done_since"]] == [
        "Send Dana the revised proposal"]
    summary = await service.json("GET", f"/api/mentorships/{mentorship['id']}", mentor)
    assert "Send Dana the revised proposal" not in {
        i["text"] for i in summary["open_action_items"]}
    html = await page(service, mentor, f"/sessions/{second['id']}")
    assert 'class="proposal"' not in html and "Done since last time" in html

    # The recap says what is still open and what was done since.
    recap = (await service.json("GET", f"/api/sessions/{second['id']}/recap", mentor))
    text = recap["preview"]["text"]
    still = text[text.index("STILL OPEN FROM EARLIER SESSIONS"):
                 text.index("DONE SINCE LAST TIME")]
    assert "Book a session with the career coach" in still
    assert "Send Dana the revised proposal" not in still
    done = text[text.index("DONE SINCE LAST TIME"):text.index("FEEDBACK")]
    assert "[x] Sam Okafor: Send Dana the revised proposal [Client pilot]" in done

    # Processing the session again (its extraction redone by the worker) proposes nothing
    # twice, not even the dismissed one.
    async with service.store.transaction() as db:
        db.add(Job(session_id=second["id"], kind="extract"))
        await db.execute(update(Session).where(Session.id == second["id"])
                         .values(status="queued"))
    service.client.server.app[WORKER].wake()
    await settled(service, mentor, second["id"])
    again = await service.json("GET", f"/api/sessions/{second['id']}/carried", mentor)
    assert sorted((p["id"], p["status"]) for p in again["proposals"]) == sorted(
        [(sent["id"], "confirmed"), (coach["id"], "dismissed")])

    # A third session: what is still open carries on, from "last time" two sessions ago.
    third = await service.session(mentor, mentorship["id"], title="December check-in",
                                  started_at="2026-12-02T15:00")
    carried = await service.json("GET", f"/api/sessions/{third['id']}/carried", mentor)
    assert carried["previous_session"]["id"] == second["id"]
    assert [c["sentence"] for c in carried["open"]] == [
        "On Wed 18 Nov: Sam to book a session with the career coach by Friday",
        "On Wed 18 Nov: Dana to introduce Sam to Priya from the analytics team this week"]
    assert carried["proposals"] == []  # (its "done since" depends on today's date: not here)
