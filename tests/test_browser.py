"""The session page in a real browser, against the real service: ``companion serve`` on a
free loopback port with an empty data directory, the real worker and model, Chromium
driven by Playwright.

A mentor opens their personal link, creates a session on the mentorship page, uploads the
bundled sample call through the page, follows its progress, and then uses the result:
ticks an action item off (it stays ticked after a reload), corrects a misheard line (the
action item said in it follows), and plays the recording from a transcript line. Screenshots for a person to look at are left in /tmp (desktop and phone).

Chromium is Debian's (``apt-get install chromium``), not a Playwright download.
"""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Final

import pytest
from playwright.sync_api import Page, expect, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "companion" / "assets" / "sample-session.ogg"
SAMPLE_INFO = json.loads((ROOT / "companion" / "assets" / "sample-session.json").read_text())
CHROMIUM: Final = "/usr/bin/chromium"
CHROMIUM_ARGS: Final = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run"]
START_GUARD = 120.0
"""Seconds after which a service that never says it listens fails the test (a hang)."""
PROCESSING_GUARD_MS = 600_000
"""Milliseconds after which a recording that never finishes processing fails the test."""
SCREENSHOT = Path("/tmp/companion-session.png")
PHONE_SCREENSHOT = Path("/tmp/companion-session-phone.png")


@pytest.fixture
def service_url(tmp_path: Path) -> Iterator[str]:
    """``companion serve`` on a free port with an empty data directory; its base URL."""
    log = tmp_path / "serve.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith("COMPANION_")}
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "companion.cli", "serve", "--host", "127.0.0.1",
             "--port", "0", "--data-dir", str(tmp_path / "data"), "--no-demo"],
            stdout=out, stderr=subprocess.STDOUT, env=env, cwd=ROOT)
    try:
        deadline = time.monotonic() + START_GUARD
        while not (found := re.search(r"listening on (http://127\.0\.0\.1:\d+)", log.read_text())):
            assert process.poll() is None, f"companion serve exited: {log.read_text()}"
            assert time.monotonic() < deadline, f"companion serve never listened: {log.read_text()}"
            time.sleep(0.1)
        yield found.group(1)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def post_json(url: str, body: dict[str, Any]) -> dict[str, Any]:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def watch_processing(page: Page) -> list[tuple[str, str, float | None]]:
    """What the status panel said, from the upload until the transcript appeared."""
    seen: list[tuple[str, str, float | None]] = []
    deadline = time.monotonic() + PROCESSING_GUARD_MS / 1000
    while page.locator(".line").count() == 0:
        assert time.monotonic() < deadline, f"processing never ended: {seen[-3:]}"
        state = page.evaluate("""() => {
            const bar = document.getElementById("status-progress");
            return [document.getElementById("status-label").textContent,
                    document.getElementById("status-detail").textContent,
                    bar.hidden ? null : bar.value];
        }""")
        if not seen or seen[-1] != tuple(state):
            seen.append(tuple(state))
        time.sleep(0.1)
    return seen


