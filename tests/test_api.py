"""The service over HTTP: the real app on a loopback port, a real database (SQLite in a
temporary data directory, and PostgreSQL for the main flow), the real model in the worker
processes, real recordings from ../shared/fixtures/sessions.

Only the main-flow tests transcribe (the worker runs the model); the others serve the API
without a worker (jobs stay queued) or seed a transcript through the store, so the suite
stays short.
"""
from __future__ import annotations

import asyncio
import hashlib
import json
import os
import re
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from aiohttp.test_utils import TestClient, TestServer

from companion import processing
from companion.settings import Settings
from companion.uploads import LEFTOVER_IDLE_SECONDS
from web.app import MAX_BODY_BYTES, create_app
from web.auth import CSRF_COOKIE, CSRF_HEADER, TOKEN_COOKIE
from web.typedefs import STORE

SESSIONS = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "sessions"
S01 = SESSIONS / "s01-proposal-followup"
SAMPLE = Path(__file__).resolve().parents[1] / "companion" / "assets" / "sample-session.ogg"
MENTOR = {"name": "Dana Reyes", "email": "dana.reyes@example.org"}
MENTEE = {"name": "Sam Okafor", "email": "sam.okafor@example.org"}
SETTLE_GUARD = 900.0
"""Seconds after which a job that never ends fails the test (a hang, not a slow run)."""


@dataclass
class Service:
    client: TestClient
    settings: Settings

    @property
    def store(self) -> Any:
        return self.client.server.app[STORE]

    async def json(self, method: str, path: str, token: str | None = None,
                   expect: int = 200, **kwargs: Any) -> Any:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        headers.update(kwargs.pop("headers", {}))
        async with self.client.request(method, path, headers=headers, **kwargs) as response:
            body = await response.read()
            assert response.status == expect, (response.status, body[:500])
            return json.loads(body) if body else None

    async def mentorship(self) -> dict[str, Any]:
        return await self.json("POST", "/api/mentorships", expect=201,
                               json={"mentor": MENTOR, "mentee": MENTEE})

    async def session(self, token: str, mentorship_id: str, **fields: Any) -> dict[str, Any]:
        body = {"title": "Proposal follow-up", "started_at": "2026-11-20T15:00", **fields}
        return await self.json("POST", f"/api/mentorships/{mentorship_id}/sessions", token,
                               expect=201, json=body)

    async def upload(self, token: str, session_id: str, path: Path, expect: int = 202,
                     field: str = "audio", content_type: str = "audio/flac") -> Any:
        form = aiohttp.FormData()
        form.add_field(field, path.read_bytes(), filename=path.name, content_type=content_type)
        return await self.json("POST", f"/api/sessions/{session_id}/recording", token,
                               expect=expect, data=form)

    def stored_files(self) -> set[str]:
        return {p.name for p in self.settings.recordings_dir.iterdir()}

    def partial_files(self) -> list[Path]:
        return list(self.settings.uploads_dir.iterdir())


ServiceFactory = Callable[..., Awaitable[Service]]


@pytest.fixture
async def make_service(tmp_path: Path) -> AsyncIterator[ServiceFactory]:
    """Starts services on loopback ports; each gets its own data directory."""
    clients: list[TestClient] = []

    async def start(*, run_worker: bool = False, database_url: str | None = None,
                    data_dir: Path | None = None, **settings: Any) -> Service:
        data_dir = data_dir or tmp_path / f"data{len(clients)}"
        overrides = {"data_dir": str(data_dir), "database_url": database_url, **settings}
        config = Settings.load(environ={}, overrides=overrides)
        client = TestClient(TestServer(create_app(config, run_worker=run_worker),
                                       host="127.0.0.1"))
        await client.start_server()
        clients.append(client)
        return Service(client, config)

    yield start
    for client in clients:
        await client.close()


