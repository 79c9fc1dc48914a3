"""Latency of the session page, and of its JSON, for an hour-long session under load.

    python bench/page_latency.py [--requests 2000] [--concurrency 50]

Stores a processed session of about an hour (the session fixtures' conversations, with the
times of their audio, repeated until the transcript holds 60 minutes and 10,000 words; its
extraction computed for real) through ``Store.save_results``, starts ``companion serve``
on that data directory, and sends ``--requests`` requests for the page ``/sessions/{id}``
(with the participant's cookie, as a browser does) and as many for ``GET
/api/sessions/{id}`` (with the Bearer token, as a script does), from ``--concurrency``
clients at once over loopback. Reports p50/p95/p99/max latency and throughput per target,
and the latency of one request at a time for comparison.

The client runs on the same machine as the service and takes CPU from it: the figures are
an upper bound of what a separate client would measure.
"""
from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

import aiohttp

from _common import OUT, ROOT, SESSIONS
from companion import processing
from companion.db import create_engine, migrate
from companion.settings import Settings
from companion.store import Person, Store

PEOPLE = {"mentor": Person("Dana Reyes", "dana.reyes@example.org"),
          "mentee": Person("Sam Okafor", "sam.okafor@example.org")}
TARGET_SECONDS = 3600.0
TARGET_WORDS = 10_000
PAUSE = 2.0
"""Seconds between one repeated conversation and the next."""
WARM_UP = 20


@dataclass(frozen=True)
class Stored:
    session_id: str
    token: str
    segments: int
    words: int
    minutes: float


@dataclass(frozen=True)
class Latency:
    target: str
    requests: int
    concurrency: int
    bytes: int
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float
    requests_per_s: float


def long_transcript() -> list[dict[str, Any]]:
    """The fixtures' conversations end to end, with their audio's times, until the
    transcript is an hour and 10,000 words long. Each segment carries word timings, as
    the pipeline's do (spread evenly over the turn: only their size matters here)."""
    conversations = [(json.loads(path.with_name(path.name.replace(".truth", "")).read_text()),
                      json.loads(path.read_text()))
                     for path in sorted(SESSIONS.glob("*.truth.json"))]
    segments: list[dict[str, Any]] = []
    offset, words = 0.0, 0
    for conversation, truth in itertools.cycle(conversations):
        if offset >= TARGET_SECONDS and words >= TARGET_WORDS:
            return segments
        for turn, timing in zip(conversation["turns"], truth["turns"]):
            start, end = offset + timing["start"], offset + timing["end"]
            tokens = turn["text"].split()
            step = (end - start) / len(tokens)
            segments.append({"speaker": turn["speaker"], "text": turn["text"],
                             "start": round(start, 3), "end": round(end, 3),
                             "words": [{"word": f" {token}", "start": round(start + i * step, 3),
                                        "end": round(start + (i + 1) * step, 3)}
                                       for i, token in enumerate(tokens)]})
            words += len(tokens)
        offset += truth["duration"] + PAUSE
    raise AssertionError("itertools.cycle never ends")


async def store_session(settings: Settings) -> Stored:
    """An hour-long processed session, stored the way the worker stores one."""
    await migrate(settings.database_url)
    engine = create_engine(settings.database_url)
    try:
        store = Store(engine)
        _, tokens = await store.create_mentorship(PEOPLE["mentor"], PEOPLE["mentee"])
        participant = await store.authenticate(tokens["mentee"])
        assert participant is not None
        session = await store.create_session(
            participant, "An hour of mentoring",
            datetime.fromisoformat("2026-11-20T15:00").replace(tzinfo=settings.zone), live=True)
        job = await store.end_live_session(session.id, participant)
        segments = long_transcript()
        extraction = processing.extract({"session_date": "2026-11-20T15:00",
                                         "segments": segments})
        claimed = await store.claim_next_job("bench")
        assert claimed is not None and claimed.id == job.id
        await store.save_results(session.id, segments, extraction)
        await store.finish_job(job.id)
        return Stored(session.id, tokens["mentee"], len(segments),
                      sum(len(s["text"].split()) for s in segments),
                      round(segments[-1]["end"] / 60, 1))
    finally:
        await engine.dispose()


async def measure(url: str, headers: dict[str, str], target: str, requests: int,
                  concurrency: int) -> Latency:
    """``requests`` GETs of ``url`` from ``concurrency`` clients at once."""
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector, headers=headers) as http:
        async def fetch() -> tuple[float, int]:
            started = time.perf_counter()
            async with http.get(url) as response:
                body = await response.read()
                if response.status != 200:
                    raise SystemExit(f"{target}: {response.status} {body[:200]!r}")
            return time.perf_counter() - started, len(body)

        for _ in range(WARM_UP):
            await fetch()
        remaining = requests
        timings: list[float] = []
        size = 0

        async def client() -> None:
            nonlocal remaining, size
            while remaining > 0:
                remaining -= 1
                seconds, size = await fetch()
                timings.append(seconds)

        started = time.perf_counter()
        await asyncio.gather(*(client() for _ in range(concurrency)))
        wall = time.perf_counter() - started
    cuts = statistics.quantiles(timings, n=100, method="inclusive")
    return Latency(target=target, requests=len(timings), concurrency=concurrency, bytes=size,
                   p50_ms=round(1000 * statistics.median(timings), 1),
                   p95_ms=round(1000 * cuts[94], 1), p99_ms=round(1000 * cuts[98], 1),
                   max_ms=round(1000 * max(timings), 1),
                   requests_per_s=round(len(timings) / wall, 1))


async def run(base: str, stored: Stored, requests: int, concurrency: int) -> list[Latency]:
    page = (f"{base}/sessions/{stored.session_id}",
            {"Cookie": f"companion_token={stored.token}", "Accept": "text/html"})
    api = (f"{base}/api/sessions/{stored.session_id}",
           {"Authorization": f"Bearer {stored.token}"})
    results = []
    for name, (url, headers) in (("page", page), ("api", api)):
        results.append(await measure(url, headers, f"{name}, one at a time", 100, 1))
        results.append(await measure(url, headers, name, requests, concurrency))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data_dir:
        settings = Settings.load(environ={}, overrides={"data_dir": data_dir})
        stored = asyncio.run(store_session(settings))
        env = {k: v for k, v in os.environ.items() if not k.startswith("COMPANION_")}
        proc = subprocess.Popen(
            [sys.executable, "-m", "companion.cli", "serve", "--port", "0", "--data-dir",
             data_dir, "--no-demo"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL, text=True)
        try:
            assert proc.stdout is not None
            base = next(line.split("listening on ")[1].split()[0] for line in proc.stdout
                        if "listening on " in line)
            results = asyncio.run(run(base, stored, args.requests, args.concurrency))
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=60)
    report = {"session": asdict(stored) | {"token": "(omitted)"},
              "results": [asdict(r) for r in results]}
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "page_latency.json").write_text(json.dumps(report, indent=1) + "\n")
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
