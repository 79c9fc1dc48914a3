"""The session pages and their downloads over HTTP: the real app on a loopback port, SQLite
in a temporary data directory, the real store, a real recording.

A processed session is made the way the worker makes one, without running the model: the
s01 recording is uploaded through the API, its job is claimed, and the hand-labelled
conversation (with the times of its audio) is stored as the job's results. The browser test
(test_browser.py) goes through real processing.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from companion import processing
from companion.exports import ExportError, SessionExport, checkin_invitation, export
from test_api import MENTEE, MENTOR, S01, Service, ServiceFactory, make_service  # noqa: F401
from web.auth import CSRF_COOKIE, CSRF_HEADER, TOKEN_COOKIE

RECORDING = S01.with_suffix(".mono.mp3")
PARIS = ZoneInfo("Europe/Paris")


@dataclass(frozen=True)
class Seeded:
    mentorship: dict[str, Any]
    session_id: str
    segments: list[dict[str, Any]]

    @property
    def mentor(self) -> str:
        return self.mentorship["tokens"]["mentor"]

    @property
    def mentee(self) -> str:
        return self.mentorship["tokens"]["mentee"]


def s01_segments() -> list[dict[str, Any]]:
    """The s01 conversation with the times at which its recording says each turn."""
    turns = json.loads(S01.with_suffix(".json").read_text())["turns"]
    truth = json.loads(S01.with_suffix(".truth.json").read_text())["turns"]
    return [{"speaker": turn["speaker"], "start": timing["start"], "end": timing["end"],
             "text": turn["text"]} for turn, timing in zip(turns, truth)]


async def processed_session(service: Service, *, mentor: dict[str, str] = MENTOR,
                            segments: list[dict[str, Any]] | None = None) -> Seeded:
    """A session with the s01 recording, transcript and extraction, as the worker stores
    them (see the module docstring)."""
    mentorship = await service.json("POST", "/api/mentorships", expect=201,
                                    json={"mentor": mentor, "mentee": MENTEE})
    token = mentorship["tokens"]["mentor"]
    session = await service.session(token, mentorship["id"])
    await service.upload(token, session["id"], RECORDING, content_type="audio/mpeg")
    segments = s01_segments() if segments is None else segments
    extraction = processing.extract({"session_date": "2026-11-20T15:00", "segments": segments})
    job = await service.store.claim_next_job("test-pages")
    assert job is not None and job.session_id == session["id"]
    await service.store.save_results(session["id"], segments, extraction)
    await service.store.finish_job(job.id)
    return Seeded(mentorship, session["id"], segments)


async def get(service: Service, path: str, token: str | None = None, expect: int = 200,
              headers: dict[str, str] | None = None) -> tuple[str, Any]:
    """GET as a browser holding ``token``'s cookie (or no cookie); the body and headers."""
    sent = {"Accept": "text/html"} | (headers or {})
    if token is not None:
        sent["Cookie"] = f"{TOKEN_COOKIE}={token}"
    async with service.client.get(path, headers=sent, allow_redirects=False) as response:
        body = await response.read()
        assert response.status == expect, (path, response.status, body[:300])
        return body.decode("utf-8", "replace"), response.headers


# -- signing in and who sees what ---------------------------------------------------------------


async def test_personal_link_signs_in_and_opens_the_pages(make_service: ServiceFactory) -> None:
    service = await make_service()
    seeded = await processed_session(service)
    async with service.client.get(f"/join/{seeded.mentee}", allow_redirects=False) as response:
        assert response.status == 303
        landing = response.headers["Location"]
    assert landing == f"/mentorships/{seeded.mentorship['id']}"  # the token left the URL

    async with service.client.get(landing) as response:  # the cookie jar signs in now
        assert response.status == 200 and response.content_type == "text/html"
        page, headers = await response.text(), response.headers
    assert "Dana Reyes" in page and "Sam Okafor" in page
    assert "signed in as Sam Okafor (mentee)" in page
    assert f'href="/sessions/{seeded.session_id}"' in page and "Proposal follow-up" in page
    assert "Send you the revised version" in page  # an open action item
    policy = headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "default-src 'none'" in policy
    scripts = re.findall(r"<script\b[^>]*>", page)
    assert scripts and all(' src="/static/' in tag for tag in scripts)  # none inline

    async with service.client.get(f"/sessions/{seeded.session_id}") as response:
        assert response.status == 200
        assert response.headers["Content-Encoding"] in ("gzip", "deflate")  # long: compressed
        page = await response.text()
    assert seeded.segments[0]["text"] in page
    assert f'data-start="{seeded.segments[3]["start"]}"' in page
    async with service.client.get(re.search(r'src="(/static/session\.js\?v=\w+)"',
                                            page).group(1)) as response:
        assert response.status == 200 and "EventSource" in await response.text()


