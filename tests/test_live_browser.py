"""The live side panel in a real browser, against the real service (``companion serve``,
the real streaming engine and worker) and Debian's Chromium driven by Playwright.

Chromium's fake microphone plays a recorded call (both voices, mixed to mono); the mentor's
panel streams it after the consent click, so every caption is the mentor's, which is what
the test expects. The mentee's panel, which captures nothing, shows the same captions and
items from the session's event stream. Stopping from the panel queues the final
transcript. Screenshots for a person to look at are left in /tmp (desktop and phone).
"""
from __future__ import annotations

import json
import re
import urllib.request
from pathlib import Path
from typing import Any, Final

from playwright.sync_api import Page, expect, sync_playwright

from test_browser import CHROMIUM, CHROMIUM_ARGS, service_url  # noqa: F401 (a fixture)

SESSIONS = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "sessions"
CALL = SESSIONS / "s01-proposal-followup.mono.wav"
CALL_INFO = json.loads((SESSIONS / "s01-proposal-followup.json").read_text())
LIVE_GUARD_MS: Final = 180_000
"""Milliseconds after which captions or items that never appear fail the test (a hang:
the first action item is said 45 s into the call)."""
FINALS: Final = ".caption:not(.partial) .said"
RECORD_SOCKETS: Final = """
window.__sockets = [];
window.WebSocket = class extends WebSocket {
  constructor(...args) { super(...args); window.__sockets.push(this); }
};
"""
"""Keeps the page's websockets reachable, so that the test can drop one."""
SCREENSHOT = Path("/tmp/companion-live.png")
PHONE_SCREENSHOT = Path("/tmp/companion-live-phone.png")


def call_api(method: str, url: str, token: str | None, body: dict[str, Any] | None = None
             ) -> dict[str, Any]:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(
        url, method=method, data=json.dumps(body).encode() if body is not None else None,
        headers=headers)
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def words(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.lower())


def caption_chars(page: Page) -> int:
    return len(" ".join(page.locator(FINALS).all_text_contents()))


def wait_for_more_captions(page: Page, chars: int) -> None:
    """Until the final captions have grown by a few words beyond ``chars`` characters."""
    page.wait_for_function(
        "([selector, n]) => Array.from(document.querySelectorAll(selector),"
        " e => e.textContent).join(' ').length > n",
        arg=[FINALS, chars + 40], timeout=LIVE_GUARD_MS)


def open_panel(page: Page, personal_link: str, panel_url: str,
               title: str = CALL_INFO["title"]) -> None:
    page.goto(personal_link)  # sets the cookie, lands on the mentorship page
    page.goto(panel_url)
    expect(page.locator("h1")).to_have_text(title)


