"""Both engines on real speech, and the errors a bad model or engine name gives."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path

import jiwer
import numpy as np
import pytest
import torch
from faster_whisper.audio import decode_audio
from whisper.normalizers import EnglishTextNormalizer

from transcription import models
from transcription.convert import load_ct2_whisper
from transcription.engines import OpenAIWhisperEngine, load_engine
from transcription.errors import ModelError
from transcription.types import SAMPLE_RATE, EngineOptions, Segment

SPEECH = Path(__file__).resolve().parents[2] / "shared" / "fixtures" / "speech"
REPO = Path(__file__).resolve().parents[1]

MAX_WER_VS_REFERENCE = 0.05
"""Measured 0.0 for both engines on jfk; the margin allows one word in 22 to differ."""

MAX_WER_BETWEEN_ENGINES = 0.05
"""Measured 0.0: the same weights, int8 against float32, agree word for word on jfk."""

_normalise = EnglishTextNormalizer()


def wer(reference: str, hypothesis: str) -> float:
    return jiwer.wer(_normalise(reference), _normalise(hypothesis))


def text_of(segments: list[Segment]) -> str:
    return " ".join(s.text for s in segments)


@contextmanager
def torch_threads_restored() -> Iterator[None]:
    """cpu_threads sets torch's process-wide thread count; put it back for later tests."""
    before = torch.get_num_threads()
    try:
        yield
    finally:
        torch.set_num_threads(before)


ONE_THREAD = EngineOptions(cpu_threads=1)
"""torch's OpenMP threads spin when the cores are busy; one thread keeps test time steady."""


@pytest.fixture(scope="module")
def jfk() -> np.ndarray:
    return decode_audio(str(SPEECH / "jfk.flac"), sampling_rate=SAMPLE_RATE)


@pytest.fixture(scope="module")
def jfk_reference() -> str:
    return json.loads((SPEECH / "references.json").read_text(encoding="utf-8"))["jfk.flac"]["text"]


@pytest.fixture(scope="module")
def openai_jfk(jfk: np.ndarray) -> list[Segment]:
    with torch_threads_restored():
        return load_engine("openai-whisper", None, ONE_THREAD).transcribe(jfk)


@pytest.fixture(scope="module")
def faster_jfk(jfk: np.ndarray) -> list[Segment]:
    return load_engine("faster-whisper").transcribe(jfk)


def test_openai_whisper_transcribes_jfk_from_the_converted_weights(
    openai_jfk: list[Segment], jfk_reference: str
) -> None:
    assert wer(jfk_reference, text_of(openai_jfk)) <= MAX_WER_VS_REFERENCE


def test_openai_whisper_word_timestamps_are_monotonic_and_inside_the_audio(
    openai_jfk: list[Segment], jfk: np.ndarray
) -> None:
    duration = len(jfk) / SAMPLE_RATE
    words = [w for s in openai_jfk for w in s.words]
    assert len(words) == len(text_of(openai_jfk).split())
    previous_end = 0.0
    for w in words:
        assert previous_end <= w.start <= w.end <= duration, w
        assert 0.0 <= w.probability <= 1.0
        previous_end = w.end
    for s in openai_jfk:
        assert " ".join(w.word for w in s.words) == s.text
        assert s.words[0].start >= s.start and s.words[-1].end <= s.end
        assert -1.0 < s.avg_logprob < 0.0
        assert 0.0 <= s.no_speech_prob < 0.5


def test_both_engines_agree_on_jfk(
    openai_jfk: list[Segment], faster_jfk: list[Segment], jfk_reference: str
) -> None:
    assert wer(jfk_reference, text_of(faster_jfk)) <= MAX_WER_VS_REFERENCE
    assert wer(text_of(faster_jfk), text_of(openai_jfk)) <= MAX_WER_BETWEEN_ENGINES


def test_a_batch_of_clips_decodes_each_clip_in_its_own_time(
    jfk: np.ndarray, faster_jfk: list[Segment], jfk_reference: str
) -> None:
    """Batched decoding: clips of lengths off the 10 ms grid (faster-whisper rounds times
    to 10 ms, which once put a clip's text into the clip before it), silence between."""
    engine = load_engine("faster-whisper")
    silence = np.zeros(round(2.0013 * SAMPLE_RATE), dtype=np.float32)
    head = jfk[:round(7.3337 * SAMPLE_RATE)]
    clips = [head, silence, jfk, jfk[round(4.0004 * SAMPLE_RATE):]]
    out = engine.transcribe_many(clips)
    assert [len(found) > 0 for found in out] == [True, False, True, True]
    for clip, found in zip(clips, out):
        duration = len(clip) / SAMPLE_RATE
        for segment in found:
            assert 0.0 <= segment.start <= segment.end <= duration + 0.05, segment
            assert all(segment.start <= w.start <= w.end <= segment.end for w in segment.words)
            assert segment.text == " ".join(w.word for w in segment.words)
    assert wer(jfk_reference, text_of(out[2])) <= MAX_WER_VS_REFERENCE
    assert wer(text_of(faster_jfk), text_of(out[2])) <= MAX_WER_BETWEEN_ENGINES
    assert "fellow americans" in text_of(out[0]).lower()
    assert "fellow" not in text_of(out[3]).lower() and "country" in text_of(out[3]).lower()
    assert engine.transcribe_many(clips) == out, "batched decoding is deterministic"


