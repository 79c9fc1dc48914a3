"""Extraction in a fresh process: import time and the first extraction of a real meeting.

    python bench/extraction_cold.py [--meeting ES2004c] [--runs 2]
    valgrind --tool=callgrind python bench/extraction_cold.py --inside --callgrind --meeting ES2004a

Without --inside, each run starts a new Python process and prints, in CPU time, how long the
import of `summaries` took and how long the first `extract_json` of the meeting took (the
caches of regexes and word starts are empty then). `--inside` measures in this process.
`--callgrind` (under valgrind's callgrind tool) counts the instructions of one warm extraction
instead: one extraction first, the caches emptied as `extraction_speed.py` does, then the
counters zeroed with `callgrind_control -z` and dumped with `callgrind_control -d` around a
second extraction; read the dump's "summary:" line.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MEETINGS = ROOT.parent / "shared" / "fixtures" / "meetings" / "qmsum_test"


def _transcript(meeting: str) -> tuple[dict[str, object], int]:
    turns = json.loads((MEETINGS / f"{meeting}.json").read_text())["meeting_transcripts"]
    data = {"session_date": "2026-05-05T10:00",
            "segments": [{"speaker": "unknown", "text": t["content"]} for t in turns]}
    return data, sum(len(t["content"].split()) for t in turns)


def inside(meeting: str, callgrind: bool) -> None:
    """Import, then extract once (or count one warm extraction's instructions)."""
    start = time.process_time()
    sys.path.insert(0, str(ROOT))
    from summaries.extract import extract_json
    imported = time.process_time()
    data, words = _transcript(meeting)
    if callgrind:
        sys.path.insert(0, str(ROOT / "bench"))
        from extraction_speed import clear_caches
        extract_json(data)
        clear_caches()
        subprocess.run(["callgrind_control", "-z"], check=False, capture_output=True)
        extract_json(data)
        subprocess.run(["callgrind_control", "-d"], check=False, capture_output=True)
        return
    before = time.process_time()
    extract_json(data)
    done = time.process_time()
    print(f"{meeting} {words} words: import {imported - start:.2f} s, first extraction {done - before:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meeting", default="ES2004c")
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--inside", action="store_true", help="measure in this process")
    parser.add_argument("--callgrind", action="store_true", help="with --inside, under callgrind")
    args = parser.parse_args()
    if args.inside:
        inside(args.meeting, args.callgrind)
        return
    for _ in range(args.runs):
        subprocess.run([sys.executable, __file__, "--inside", "--meeting", args.meeting], check=True)


if __name__ == "__main__":
    main()
