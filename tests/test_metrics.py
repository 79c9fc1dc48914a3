"""Conversation metrics on a hand-made transcript whose numbers are known."""
from __future__ import annotations

import json

import pytest

from summaries.metrics import compute_metrics
from summaries.questions import extract_questions
from summaries.text import build_context
from summaries.transcript import parse_transcript

# speaker, start, end, text; word counts in the comments.
SESSION = [
    ("mentor", 0, 10, "How did the launch go?"),                                 # 5, open question
    ("mentee", 10, 40, "It went well but I am stressed about the budget."),      # 10
    ("mentor", 40, 70, "Thank you for sharing that. So what I'm hearing is the budget worries you."),  # 14
    ("mentor", 70, 100, "Try drafting the numbers first. Make sure finance sees them early."),  # 11
    ("mentee", 100, 102, "Mm-hmm."),                                              # 1, receive
    ("mentor", 102, 110, "Does that sound doable?"),                             # 4, closed question
    ("mentee", 110, 130, "Yes. Should I send it to you first?"),                 # 8, closed question
]


def metrics(rows, timed: bool = True) -> dict:
    segments = [{"speaker": s, "text": t, **({"start": a, "end": b} if timed else {})}
                for s, a, b, t in rows]
    ctx = build_context(parse_transcript({"segments": segments}))
    return compute_metrics(ctx, extract_questions(ctx))


def test_talk_share_by_time_turns_words_and_questions():
    m = metrics(SESSION)
    assert m["basis"] == "time"
    assert m["talk_share"] == {"mentor": 0.6, "mentee": 0.4}
    assert m["talk_seconds"] == {"mentor": 78.0, "mentee": 52.0}
    assert m["words"] == {"mentor": 34, "mentee": 19}
    assert m["turns"] == {"mentor": 3, "mentee": 3}
    assert m["questions"] == {"mentor": 2, "mentee": 1}
    assert m["open_questions"] == {"mentor": 1, "mentee": 0}
    assert m["closed_questions"] == {"mentor": 1, "mentee": 1}


def test_longest_monologue_spans_consecutive_segments():
    m = metrics(SESSION)
    assert m["longest_monologue"] == {
        "mentor": {"seconds": 60.0, "words": 25, "segment": 2},
        "mentee": {"seconds": 30.0, "words": 10, "segment": 1},
    }


def test_advice_and_listening_signals():
    m = metrics(SESSION)
    assert m["advice"] == {"mentor": 2, "mentee": 0}
    assert m["advice_per_question"] == 1.0
    assert m["rasa"] == {
        "mentor": {"receive": 0, "appreciate": 1, "summarize": 1, "ask": 1},
        "mentee": {"receive": 1, "appreciate": 0, "summarize": 0, "ask": 0},
    }


def test_without_times_talk_share_is_by_words():
    m = metrics(SESSION, timed=False)
    assert m["basis"] == "words"
    assert m["talk_share"] == {"mentor": round(34 / 53, 3), "mentee": round(19 / 53, 3)}
    assert m["talk_seconds"] is None
    assert m["longest_monologue"]["mentor"] == {"seconds": None, "words": 25, "segment": 2}


def test_unknown_speakers_are_counted_apart_and_silent_roles_are_zero():
    m = metrics([("unknown", 0, 4, "Can everyone hear me?"), ("mentor", 4, 5, "Yes.")])
    assert m["talk_share"] == {"mentor": 0.2, "mentee": 0.0, "unknown": 0.8}
    assert m["longest_monologue"]["mentee"] is None
    assert m["advice_per_question"] is None


def test_metrics_are_json_and_deterministic():
    first, second = metrics(SESSION), metrics(SESSION)
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)


@pytest.mark.parametrize("text", ["Mm-hmm.", "I see.", "Right, go on.", "uh-huh"])
def test_backchannel_turns_are_receive_signals(text):
    m = metrics([("mentee", 0, 5, "We shipped it yesterday."), ("mentor", 5, 6, text)])
    assert m["rasa"]["mentor"]["receive"] == 1
