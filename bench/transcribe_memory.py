"""Peak memory of `companion transcribe` against the recording's length.

    python bench/transcribe_memory.py [--minutes 15 30 60]

Runs the real CLI as a child process on recordings built by concatenating the session
fixtures (mono mix, so diarization runs too) and reports each child's peak RSS
(ru_maxrss). Flat means the 60-minute figure is close to the 15-minute one.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

from _common import OUT, ROOT, build_long_recording


def peak_rss_mb(cmd: list[str]) -> tuple[float, float]:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {proc.stderr.read().decode()[-500:]}")
    return usage.ru_maxrss / 1024, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, nargs="+", default=[15.0, 30.0, 60.0])
    args = parser.parse_args()
    rows = {}
    for minutes in args.minutes:
        path = build_long_recording(minutes, OUT / f"long-{minutes:.0f}min.wav")
        cmd = [sys.executable, "-m", "companion.cli", "transcribe", str(path), "--quiet",
               "-o", str(OUT / f"long-{minutes:.0f}min.json")]
        rss, wall = peak_rss_mb(cmd)
        rows[f"{minutes:.0f} min"] = {"peak_rss_mb": round(rss), "wall_s": round(wall, 1)}
        print(f"{minutes:5.0f} min: peak RSS {rss:7.0f} MB in {wall:6.1f} s", flush=True)
    print(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