async def settle(service: Service, session_id: str, token: str,
                 observe: Callable[[dict[str, Any]], Awaitable[None]] | None = None
                 ) -> dict[str, Any]:
    """Poll the session until its job has ended; ``observe`` sees each state on the way."""
    deadline = asyncio.get_running_loop().time() + SETTLE_GUARD
    while True:
        session = await service.json("GET", f"/api/sessions/{session_id}", token)
        if session["status"] in ("done", "failed"):
            return session
        if observe is not None:
            await observe(session)
        assert asyncio.get_running_loop().time() < deadline, f"job never ended: {session}"
        await asyncio.sleep(0.5)


async def seeded_session(service: Service, token: str, mentorship_id: str, *,
                         summarise: bool = True, **fields: Any) -> tuple[str, dict[str, Any]]:
    """A session holding the s01 conversation as a hand-written transcript, stored as a
    processed session (or, without ``summarise``, a live one) would have it; no model run.
    Returns the session id and the conversation's extraction."""
    session = await service.session(token, mentorship_id, **fields)
    conversation = json.loads((S01.with_suffix(".json")).read_text())
    transcript = {"session_date": "2026-11-20T15:00",
                  "segments": [{"speaker": t["speaker"], "text": t["text"]}
                               for t in conversation["turns"]]}
    extraction = processing.extract(transcript)
    await service.store.save_results(session["id"], transcript["segments"],
                                     extraction if summarise else {})
    return session["id"], extraction


def revised_item(items: list[dict[str, Any]]) -> dict[str, Any]:
    found = [i for i in items if i["owner"] == "mentee" and "revised" in i["text"].lower()]
    assert len(found) == 1, items
    return found[0]


# -- main flow: upload, process in the worker, read ------------------------------------------


async def run_main_flow(service: Service, recording: Path,
                        content_type: str) -> tuple[dict[str, Any], str, list[int]]:
    """Create, upload, and wait; returns the processed session, the mentee's token and the
    /healthz statuses answered while the job was running."""
    mentorship = await service.mentorship()
    token = mentorship["tokens"]["mentee"]
    session = await service.session(token, mentorship["id"])
    accepted = await service.upload(token, session["id"], recording, content_type=content_type)
    assert accepted["job"]["status"] == "queued"
    health_during_job: list[int] = []

    async def check_health(state: dict[str, Any]) -> None:
        if state["status"] != "processing":
            return
        async with service.client.get("/healthz") as response:
            status = response.status
        after = await service.json("GET", f"/api/sessions/{session['id']}", token)
        if after["status"] == "processing":  # the job ran before, during and after
            health_during_job.append(status)

    done = await settle(service, session["id"], token, check_health)
    assert done["status"] == "done", done
    return done, token, health_during_job


def check_processed(session: dict[str, Any]) -> None:
    assert session["progress"] == 1.0 and session["error"] is None
    transcript = session["transcript"]
    assert transcript["session_date"] == "2026-11-20T15:00"
    assert transcript["participants"]["mentee"] == MENTEE
    speakers = {segment["speaker"] for segment in transcript["segments"]}
    assert speakers == {"mentor", "mentee"}
    assert any("proposal" in s["text"].lower() for s in transcript["segments"])
    item = revised_item(session["summary"]["action_items"])
    assert item["due"] == "2026-11-23" and item["status"] == "open"
    assert session["summary"]["next_checkin"] == "2026-12-04T10:00"


async def test_main_flow_on_sqlite(make_service: ServiceFactory) -> None:
    service = await make_service(run_worker=True)
    session, token, health_during_job = await run_main_flow(
        service, S01.with_suffix(".stereo.flac"), "audio/flac")
    check_processed(session)
    assert session["recording"]["filename"] == "s01-proposal-followup.stereo.flac"
    assert len(service.stored_files()) == 1 and service.partial_files() == []
    assert health_during_job and set(health_during_job) == {200}

    mentorship = await service.json("GET", f"/api/mentorships/{session['mentorship_id']}",
                                    token)
    assert mentorship["next_checkin"] == "2026-12-04T10:00"
    assert [s["id"] for s in mentorship["sessions"]] == [session["id"]]
    open_item = revised_item(mentorship["open_action_items"])
    assert open_item["session_id"] == session["id"]

    async with service.client.get("/metrics") as response:
        metrics = await response.text()
    assert 'companion_job_duration_seconds_count{kind="transcribe"} 1.0' in metrics
    assert re.search(r'companion_http_requests_total\{method="GET",'
                     r'route="/api/sessions/\{id\}",status="200"\} [1-9]', metrics)
    assert "companion_jobs_queued 0.0" in metrics
    assert 'companion_jobs_failed_total{kind="transcribe"}' not in metrics


