"""Data that crosses the modules of the transcription pipeline."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Protocol

import numpy as np

SAMPLE_RATE = 16_000
"""Every engine, the VAD and the diarizer work on 16 kHz mono float32 in [-1, 1]."""

SPEAKERS = ("mentor", "mentee", "unknown")


@dataclass(frozen=True)
class Word:
    """One recognised word, times in seconds from the start of the recording."""

    word: str
    start: float
    end: float
    probability: float = 1.0

    def shifted(self, offset: float) -> "Word":
        return replace(self, start=self.start + offset, end=self.end + offset)


@dataclass(frozen=True)
class Segment:
    """A stretch of speech by one speaker, with its words when the engine gave them."""

    start: float
    end: float
    text: str
    words: tuple[Word, ...] = ()
    speaker: str = "unknown"
    avg_logprob: float = 0.0
    no_speech_prob: float = 0.0

    def shifted(self, offset: float) -> "Segment":
        return replace(
            self,
            start=self.start + offset,
            end=self.end + offset,
            words=tuple(w.shifted(offset) for w in self.words),
        )


@dataclass(frozen=True)
class EngineOptions:
    """Decoding settings shared by both engines, so that they are compared like for like."""

    beam_size: int = 5
    """Beam width; 1 is greedy decoding."""
    cpu_threads: int = 0
    """Threads for the engine's math; 0 lets the engine choose (all cores)."""
    compute_type: str = "int8"
    """CTranslate2 quantisation for faster-whisper (int8 is the fast CPU default)."""
    language: str = "en"
    word_timestamps: bool = True
    condition_on_previous_text: bool = False
    """Off by default: conditioning is what lets one hallucination repeat itself."""
    batch_size: int = 3
    """Clips of a recording that faster-whisper decodes in one batched beam search
    (`transcribe_many`, temperature 0); openai-whisper decodes them one after another.
    Each clip in a batch holds its beams' cross-attention cache at once (~18 MB per beam
    with tiny.en): on a 15-minute mono recording batches of 1, 2, 3, 4 and 8 peaked at 860,
    947, 936, 993 and 1,232 MB and took 52, 47, 42, 42 and 39 s; 3 keeps a 60-minute
    recording within the 1 GB budget (bench/transcribe_memory.py)."""
    temperatures: tuple[float, ...] = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)
    """Decoding temperatures tried in turn while a result looks degenerate (both engines'
    default). Above 0 decoding samples: faster-whisper's sampler has no per-call seed, so
    only `(0.0,)` makes its text a function of the audio alone."""


class Engine(Protocol):
    """A speech recogniser: 16 kHz mono float32 audio in, timed segments with words out.

    Times in the returned segments are relative to the start of `audio`.
    Implementations are not thread-safe; use one per thread or process.
    """

    name: str

    def transcribe(self, audio: np.ndarray, *, initial_prompt: str | None = None) -> list[Segment]:
        ...


@dataclass
class Transcript:
    """A whole recording's transcript; serialised as the transcript JSON of CONTRACT.md."""

    segments: list[Segment]
    duration: float
    session_date: str | None = None
    participants: dict[str, dict[str, str]] = field(default_factory=dict)
    engine: str = ""
    model: str = ""
    attribution: str = "none"
    """How speakers were told apart: "channels" (one participant per stereo channel),
    "first voice" (a diarized mono mix whose first voice is the first of the speakers),
    or "none"."""
