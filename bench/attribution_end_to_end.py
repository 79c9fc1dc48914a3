"""Who spoke, end to end: attribution accuracy of `companion transcribe`'s default path.

    python bench/attribution_end_to_end.py [--threads 2]

Every session fixture recording (stereo flac/m4a: one participant per channel; mono
wav/mp3/webm: diarized, then mentor and mentee settled from the conversation, as the CLI
and the service do) is transcribed with the default engine and scored with
transcription.attribution.speech_time_accuracy (share of true speech time given to the
right person) against ID.truth.json.
"""
from __future__ import annotations

import argparse
import json
from datetime import datetime

from _common import SESSIONS

from companion.roles import settle
from transcription.attribution import load_truth, speech_time_accuracy
from transcription.engines import load_engine
from transcription.pipeline import Transcriber
from transcription.types import EngineOptions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    transcriber = Transcriber(load_engine("faster-whisper", None, EngineOptions(cpu_threads=args.threads)))
    rows: dict[str, dict[str, float | str]] = {}
    for path in sorted(SESSIONS.glob("*.*.*")):
        if path.name.endswith(".truth.json") or path.suffix == ".json":
            continue
        session_id, variant = path.name.split(".", 1)
        fixture = json.loads((SESSIONS / f"{session_id}.json").read_text())
        transcript = transcriber.transcribe_file(path)
        settle(transcript, datetime.fromisoformat(fixture["session_date"]))
        accuracy = speech_time_accuracy(transcript.segments, load_truth(SESSIONS / f"{session_id}.truth.json"))
        rows[path.name] = {"accuracy": round(accuracy, 4), "attribution": transcript.attribution}
        print(f"{path.name:48s} {transcript.attribution:38s} {accuracy:6.3f}", flush=True)
    for kind in ("stereo", "mono"):
        values = [r["accuracy"] for name, r in rows.items() if f".{kind}." in name]
        print(f"mean over {len(values)} {kind} recordings: {sum(values) / len(values):.3f}")
    print(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
