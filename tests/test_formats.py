"""Transcript writers: JSON of CONTRACT.md, txt, SRT and WebVTT."""
import json

import pytest

from transcription import formats
from transcription.types import Segment, Transcript, Word


@pytest.fixture
def transcript() -> Transcript:
    return Transcript(
        segments=[
            Segment(0.0, 2.5, "Hi Sam.", (Word("Hi", 0.0, 0.4), Word("Sam.", 0.5, 2.5)), "mentor"),
            Segment(3661.25, 3663.0, "a < b & c", (), "mentee"),
        ],
        duration=3663.0,
        session_date="2026-11-20T15:00",
        participants={"mentor": {"name": "Dana Reyes", "email": "d@example.org"}},
        engine="faster-whisper",
        model="tiny.en",
    )


def test_json_matches_contract(transcript):
    data = json.loads(formats.render(transcript, "json"))
    assert data["session_date"] == "2026-11-20T15:00"
    assert data["participants"]["mentor"]["name"] == "Dana Reyes"
    first = data["segments"][0]
    assert {k: first[k] for k in ("speaker", "start", "end", "text")} == {
        "speaker": "mentor", "start": 0.0, "end": 2.5, "text": "Hi Sam."}
    assert first["words"][1] == {"word": "Sam.", "start": 0.5, "end": 2.5}
    assert data["segments"][1]["speaker"] == "mentee"


def test_srt_numbering_and_clock(transcript):
    srt = formats.render(transcript, "srt")
    assert srt.startswith("1\n00:00:00,000 --> 00:00:02,500\nDana Reyes: Hi Sam.\n")
    assert "2\n01:01:01,250 --> 01:01:03,000\nMentee: a < b & c\n" in srt


def test_vtt_header_voice_and_escaping(transcript):
    vtt = formats.render(transcript, "vtt")
    assert vtt.startswith("WEBVTT\n\n00:00:00.000 --> 00:00:02.500\n<v Dana Reyes>Hi Sam.\n")
    assert "<v Mentee>a &lt; b &amp; c" in vtt


def test_txt_lines(transcript):
    assert formats.render(transcript, "txt").splitlines() == [
        "[00:00:00] Dana Reyes: Hi Sam.",
        "[01:01:01] Mentee: a < b & c",
    ]


def test_unknown_format(transcript):
    with pytest.raises(ValueError, match="unknown format"):
        formats.render(transcript, "docx")
