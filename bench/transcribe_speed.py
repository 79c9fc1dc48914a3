"""Speed of `companion transcribe` against raw faster-whisper and raw openai-whisper.

    python bench/transcribe_speed.py [--minutes 30] [--threads 2] [--beam-size 5]
                                     [--rounds 3] [--long-rounds 1] [--skip-openai-long]
(--rounds 0 or --long-rounds 0 leaves that set out)

Side by side in one process, with the same model (bundled tiny.en), beam size and threads:
  companion       the default pipeline behind the CLI (PyAV decode, VAD, faster-whisper
                  int8 decoding up to 8 clips of speech in one batch, and for a mono mix
                  diarization): Transcriber.transcribe_file
  faster-whisper  WhisperModel.transcribe on the file, library defaults, word timestamps on
  faster-whisper-batched
                  BatchedInferencePipeline.transcribe on the file: the library's own batched
                  mode (its Silero VAD, batch 8, temperature 0), word timestamps on
  openai-whisper  whisper.transcribe on the same weights (converted), word timestamps on
on ../shared/fixtures/speech (every clip) and on a long recording built by concatenating the
session fixtures (--minutes).

Fair both ways: every system loads its models once, before any timing (companion: the engine
and the voice encoder; the raw engines: their model), and transcribes one clip untimed first,
so that no side pays first-call costs (lazy imports, allocator warm-up) inside its timing.
The systems take turns within each round, in a rotating order, so that a machine shared with
other work slows all of them alike. Reported per system: the median over rounds of audio
seconds per wall second and per CPU second (CPU time of this process, all threads), and the
ratios companion / raw engine of both: wall is what a user waits, CPU is the work done, and
is the steadier of the two when other jobs compete for the cores.
"""
from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from _common import OUT, SPEECH, build_long_recording, speech_clips

from transcription.decode import load, probe
from transcription.engines import load_engine
from transcription.models import resolve
from transcription.pipeline import Transcriber
from transcription.types import EngineOptions

Runner = Callable[[Path], None]


def companion(threads: int, beam: int) -> Runner:
    transcriber = Transcriber(load_engine("faster-whisper", None,
                                          EngineOptions(beam_size=beam, cpu_threads=threads)))
    _ = transcriber.diarizer  # load the voice encoder now, as the engine is loaded now

    def run(path: Path) -> None:
        transcriber.transcribe_file(path)

    return run


def faster_whisper(threads: int, beam: int) -> Runner:
    from faster_whisper import WhisperModel

    model = WhisperModel(str(resolve(None).path), device="cpu", compute_type="int8", cpu_threads=threads)

    def run(path: Path) -> None:
        segments, _ = model.transcribe(str(path), language="en", beam_size=beam, word_timestamps=True)
        list(segments)

    return run


def faster_whisper_batched(threads: int, beam: int) -> Runner:
    from faster_whisper import BatchedInferencePipeline, WhisperModel

    model = WhisperModel(str(resolve(None).path), device="cpu", compute_type="int8", cpu_threads=threads)
    pipeline = BatchedInferencePipeline(model)

    def run(path: Path) -> None:
        segments, _ = pipeline.transcribe(str(path), language="en", beam_size=beam,
                                          word_timestamps=True, batch_size=8)
        list(segments)

    return run


def openai_whisper(threads: int, beam: int) -> Runner:
    import torch
    import whisper

    from transcription.convert import load_ct2_whisper

    model = load_ct2_whisper(resolve(None).path)

    def run(path: Path) -> None:
        torch.set_num_threads(threads)
        audio = load(path)  # whisper.load_audio would shell out to ffmpeg, which is not installed
        whisper.transcribe(model, audio, language="en", beam_size=beam, best_of=5, fp16=False,
                           word_timestamps=True)

    return run


def timed(run: Runner, paths: Sequence[Path]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) to run over every path."""
    wall, cpu = time.perf_counter(), time.process_time()
    for path in paths:
        run(path)
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=30.0)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--beam-size", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3, help="rounds over fixtures/speech (0: skip)")
    parser.add_argument("--long-rounds", type=int, default=1,
                        help="rounds over the long recording (0: skip)")
    parser.add_argument("--skip-openai-long", action="store_true",
                        help="leave openai-whisper out of the long recording (slow)")
    args = parser.parse_args()

    factories = {"companion": companion, "faster-whisper": faster_whisper,
                 "faster-whisper-batched": faster_whisper_batched, "openai-whisper": openai_whisper}
    runners = {name: make(args.threads, args.beam_size) for name, make in factories.items()}
    for run in runners.values():  # untimed first call: imports and allocations made once
        run(SPEECH / "jfk.flac")
    long = build_long_recording(args.minutes, OUT / f"long-{args.minutes:.0f}min.wav")
    sets = {
        "fixtures/speech": ([c.path for c in speech_clips()], args.rounds),
        f"concatenated {args.minutes:.0f} min": ([long], args.long_rounds),
    }
    results = {}
    for label, (paths, rounds) in sets.items():
        if rounds < 1:
            continue
        audio_s = sum(probe(p).duration for p in paths)
        names = [n for n in runners
                 if not (n == "openai-whisper" and args.skip_openai_long and label != "fixtures/speech")]
        measured: dict[str, list[tuple[float, float]]] = {n: [] for n in names}
        for r in range(rounds):
            for name in names[r % len(names):] + names[:r % len(names)]:
                wall, cpu = timed(runners[name], paths)
                measured[name].append((wall, cpu))
                print(f"{label:24s} round {r + 1} {name:15s} {audio_s:8.1f} s audio: wall {wall:7.2f} s"
                      f" ({audio_s / wall:6.2f}x), CPU {cpu:7.2f} s ({audio_s / cpu:6.2f}x)", flush=True)
        row: dict[str, object] = {"audio_s": round(audio_s, 1), "rounds": rounds}
        for name, runs in measured.items():
            row[name] = {"x_realtime_wall": round(statistics.median(audio_s / w for w, _ in runs), 2),
                         "x_realtime_cpu": round(statistics.median(audio_s / c for _, c in runs), 2)}
        for other in names[1:]:
            for kind in ("wall", "cpu"):
                key = f"x_realtime_{kind}"
                row[f"companion_vs_{other}_{kind}"] = round(row["companion"][key] / row[other][key], 2)
        results[label] = row
        print(f"{label:24s} " + ", ".join(f"companion / {o} = {row[f'companion_vs_{o}_wall']:.2f} wall,"
                                         f" {row[f'companion_vs_{o}_cpu']:.2f} CPU" for o in names[1:]),
              flush=True)
    print(json.dumps({"threads": args.threads, "beam_size": args.beam_size, "results": results}, indent=1))


if __name__ == "__main__":
    main()
