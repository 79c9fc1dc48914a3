"""Speed of `companion transcribe` against raw faster-whisper and raw openai-whisper.

    python bench/transcribe_speed.py [--minutes 30] [--threads 2] [--beam-size 5]

Side by side in one run, with the same model (bundled tiny.en), beam size and threads:
  companion       the default pipeline (PyAV decode, VAD, faster-whisper int8, attribution)
  faster-whisper  WhisperModel.transcribe on the file, library defaults, word timestamps on
  openai-whisper  whisper.transcribe on the same weights (converted), word timestamps on
on ../shared/fixtures/speech (every clip) and on a long recording built by concatenating the
session fixtures (--minutes). Prints audio seconds per wall second and the ratios.
"""
from __future__ import annotations

import argparse
import json

from _common import OUT, Timer, build_long_recording, speech_clips

from transcription.decode import load, probe
from transcription.engines import load_engine
from transcription.models import resolve
from transcription.pipeline import Transcriber
from transcription.types import EngineOptions


def run_companion(paths, threads: int, beam: int) -> float:
    transcriber = Transcriber(load_engine("faster-whisper", None, EngineOptions(beam_size=beam, cpu_threads=threads)))
    with Timer() as t:
        for p in paths:
            transcriber.transcribe_file(p)
    return t.seconds


def run_faster_whisper(paths, threads: int, beam: int) -> float:
    from faster_whisper import WhisperModel

    model = WhisperModel(str(resolve(None).path), device="cpu", compute_type="int8", cpu_threads=threads)
    with Timer() as t:
        for p in paths:
            segments, _ = model.transcribe(str(p), language="en", beam_size=beam, word_timestamps=True)
            list(segments)
    return t.seconds


def run_openai_whisper(paths, threads: int, beam: int) -> float:
    import torch
    import whisper

    from transcription.convert import load_ct2_whisper

    torch.set_num_threads(threads)
    model = load_ct2_whisper(resolve(None).path)
    with Timer() as t:
        for p in paths:
            audio = load(p)  # whisper.load_audio would shell out to ffmpeg, which is not installed
            whisper.transcribe(model, audio, language="en", beam_size=beam, best_of=5, fp16=False,
                               word_timestamps=True)
    return t.seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=30.0)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--beam-size", type=int, default=5)
    parser.add_argument("--skip-openai-long", action="store_true",
                        help="leave openai-whisper out of the long recording (slow)")
    args = parser.parse_args()

    sets = {
        "fixtures/speech": [c.path for c in speech_clips()],
        f"concatenated {args.minutes:.0f} min": [build_long_recording(args.minutes, OUT / f"long-{args.minutes:.0f}min.wav")],
    }
    runners = {"companion": run_companion, "faster-whisper": run_faster_whisper,
               "openai-whisper": run_openai_whisper}
    results = {}
    for label, paths in sets.items():
        audio_s = sum(probe(p).duration for p in paths)
        row = {"audio_s": round(audio_s, 1)}
        for name, run in runners.items():
            if name == "openai-whisper" and args.skip_openai_long and label != "fixtures/speech":
                continue
            wall = run(paths, args.threads, args.beam_size)
            row[name] = {"wall_s": round(wall, 2), "x_realtime": round(audio_s / wall, 2)}
            print(f"{label:24s} {name:15s} {audio_s:8.1f} s audio in {wall:7.2f} s = {audio_s / wall:6.2f}x realtime", flush=True)
        c = row["companion"]["x_realtime"]
        row["companion_vs_faster_whisper"] = round(c / row["faster-whisper"]["x_realtime"], 2)
        if "openai-whisper" in row:
            row["companion_vs_openai_whisper"] = round(c / row["openai-whisper"]["x_realtime"], 2)
        results[label] = row
        print(f"{label:24s} companion / faster-whisper = {row['companion_vs_faster_whisper']:.2f}"
              + (f", companion / openai-whisper = {row['companion_vs_openai_whisper']:.2f}"
                 if "openai-whisper" in row else ""), flush=True)
    print(json.dumps({"threads": args.threads, "beam_size": args.beam_size, "results": results}, indent=1))


if __name__ == "__main__":
    main()
