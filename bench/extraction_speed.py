"""Extraction speed on real hour-long meetings (../shared/fixtures/meetings/qmsum_test).

    python bench/extraction_speed.py [--rounds 3]

CPU time of `summaries.extract.extract_json` per meeting (best of --rounds), its words, and
the time per word; then the total scaled to a 10,000-word hour, and the time of
`summaries.text.normalize` alone over every turn (the first step of every extractor).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
MEETINGS = ROOT.parent / "shared" / "fixtures" / "meetings" / "qmsum_test"

from summaries.extract import extract_json  # noqa: E402
from summaries.text import normalize  # noqa: E402


def clear_caches() -> None:
    """Start every round cold, as a transcript seen once is: empty every cache of the
    extractors (the word starts of sentences, the dates found in them, question kinds)."""
    for module in list(sys.modules.values()):
        if getattr(module, "__name__", "").startswith("summaries."):
            for value in vars(module).values():
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    total_words, total_s, longest = 0, 0.0, 0.0
    for path in sorted(MEETINGS.glob("*.json")):
        turns = json.loads(path.read_text())["meeting_transcripts"]
        data = {"session_date": "2026-05-05T10:00",
                "segments": [{"speaker": "unknown", "text": t["content"]} for t in turns]}
        words = sum(len(t["content"].split()) for t in turns)
        best = float("inf")
        for _ in range(args.rounds):
            clear_caches()
            start = time.process_time()
            extract_json(data)
            best = min(best, time.process_time() - start)
        print(f"{path.stem:14s} {words:6d} words {best:.3f} s  {best / words * 1e6:.1f} µs/word")
        total_words, total_s, longest = total_words + words, total_s + best, max(longest, best)
    print(f"max {longest:.3f} s; {total_s / total_words * 1e6:.1f} µs/word: "
          f"10,000 words in {total_s / total_words * 1e4:.3f} s")
    texts = [t["content"] for path in sorted(MEETINGS.glob("*.json"))
             for t in json.loads(path.read_text())["meeting_transcripts"]]
    best = float("inf")
    for _ in range(args.rounds):
        start = time.process_time()
        for text in texts:
            normalize(text)
        best = min(best, time.process_time() - start)
    print(f"text.normalize alone: {best / total_words * 1e6:.1f} µs/word")


if __name__ == "__main__":
    main()