def test_the_live_panel_streams_the_microphone_and_both_panels_follow(
        service_url: str) -> None:  # noqa: F811
    assert Path(CHROMIUM).is_file(), f"{CHROMIUM} is missing: apt-get install -y chromium"
    assert CALL.is_file(), f"{CALL} is missing"
    people = CALL_INFO["participants"]
    mentorship = call_api("POST", f"{service_url}/api/mentorships", None,
                          {"mentor": people["mentor"], "mentee": people["mentee"]})
    mentor_token = mentorship["tokens"]["mentor"]
    session = call_api("POST", f"{service_url}/api/mentorships/{mentorship['id']}/sessions",
                       mentor_token, {"title": CALL_INFO["title"], "live": True})
    panel_url = f"{service_url}/sessions/{session['id']}/live"
    vocabulary = {w for turn in CALL_INFO["turns"] for w in words(turn["text"])}
    problems: list[str] = []

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=CHROMIUM_ARGS + ["--use-fake-device-for-media-stream",
                                  "--use-fake-ui-for-media-stream",
                                  f"--use-file-for-fake-audio-capture={CALL}"])
        try:
            mentor = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
            mentor.add_init_script(RECORD_SOCKETS)
            mentee = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
            for page in (mentor, mentee):
                page.on("console",
                        lambda m: problems.append(m.text) if m.type == "error" else None)
                page.on("pageerror", lambda error: problems.append(str(error)))
            # Strangers get nothing; a session that is not live says so.
            stranger = browser.new_context().new_page()
            assert stranger.goto(panel_url).status == 404
            recorded = call_api("POST", f"{service_url}/api/mentorships/{mentorship['id']}"
                                "/sessions", mentor_token, {"title": "Recorded call"})
            open_panel(mentor, mentorship["links"]["mentor"],
                       f"{service_url}/sessions/{recorded['id']}/live", "Recorded call")
            expect(mentor.locator("#not-live")).to_contain_text("not a live call")
            expect(mentor.get_by_role("button", name="Start listening")).to_have_count(0)

            open_panel(mentor, mentorship["links"]["mentor"], panel_url)
            open_panel(mentee, mentorship["links"]["mentee"], panel_url)

            # Consent first: nothing is streamed before the click.
            expect(mentor.locator("#listening-text")).to_have_text("Not listening")
            expect(mentee.locator("#presence")).to_contain_text("Nobody is streaming")
            mentor.get_by_role("button", name="Start listening").click()
            expect(mentor.locator("#listening-text")).to_have_text("Listening", timeout=30_000)
            expect(mentee.locator("#presence")).to_contain_text(
                f"{people['mentor']['name']} · microphone", timeout=30_000)

            for page in (mentor, mentee):
                expect(page.locator(".caption:not(.partial)")).not_to_have_count(
                    0, timeout=LIVE_GUARD_MS)
                expect(page.locator(".live-item.kind-action_item")).not_to_have_count(
                    0, timeout=LIVE_GUARD_MS)
            finals = mentor.locator(FINALS).all_text_contents()
            heard = [w for line in finals for w in words(line)]
            assert len(heard) >= 10, finals
            known = sum(w in vocabulary for w in heard) / len(heard)
            assert known >= 0.6, (known, finals)
            expect(mentor.locator(".caption:not(.partial) .who").first).to_have_text(
                people["mentor"]["name"])
            said = re.compile(r"send|revised|version|monday|introduce|maria", re.I)  # the
            # call's two action items (others may come first: wait for one of these)
            expect(mentor.locator(".live-item.kind-action_item .text").filter(
                has_text=said)).not_to_have_count(0, timeout=LIVE_GUARD_MS)
            mentor.screenshot(path=str(SCREENSHOT), full_page=True)
            mentee.screenshot(path=str(PHONE_SCREENSHOT), full_page=True)

            # Both panels show muting and going off the record.
            mentor.get_by_role("button", name="Pause").click()
            expect(mentor.locator("#listening-text")).to_have_text(re.compile("^Paused"))
            expect(mentee.locator("#presence")).to_contain_text("paused")
            mentor.get_by_role("button", name="Resume").click()
            expect(mentor.locator("#listening-text")).to_have_text("Listening")
            expect(mentee.locator("#presence")).not_to_contain_text("paused")
            mentor.get_by_role("button", name="Off the record").click()
            expect(mentee.locator("#off-record-note")).to_be_visible()
            expect(mentor.get_by_role("button", name="Back on the record")).to_be_visible()
            mentor.get_by_role("button", name="Back on the record").click()
            expect(mentee.locator("#off-record-note")).to_be_hidden()

            # A dropped connection resumes where the acknowledgements stopped, and a reloaded
            # panel continues the role's numbering: either way the server keeps taking the
            # audio, so the captions keep coming.
            before = caption_chars(mentee)
            mentor.evaluate("() => window.__sockets.at(-1).close(3000)")  # not a final close
            mentor.wait_for_function("() => window.__sockets.length === 2")
            expect(mentor.locator("#listening-text")).to_have_text("Listening", timeout=30_000)
            wait_for_more_captions(mentee, before)
            mentor.reload()
            expect(mentor.locator("#listening-text")).to_have_text("Not listening")
            before = caption_chars(mentee)
            mentor.get_by_role("button", name="Start listening").click()
            expect(mentor.locator("#listening-text")).to_have_text("Listening", timeout=30_000)
            wait_for_more_captions(mentee, before)
            expect(mentor.locator("#live-message")).to_be_empty()

            mentor.once("dialog", lambda dialog: dialog.accept())
            mentor.get_by_role("button", name="Stop and finish").click()
            expect(mentor.locator("#listening-text")).to_have_text("The call has ended",
                                                                   timeout=LIVE_GUARD_MS)
            state = call_api("GET", f"{service_url}/api/sessions/{session['id']}", mentor_token)
            assert state["status"] in ("queued", "processing"), state["status"]
            expect(mentee.locator("#live-status")).to_have_text(
                re.compile("Queued|Processing|Done"), timeout=30_000)
            expect(mentee.get_by_role("button", name="Stop and finish")).to_be_disabled()
            # The reloaded panel got the call so far back (its history): the same finals as
            # the panel that stayed open, none twice.
            assert mentee.locator(FINALS).all_text_contents() \
                == mentor.locator(FINALS).all_text_contents()
            assert caption_chars(mentor) > 0
        finally:
            browser.close()
    assert not problems, problems