def test_a_batch_splits_into_sentences(jfk: np.ndarray) -> None:
    [found] = load_engine("faster-whisper").transcribe_many([jfk])
    assert len(found) == 2, found
    assert found[0].text.endswith("for you.") and found[1].text.startswith("Ask")


def test_a_pt_checkpoint_decodes_like_the_ct2_directory_it_came_from(tmp_path: Path) -> None:
    model = load_ct2_whisper(models.bundled_model_dir())
    checkpoint = tmp_path / "tiny-en-converted.pt"
    torch.save({"dims": asdict(model.dims), "model_state_dict": model.state_dict()}, checkpoint)
    audio = decode_audio(str(SPEECH / "librivox" / "goforward.wav"), sampling_rate=SAMPLE_RATE)
    greedy = EngineOptions(beam_size=1, word_timestamps=False, cpu_threads=1)
    with torch_threads_restored():
        from_ct2 = load_engine("openai-whisper", None, greedy).transcribe(audio)
        from_pt = load_engine("openai-whisper", str(checkpoint), greedy).transcribe(audio)
    assert wer("go forward ten meters", text_of(from_pt)) <= 0.25
    assert [s.text for s in from_pt] == [s.text for s in from_ct2]


def test_cpu_threads_sets_torchs_thread_count() -> None:
    with torch_threads_restored():
        torch.set_num_threads(2)
        load_engine("openai-whisper", None, ONE_THREAD)
        assert torch.get_num_threads() == 1


def test_a_model_name_that_cannot_be_had_gives_model_error() -> None:
    with pytest.raises(ModelError, match="no-such-model") as caught:
        load_engine("openai-whisper", "no-such-model")
    assert "\n" not in str(caught.value)


def test_a_local_ct2_directory_with_a_garbage_model_bin_gives_model_error(tmp_path: Path) -> None:
    (tmp_path / "model.bin").write_bytes(np.random.default_rng(1).bytes(1 << 16))
    with pytest.raises(ModelError):
        load_engine("openai-whisper", str(tmp_path))


def test_a_garbage_pt_checkpoint_gives_model_error(tmp_path: Path) -> None:
    checkpoint = tmp_path / "broken.pt"
    checkpoint.write_bytes(b"this is not a torch checkpoint")
    with pytest.raises(ModelError, match="broken.pt") as caught:
        OpenAIWhisperEngine(models.resolve(str(checkpoint)))
    assert "\n" not in str(caught.value)


def test_a_flipped_byte_in_the_bundled_weights_fails_the_sha256_check(tmp_path: Path) -> None:
    original = models.bundled_model_dir() / "model.bin"
    models.verify_sha256(original, models.BUNDLED_SHA256)
    copy = tmp_path / "model.bin"
    shutil.copy(original, copy)
    with copy.open("r+b") as fh:
        fh.seek(1_000_000)
        byte = fh.read(1)
        fh.seek(1_000_000)
        fh.write(bytes([byte[0] ^ 0x01]))
    with pytest.raises(ModelError, match="SHA-256"):
        models.verify_sha256(copy, models.BUNDLED_SHA256)


def test_an_unknown_engine_gives_model_error() -> None:
    with pytest.raises(ModelError, match="unknown engine 'whisper-cpp'"):
        load_engine("whisper-cpp")


def test_importing_the_engines_loads_neither_torch_nor_whisper() -> None:
    probe = "import sys, transcription.engines; print(sorted({'torch', 'whisper'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_word_split_at_an_apostrophe_or_hyphen_is_one_word_again() -> None:
    """Whisper's word splitter starts a piece at a lone apostrophe or hyphen: "o'clock" came
    out as "o" + "'clock" and the text read "2 o 'clock"."""
    from transcription.engines import _joined

    words = _joined([(" Same", 0.0, 0.3, 0.9), (" time,", 0.3, 0.6, 0.9), (" 2", 0.7, 0.9, 0.9),
                     (" o", 0.9, 1.1, 0.9), ("'clock.", 1.1, 1.5, 0.6), (" better", 1.6, 1.9, 0.9),
                     (" Wi", 1.9, 2.1, 0.8), ("-Fi!", 2.1, 2.4, 0.7)])
    assert [w.word for w in words] == ["Same", "time,", "2", "o'clock.", "better", "Wi-Fi!"]
    assert (words[3].start, words[3].end, words[3].probability) == (0.9, 1.5, 0.6)
    assert [w.word for w in _joined([("Hi", 0.0, 0.2, 0.9), (" there", 0.2, 0.5, 0.9)])] == ["Hi", "there"]
