"""Shared helpers for the benchmarks: fixture lists, WER, long recordings, timing."""
from __future__ import annotations

import json
import os
import resource
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("COMPANION_SHARED", ROOT.parent / "shared"))
SPEECH = SHARED / "fixtures" / "speech"
SESSIONS = SHARED / "fixtures" / "sessions"
OUT = ROOT / "bench" / "out"


@dataclass(frozen=True)
class Clip:
    name: str
    path: Path
    reference: str


def speech_clips() -> list[Clip]:
    """fixtures/speech clips with a single reference text, in a stable order.

    The AMI excerpt is left out of WER: its four speakers overlap, so no single word order
    is the reference.
    """
    refs = json.loads((SPEECH / "references.json").read_text())
    clips = [Clip("jfk", SPEECH / "jfk.flac", refs["jfk.flac"]["text"])]
    for folder, pattern in (("librispeech", "*.wav"), ("librivox", "*.wav"),
                            ("fleurs_en", "*.ogg"), ("picovoice", "leopard_test.wav")):
        for audio in sorted((SPEECH / folder).glob(pattern)):
            text = audio.with_suffix(".txt").read_text().strip()
            clips.append(Clip(f"{folder}/{audio.stem}", audio, text))
    pico = SPEECH / "picovoice" / "leopard_diarization_test.wav"
    clips.append(Clip("picovoice/leopard_diarization_test", pico,
                      pico.with_suffix(".txt").read_text().strip()))
    return clips


_normalizer = None


def normalize(text: str) -> str:
    global _normalizer
    if _normalizer is None:
        from whisper.normalizers import EnglishTextNormalizer

        _normalizer = EnglishTextNormalizer()
    return _normalizer(text)


def wer(references: list[str], hypotheses: list[str]) -> float:
    """Corpus WER (%) after Whisper's English normaliser."""
    import jiwer

    refs = [normalize(r) for r in references]
    hyps = [normalize(h) for h in hypotheses]
    keep = [i for i, r in enumerate(refs) if r.strip()]
    return 100.0 * jiwer.wer([refs[i] for i in keep], [hyps[i] or "<empty>" for i in keep])


def build_long_recording(minutes: float, path: Path) -> Path:
    """Concatenate the session fixtures' mono mixes (with 2 s pauses) to `minutes` long.

    Written as 16 kHz mono 16-bit WAV; reused if it already exists.
    """
    import wave

    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    sources = sorted(SESSIONS.glob("*.mono.wav"))
    pause = np.zeros(2 * 16000, dtype=np.int16).tobytes()
    target = int(minutes * 60 * 16000)
    written = 0
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(16000)
        while written < target:
            for src in sources:
                with wave.open(str(src)) as w:
                    frames = w.readframes(w.getnframes())
                n = min(len(frames) // 2, target - written)
                out.writeframes(frames[: n * 2])
                written += n
                if written >= target:
                    break
                out.writeframes(pause)
                written += len(pause) // 2
    return path


def cpu_seconds() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


class Timer:
    def __enter__(self) -> "Timer":
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds = time.perf_counter() - self.start
