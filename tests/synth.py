"""Synthetic non-speech audio for tests: room noise and music (seeded, 16 kHz float32).

Whisper's known failure is inventing words ("Thank you.") over such audio; the VAD and
pipeline tests feed these in and expect nothing out.
"""
from __future__ import annotations

import numpy as np

from transcription.types import SAMPLE_RATE


def silence(seconds: int = 30) -> np.ndarray:
    return np.zeros(seconds * SAMPLE_RATE, dtype=np.float32)


def write_wav(path, audio: np.ndarray) -> None:
    """16-bit mono WAV at 16 kHz."""
    import wave

    pcm = (np.clip(audio, -1, 1) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(SAMPLE_RATE)
        w.writeframes(pcm.tobytes())


def room_noise(seed: int, seconds: int = 30) -> np.ndarray:
    """Pink and brown noise at about -32 dBFS plus a 50 Hz mains hum with harmonics."""
    rng = np.random.default_rng(seed)
    n = seconds * SAMPLE_RATE
    spectrum = np.fft.rfft(rng.standard_normal(n))
    freqs = np.fft.rfftfreq(n, 1 / SAMPLE_RATE)
    spectrum[1:] /= np.sqrt(freqs[1:])
    spectrum[0] = 0
    pink = np.fft.irfft(spectrum, n)
    brown = np.cumsum(rng.standard_normal(n))
    brown -= np.convolve(brown, np.ones(4001) / 4001, "same")  # keep it from drifting away
    t = np.arange(n) / SAMPLE_RATE
    hum = sum(a * np.sin(2 * np.pi * f * t) for f, a in ((50, 1.0), (100, 0.5), (150, 0.3)))
    return (0.02 * pink / pink.std() + 0.01 * brown / brown.std() + 0.01 * hum).astype(np.float32)


def note(midi: int, length: int, harmonics: int, decay: float) -> np.ndarray:
    t = np.arange(length) / SAMPLE_RATE
    f0 = 440 * 2 ** ((midi - 69) / 12)
    envelope = np.minimum(1, t / 0.01) * np.exp(-t * decay)
    return envelope * sum(np.sin(2 * np.pi * f0 * k * t) / k for k in range(1, harmonics + 1))


def music(seed: int, seconds: int = 30, bpm: int = 110) -> np.ndarray:
    """A chord per bar (A minor, F, C, G), an eighth-note pentatonic melody, kick, snare."""
    rng = np.random.default_rng(seed)
    n = seconds * SAMPLE_RATE
    beat = round(60 / bpm * SAMPLE_RATE)
    out = np.zeros(n + 4 * beat)
    for bar, start in enumerate(range(0, n, 4 * beat)):
        root = (57, 53, 60, 55)[bar % 4]
        third = 3 if bar % 4 in (0, 1) else 4
        for midi in (root, root + third, root + 7):
            out[start:start + 4 * beat] += 0.1 * note(midi, 4 * beat, 5, 0.4)
    for start in range(0, n, beat // 2):
        midi = int(rng.choice([69, 72, 74, 76, 79, 81]))
        out[start:start + beat // 2] += 0.12 * note(midi, beat // 2, 7, 3.0)
    hit = round(0.25 * SAMPLE_RATE)
    t = np.arange(hit) / SAMPLE_RATE
    kick = 0.5 * np.sin(2 * np.pi * (50 + 80 * np.exp(-t * 30)) * t) * np.exp(-t * 12)
    for i, start in enumerate(range(0, n, beat)):
        drum = kick if i % 2 == 0 else 0.25 * rng.standard_normal(hit) * np.exp(-t * 20)
        out[start:start + hit] += drum
    out = out[:n]
    return (0.5 * out / np.abs(out).max()).astype(np.float32)