async def test_main_flow_on_postgresql(make_service: ServiceFactory, postgres_url: str) -> None:
    service = await make_service(run_worker=True, database_url=postgres_url)
    session, _, _ = await run_main_flow(service, S01.with_suffix(".mono.mp3"), "audio/mpeg")
    check_processed(session)


async def test_uploads_to_several_sessions_queue_up(make_service: ServiceFactory) -> None:
    service = await make_service(run_worker=True)
    targets = []
    for mentorship in (await service.mentorship(), await service.mentorship()):
        token = mentorship["tokens"]["mentor"]
        for title in ("First", "Second"):
            targets.append((token, (await service.session(token, mentorship["id"],
                                                          title=title))["id"]))
    accepted = await asyncio.gather(*(service.upload(token, sid, SAMPLE, content_type="audio/ogg")
                                      for token, sid in targets))
    assert len({a["job"]["id"] for a in accepted}) == len(targets)
    queues: list[dict[str, int]] = []

    async def watch_queue(_: dict[str, Any]) -> None:
        queues.append((await service.json("GET", "/healthz"))["queue"])

    for token, sid in targets:
        assert (await settle(service, sid, token, watch_queue))["status"] == "done"
    assert queues and all(q["running"] <= service.settings.workers for q in queues)
    assert max(q["queued"] for q in queues) >= 1  # they waited their turn
    assert len(service.stored_files()) == len(targets)


# -- access -----------------------------------------------------------------------------------


async def test_only_the_two_participants_see_a_session(make_service: ServiceFactory) -> None:
    service = await make_service()
    ours, theirs = await service.mentorship(), await service.mentorship()
    token, stranger = ours["tokens"]["mentor"], theirs["tokens"]["mentor"]
    session = await service.session(token, ours["id"])
    await service.upload(token, session["id"], SAMPLE, content_type="audio/ogg")
    sid = session["id"]

    for path in (f"/api/sessions/{sid}", f"/api/sessions/{sid}/recording",
                 f"/api/sessions/{sid}/transcript", f"/api/mentorships/{ours['id']}",
                 f"/api/sessions/{sid}/events"):
        mine = await service.client.get(path, headers={"Authorization": f"Bearer {token}"})
        assert mine.status == 200, path
        mine.close()
        error = await service.json("GET", path, stranger, expect=404)
        assert "not found" in error["error"]["message"]
        await service.json("GET", path, expect=401)
        await service.json("GET", path, "not-a-token", expect=401)
    await service.json("PATCH", f"/api/sessions/{sid}/segments/0", stranger, expect=404,
                       json={"text": "hijacked"})
    await service.json("POST", f"/api/sessions/{sid}/retry", stranger, expect=404)
    await service.upload(stranger, sid, SAMPLE, expect=404)
    await service.json("DELETE", f"/api/sessions/{sid}", stranger, expect=404)

    async with service.client.get(f"/api/sessions/{sid}/recording",
                                  headers={"Authorization": f"Bearer {token}"}) as response:
        assert await response.read() == SAMPLE.read_bytes()
        assert response.headers["Content-Type"] == "audio/ogg"
        assert response.headers["Content-Disposition"] == \
            "attachment; filename*=UTF-8''sample-session.ogg"


