"""`companion serve` as a real process: killed with SIGKILL mid-job, it loses nothing; a job
whose recording vanished fails with a readable reason and succeeds once retried.

The recovered job's results are compared with the pipeline run directly in this process on
the same recording: a job is a pure function of its recording, so a rerun after a crash
must give exactly what an uninterrupted run gives.
"""
from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from summaries import extract_json
from transcription.engines import load_engine
from transcription.formats import to_json
from transcription.pipeline import PipelineConfig, Transcriber
from transcription.types import EngineOptions

ROOT = Path(__file__).resolve().parents[1]
SESSIONS = ROOT.parent / "shared" / "fixtures" / "sessions"
RECORDING = SESSIONS / "s01-proposal-followup.stereo.flac"
SAMPLE = ROOT / "companion" / "assets" / "sample-session.ogg"
PEOPLE = {"mentor": {"name": "Dana Reyes", "email": "dana.reyes@example.org"},
          "mentee": {"name": "Sam Okafor", "email": "sam.okafor@example.org"}}
STARTED_AT = "2026-11-20T15:00"
GUARD = 900.0
"""Seconds after which a wait that never ends fails the test (a hang, not a slow run)."""


class Server:
    """One `companion serve` process on a free loopback port."""

    def __init__(self, data_dir: Path, log: Path, *, demo: bool = False) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("COMPANION_")}
        self._log = log.open("a")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "companion.cli", "serve", "--port", "0",
             "--data-dir", str(data_dir), *([] if demo else ["--no-demo"])],
            stdout=subprocess.PIPE, stderr=self._log, text=True, env=env, cwd=ROOT)
        assert self.process.stdout is not None
        self.printed: list[str] = []
        for line in self.process.stdout:
            self.printed.append(line)
            if "listening on " in line:
                self.url = line.split("listening on ")[1].split()[0]
                break
        else:
            raise AssertionError(f"the service did not start: see {log}")

    def children(self) -> list[int]:
        """Processes the service started (the worker pool, multiprocessing's tracker)."""
        pid = self.process.pid
        found: list[int] = []
        for task in Path(f"/proc/{pid}/task").iterdir():
            found += [int(c) for c in (task / "children").read_text().split()]
        return found

    def stop(self, signum: int) -> int:
        self.process.send_signal(signum)
        code = self.process.wait(timeout=GUARD)
        self._log.close()
        return code


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state not in ("Z", "X")


@pytest.fixture
def servers(tmp_path: Path) -> Iterator[list[Server]]:
    """Servers started by a test; any still running at the end are killed."""
    started: list[Server] = []
    yield started
    for server in started:
        if server.process.poll() is None:
            server.stop(signal.SIGKILL)


class Api:
    def __init__(self, http: aiohttp.ClientSession, url: str, token: str | None = None) -> None:
        self.http, self.url, self.token = http, url, token

    async def call(self, method: str, path: str, expect: int = 200, **kwargs: Any) -> Any:
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        async with self.http.request(method, self.url + path, headers=headers,
                                     **kwargs) as response:
            body = await response.read()
            assert response.status == expect, (response.status, body[:300])
            return json.loads(body) if body else None

    async def upload(self, session_id: str, path: Path) -> dict[str, Any]:
        form = aiohttp.FormData()
        form.add_field("audio", path.read_bytes(), filename=path.name)
        return await self.call("POST", f"/api/sessions/{session_id}/recording", 202, data=form)

    async def wait(self, session_id: str, until: Any) -> dict[str, Any]:
        deadline = asyncio.get_running_loop().time() + GUARD
        while not until(session := await self.call("GET", f"/api/sessions/{session_id}")):
            assert asyncio.get_running_loop().time() < deadline, f"stuck: {session}"
            await asyncio.sleep(0.2)
        return session


@asynccontextmanager
async def api(server: Server, token: str | None = None) -> AsyncIterator[Api]:
    async with aiohttp.ClientSession() as http:
        yield Api(http, server.url, token)


async def new_session(server: Server, title: str) -> tuple[str, str]:
    """A new mentorship and session; returns the mentee's token and the session id."""
    async with api(server) as anonymous:
        mentorship = await anonymous.call("POST", "/api/mentorships", 201, json=PEOPLE)
    token = mentorship["tokens"]["mentee"]
    async with api(server, token) as client:
        session = await client.call("POST", f"/api/mentorships/{mentorship['id']}/sessions",
                                    201, json={"title": title, "started_at": STARTED_AT})
    return token, session["id"]


def uninterrupted_run(recording: Path) -> dict[str, Any]:
    """The pipeline in this process, configured as the service's single worker is."""
    engine = load_engine("faster-whisper", None, EngineOptions(cpu_threads=os.cpu_count() or 1))
    transcript = Transcriber(engine, PipelineConfig(max_duration=240 * 60)).transcribe_file(
        recording)
    transcript.session_date = STARTED_AT
    transcript.participants = PEOPLE
    data = to_json(transcript)
    return {"transcript": data, "summary": extract_json(data)}


