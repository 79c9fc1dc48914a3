"""The "Recap email" section of the session page: the real app with its mailer writing to
the default outbox, driven as the page's script drives it (the personal link's cookie and
the CSRF header), and the words the page uses for each state of a delivery.
"""
from __future__ import annotations

import html
import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from companion.models import Delivery
from companion.settings import Settings
from test_api import MENTEE, MENTOR, Service, ServiceFactory, make_service  # noqa: F401
from test_recap import end, live_session, wait_for_deliveries
from web.auth import CSRF_COOKIE, CSRF_HEADER
from web.views.pages import delivery_state


async def sign_in(service: Service, token: str) -> str:
    """Open the personal link in the test client (its cookie jar keeps the cookie); the
    CSRF token the page's scripts send."""
    async with service.client.get(f"/join/{token}", allow_redirects=False) as response:
        assert response.status == 303
    return service.client.session.cookie_jar.filter_cookies(
        service.client.make_url("/"))[CSRF_COOKIE].value


async def page(service: Service, session_id: str) -> str:
    async with service.client.get(f"/sessions/{session_id}") as response:
        assert response.status == 200
        return html.unescape(await response.text())


def delivery_line(text: str, role: str) -> str:
    match = re.search(rf'<li class="delivery delivery-(\w+)" data-role="{role}">(.*?)</li>',
                      text, re.S)
    assert match is not None, role
    return f"{match.group(1)}: {re.sub(r'<[^>]+>', '', match.group(2))}"


async def test_the_page_says_where_recaps_went_and_sends_them_again(
        make_service: ServiceFactory) -> None:
    service = await make_service(run_worker=True)
    mentorship, session_id = await live_session(service)
    mentee = mentorship["tokens"]["mentee"]
    await end(service, mentee, session_id)
    state = await wait_for_deliveries(service, mentee, session_id,
                                      lambda ds: [d["status"] for d in ds] == ["sent"] * 2)
    files = {d["role"]: d["file"] for d in state["deliveries"]}
    outbox = service.settings.outbox_dir.resolve()

    csrf = await sign_in(service, mentee)
    text = await page(service, session_id)
    assert f"written to the outbox folder <code class=\"path\">{outbox}</code>" in text
    for role, person in (("mentor", MENTOR), ("mentee", MENTEE)):
        line = delivery_line(text, role)
        assert line.startswith(f"sent: {person['name']} {person['email']}: "
                               f"written to the outbox: {files[role]} (")
    assert 'data-to="me">Resend to me</button>' in text
    assert 'data-to="both">Resend to both</button>' in text
    assert 'id="recap-release"' not in text  # nothing is held
    assert '<input type="checkbox" id="recap-toggle" checked>' in text

    resend = f"/api/sessions/{session_id}/recap/resend"
    refused = await service.json("POST", resend, expect=403, json={"to": "me"})
    assert CSRF_HEADER in refused["error"]["message"]
    await service.json("POST", resend, expect=202, json={"to": "me"},
                       headers={CSRF_HEADER: csrf})
    state = await wait_for_deliveries(
        service, mentee, session_id,
        lambda ds: [d["status"] for d in ds if d["reason"] == "resend"] == ["sent"])
    again = next(d for d in state["deliveries"] if d["reason"] == "resend")
    assert again["role"] == "mentee" and again["file"] != files["mentee"]
    text = await page(service, session_id)
    assert f"written to the outbox: {again['file']}" in delivery_line(text, "mentee")
    assert f"written to the outbox: {files['mentor']}" in delivery_line(text, "mentor")