def test_upload_follow_tick_and_play_in_a_browser(service_url: str) -> None:
    assert Path(CHROMIUM).is_file(), f"{CHROMIUM} is missing: apt-get install -y chromium"
    people = SAMPLE_INFO["participants"]
    mentorship = post_json(f"{service_url}/api/mentorships",
                           {"mentor": people["mentor"], "mentee": people["mentee"]})
    problems: list[str] = []

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                             args=CHROMIUM_ARGS)
        try:
            page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda error: problems.append(str(error)))

            page.goto(mentorship["links"]["mentor"])
            assert page.url == f"{service_url}/mentorships/{mentorship['id']}"
            expect(page.locator("h1")).to_contain_text("Priya Natarajan")
            page.get_by_label("Title").fill("First month check-in")
            page.get_by_label("Date and time of the call").fill("2026-11-24T16:30")
            page.get_by_role("button", name="Create session").click()
            page.wait_for_url(re.compile(r".*/sessions/[0-9a-f]+$"))
            expect(page.locator("#status-label")).to_have_text("Waiting for a recording")

            page.get_by_label("Recording of the call").set_input_files(SAMPLE)
            page.get_by_role("button", name="Upload and transcribe").click()
            seen = watch_processing(page)
            stages = [detail for _, detail, _ in seen]
            assert any(re.fullmatch(r"transcribing · \d+%", d) for d in stages), seen
            assert any(value is not None and 0 < value < 1 for _, _, value in seen), seen
            expect(page.locator("#status-label")).to_have_text("Done")

            lines = page.locator(".line")
            assert lines.count() >= 4
            expect(lines.first.locator(".who")).to_have_text("Priya Natarajan")
            checklist = page.locator('.item[data-owner="mentor"]', has_text="checklist")
            notes = page.locator('.item[data-owner="mentee"]', has_text="notes")
            expect(checklist).to_have_count(1)
            expect(notes).to_have_count(1)
            expect(page.locator("h3.owner-mentee")).to_have_text("Leo Martins")

            # The recap emails went to the default outbox; the page follows them live.
            email = page.locator("#email")
            expect(email.locator('.delivery[data-role="mentor"] .delivery-state')
                   ).to_contain_text("written to the outbox: ")
            email.get_by_text("Preview").click()
            expect(page.locator("#recap-preview-text")).to_contain_text(
                f"Hello {people['mentor']['name']},")
            email.get_by_role("button", name="Resend to me").click()
            expect(page.locator("#recap-message")).to_have_text("Sending the recap again to you.")

            box = notes.locator("input.tick")
            with page.expect_response(lambda r: "/api/items/" in r.url
                                      and r.request.method == "PATCH") as patched:
                box.check()
            assert patched.value.status == 200
            page.reload()
            expect(page.locator('.item[data-owner="mentee"]', has_text="notes")
                   .locator("input.tick")).to_be_checked()
            expect(page.locator('.item[data-owner="mentor"]', has_text="checklist")
                   .locator("input.tick")).not_to_be_checked()

            # Correcting a line (whatever the model heard, the words change) updates the line
            # and, once extraction has run again, the action item said in it, which stays
            # ticked.
            # The line is found from the item's own provenance (when it was said), not from
            # the words the model heard: those vary with the decoding.
            said_at = float(notes.locator("button.seek").get_attribute("data-seek") or "nan")
            spans = page.locator(".line[data-start]").evaluate_all(
                "lines => lines.map(l => [Number(l.dataset.idx), Number(l.dataset.start)])")
            idx = max((i for i, start in spans if start <= said_at + 0.01),
                      key=lambda i: dict(spans)[i])
            said = page.locator(f"#line-{idx}")
            expect(said).to_contain_text("notes")
            said.get_by_role("button", name=re.compile("^Edit")).click()
            said.get_by_label("Words").fill(
                "Thanks. I am going to write up my notes on the sales dashboard by Friday.")
            said.get_by_role("button", name="Save").click()
            expect(said.locator(".tag")).to_have_text("corrected")
            corrected = page.locator('.item[data-owner="mentee"]', has_text="notes")
            expect(corrected.locator(".item-text")).to_have_text(
                "Write up my notes on the sales dashboard")
            expect(corrected.locator("input.tick")).to_be_checked()

            line = page.locator(".line[data-start]").nth(3)
            start = float(line.get_attribute("data-start") or "nan")
            assert start > 5
            line.locator(".said").click()
            page.wait_for_function(
                "start => Math.abs(document.getElementById('player').currentTime - start) < 3",
                arg=start)
            expect(line).to_have_class(re.compile(r"\bcurrent\b"))
            page.screenshot(path=str(SCREENSHOT), full_page=True)

            phone = browser.new_context(viewport={"width": 390, "height": 844},
                                        device_scale_factor=2, is_mobile=True, has_touch=True)
            small = phone.new_page()
            small.on("pageerror", lambda error: problems.append(str(error)))
            small.goto(mentorship["links"]["mentee"])
            small.goto(page.url)
            expect(small.locator(".line").first).to_be_visible()
            width = small.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, f"the page scrolls sideways on a phone ({width} px wide)"
            small.screenshot(path=str(PHONE_SCREENSHOT))
        finally:
            browser.close()
    assert problems == [], problems
