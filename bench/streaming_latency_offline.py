"""Caption latency and CPU cost of streaming transcription, simulated offline in real time.

Audio arrives in chunks at the pace of a live call; the transcriber runs whenever it is idle,
and a pass that takes d seconds of compute delays everything after it by d, so latencies
include queueing behind slow passes. A word's latency is measured from its end (its time in
an offline transcription of the whole channel) to the moment a caption first shows it
(partial) and to the moment it becomes final.

    python -m bench.streaming_latency_offline [--session s01-proposal-followup]
        [--channels mentor,mentee] [--seconds 120] [--chunk-s 0.5] [--beam-size 5]
"""
from __future__ import annotations

import argparse
import difflib
import re
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
from faster_whisper.audio import decode_audio

from transcription.engines import load_engine
from transcription.streaming import STREAMING_ENGINE_OPTIONS, Caption, StreamingConfig, StreamingTranscriber
from transcription.types import SAMPLE_RATE, Engine, Segment, Word

SESSIONS = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "sessions"
CHANNELS = ("mentor", "mentee")  # left and right of the stereo session recordings


class TimedEngine:
    """The real engine, timing each pass."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.name = engine.name
        self.pass_seconds: list[float] = []

    def transcribe(self, audio: np.ndarray, *, initial_prompt: str | None = None) -> list[Segment]:
        start = time.perf_counter()
        segments = self.engine.transcribe(audio, initial_prompt=initial_prompt)
        self.pass_seconds.append(time.perf_counter() - start)
        return segments


@dataclass
class Run:
    """What one simulated live stream produced."""

    duration: float
    cpu_seconds: float = 0.0
    pass_seconds: list[float] = field(default_factory=list)
    emitted: list[tuple[float, Caption]] = field(default_factory=list)  # (clock, caption)


def key(word: str) -> str:
    return re.sub(r"[^\w']", "", word.casefold())


def simulate(engine: Engine, audio: np.ndarray, config: StreamingConfig, chunk_s: float) -> Run:
    """Feed `audio` at real-time pace; the clock advances by the compute time of each call."""
    timed = TimedEngine(engine)
    stream = StreamingTranscriber(timed, config)
    chunk = round(chunk_s * SAMPLE_RATE)
    starts = range(0, len(audio), chunk)
    run = Run(duration=len(audio) / SAMPLE_RATE)
    clock, i = 0.0, 0
    cpu_start = time.process_time()
    while i < len(starts):
        clock = max(clock, min(starts[i] + chunk, len(audio)) / SAMPLE_RATE)
        while i < len(starts) and min(starts[i] + chunk, len(audio)) / SAMPLE_RATE <= clock:
            stream.feed(audio[starts[i]:starts[i] + chunk])
            i += 1
        began = time.perf_counter()
        captions = stream.process()
        clock += time.perf_counter() - began
        run.emitted += [(clock, c) for c in captions]
    began = time.perf_counter()
    captions = stream.finish()
    clock += time.perf_counter() - began
    run.emitted += [(clock, c) for c in captions]
    run.cpu_seconds = time.process_time() - cpu_start
    run.pass_seconds = timed.pass_seconds
    return run


def latencies(run: Run, reference: list[Word]) -> tuple[list[float], list[float]]:
    """Per reference word matched by a final word: (to first partial, to final), seconds."""
    finals = [(clock, w) for clock, c in run.emitted if c.final for w in c.words]
    partials = [(clock, w) for clock, c in run.emitted if not c.final for w in c.words]
    matcher = difflib.SequenceMatcher(a=[key(w.word) for w in reference],
                                      b=[key(w.word) for _, w in finals], autojunk=False)
    to_partial, to_final = [], []
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            ref = reference[block.a + k]
            final_clock, word = finals[block.b + k]
            shown = [clock for clock, p in partials
                     if key(p.word) == key(word.word) and abs(p.start - word.start) < 1.0]
            to_final.append(final_clock - ref.end)
            to_partial.append(min(shown + [final_clock]) - ref.end)
    return to_partial, to_final


def pct(values: list[float], q: float) -> float:
    return float(np.percentile(values, q)) if values else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--session", default="s01-proposal-followup")
    parser.add_argument("--channels", default="mentor,mentee")
    parser.add_argument("--seconds", type=float, default=120.0, help="first N seconds of each channel")
    parser.add_argument("--chunk-s", type=float, default=0.5, help="audio per network frame")
    parser.add_argument("--min-chunk-s", type=float, default=StreamingConfig().min_chunk_s)
    parser.add_argument("--beam-size", type=int, default=STREAMING_ENGINE_OPTIONS.beam_size)
    args = parser.parse_args()

    engine = load_engine(options=replace(STREAMING_ENGINE_OPTIONS, beam_size=args.beam_size))
    config = StreamingConfig(min_chunk_s=args.min_chunk_s)
    left, right = decode_audio(str(SESSIONS / f"{args.session}.stereo.flac"), split_stereo=True)
    tracks = dict(zip(CHANNELS, (left, right)))
    print(f"{args.session}, beam {args.beam_size}, frames {args.chunk_s} s, min_chunk {args.min_chunk_s} s")

    all_partial, all_final, passes, cpu, duration = [], [], [], 0.0, 0.0
    for channel in args.channels.split(","):
        audio = tracks[channel][:round(args.seconds * SAMPLE_RATE)]
        reference = [w for s in engine.transcribe(audio) for w in s.words]
        run = simulate(engine, audio, config, args.chunk_s)
        to_partial, to_final = latencies(run, reference)
        print(f"{channel}: {run.duration:.0f} s audio, {len(run.pass_seconds)} passes, "
              f"{len(to_final)}/{len(reference)} offline words matched, "
              f"CPU {run.cpu_seconds / run.duration:.3f} s per audio s")
        print(f"  to first partial p50 {pct(to_partial, 50):.2f} s  p95 {pct(to_partial, 95):.2f} s")
        print(f"  to final         p50 {pct(to_final, 50):.2f} s  p95 {pct(to_final, 95):.2f} s")
        all_partial += to_partial
        all_final += to_final
        passes += run.pass_seconds
        cpu += run.cpu_seconds
        duration += run.duration
    print(f"all: pass compute p50 {pct(passes, 50):.2f} s  p95 {pct(passes, 95):.2f} s; "
          f"CPU {cpu / duration:.3f} s per audio s")
    print(f"  to first partial p50 {pct(all_partial, 50):.2f} s  p95 {pct(all_partial, 95):.2f} s")
    print(f"  to final         p50 {pct(all_final, 50):.2f} s  p95 {pct(all_final, 95):.2f} s")


if __name__ == "__main__":
    main()