async def test_rotating_a_link_revokes_the_old_token(make_service: ServiceFactory) -> None:
    service = await make_service()
    mentorship = await service.mentorship()
    old = mentorship["tokens"]["mentee"]
    path = f"/api/mentorships/{mentorship['id']}"
    refused = await service.json("POST", f"{path}/links/mentor/rotate", old, expect=403)
    assert "only the mentor" in refused["error"]["message"]
    rotated = await service.json("POST", f"{path}/links/mentee/rotate", old)
    assert rotated["link"].endswith(f"/join/{rotated['token']}") and rotated["token"] != old
    error = await service.json("GET", path, old, expect=401)
    assert "not valid" in error["error"]["message"]
    assert (await service.json("GET", path, rotated["token"]))["you"] == "mentee"

    agreement = {"cadence": {"text": "every two weeks"},
                 "confidentiality": {"text": "what we say stays between us"}}
    changed = await service.json("PATCH", path, mentorship["tokens"]["mentor"],
                                 json={"agreement": agreement, "recaps": False})
    assert changed["agreement"]["cadence"]["cadence_days"] == 14
    assert changed["agreement"]["confidentiality"]["text"] == "what we say stays between us"
    assert changed["mentor"]["recaps"] is False
    assert changed["mentee"]["recaps"] is True
    await service.json("PATCH", path, rotated["token"], expect=400, json={"goals": "grow"})


async def test_admin_token_restricts_creating_mentorships(make_service: ServiceFactory) -> None:
    service = await make_service(admin_token="s3cret-admin")
    body = {"mentor": MENTOR, "mentee": MENTEE}
    await service.json("POST", "/api/mentorships", expect=401, json=body)
    await service.json("POST", "/api/mentorships", "wrong", expect=401, json=body)
    created = await service.json("POST", "/api/mentorships", "s3cret-admin", expect=201,
                                 json=body)
    path = f"/api/mentorships/{created['id']}/links/mentor/rotate"
    assert (await service.json("POST", path, "s3cret-admin"))["role"] == "mentor"


async def test_link_sets_cookies_and_csrf_guards_cookie_requests(
        make_service: ServiceFactory) -> None:
    service = await make_service()
    mentorship = await service.mentorship()
    token = mentorship["tokens"]["mentor"]
    async with service.client.get(f"/join/{token}", allow_redirects=False) as response:
        assert response.status == 303
        assert response.headers["Location"] == f"/mentorships/{mentorship['id']}"
        cookies = {c.key: c for c in response.cookies.values()}
    assert cookies[TOKEN_COOKIE].value == token
    assert cookies[TOKEN_COOKIE]["httponly"] and cookies[TOKEN_COOKIE]["samesite"] == "Lax"
    assert not cookies[CSRF_COOKIE]["httponly"]
    csrf = cookies[CSRF_COOKIE].value

    path = f"/api/mentorships/{mentorship['id']}/sessions"
    body = {"title": "By cookie"}
    assert (await service.json("GET", f"/api/mentorships/{mentorship['id']}"))["you"] == "mentor"
    refused = await service.json("POST", path, expect=403, json=body)
    assert CSRF_HEADER in refused["error"]["message"]
    await service.json("POST", path, expect=403, json=body, headers={CSRF_HEADER: "guess"})
    await service.json("POST", path, expect=403, json=body,
                       headers={CSRF_HEADER: csrf, "Origin": "https://evil.example"})
    await service.json("POST", path, expect=201, json=body, headers={CSRF_HEADER: csrf})
    origin = str(service.client.make_url("/")).rstrip("/")
    await service.json("POST", path, expect=201, json=body,
                       headers={CSRF_HEADER: csrf, "Origin": origin})
    service.client.session.cookie_jar.clear()
    await service.json("POST", path, token, expect=201, json=body)  # Bearer: no CSRF token

    async with service.client.get("/join/not-a-valid-token", allow_redirects=False) as response:
        assert response.status == 401
        assert "text/html" in response.headers["Content-Type"]
        assert "not valid" in await response.text()
        assert TOKEN_COOKIE not in response.cookies


# -- bad input --------------------------------------------------------------------------------