def test_a_live_call_starts_from_the_session_page_and_reloaded_pages_catch_up(
        service_url: str) -> None:  # noqa: F811
    """"Start live session" on a new session's page opens the panel, ready for consent; the
    other participant's session page follows (the link to the panel, who is connected),
    and a panel loaded after captions were said shows them from the call's history."""
    people = CALL_INFO["participants"]
    mentorship = call_api("POST", f"{service_url}/api/mentorships", None,
                          {"mentor": people["mentor"], "mentee": people["mentee"]})
    session = call_api("POST", f"{service_url}/api/mentorships/{mentorship['id']}/sessions",
                       mentorship["tokens"]["mentee"], {"title": CALL_INFO["title"]})
    assert session["status"] == "created"
    page_url = f"{service_url}/sessions/{session['id']}"
    problems: list[str] = []

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=CHROMIUM_ARGS + ["--use-fake-device-for-media-stream",
                                  "--use-fake-ui-for-media-stream",
                                  f"--use-file-for-fake-audio-capture={CALL}"])
        try:
            mentor = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
            mentee = browser.new_context(viewport={"width": 390, "height": 844}).new_page()
            for page in (mentor, mentee):
                page.on("console",
                        lambda m: problems.append(m.text) if m.type == "error" else None)
                page.on("pageerror", lambda error: problems.append(str(error)))
            open_panel(mentor, mentorship["links"]["mentor"], page_url)
            open_panel(mentee, mentorship["links"]["mentee"], page_url)
            expect(mentee.get_by_role("link", name="Open live panel")).to_be_hidden()

            mentor.get_by_role("button", name="Start live session").click()
            expect(mentor).to_have_url(f"{page_url}/live")
            expect(mentor.locator("#live-status")).to_have_text("Live")
            expect(mentor.locator("#listening-text")).to_have_text("Not listening")
            expect(mentee.get_by_role("link", name="Open live panel")).to_be_visible()
            expect(mentee.get_by_role("button", name="Start live session")).to_be_hidden()
            expect(mentee.locator("#upload")).to_be_hidden()
            expect(mentee.locator("#live-presence")).to_contain_text("Nobody is streaming")

            mentor.get_by_role("button", name="Start listening").click()  # the consent
            expect(mentor.locator("#listening-text")).to_have_text("Listening", timeout=30_000)
            streaming = f"{people['mentor']['name']} · microphone"
            expect(mentee.locator("#live-presence")).to_contain_text(streaming, timeout=30_000)
            mentee.reload()  # who is connected comes with the page's first events
            expect(mentee.locator("#live-presence")).to_contain_text(streaming)

            expect(mentor.locator(FINALS)).not_to_have_count(0, timeout=LIVE_GUARD_MS)
            first = mentor.locator(FINALS).first.text_content() or ""
            assert words(first), first
            said_first = re.compile("^" + re.escape(first))
            mentee.get_by_role("link", name="Open live panel").click()
            expect(mentee).to_have_url(f"{page_url}/live")
            expect(mentee.locator(FINALS).first).to_have_text(said_first)
            expect(mentee.locator("#presence")).to_contain_text(streaming)
            mentor.reload()  # the panel that streamed: its captions come back too
            expect(mentor.locator("#listening-text")).to_have_text("Not listening")
            expect(mentor.locator(FINALS).first).to_have_text(said_first)
        finally:
            browser.close()
    assert not problems, problems
