"""Memory of the running service (parent + worker processes) with uploads queued at once.

    python bench/service_memory.py [--uploads 5] [--workers 1]

Starts `companion serve` on a free port with a temporary data directory, uploads the
session fixtures (stereo FLAC, 2-4 min each) to as many sessions at once, and samples the
RSS of the service process and of every process under it every 0.2 s until all jobs are
done. Reports the idle figure (after start), the peak of the sum, the peak of the parent
alone (uploads are streamed to disk, so it must not grow with the uploads' size) and the
wall time to drain the queue.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

from _common import OUT, ROOT, SESSIONS
from transcription.decode import probe

PEOPLE = {"mentor": {"name": "Dana Reyes", "email": "dana.reyes@example.org"},
          "mentee": {"name": "Sam Okafor", "email": "sam.okafor@example.org"}}


def rss_mb(pid: int) -> float:
    text = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+) kB", text).group(1)) / 1024


def descendants(pid: int) -> list[int]:
    found, stack = [], [pid]
    while stack:
        current = stack.pop()
        for task in Path(f"/proc/{current}/task").iterdir():
            children = [int(c) for c in (task / "children").read_text().split()]
            found += children
            stack += children
    return found


def sample(pid: int) -> tuple[float, float]:
    """(parent RSS, parent + descendants RSS) in MB; processes may end while read."""
    total = parent = rss_mb(pid)
    for child in descendants(pid):
        try:
            total += rss_mb(child)
        except (FileNotFoundError, AttributeError):
            continue
    return parent, total


async def upload_all(url: str, recordings: list[Path]) -> list[tuple[str, str]]:
    async with aiohttp.ClientSession() as http:
        async with http.post(f"{url}/api/mentorships", json=PEOPLE) as response:
            token = (await response.json())["tokens"]["mentee"]
            mentorship = (await response.json())["id"]
        auth = {"Authorization": f"Bearer {token}"}
        sessions = []
        for recording in recordings:
            async with http.post(f"{url}/api/mentorships/{mentorship}/sessions", headers=auth,
                                 json={"title": recording.stem}) as response:
                sessions.append((await response.json())["id"])

        async def upload(session_id: str, recording: Path) -> None:
            form = aiohttp.FormData()
            form.add_field("audio", recording.open("rb"), filename=recording.name)
            async with http.post(f"{url}/api/sessions/{session_id}/recording", headers=auth,
                                 data=form) as response:
                if response.status != 202:
                    raise SystemExit(f"upload refused: {await response.text()}")

        await asyncio.gather(*(upload(s, r) for s, r in zip(sessions, recordings)))
        return [(s, token) for s in sessions]


async def statuses(url: str, sessions: list[tuple[str, str]]) -> list[str]:
    async with aiohttp.ClientSession() as http:
        out = []
        for session_id, token in sessions:
            async with http.get(f"{url}/api/sessions/{session_id}",
                                headers={"Authorization": f"Bearer {token}"}) as response:
                out.append((await response.json())["status"])
        return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--uploads", type=int, default=5)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    recordings = sorted(SESSIONS.glob("*.stereo.flac"))[:args.uploads]
    with tempfile.TemporaryDirectory() as data_dir:
        env = {**os.environ, "COMPANION_WORKERS": str(args.workers)}
        proc = subprocess.Popen(
            [sys.executable, "-m", "companion.cli", "serve", "--port", "0", "--data-dir",
             data_dir, "--no-demo"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL, text=True)
        try:
            url = next(line.split("listening on ")[1].split()[0] for line in proc.stdout
                       if "listening on " in line)
            time.sleep(1.0)
            idle = sample(proc.pid)
            started = time.perf_counter()
            sessions = asyncio.run(upload_all(url, recordings))
            peak_parent, peak_total, last_check = idle[0], idle[1], 0.0
            while True:
                parent, total = sample(proc.pid)
                peak_parent, peak_total = max(peak_parent, parent), max(peak_total, total)
                if time.perf_counter() - last_check > 2.0:
                    last_check = time.perf_counter()
                    states = asyncio.run(statuses(url, sessions))
                    if all(s in ("done", "failed") for s in states):
                        break
                time.sleep(0.2)
            wall = time.perf_counter() - started
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=60)
    report = {"uploads": len(recordings), "workers": args.workers,
              "audio_min": round(sum(probe(r).duration for r in recordings) / 60, 1),
              "statuses": sorted(set(states)),
              "idle_rss_mb": {"parent": round(idle[0]), "total": round(idle[1])},
              "peak_rss_mb": {"parent": round(peak_parent), "total": round(peak_total)},
              "drain_s": round(wall, 1)}
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "service_memory.json").write_text(json.dumps(report, indent=1))
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