async def test_bad_uploads_are_refused_and_leave_nothing(make_service: ServiceFactory,
                                                         tmp_path: Path) -> None:
    service = await make_service(max_upload_mb=3)
    mentorship = await service.mentorship()
    token = mentorship["tokens"]["mentee"]
    sid = (await service.session(token, mentorship["id"]))["id"]
    not_audio = tmp_path / "notes.mp3"
    not_audio.write_text("These are my meeting notes, not a recording.\n" * 50)
    truncated = tmp_path / "cut.flac"
    whole = S01.with_suffix(".stereo.flac").read_bytes()
    truncated.write_bytes(whole[: len(whole) // 2])
    empty = tmp_path / "empty.wav"
    empty.write_bytes(b"")
    too_large = S01.with_suffix(".mono.wav")  # 3.7 MB
    url = f"/api/sessions/{sid}/recording"

    cases = [
        (service.upload(token, sid, not_audio, expect=415), "notes.mp3 is not an audio file"),
        (service.upload(token, sid, truncated, expect=400), "cut.flac is truncated"),
        (service.upload(token, sid, empty, expect=400), "the upload is empty"),
        (service.upload(token, sid, too_large, expect=413), "larger than the limit of 3 MB"),
        (service.upload(token, sid, SAMPLE, expect=400, field="file"),
         "field 'audio' is missing"),
        (service.json("POST", url, token, expect=415, json={"audio": "x"}),
         "multipart/form-data"),
    ]
    for request, message in cases:
        error = await request
        assert message in error["error"]["message"], error
        assert service.partial_files() == [] and service.stored_files() == set()

    # Sent in chunks, without a Content-Length: the limit holds while streaming.
    async def chunks() -> AsyncIterator[bytes]:
        data = too_large.read_bytes()
        for start in range(0, len(data), 64 * 1024):
            yield data[start:start + 64 * 1024]

    writer = aiohttp.MultipartWriter("form-data")
    part = writer.append(chunks(), {"Content-Type": "audio/wav"})
    part.set_content_disposition("form-data", name="audio", filename="big.wav")
    error = await service.json("POST", url, token, expect=413, data=writer)
    assert "larger than the limit" in error["error"]["message"]
    assert service.partial_files() == [] and service.stored_files() == set()

    # A huge field before the recording counts against the limit too.
    writer = aiohttp.MultipartWriter("form-data")
    writer.append(chunks(), {"Content-Type": "text/plain"}).set_content_disposition(
        "form-data", name="notes")
    writer.append(SAMPLE.read_bytes(), {"Content-Type": "audio/ogg"}).set_content_disposition(
        "form-data", name="audio", filename="sample.ogg")
    error = await service.json("POST", url, token, expect=413, data=writer)
    assert "the form fields before 'audio' are too large" in error["error"]["message"]
    assert service.partial_files() == [] and service.stored_files() == set()

    session = await service.json("GET", f"/api/sessions/{sid}", token)
    assert (session["status"], session["recording"], session["job"]) == ("created", None, None)
    accepted = await service.upload(token, sid, S01.with_suffix(".mono.mp3"))
    assert accepted["job"]["status"] == "queued" and len(service.stored_files()) == 1
    async with service.client.get("/healthz") as response:
        assert response.status == 200


async def test_bad_json_and_oversized_bodies_get_clear_errors(
        make_service: ServiceFactory) -> None:
    service = await make_service()
    error = await service.json("POST", "/api/mentorships", expect=400, data=b'{"mentor": ',
                               headers={"Content-Type": "application/json"})
    assert error["error"]["message"].startswith("malformed JSON")
    error = await service.json("POST", "/api/mentorships", expect=400, json=["a", "list"])
    assert "JSON object" in error["error"]["message"]
    error = await service.json("POST", "/api/mentorships", expect=400,
                               json={"mentor": MENTOR, "mentee": {"name": "X", "email": "x"}})
    assert "'x' is not an email address" in error["error"]["message"]
    huge = {"mentor": MENTOR, "mentee": MENTEE, "agreement": {"notes": "x" * MAX_BODY_BYTES}}
    error = await service.json("POST", "/api/mentorships", expect=413, json=huge)
    assert "Maximum request body size" in error["error"]["message"]
    form = {"mentor": "y" * (MAX_BODY_BYTES + 1)}
    await service.json("POST", "/api/mentorships", expect=413, data=form)

    mentorship = await service.mentorship()
    token = mentorship["tokens"]["mentor"]
    error = await service.json("POST", f"/api/mentorships/{mentorship['id']}/sessions", token,
                               expect=400, json={"title": "t", "started_at": "next tuesday"})
    assert "started_at must be an ISO date-time" in error["error"]["message"]
    error = await service.json("GET", "/api/no-such-thing", expect=404)
    assert error == {"error": {"status": 404, "message": "Not Found"}}
    async with service.client.get("/no-such-page") as response:
        assert response.status == 404 and "text/html" in response.headers["Content-Type"]


# -- corrections, retries and events (seeded transcripts: no model run) ------------------------


async def test_ticks_and_edits_survive_a_corrected_transcript(
        make_service: ServiceFactory) -> None:
    service = await make_service()
    mentorship = await service.mentorship()
    token = mentorship["tokens"]["mentee"]
    sid, extraction = await seeded_session(service, token, mentorship["id"])
    session = await service.json("GET", f"/api/sessions/{sid}", token)
    item = revised_item(session["summary"]["action_items"])
    assert item["due"] == "2026-11-23"

    ticked = await service.json("PATCH", f"/api/items/{item['id']}", token, json={"done": True})
    assert ticked["status"] == "done" and ticked["done_at"] is not None
    mentorship_view = await service.json("GET", f"/api/mentorships/{mentorship['id']}", token)
    assert all("revised" not in i["text"] for i in mentorship_view["open_action_items"])
    await service.json("PATCH", f"/api/items/{item['id']}", token, expect=400,
                       json={"done": "yes"})

    other = next(i for i in session["summary"]["action_items"] if i["id"] != item["id"])
    await service.json("PATCH", f"/api/items/{other['id']}", token,
                       json={"text": "Ask Maria about the budget", "due": "2026-11-30"})

    segments = session["transcript"]["segments"]
    edited = await service.json("PATCH", f"/api/sessions/{sid}/segments/0", token,
                                json={"text": segments[0]["text"] + " Let us begin."})
    assert edited["segment"]["edited"] and edited["segment"]["text"].endswith("Let us begin.")
    summary = edited["summary"]
    assert revised_item(summary["action_items"])["status"] == "done"
    kept = [i for i in summary["action_items"] if i["text"] == "Ask Maria about the budget"]
    assert len(kept) == 1 and kept[0]["due"] == "2026-11-30" and kept[0]["edited"]
    assert len(summary["action_items"]) == len(extraction["action_items"])

    speaker = await service.json("PATCH", f"/api/sessions/{sid}/segments/1", token,
                                 json={"speaker": "unknown"})
    assert speaker["segment"]["speaker"] == "unknown"
    await service.json("PATCH", f"/api/sessions/{sid}/segments/1", token, expect=400,
                       json={"speaker": "someone"})
    await service.json("PATCH", f"/api/sessions/{sid}/segments/999", token, expect=404,
                       json={"text": "x"})
    await service.json("PATCH", f"/api/sessions/{sid}/segments/x", token, expect=404,
                       json={"text": "x"})


async def test_events_stream_pushes_changes(make_service: ServiceFactory) -> None:
    service = await make_service()
    mentorship = await service.mentorship()
    token = mentorship["tokens"]["mentor"]
    sid, _ = await seeded_session(service, token, mentorship["id"])
    session = await service.json("GET", f"/api/sessions/{sid}", token)
    item = session["summary"]["action_items"][0]

    auth = {"Authorization": f"Bearer {token}"}
    async with service.client.get(f"/api/sessions/{sid}/events", headers=auth) as stream, \
            service.client.get(f"/api/mentorships/{mentorship['id']}/events",
                               headers=auth) as everything:
        assert stream.headers["Content-Type"] == "text/event-stream"
        snapshot = await read_event(stream)
        assert snapshot["kind"] == "snapshot" and snapshot["status"] == "created"
        assert await read_event(everything) == {"kind": "snapshot"}
        await service.json("PATCH", f"/api/items/{item['id']}", token, json={"done": True})
        event = await read_event(stream)
        assert event == {"kind": "items", "session_id": sid, "item": item["id"]}
        other = await service.session(token, mentorship["id"], title="Second")
        assert await read_event(everything) == event
        assert await read_event(everything) == {
            "kind": "status", "session_id": other["id"], "status": "created"}


async def read_event(stream: aiohttp.ClientResponse) -> dict[str, Any]:
    lines = []
    while (line := (await stream.content.readline()).decode().strip()) or not lines:
        if line.startswith("data: "):
            lines.append(line[len("data: "):])
    return json.loads("".join(lines))


async def test_ending_a_live_session_summarises_it(make_service: ServiceFactory) -> None:
    service = await make_service(run_worker=True)
    mentorship = await service.mentorship()
    token = mentorship["tokens"]["mentor"]
    sid, extraction = await seeded_session(service, token, mentorship["id"],
                                           summarise=False, live=True)
    live = await service.json("GET", f"/api/sessions/{sid}", token)
    assert live["status"] == "live" and live["summary"]["action_items"] == []
    ended = await service.json("POST", f"/api/sessions/{sid}/end", token, expect=202)
    assert ended["job"]["kind"] == "finalize"
    done = await settle(service, sid, token)
    assert done["status"] == "done"
    assert revised_item(done["summary"]["action_items"])["due"] == "2026-11-23"
    assert len(done["summary"]["action_items"]) == len(extraction["action_items"])
    await service.json("POST", f"/api/sessions/{sid}/end", token, expect=409)


async def test_a_failed_job_can_be_retried(make_service: ServiceFactory) -> None:
    service = await make_service(run_worker=True)
    mentorship = await service.mentorship()
    token = mentorship["tokens"]["mentor"]
    session = await service.session(token, mentorship["id"], live=True)
    ended = await service.json("POST", f"/api/sessions/{session['id']}/end", token, expect=202)
    failed = await settle(service, session["id"], token)
    assert failed["status"] == "failed"
    assert failed["error"] == "this session has no transcript to summarise"
    assert failed["job"] == {**failed["job"], "status": "failed", "attempts": 1}
    retried = await service.json("POST", f"/api/jobs/{ended['job']['id']}/retry", token,
                                 expect=202)
    assert retried["job"]["status"] == "queued"
    again = await settle(service, session["id"], token)
    assert again["job"]["attempts"] == 2 and again["status"] == "failed"
    await service.json("POST", f"/api/sessions/{session['id']}/retry", token, expect=202)
    assert (await settle(service, session["id"], token))["job"]["attempts"] == 3
    async with service.client.get("/metrics") as response:
        assert 'companion_jobs_failed_total{kind="finalize"} 3.0' in await response.text()


async def test_a_restart_deletes_what_interrupted_uploads_left(
        make_service: ServiceFactory, tmp_path: Path) -> None:
    data_dir = tmp_path / "kept-data"
    service = await make_service(data_dir=data_dir)
    mentorship = await service.mentorship()
    token = mentorship["tokens"]["mentor"]
    session = await service.session(token, mentorship["id"])
    await service.upload(token, session["id"], SAMPLE, content_type="audio/ogg")
    [owned] = service.settings.recordings_dir.iterdir()
    stale_part = service.settings.uploads_dir / "stale.part"
    fresh_part = service.settings.uploads_dir / "fresh.part"
    orphan = service.settings.recordings_dir / "0123456789abcdef.ogg"
    for path in (stale_part, fresh_part, orphan):
        path.write_bytes(b"left over")
    long_ago = time.time() - 2 * LEFTOVER_IDLE_SECONDS
    for path in (stale_part, orphan, owned):
        os.utime(path, (long_ago, long_ago))

    restarted = await make_service(data_dir=data_dir)
    assert restarted.partial_files() == [fresh_part]  # may still be written to
    assert restarted.stored_files() == {owned.name}
    recording = await restarted.json("GET", f"/api/sessions/{session['id']}", token)
    assert recording["recording"]["sha256"] == hashlib.sha256(SAMPLE.read_bytes()).hexdigest()
