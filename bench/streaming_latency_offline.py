"""Caption latency of one live call, simulated offline: the live engine, both channels on one
engine lane, as `companion.live` runs them, without the service or the network.

    python -m bench.streaming_latency_offline [--session s01-proposal-followup] [--seconds 120]
        [--frame-s 0.2] [--min-chunk-s 0.7] [--beam-size 5] [--clock cpu|wall]

The mentor's (left) and the mentee's (right) audio arrive in frames at the pace of the call;
whenever a channel has `min_chunk_s` queued the lane takes it (the longest queue first, at
most 8 s at once, like the service's pump) and runs one `StreamingTranscriber` step, and
the simulated clock advances by the step's cost. `--clock wall` counts the step's wall time
on all cores (what a live call on an idle machine sees); `--clock cpu` runs the engine on
one thread and counts the process's CPU time, which other jobs on the machine hardly change:
use it to compare two versions of the code side by side on a busy machine.

A word's latency runs from its end (in an offline transcription of the whole channel) to
the first caption that shows it (partial) and to its final caption.
"""
from __future__ import annotations

import argparse
import difflib
import re
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

import numpy as np
from faster_whisper.audio import decode_audio

from transcription.engines import load_engine
from transcription.streaming import (
    STREAMING_ENGINE_OPTIONS,
    Caption,
    StreamingConfig,
    StreamingTranscriber,
    load_streaming_engine,
)
from transcription.types import SAMPLE_RATE, Engine, Segment, Word

SESSIONS = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "sessions"
CHANNELS = ("mentor", "mentee")  # left and right of the stereo session recordings
BATCH_S = 8.0  # companion.live.LiveConfig.batch_max_s


class TimedEngine:
    """The real engine, timing each pass with `cost`."""

    def __init__(self, engine: Engine, cost: Callable[[], float]) -> None:
        self.engine = engine
        self.name = engine.name
        self.cost = cost
        self.pass_seconds: list[float] = []

    def transcribe(self, audio: np.ndarray, *, initial_prompt: str | None = None) -> list[Segment]:
        start = self.cost()
        segments = self.engine.transcribe(audio, initial_prompt=initial_prompt)
        self.pass_seconds.append(self.cost() - start)
        return segments


@dataclass
class Lane:
    """Both channels of a call on one engine: what arrived, what was taken, what came out."""

    tracks: dict[str, np.ndarray]
    transcribers: dict[str, StreamingTranscriber]
    frame: int
    chunk: int
    taken: dict[str, int] = field(default_factory=dict)
    emitted: dict[str, list[tuple[float, Caption]]] = field(default_factory=dict)

    def run(self, cost: Callable[[], float]) -> float:
        """Play the call; returns the clock at the end."""
        self.taken = {r: 0 for r in self.tracks}
        self.emitted = {r: [] for r in self.tracks}
        duration = max(len(t) for t in self.tracks.values()) / SAMPLE_RATE
        clock = 0.0
        while True:
            queued = {r: self._arrived(r, clock) - self.taken[r] for r in self.tracks}
            ready = sorted((r for r in self.tracks if queued[r] >= self.chunk), key=lambda r: -queued[r])
            if not ready:
                if clock >= duration:
                    break
                # The next frame's arrival; the epsilon keeps a clock that float arithmetic
                # left a hair below a frame boundary from landing on the same boundary forever.
                frame_index = np.floor(clock * SAMPLE_RATE / self.frame + 1e-6)
                clock = min(duration, (frame_index + 1) * self.frame / SAMPLE_RATE)
                continue
            for role in ready:
                n = min(self._arrived(role, clock) - self.taken[role], round(BATCH_S * SAMPLE_RATE))
                audio = self.tracks[role][self.taken[role]:self.taken[role] + n]
                self.taken[role] += n
                before = cost()
                self.transcribers[role].feed(audio)
                captions = self.transcribers[role].process()
                clock += cost() - before
                self.emitted[role] += [(clock, c) for c in captions]
        for role, transcriber in self.transcribers.items():
            before = cost()
            captions = transcriber.finish()
            clock += cost() - before
            self.emitted[role] += [(clock, c) for c in captions]
        return clock

    def _arrived(self, role: str, clock: float) -> int:
        frames = int(clock * SAMPLE_RATE) // self.frame
        return min(frames * self.frame, len(self.tracks[role]))


