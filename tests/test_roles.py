"""Settling who is the mentor in a diarized mono mix from how each voice talks."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from companion.roles import settle_roles, swapped
from conftest import ROOT, SESSIONS

CONVERSATIONS = sorted(
    [p for p in SESSIONS.glob("s*.json") if not p.name.endswith(".truth.json")]
    + list((ROOT / "bench" / "heldout").glob("*/*.json"))
    + list((ROOT / "tests" / "data" / "conversations").glob("*.json"))
)


def as_transcript(path: Path, attribution: str = "first voice") -> dict:
    fx = json.loads(path.read_text())
    return {"session_date": fx["session_date"], "attribution": attribution,
            "segments": [{"speaker": t["speaker"], "text": t["text"]} for t in fx["turns"]]}


def test_there_is_enough_to_judge_by():
    assert len(CONVERSATIONS) >= 25


@pytest.mark.parametrize("path", CONVERSATIONS, ids=lambda p: p.stem)
def test_right_roles_are_kept(path):
    transcript = as_transcript(path)
    assert settle_roles(transcript) == (transcript, False)


def test_inverted_roles_are_swapped_back_in_most_conversations():
    fixed = [settle_roles(swapped(as_transcript(p)))[1] for p in CONVERSATIONS]
    assert sum(fixed) / len(fixed) >= 0.9


def test_swapping_restores_the_true_speakers():
    transcript = as_transcript(SESSIONS / "s01-proposal-followup.json")
    settled, swap = settle_roles(swapped(transcript))
    assert swap
    assert [s["speaker"] for s in settled["segments"]] == [s["speaker"] for s in transcript["segments"]]
    assert settled["attribution"] == "first voice, roles from conversation"


@pytest.mark.parametrize("attribution", ["channels", "none"])
def test_roles_from_channels_are_facts(attribution):
    transcript = swapped(as_transcript(SESSIONS / "s01-proposal-followup.json", attribution))
    assert settle_roles(transcript) == (transcript, False)