async def test_pages_and_downloads_are_for_the_two_participants_only(
        make_service: ServiceFactory) -> None:
    service = await make_service()
    ours = await processed_session(service)
    theirs = await processed_session(service)
    sid = ours.session_id
    paths = [f"/mentorships/{ours.mentorship['id']}", f"/sessions/{sid}",
             f"/sessions/{sid}/download/md", f"/sessions/{sid}/download/ics"]
    for path in paths:
        await get(service, path, ours.mentor)
        await get(service, path, ours.mentee)
        for token in (theirs.mentor, None, "not-a-token"):
            page, headers = await get(service, path, token, expect=404)
            assert "text/html" in headers["Content-Type"]
            assert "open your personal link" in page or "not found" in page
            assert "Content-Security-Policy" in headers
            assert "Dana Reyes" not in page and "revised proposal" not in page
    await get(service, f"/mentorships/{theirs.mentorship['id']}", ours.mentor, expect=404)


async def test_user_text_is_escaped_on_the_page(make_service: ServiceFactory) -> None:
    service = await make_service()
    seeded = await processed_session(
        service, mentor={"name": 'Dana <img src=x onerror="alert(1)">', "email": MENTOR["email"]})
    attack = '<script>alert("pwned")</script> I will send the </li> budget by Friday.'
    await service.json("PATCH", f"/api/sessions/{seeded.session_id}/segments/2", seeded.mentee,
                       json={"text": attack})
    page, _ = await get(service, f"/sessions/{seeded.session_id}", seeded.mentee)
    assert "<script>alert" not in page and "<img src=x" not in page and "</li> budget" not in page
    assert "&lt;script&gt;alert(&#34;pwned&#34;)&lt;/script&gt;" in page
    assert "Dana &lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in page
    # The line was marked corrected, and extraction ran again over the corrected words.
    line = re.search(r'<li [^>]*id="line-2".*?</li>', page, re.DOTALL).group(0)
    assert '<span class="tag">corrected</span>' in line and "&lt;/li&gt; budget" in line
    markdown, _ = await get(service, f"/sessions/{seeded.session_id}/download/md", seeded.mentee)
    assert "<script>" not in markdown and r"\<script\>" in markdown


async def test_a_failed_job_shows_its_reason_and_a_retry_button(
        make_service: ServiceFactory) -> None:
    service = await make_service()
    mentorship = await service.mentorship()
    token = mentorship["tokens"]["mentee"]
    session = await service.session(token, mentorship["id"])
    await service.upload(token, session["id"], RECORDING, content_type="audio/mpeg")
    page, _ = await get(service, f"/sessions/{session['id']}", token)
    assert re.search(r'<span id="status-label" class="badge status-queued">Queued</span>', page)
    assert re.search(r'<progress id="status-progress" max="1" value="0.0">', page)  # shown
    assert re.search(r'<details id="upload" class="upload"[^>]* hidden>', page)  # busy

    job = await service.store.claim_next_job("test-pages")
    await service.store.fail_job(job.id, "the recording <file> is missing from the data directory")
    page, _ = await get(service, f"/sessions/{session['id']}", token)
    assert '<div id="status-error" class="failure" role="alert">' in page  # not hidden
    assert "the recording &lt;file&gt; is missing from the data directory" in page
    assert '<button type="button" id="retry">Retry</button>' in page
    assert re.search(r'<progress id="status-progress"[^>]* hidden>', page)
    retried = await service.json("POST", f"/api/sessions/{session['id']}/retry", token,
                                 expect=202)
    assert retried["job"]["status"] == "queued"


# -- the recording ------------------------------------------------------------------------------


async def test_the_recording_plays_with_range_requests(make_service: ServiceFactory) -> None:
    service = await make_service()
    seeded = await processed_session(service)
    stranger = (await processed_session(service)).mentor
    page, _ = await get(service, f"/sessions/{seeded.session_id}", seeded.mentee)
    source = re.search(r'<audio id="player"[^>]* src="([^"]+)"', page).group(1)
    assert source.startswith(f"/api/sessions/{seeded.session_id}/recording")
    data = RECORDING.read_bytes()

    async with service.client.get(source, headers={"Cookie": f"{TOKEN_COOKIE}={seeded.mentee}",
                                                   "Range": "bytes=0-99"}) as response:
        assert response.status == 206
        assert response.headers["Content-Range"] == f"bytes 0-99/{len(data)}"
        assert await response.read() == data[:100]
    async with service.client.get(source, headers={"Cookie": f"{TOKEN_COOKIE}={seeded.mentee}",
                                                   "Range": f"bytes={len(data) - 500}-"}
                                  ) as response:
        assert response.status == 206 and await response.read() == data[-500:]
    await get(service, source, stranger, expect=404, headers={"Range": "bytes=0-99"})
    await get(service, source, None, expect=401, headers={"Range": "bytes=0-99"})


