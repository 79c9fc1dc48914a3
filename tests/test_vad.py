"""transcription.vad with the real Silero model: nothing in silence, room noise or music;
most of real speech, judged against human-annotated turns."""
from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest

from synth import music, room_noise
from transcription.decode import load
from transcription.types import SAMPLE_RATE
from transcription.vad import VadConfig, speech_ratio, speech_regions

SHARED = Path(__file__).resolve().parents[2] / "shared" / "fixtures"
AMI = SHARED / "speech" / "ami_es2004a"
SESSION = SHARED / "sessions" / "s01-proposal-followup"
SECONDS = 30


def _seconds(regions: list[tuple[int, int]]) -> float:
    return sum(end - start for start, end in regions) / SAMPLE_RATE


def _masks(regions: list[tuple[int, int]], reference: list[tuple[float, float]],
           n: int) -> tuple[np.ndarray, np.ndarray]:
    """Per-sample flags: inside a found region; inside the reference speech."""
    found = np.zeros(n, bool)
    wanted = np.zeros(n, bool)
    for start, end in regions:
        found[start:end] = True
    for start, end in reference:
        wanted[int(start * SAMPLE_RATE):int(end * SAMPLE_RATE)] = True
    return found, wanted


def _coverage(
    regions: list[tuple[int, int]], reference: list[tuple[float, float]], n: int
) -> float:
    """Share of the reference speech that the regions cover."""
    found, wanted = _masks(regions, reference, n)
    return (found & wanted).sum() / wanted.sum()


def _assert_well_formed(regions: list[tuple[int, int]], n: int, config: VadConfig) -> None:
    assert all(0 <= start < end <= n for start, end in regions)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(regions, regions[1:]))
    assert all(end - start <= config.max_region_s * SAMPLE_RATE for start, end in regions)


@pytest.fixture(scope="module")
def ami() -> tuple[np.ndarray, list[tuple[float, float]]]:
    """60 s of a real four-person meeting and its annotated speaker turns."""
    turns = []
    for line in (AMI / "mixture.rttm").read_text().splitlines():
        fields = line.split()
        turns.append((float(fields[3]), float(fields[3]) + float(fields[4])))
    return load(AMI / "mixture.wav"), turns


def test_digital_silence_has_no_speech() -> None:
    assert speech_regions(np.zeros(SECONDS * SAMPLE_RATE, np.float32)) == []


@pytest.mark.parametrize("seed", [1, 2])
def test_room_noise_has_no_speech(seed: int) -> None:
    assert _seconds(speech_regions(room_noise(seed))) < 0.3


@pytest.mark.parametrize(("seed", "bpm"), [(1, 110), (2, 75), (3, 140)])
def test_music_has_no_speech(seed: int, bpm: int) -> None:
    assert _seconds(speech_regions(music(seed, bpm=bpm))) < 0.3


def test_a_real_meeting_is_covered(ami: tuple[np.ndarray, list[tuple[float, float]]]) -> None:
    audio, turns = ami
    regions = speech_regions(audio)
    _assert_well_formed(regions, len(audio), VadConfig())
    assert _coverage(regions, turns, len(audio)) >= 0.8


def test_long_regions_are_split(ami: tuple[np.ndarray, list[tuple[float, float]]]) -> None:
    audio, turns = ami
    config = VadConfig(max_region_s=8.0)
    regions = speech_regions(audio, config)
    _assert_well_formed(regions, len(audio), config)
    assert len(regions) >= 60 / 8
    assert _coverage(regions, turns, len(audio)) >= 0.8


def test_speech_is_covered_and_pauses_between_turns_are_not() -> None:
    """A mentoring session with ground-truth turn times: speech kept, pauses dropped."""
    audio = load(SESSION.with_name(SESSION.name + ".mono.wav"))
    turns = json.loads(SESSION.with_name(SESSION.name + ".truth.json").read_text())["turns"]
    reference = [(t["start"], t["end"]) for t in turns]
    regions = speech_regions(audio)
    _assert_well_formed(regions, len(audio), VadConfig())
    found, wanted = _masks(regions, reference, len(audio))
    assert (found & wanted).sum() >= 0.8 * wanted.sum()
    assert (found & ~wanted).sum() < 0.1 * found.sum()  # only the padding around turns


@pytest.mark.parametrize("clip", sorted((SHARED / "speech" / "librispeech").glob("*.wav")),
                         ids=lambda p: p.stem)
def test_a_read_utterance_is_one_region(clip: Path) -> None:
    """A LibriSpeech utterance is one sentence read without a long pause."""
    audio = load(clip)
    regions = speech_regions(audio)
    assert len(regions) == 1
    assert speech_ratio(audio) >= 0.8


def test_threads_share_the_model_and_agree(
    ami: tuple[np.ndarray, list[tuple[float, float]]]
) -> None:
    audio, _ = ami
    pieces = [audio[i * 15 * SAMPLE_RATE:(i + 1) * 15 * SAMPLE_RATE] for i in range(4)]
    alone = [speech_regions(piece) for piece in pieces]
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(speech_regions, pieces * 2))
    assert together == alone * 2


def test_edge_inputs() -> None:
    assert speech_regions(np.zeros(0, np.float32)) == []
    assert speech_ratio(np.zeros(0, np.float32)) == 0.0
    assert speech_regions(np.zeros(100, np.float32)) == []
    with pytest.raises(ValueError):
        speech_regions(np.zeros((2, 16000), np.float32))
    with pytest.raises(ValueError):
        VadConfig(threshold=1.5)
    with pytest.raises(ValueError):
        VadConfig(max_region_s=0.3)