def comparable(session: dict[str, Any]) -> dict[str, Any]:
    """What must match: segments, and each extracted item's content and provenance."""
    keys = ("speaker", "start", "end", "text", "words")
    summary = session["summary"]
    return {
        "segments": [{k: s.get(k) for k in keys} for s in session["transcript"]["segments"]],
        "items": {kind: [{k: v for k, v in item.items()
                          if k not in ("id", "edited", "status", "done_at", "session_id")}
                         for item in summary[kind]]
                  for kind in ("action_items", "feedback", "questions", "challenges",
                               "goals", "decisions")},
        "next_checkin": summary["next_checkin"],
        "metrics": summary["metrics"],
    }


async def test_kill_9_mid_job_loses_nothing(servers: list[Server], tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    servers.append(first := Server(data_dir, tmp_path / "serve.log"))
    token, session_id = await new_session(first, "Proposal follow-up")
    async with api(first, token) as client:
        job = (await client.upload(session_id, RECORDING))["job"]
        running = await client.wait(session_id, lambda s: s["status"] == "processing"
                                    and s["progress"] > 0)
    assert running["job"]["id"] == job["id"] and running["stage"] == "transcribing"
    workers = first.children()
    assert workers
    assert first.stop(signal.SIGKILL) == -signal.SIGKILL
    await wait_until(lambda: not any(alive(pid) for pid in workers))

    servers.append(second := Server(data_dir, tmp_path / "serve.log"))
    async with api(second, token) as client:
        done = await client.wait(session_id, lambda s: s["status"] in ("done", "failed"))
    assert done["status"] == "done", done
    assert done["job"]["id"] == job["id"] and done["job"]["attempts"] == 2
    reference = await asyncio.to_thread(uninterrupted_run, RECORDING)
    assert comparable(done) == comparable(reference)
    assert any(i["owner"] == "mentee" and i["due"] == "2026-11-23"
               for i in done["summary"]["action_items"])
    assert second.stop(signal.SIGTERM) == 0


async def test_a_vanished_recording_fails_readably_and_retries(servers: list[Server],
                                                               tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    servers.append(first := Server(data_dir, tmp_path / "serve.log"))
    token, session_id = await new_session(first, "Sample call")
    async with api(first, token) as client:
        job = (await client.upload(session_id, SAMPLE))["job"]
    assert first.stop(signal.SIGTERM) == 0  # graceful: a running job is requeued at start

    [stored] = (data_dir / "recordings").iterdir()
    kept = tmp_path / "kept"
    shutil.move(stored, kept)
    servers.append(second := Server(data_dir, tmp_path / "serve.log"))
    async with api(second, token) as client:
        failed = await client.wait(session_id, lambda s: s["status"] in ("done", "failed"))
        assert failed["status"] == "failed"
        assert failed["error"] == (f"the recording file {stored.name} is missing from the "
                                   "data directory")
        assert failed["job"]["id"] == job["id"]
        shutil.move(kept, stored)
        retried = await client.call("POST", f"/api/jobs/{job['id']}/retry", 202)
        assert retried["job"]["status"] == "queued"
        done = await client.wait(session_id, lambda s: s["status"] in ("done", "failed"))
    assert done["status"] == "done" and done["error"] is None
    assert done["transcript"]["segments"] and done["job"]["attempts"] >= 2
    assert second.stop(signal.SIGTERM) == 0


async def wait_until(condition: Any) -> None:
    deadline = asyncio.get_running_loop().time() + GUARD
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "condition never held"
        await asyncio.sleep(0.1)


async def test_serve_on_an_empty_data_directory_creates_the_demo(servers: list[Server],
                                                                 tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    servers.append(first := Server(data_dir, tmp_path / "serve.log", demo=True))
    links = dict(re.findall(r"^  (mentor|mentee) \(.+\): (\S+)$", "".join(first.printed),
                            re.MULTILINE))
    assert set(links) == {"mentor", "mentee"}
    assert all(link.startswith(f"{first.url}/join/") for link in links.values())
    async with aiohttp.ClientSession() as http:
        async with http.get(links["mentee"], allow_redirects=False) as response:
            assert response.status == 303
            mentorship_path = response.headers["Location"]
    token = links["mentee"].rsplit("/", 1)[1]
    async with api(first, token) as client:
        mentorship = await client.call("GET", "/api" + mentorship_path)
        assert (mentorship["mentor"]["name"], mentorship["you"]) == ("Priya Natarajan", "mentee")
        [session] = mentorship["sessions"]
        done = await client.wait(session["id"], lambda s: s["status"] in ("done", "failed"))
    assert done["status"] == "done" and done["started_at"] == "2026-11-24T16:30:00+00:00"
    assert done["summary"]["next_checkin"] == "2026-12-08T16:00"
    assert first.stop(signal.SIGTERM) == 0

    servers.append(second := Server(data_dir, tmp_path / "serve.log", demo=True))
    assert not any("/join/" in line for line in second.printed)
    assert second.stop(signal.SIGTERM) == 0