# -- downloads ----------------------------------------------------------------------------------


async def download(service: Service, seeded: Seeded, fmt: str) -> tuple[str, Any]:
    return await get(service, f"/sessions/{seeded.session_id}/download/{fmt}", seeded.mentor)


async def test_every_download_parses_back(make_service: ServiceFactory) -> None:
    service = await make_service(timezone="Europe/Paris")
    seeded = await processed_session(service)
    api = await service.json("GET", f"/api/sessions/{seeded.session_id}", seeded.mentor)
    stem = "proposal-follow-up-2026-11-20"
    page, _ = await get(service, f"/sessions/{seeded.session_id}", seeded.mentor)
    for fmt in ("md", "txt", "srt", "vtt", "json", "ics"):
        assert f'href="/sessions/{seeded.session_id}/download/{fmt}"' in page

    markdown, headers = await download(service, seeded, "md")
    assert headers["Content-Disposition"] == f'attachment; filename="{stem}.md"'
    assert headers["Content-Type"].startswith("text/markdown")
    assert markdown.startswith("# Proposal follow-up\n")
    assert "- **Next check-in:** Fri 4 Dec 2026, 10:00" in markdown
    assert f"**Dana Reyes** (0:00): {seeded.segments[0]['text']}" in markdown

    text, _ = await download(service, seeded, "txt")
    transcript_part = text.split("\nTRANSCRIPT\n", 1)[1].splitlines()
    assert len(transcript_part) == len(seeded.segments)
    assert transcript_part[1].startswith("[0:0") and " Sam Okafor: " in transcript_part[1]

    document, headers = await download(service, seeded, "json")
    assert headers["Content-Disposition"] == f'attachment; filename="{stem}.json"'
    parsed = json.loads(document)
    assert parsed["transcript"] == api["transcript"] and parsed["summary"] == api["summary"]
    assert parsed["title"] == "Proposal follow-up"

    subtitles, _ = await download(service, seeded, "srt")
    cues = re.findall(r"^(\d+)\n(\d\d):(\d\d):(\d\d),(\d{3}) --> \d\d:\d\d:\d\d,\d{3}\n(.+)$",
                      subtitles, re.MULTILINE)
    assert [int(c[0]) for c in cues] == list(range(1, len(seeded.segments) + 1))
    for cue, segment in zip(cues, seeded.segments):
        hours, minutes, seconds, millis = map(int, cue[1:5])
        assert abs(hours * 3600 + minutes * 60 + seconds + millis / 1000 - segment["start"]) < 0.001
        assert cue[5].endswith(segment["text"])

    web_vtt, headers = await download(service, seeded, "vtt")
    assert headers["Content-Type"].startswith("text/vtt") and web_vtt.startswith("WEBVTT\n")
    voices = re.findall(r"^\d\d:\d\d:\d\d\.\d{3} --> \d\d:\d\d:\d\d\.\d{3}\n<v ([^>]+)>",
                        web_vtt, re.MULTILINE)
    names = {"mentor": "Dana Reyes", "mentee": "Sam Okafor"}
    assert voices == [names[s["speaker"]] for s in seeded.segments]

    invitation, headers = await download(service, seeded, "ics")
    assert headers["Content-Type"].startswith("text/calendar")
    assert headers["Content-Disposition"] == f'attachment; filename="{stem}.ics"'
    calendar = Calendar.from_ical(invitation)
    assert calendar["METHOD"] == "REQUEST"
    [event] = calendar.walk("VEVENT")
    assert event.decoded("DTSTART") == datetime(2026, 12, 4, 10, 0, tzinfo=PARIS)
    assert event["DTSTART"].params["TZID"] == "Europe/Paris"
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Paris"
    assert event.decoded("DURATION") == timedelta(minutes=45)
    assert str(event["SUMMARY"]) == "Mentoring check-in: Dana Reyes & Sam Okafor"
    attendees = {str(a): a.params for a in event["ATTENDEE"]}
    assert set(attendees) == {"mailto:dana.reyes@example.org", "mailto:sam.okafor@example.org"}
    assert attendees["mailto:sam.okafor@example.org"]["CN"] == "Sam Okafor"
    assert str(event["ORGANIZER"]) == "mailto:dana.reyes@example.org"
    assert str(event["UID"]) == f"checkin-{seeded.session_id}@companion"
    assert "Sam Okafor: Send you the revised version" in str(event["DESCRIPTION"])
    again, _ = await get(service, f"/sessions/{seeded.session_id}/download/ics", seeded.mentee)
    assert again == invitation  # same UID and DTSTAMP: a calendar updates, not duplicates


