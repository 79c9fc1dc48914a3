"""`companion transcribe` and `companion extract` as a user runs them: a real process."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT, SESSIONS, SPEECH
from synth import silence, write_wav


def companion(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "companion.cli", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout)


def assert_one_line_error(result: subprocess.CompletedProcess[str], code: int, needle: str) -> None:
    assert result.returncode == code, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("companion") and needle in lines[0], lines[0]
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_transcribe_json_follows_the_contract(tmp_path):
    out = tmp_path / "t.json"
    result = companion("transcribe", str(SESSIONS / "s01-proposal-followup.stereo.flac"),
                       "--format", "json", "-o", str(out), "--session-date", "2026-11-20T15:00")
    assert result.returncode == 0, result.stderr
    assert "s audio" in result.stderr  # the progress bar: audio seconds done of total
    data = json.loads(out.read_text())
    assert data["session_date"] == "2026-11-20T15:00"
    assert data["segments"] and {s["speaker"] for s in data["segments"]} == {"mentor", "mentee"}
    for seg in data["segments"]:
        assert set(seg) >= {"speaker", "start", "end", "text", "words"}
        assert seg["start"] <= seg["end"]
    text = " ".join(s["text"] for s in data["segments"]).lower()
    assert "revised version" in text and "maria" in text


@pytest.mark.parametrize("fmt,marker", [("srt", "00:00:00,"), ("vtt", "WEBVTT"), ("txt", "] Mentor:")])
def test_transcribe_text_formats(fmt, marker):
    result = companion("transcribe", str(SPEECH / "jfk.flac"), "--format", fmt, "--quiet",
                       "--speakers", "mentor,mentee")
    assert result.returncode == 0, result.stderr
    assert marker in result.stdout
    assert "ask not what your country" in result.stdout.lower()
    assert result.stderr == ""


def _truncated(tmp_path):
    data = (SESSIONS / "s01-proposal-followup.mono.mp3").read_bytes()
    path = tmp_path / "cut.mp3"
    path.write_bytes(data[: len(data) // 2])
    return path


@pytest.mark.parametrize("make,needle", [
    (lambda p: (p / "notes.txt").write_text("hello, not audio") and p / "notes.txt", "not an audio file"),
    (lambda p: (p / "random.mp3").write_bytes(bytes(range(256)) * 64) and p / "random.mp3", "random.mp3"),
    (_truncated, "cut.mp3"),
    (lambda p: (p / "empty.wav").write_bytes(b"") or p / "empty.wav", "empty.wav"),
    (lambda p: write_wav(p / "quiet.wav", silence(10)) or p / "quiet.wav", "no speech"),
    (lambda p: p / "missing.wav", "no such file"),
])
def test_transcribe_bad_input_is_one_line_exit_2(tmp_path, make, needle):
    path = make(tmp_path)
    assert_one_line_error(companion("transcribe", str(path), "--quiet"), 2, needle)


def test_transcribe_too_long(tmp_path):
    result = companion("transcribe", str(SPEECH / "jfk.flac"), "--quiet", "--max-duration", "0.1")
    assert_one_line_error(result, 2, "limit")


def test_bad_usage_is_one_line_exit_2():
    assert_one_line_error(companion("transcribe", str(SPEECH / "jfk.flac"), "--format", "docx"), 2,
                          "invalid choice")
    assert_one_line_error(companion("transcribe", str(SPEECH / "jfk.flac"), "--speakers", "a,b"), 2,
                          "--speakers")
    assert_one_line_error(companion("frobnicate"), 2, "invalid choice")


def test_unknown_model_is_a_failure_not_bad_input(tmp_path):
    result = companion("transcribe", str(SPEECH / "jfk.flac"), "--quiet", "--model",
                       str(tmp_path / "no-such-model"))
    assert_one_line_error(result, 1, "model")


def test_mono_mix_where_the_mentee_opens_gets_the_roles_right(tmp_path):
    """s03 opens with the mentee: the first-voice guess is wrong, the conversation fixes it."""
    from transcription.attribution import load_truth, speech_time_accuracy
    from transcription.types import Segment, Word

    out = tmp_path / "s03.json"
    result = companion("transcribe", str(SESSIONS / "s03-presentation-feedback.mono.wav"),
                       "--quiet", "-o", str(out))
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text())
    assert data["attribution"] == "first voice, roles from conversation"
    segments = [Segment(s["start"], s["end"], s["text"],
                        tuple(Word(w["word"], w["start"], w["end"]) for w in s["words"]), s["speaker"])
                for s in data["segments"]]
    truth = load_truth(SESSIONS / "s03-presentation-feedback.truth.json")
    assert speech_time_accuracy(segments, truth) >= 0.95


def test_a_token_starting_with_a_dash_is_read_as_the_tokens_value():
    """Tokens are URL-safe base64 and may start with "-" (one in 64 did until new ones stopped
    doing so); `--token -abc` must not read it as an option."""
    from companion.cli import _values_kept, build_parser

    args = build_parser().parse_args(_values_kept(
        ["live", "--session", "s1", "--as", "mentor", "--token", "-oHSEyL97", "--file", "x.wav", "--url", "u"]))
    assert args.token == "-oHSEyL97" and args.file == "x.wav"


def test_new_tokens_never_start_with_a_dash(monkeypatch):
    from companion import tokens

    drawn = iter(["-first", "-second", "third"])
    monkeypatch.setattr(tokens.secrets, "token_urlsafe", lambda n: next(drawn))
    assert tokens.new_token() == "third"
