"""The whole pipeline with the real model on real recordings: text, who spoke, silence."""
from __future__ import annotations

import json

import numpy as np
import pytest

from conftest import SESSIONS, SPEECH
from synth import music, room_noise, silence, write_wav
from transcription.attribution import load_truth, speech_time_accuracy
from transcription.decode import load
from transcription.diarize import Diarizer
from transcription.errors import NoSpeechError, TooLongError
from transcription.pipeline import PipelineConfig, Transcriber
from transcription.types import SAMPLE_RATE

S01 = SESSIONS / "s01-proposal-followup"


def _wer(reference: str, hypothesis: str) -> float:
    import jiwer
    from whisper.normalizers import EnglishTextNormalizer

    norm = EnglishTextNormalizer()
    return jiwer.wer(norm(reference), norm(hypothesis))


class CountingEngine:
    """The real engine, counting how often it is asked to run."""

    def __init__(self, engine) -> None:
        self.engine, self.calls = engine, 0
        self.name = engine.name

    def transcribe(self, audio, *, initial_prompt=None):
        self.calls += 1
        return self.engine.transcribe(audio, initial_prompt=initial_prompt)


@pytest.fixture(scope="module")
def s01_truth():
    return load_truth(S01.with_name(S01.name + ".truth.json"))


def test_jfk_text_and_invariants(fw_engine):
    reference = json.loads((SPEECH / "references.json").read_text())["jfk.flac"]["text"]
    transcript = Transcriber(fw_engine).transcribe_file(SPEECH / "jfk.flac")
    text = " ".join(s.text for s in transcript.segments)
    assert _wer(reference, text) <= 0.10, text
    assert abs(transcript.duration - 11.0) < 0.1
    previous = 0.0
    for seg in transcript.segments:
        assert 0 <= seg.start <= seg.end <= transcript.duration + 0.05
        for w in seg.words:
            assert previous - 0.01 <= w.start <= w.end
            previous = w.start


def test_stereo_channels_map_to_participants(fw_engine, s01_truth):
    transcript = Transcriber(fw_engine).transcribe_file(S01.with_name(S01.name + ".stereo.flac"))
    assert {s.speaker for s in transcript.segments} == {"mentor", "mentee"}
    assert speech_time_accuracy(transcript.segments, s01_truth) >= 0.97
    reference = " ".join(t[3] for t in json_turns(S01))
    assert _wer(reference, " ".join(s.text for s in transcript.segments)) <= 0.15


def test_stereo_roles_are_configurable(fw_engine, s01_truth):
    config = PipelineConfig(speakers=("mentee", "mentor"))
    transcript = Transcriber(fw_engine, config).transcribe_file(S01.with_name(S01.name + ".stereo.flac"))
    assert speech_time_accuracy(transcript.segments, s01_truth) <= 0.03


class CountingDiarizer(Diarizer):
    """The real diarizer, counting the voice prints it is asked for."""

    def __init__(self) -> None:
        super().__init__()
        self.prints = 0

    def voice_print(self, audio):
        self.prints += 1
        return super().voice_print(audio)


@pytest.fixture(scope="module")
def counting_diarizer():
    return CountingDiarizer()


@pytest.fixture(scope="module")
def s01_in_windows(fw_engine, counting_diarizer):
    """s01's mono mix in 40 s windows, diarized beside the engine (an option)."""
    counting_diarizer.prints = 0
    transcriber = Transcriber(fw_engine, PipelineConfig(window_s=40.0, overlap_diarization=True),
                              diarizer=counting_diarizer)
    transcript = transcriber.transcribe_file(S01.with_name(S01.name + ".mono.mp3"))
    return transcript, counting_diarizer.prints


def test_mono_mix_is_diarized_consistently_across_windows(s01_in_windows, s01_truth):
    """Small windows force the voice prints of the first window to carry the later ones."""
    transcript, prints = s01_in_windows
    assert speech_time_accuracy(transcript.segments, s01_truth) >= 0.85
    assert transcript.segments[0].speaker == "mentor"
    assert prints == 2  # one per role, taken once


def test_diarizing_beside_the_engine_changes_nothing(fw_engine, s01_in_windows):
    config = PipelineConfig(window_s=40.0, overlap_diarization=False)
    in_turn = Transcriber(fw_engine, config).transcribe_file(S01.with_name(S01.name + ".mono.mp3"))
    assert in_turn.segments == s01_in_windows[0].segments


def test_one_window_takes_no_voice_prints(fw_engine, counting_diarizer):
    counting_diarizer.prints = 0
    transcript = Transcriber(fw_engine, diarizer=counting_diarizer).transcribe_file(
        S01.with_name(S01.name + ".mono.mp3"))
    assert {s.speaker for s in transcript.segments} == {"mentor", "mentee"}
    assert counting_diarizer.prints == 0


def test_progress_reaches_the_end_monotonically(fw_engine):
    seen: list[tuple[float, float]] = []
    Transcriber(fw_engine).transcribe_file(SPEECH / "jfk.flac", progress=lambda d, t: seen.append((d, t)))
    done = [d for d, _ in seen]
    assert done == sorted(done)
    assert done[-1] == pytest.approx(seen[-1][1])


@pytest.mark.parametrize("engine_fixture", ["fw_engine", "ow_engine"])
@pytest.mark.parametrize("kind", ["silence", "room noise", "music"])
def test_no_words_out_of_non_speech(kind, engine_fixture, request, tmp_path):
    engine = CountingEngine(request.getfixturevalue(engine_fixture))
    audio = {"silence": silence, "room noise": lambda: room_noise(7), "music": lambda: music(11)}[kind]()
    path = tmp_path / "nonspeech.wav"
    write_wav(path, audio)
    with pytest.raises(NoSpeechError, match="no speech"):
        Transcriber(engine).transcribe_file(path)
    if kind == "silence":
        assert engine.calls == 0  # silence costs nothing


def test_silence_between_speech_adds_nothing(fw_engine):
    speech = load(SPEECH / "jfk.flac")
    audio = np.concatenate([silence(20), speech, silence(20), speech, silence(20)])
    transcript = Transcriber(fw_engine).transcribe_array(audio)
    spans = [(s.start, s.end) for s in transcript.segments]
    speech_at = [(20.0, 20.0 + speech.size / SAMPLE_RATE), (40.0 + speech.size / SAMPLE_RATE,
                                                           40.0 + 2 * speech.size / SAMPLE_RATE)]
    for start, end in spans:
        assert any(a - 0.5 <= start and end <= b + 0.5 for a, b in speech_at), spans


def test_too_long_is_refused_before_decoding(fw_engine):
    engine = CountingEngine(fw_engine)
    with pytest.raises(TooLongError, match="limit"):
        Transcriber(engine, PipelineConfig(max_duration=5.0)).transcribe_file(SPEECH / "jfk.flac")
    assert engine.calls == 0


def json_turns(prefix):
    truth = json.loads(prefix.with_name(prefix.name + ".truth.json").read_text())
    return [(t["speaker"], t["start"], t["end"], t["text"]) for t in truth["turns"]]