async def test_downloads_a_session_cannot_give_yet_say_why(make_service: ServiceFactory) -> None:
    service = await make_service()
    seeded = await processed_session(service)
    token, mentorship_id = seeded.mentor, seeded.mentorship["id"]
    empty = await service.session(token, mentorship_id, title="Not recorded yet")
    page, _ = await get(service, f"/sessions/{empty['id']}/download/md", token, expect=404)
    assert "no transcript yet" in page.lower()
    page, _ = await get(service, f"/sessions/{seeded.session_id}/download/pdf", token, expect=404)
    assert "no download format" in page.lower()

    # A hand-written transcript without times, where no check-in was agreed.
    handwritten = await service.session(token, mentorship_id, title="Notes from the corridor")
    await service.store.save_results(handwritten["id"], [
        {"speaker": "mentee", "text": "I will draft the budget section."},
        {"speaker": "mentor", "text": "Good, send it when it is ready."}],
        processing.extract({"segments": [
            {"speaker": "mentee", "text": "I will draft the budget section."},
            {"speaker": "mentor", "text": "Good, send it when it is ready."}]}))
    page, _ = await get(service, f"/sessions/{handwritten['id']}/download/srt", token, expect=404)
    assert "subtitles need the times of every line" in page.lower()
    page, _ = await get(service, f"/sessions/{handwritten['id']}/download/ics", token, expect=404)
    assert "no next check-in was agreed" in page.lower()
    markdown, _ = await get(service, f"/sessions/{handwritten['id']}/download/md", token)
    assert "**Sam Okafor**: I will draft the budget section." in markdown
    page, _ = await get(service, f"/sessions/{handwritten['id']}", token)
    assert "/download/md" in page and "/download/srt" not in page and "/download/ics" not in page
    assert "No next check-in was agreed." in page


def test_a_checkin_without_a_time_is_an_all_day_event() -> None:
    session = SessionExport(
        session_id="5e55", title="Kick-off",
        transcript={"session_date": "2026-11-20", "participants": {
            "mentor": MENTOR, "mentee": MENTEE},
            "segments": [{"speaker": "mentor", "text": "Let us talk again on December 4."}]},
        summary={"next_checkin": "2026-12-04", "action_items": []},
        changed_at=datetime(2026, 11, 20, 16, 0, tzinfo=timezone.utc))
    [event] = Calendar.from_ical(checkin_invitation(session, zone=PARIS)).walk("VEVENT")
    assert event.decoded("DTSTART") == datetime(2026, 12, 4).date()
    assert event.decoded("DTEND") == datetime(2026, 12, 5).date()
    timed = replace(session, summary={"next_checkin": "2026-12-04T10:00"})
    [event] = Calendar.from_ical(checkin_invitation(timed)).walk("VEVENT")
    assert event.decoded("DTSTART") == datetime(2026, 12, 4, 10, 0)  # floating: no zone
    with pytest.raises(ExportError, match="unknown format 'docx'"):
        export(session, "docx")


# -- action items -------------------------------------------------------------------------------


async def test_ticking_an_item_with_the_cookie_needs_the_csrf_header(
        make_service: ServiceFactory) -> None:
    service = await make_service()
    seeded = await processed_session(service)
    async with service.client.get(f"/join/{seeded.mentee}") as response:
        assert response.status == 200
        page = await response.text()
    csrf = service.client.session.cookie_jar.filter_cookies(
        service.client.make_url("/"))[CSRF_COOKIE].value
    assert f'<meta name="csrf-token" content="{csrf}">' in page
    page, _ = await get(service, f"/sessions/{seeded.session_id}", seeded.mentee)
    item_id = re.search(r'data-item-id="(\w+)" data-owner="mentee"', page).group(1)
    assert f'id="item-{item_id}" class="tick">' in page  # not ticked yet

    path = f"/api/items/{item_id}"
    refused = await service.json("PATCH", path, expect=403, json={"done": True})
    assert CSRF_HEADER in refused["error"]["message"]
    ticked = await service.json("PATCH", path, expect=200, json={"done": True},
                                headers={CSRF_HEADER: csrf})
    assert ticked["status"] == "done"
    page, _ = await get(service, f"/sessions/{seeded.session_id}", seeded.mentee)
    assert f'id="item-{item_id}" class="tick" checked>' in page
    assert re.search(rf'<li class="item done" data-item-id="{item_id}"', page)
