"""Extraction never fails on speech-like damage: our labelled conversations lower-cased and
unpunctuated, with words dropped, turns cut short and turns run together, as recognisers and
hurried typists leave them. Every item still quotes its segment and has words. (Session 20
found a crash this way: a plan announced before its date, "so what i'm gonna do is um over the
weekend i'll ...", left an action item with no words that broke the next one.)"""
from __future__ import annotations

import json
import random
import re
from pathlib import Path
from typing import Any

import pytest

from summaries import extract_json

ROOT = Path(__file__).resolve().parents[1]
OURS = sorted((ROOT / "tests" / "data" / "conversations").glob("*.json"))
CATEGORIES = ("action_items", "feedback", "questions", "challenges", "goals", "decisions")


def _damaged(fixture: dict[str, Any], other: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """One damaged copy: each turn kept, or lower-cased without punctuation, a word dropped, cut
    short, or run into a turn of another conversation."""
    segments = []
    for turn in fixture["turns"]:
        text, words, roll = turn["text"], turn["text"].split(), rng.random()
        if roll < 0.3:
            text = re.sub(r"[.,;:?!]", "", text.lower())
        elif roll < 0.5 and len(words) > 3:
            del words[rng.randrange(len(words))]
            text = " ".join(words)
        elif roll < 0.6 and len(words) > 3:
            text = " ".join(words[:rng.randrange(1, len(words))])
        elif roll < 0.7:
            text = f"{text} {rng.choice(other['turns'])['text']}"
        segments.append({"speaker": turn["speaker"], "text": text})
    return {"session_date": fixture["session_date"], "participants": fixture.get("participants", {}),
            "segments": segments}


@pytest.mark.parametrize("seed", range(4))
def test_damaged_conversations_extract_without_error(seed: int) -> None:
    rng = random.Random(seed)
    fixtures = [json.loads(p.read_text()) for p in OURS]
    for fixture in fixtures:
        data = _damaged(fixture, rng.choice(fixtures), rng)
        out = extract_json(data)
        for category in CATEGORIES:
            for item in out[category]:
                assert item["quote"] in data["segments"][item["segment"]]["text"], (fixture["id"], item)
        assert all(item["text"].strip() for item in out["action_items"]), fixture["id"]
        assert extract_json(data) == out  # deterministic, damaged or not


def test_a_plan_announced_before_its_date_in_speech_extracts() -> None:
    out = extract_json({"session_date": "2026-11-18T15:00", "segments": [
        {"speaker": "mentor", "text": "so how will you get the prices sorted"},
        {"speaker": "mentee", "text": "so what i'm gonna do is um over the weekend i'll redo the rate card "
                                      "and send it to the two galleries"}]})
    assert [(i["owner"], i["due"]) for i in out["action_items"]] == [("mentee", "2026-11-22")]
    assert "rate card" in out["action_items"][0]["text"].lower()
