"""Conversations of our own spoken by espeak-ng into a two-track call recording (mentor on
the left channel, mentee on the right, as ../shared/fixtures/sessions renders its calls),
for end-to-end tests on real audio through the real model.

espeak-ng comes from Debian (.ci/system-deps installs it).
"""
from __future__ import annotations

import io
import shutil
import subprocess
import wave
from pathlib import Path

import numpy as np

VOICES = {"mentor": "en-us", "mentee": "en-us+f3"}
"""A male and a female US voice, as the shared fixtures use."""
PAUSE_S = 0.7
"""Silence between two turns."""


def speak(text: str, voice: str, rate: int = 160) -> tuple[np.ndarray, int]:
    """One utterance as int16 samples and their sample rate."""
    espeak = shutil.which("espeak-ng")
    assert espeak, "espeak-ng is missing: run `make system` (or apt-get install espeak-ng)"
    out = subprocess.run([espeak, "-v", voice, "-s", str(rate), "--stdout", text],
                         check=True, capture_output=True).stdout
    with wave.open(io.BytesIO(out)) as w:
        assert w.getnchannels() == 1 and w.getsampwidth() == 2
        return np.frombuffer(w.readframes(w.getnframes()), dtype="<i2"), w.getframerate()


def render_call(turns: list[tuple[str, str]], path: Path) -> list[tuple[str, float, float]]:
    """Writes ``turns`` (speaker, text) as a stereo 16-bit WAV, one turn after the other;
    returns each turn's speaker, start and end in seconds."""
    spoken = [(who, *speak(text, VOICES[who])) for who, text in turns]
    rate = spoken[0][2]
    pause = np.zeros(int(PAUSE_S * rate), dtype="<i2")
    left: list[np.ndarray] = [pause]
    right: list[np.ndarray] = [pause]
    timings = []
    clock = len(pause)
    for who, samples, _ in spoken:
        silent = np.zeros_like(samples)
        left += [samples if who == "mentor" else silent, pause]
        right += [samples if who == "mentee" else silent, pause]
        timings.append((who, clock / rate, (clock + len(samples)) / rate))
        clock += len(samples) + len(pause)
    stereo = np.stack([np.concatenate(left), np.concatenate(right)], axis=1)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(2)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(stereo.astype("<i2").tobytes())
    return timings