def key(word: str) -> str:
    return re.sub(r"[^\w']", "", word.casefold())


def latencies(emitted: list[tuple[float, Caption]], reference: list[Word]) -> tuple[list[float], list[float]]:
    """Per reference word matched by a final word: (to first partial, to final), seconds."""
    finals = [(clock, w) for clock, c in emitted if c.final for w in c.words]
    partials = [(clock, w) for clock, c in emitted if not c.final for w in c.words]
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
    parser.add_argument("--seconds", type=float, default=120.0, help="first N seconds of the call")
    parser.add_argument("--frame-s", type=float, default=0.2, help="audio per network frame")
    parser.add_argument("--min-chunk-s", type=float, default=StreamingConfig().min_chunk_s)
    parser.add_argument("--beam-size", type=int, default=STREAMING_ENGINE_OPTIONS.beam_size)
    parser.add_argument("--clock", choices=("cpu", "wall"), default="wall")
    args = parser.parse_args()

    options = replace(STREAMING_ENGINE_OPTIONS, beam_size=args.beam_size,
                      cpu_threads=1 if args.clock == "cpu" else 0)
    engine = load_streaming_engine(options=options)
    config = StreamingConfig(min_chunk_s=args.min_chunk_s)
    left, right = decode_audio(str(SESSIONS / f"{args.session}.stereo.flac"), split_stereo=True)
    end = round(args.seconds * SAMPLE_RATE)
    tracks = {"mentor": left[:end], "mentee": right[:end]}
    engine.transcribe(left[:3 * SAMPLE_RATE])  # warm up
    cost = time.process_time if args.clock == "cpu" else time.perf_counter
    timed = TimedEngine(engine, cost)
    lane = Lane(tracks, {r: StreamingTranscriber(timed, config, speaker=r) for r in CHANNELS},
                frame=round(args.frame_s * SAMPLE_RATE), chunk=round(args.min_chunk_s * SAMPLE_RATE))
    cpu = time.process_time()
    lane.run(cost)
    cpu = time.process_time() - cpu
    duration = sum(len(t) for t in tracks.values()) / SAMPLE_RATE

    offline = load_engine()
    print(f"{args.session}, {args.seconds:.0f} s, beam {args.beam_size}, frames {args.frame_s} s, "
          f"min_chunk {args.min_chunk_s} s, clock {args.clock}")
    everything: tuple[list[float], list[float]] = ([], [])
    for role, audio in tracks.items():
        reference = [w for s in offline.transcribe(audio) for w in s.words]
        to_partial, to_final = latencies(lane.emitted[role], reference)
        print(f"{role}: {len(to_final)}/{len(reference)} offline words matched; "
              f"partial p50 {pct(to_partial, 50):.2f} s p95 {pct(to_partial, 95):.2f} s, "
              f"final p50 {pct(to_final, 50):.2f} s p95 {pct(to_final, 95):.2f} s")
        everything[0].extend(to_partial)
        everything[1].extend(to_final)
    passes = timed.pass_seconds
    print(f"both: partial p50 {pct(everything[0], 50):.2f} s p95 {pct(everything[0], 95):.2f} s, "
          f"final p50 {pct(everything[1], 50):.2f} s p95 {pct(everything[1], 95):.2f} s; "
          f"passes {len(passes)}, p50 {pct(passes, 50):.2f} s p95 {pct(passes, 95):.2f} s; "
          f"CPU {cpu / duration:.3f} s per audio s; full-window passes "
          f"{getattr(engine, 'full_window_passes', 0)}")


if __name__ == "__main__":
    main()
