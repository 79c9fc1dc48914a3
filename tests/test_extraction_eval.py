"""The evaluation command of bench/: its matching rules, on labels written either way."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[1] / "bench" / "extraction_eval.py"


@pytest.fixture(scope="module")
def evaluation():
    spec = importlib.util.spec_from_file_location("extraction_eval", _PATH)
    module = importlib.util.module_from_spec(spec)
    sys.modules["extraction_eval"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("who", ["owner", "speaker"])
def test_a_goal_label_may_name_its_owner_as_owner_or_speaker(evaluation, who: str) -> None:
    scores = {c: evaluation.Score() for c in evaluation.CATEGORIES}
    expected = {"goals": [{who: "mentee", "turn": 3, "keywords": ["licence"], "target": "2026-12-31"}]}
    predicted = {"goals": [{"owner": "mentee", "segment": 3, "text": "Get the licence", "target": "2026-12-31"}]}
    evaluation.score_conversation(expected, predicted, lambda segment: segment, scores, "x")
    assert (scores["goals"].true_positive, scores["goals"].dated_right) == (1, 1)
    predicted["goals"][0]["owner"] = "mentor"
    scores = {c: evaluation.Score() for c in evaluation.CATEGORIES}
    evaluation.score_conversation(expected, predicted, lambda segment: segment, scores, "x")
    assert scores["goals"].true_positive == 0