async def test_the_recaps_toggle_persists_and_held_recaps_can_be_released(
        make_service: ServiceFactory) -> None:
    service = await make_service(run_worker=True, recap_hold_min="30")
    mentorship, session_id = await live_session(service)
    mentor = mentorship["tokens"]["mentor"]
    csrf = await sign_in(service, mentor)
    toggle = f"/api/mentorships/{mentorship['id']}"
    await service.json("PATCH", toggle, expect=403, json={"recaps": False})
    turned = await service.json("PATCH", toggle, json={"recaps": False},
                                headers={CSRF_HEADER: csrf})
    assert (turned["mentor"]["recaps"], turned["mentee"]["recaps"]) == (False, True)
    text = await page(service, session_id)
    assert '<input type="checkbox" id="recap-toggle">' in text
    assert delivery_line(text, "mentor").endswith(
        "no recap yet: it is sent when the session is processed")
    assert 'data-to="me"' not in text  # a live session has no recap to send again

    await end(service, mentor, session_id)
    state = await wait_for_deliveries(service, mentor, session_id,
                                      lambda ds: sorted(d["status"] for d in ds)
                                      == ["held", "skipped"])
    assert state["recaps"] == {"mentor": False, "mentee": True}
    text = await page(service, session_id)
    assert delivery_line(text, "mentor") == (
        f"skipped: {MENTOR['name']} {MENTOR['email']}: "
        "not sent: the recipient turned recap emails off for this mentorship")
    held = delivery_line(text, "mentee")
    assert re.fullmatch(rf"held: {MENTEE['name']} {MENTEE['email']}: held for review until "
                        r"\w{3} \d{1,2} \w{3} \d{4}, \d\d:\d\d", held), held
    assert '<button type="button" id="recap-release">Release now</button>' in text
    assert '<input type="checkbox" id="recap-toggle">' in text  # still off

    release = f"/api/sessions/{session_id}/recap/release"
    await service.json("POST", release, expect=403)
    released = await service.json("POST", release, headers={CSRF_HEADER: csrf})
    assert released["released"] == 1
    await wait_for_deliveries(service, mentor, session_id,
                              lambda ds: sorted(d["status"] for d in ds)
                              == ["sent", "skipped"])
    text = await page(service, session_id)
    assert delivery_line(text, "mentee").startswith(f"sent: {MENTEE['name']} "
                                                    f"{MENTEE['email']}: written to the outbox: ")
    assert 'id="recap-release"' not in text


def delivery(**fields: Any) -> Delivery:
    return Delivery(id="5d0f2a9c4e1b7a36", role="mentor", address=MENTOR["email"],
                    reason="finalised", finalisation=1, **fields)


def test_each_delivery_state_reads_as_words(tmp_path: Path) -> None:
    settings = Settings.load(environ={}, overrides={
        "data_dir": str(tmp_path), "smtp_url": "smtp://127.0.0.1:2525",
        "timezone": "Europe/Paris"})
    at = datetime(2026, 11, 24, 15, 2, tzinfo=timezone.utc)
    refused = "550 5.1.1 mailbox unavailable"
    assert delivery_state(delivery(status="sent", channel="smtp", sent_at=at),
                           settings) == "sent Tue 24 Nov 2026, 16:02"
    assert delivery_state(delivery(status="pending", next_attempt_at=at,
                                    last_error="the server cannot be reached"), settings) == (
        "will retry at Tue 24 Nov 2026, 16:02: the server cannot be reached")
    assert delivery_state(delivery(status="failed", last_error=refused),
                           settings) == f"failed: {refused}"
    assert delivery_state(delivery(status="held", next_attempt_at=at),
                           settings) == "held for review until Tue 24 Nov 2026, 16:02"
    assert delivery_state(delivery(status="sending"), settings) == "being sent now"
    assert delivery_state(delivery(status="sent", channel="outbox", sent_at=at), settings) == (
        f"written to the outbox: {settings.outbox_dir.resolve() / '5d0f2a9c4e1b7a36.eml'} "
        "(Tue 24 Nov 2026, 16:02)")


async def test_the_page_reads_the_transcript_without_its_word_timings(
        make_service: ServiceFactory) -> None:
    service = await make_service()
    mentorship = await service.mentorship()
    mentor = mentorship["tokens"]["mentor"]
    session = await service.session(mentor, mentorship["id"], live=True)
    words = [{"word": " Thanks", "start": 0.0, "end": 0.4},
             {"word": " everyone.", "start": 0.4, "end": 1.1}]
    await service.store.save_results(session["id"], [
        {"speaker": "mentor", "start": 0.0, "end": 1.1, "text": "Thanks everyone.",
         "words": words}], {})
    who = await service.store.authenticate(mentor)
    full = await service.store.get_transcript(session["id"], who)
    lean = await service.store.get_transcript(session["id"], who, with_words=False)
    assert [s.to_json() for s in full][0]["words"] == words
    assert [s.to_json() for s in lean] == [{"speaker": "mentor", "start": 0.0, "end": 1.1,
                                            "text": "Thanks everyone.", "edited": False}]
    api = await service.json("GET", f"/api/sessions/{session['id']}", mentor)
    assert api["transcript"]["segments"][0]["words"] == words  # the API keeps them
    await sign_in(service, mentor)
    assert "Thanks everyone." in await page(service, session["id"])
