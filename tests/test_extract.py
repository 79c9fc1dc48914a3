"""extract() end to end: the labelled sessions, our own conversations, real meetings, JSON."""
from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from summaries import TranscriptError, extract, extract_json, parse_transcript

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "fixtures"
SESSIONS = sorted(p for p in (SHARED / "sessions").glob("*.json") if not p.name.endswith(".truth.json"))
OURS = sorted((ROOT / "tests" / "data" / "conversations").glob("*.json"))
MEETINGS = sorted((SHARED / "meetings" / "qmsum_test").glob("*.json"))



def fixture_transcript(fixture: dict) -> dict:
    """A labelled conversation's turns as transcript JSON, one segment per turn."""
    return {"session_date": fixture["session_date"], "participants": fixture.get("participants", {}),
            "segments": [{"speaker": t["speaker"], "text": t["text"]} for t in fixture["turns"]]}


def _keywords_in(keywords: list[str], text: str) -> bool:
    return all(k.lower() in text.lower() for k in keywords)


@pytest.mark.parametrize("path", SESSIONS + OURS, ids=lambda p: p.stem)
def test_conversation_matches_its_labels(path: Path) -> None:
    fixture = json.loads(path.read_text())
    data = fixture_transcript(fixture)
    out = extract_json(data)
    expected = fixture["expected"]
    assert out["next_checkin"] == expected["next_checkin"]
    items = out["action_items"]
    for label in expected["action_items"]:
        match = [i for i in items if i["owner"] == label["owner"] and abs(i["segment"] - label["turn"]) <= 1
                 and _keywords_in(label["keywords"], i["text"])]
        assert match, f"missing {label}"
        assert match[0]["due"] == label["due"], label
    assert len(items) == len(expected["action_items"]), [i["text"] for i in items]
    for label in expected["goals"]:
        assert any(g["owner"] == label["owner"] and _keywords_in(label["keywords"], g["text"])
                   and g["target"] == label["target"] for g in out["goals"]), label


@pytest.mark.parametrize("path", SESSIONS, ids=lambda p: p.stem)
def test_every_item_quotes_its_segment_and_is_deterministic(path: Path) -> None:
    data = fixture_transcript(json.loads(path.read_text()))
    out = extract_json(data)
    assert set(out) >= {"action_items", "feedback", "questions", "challenges", "goals", "decisions",
                        "next_checkin", "metrics"}
    for category in ("action_items", "feedback", "questions", "challenges", "goals", "decisions"):
        for item in out[category]:
            assert item["quote"] in data["segments"][item["segment"]]["text"], item
    assert extract_json(data) == out


def test_session_date_argument_overrides_the_transcripts() -> None:
    data = {"session_date": "2026-11-20T15:00",
            "segments": [{"speaker": "mentee", "text": "I'll send you the draft by Friday."}]}
    assert extract_json(data)["action_items"][0]["due"] == "2026-11-27"
    assert extract_json(data, "2026-11-23")["action_items"][0]["due"] == "2026-11-27"
    assert extract_json(data, "2026-11-28T09:00")["action_items"][0]["due"] == "2026-12-04"
    transcript = parse_transcript(data)
    assert extract(transcript, datetime(2026, 12, 1)).action_items[0].due == "2026-12-04"


def test_without_any_date_nothing_is_guessed() -> None:
    out = extract_json({"segments": [{"speaker": "mentee", "text": "I'll send you the draft by Friday."},
                                     {"speaker": "mentor", "text": "See you next Tuesday at ten."}]})
    assert out["action_items"][0]["due"] is None and out["next_checkin"] is None


@pytest.mark.parametrize("data, message", [
    ({"segments": []}, "empty"),
    ({"segments": [{"speaker": "coach", "text": "hi"}]}, "unknown speaker"),
    ([], "JSON object"),
])
def test_bad_input_raises_a_typed_error(data: object, message: str) -> None:
    with pytest.raises(TranscriptError, match=message):
        extract_json(data)


def test_a_bad_session_date_raises_a_typed_error() -> None:
    with pytest.raises(TranscriptError, match="session_date"):
        extract_json({"segments": [{"speaker": "mentor", "text": "hi"}]}, "next tuesday")


@pytest.mark.parametrize("path", MEETINGS, ids=lambda p: p.stem)
def test_real_meetings_are_extracted_without_error(path: Path) -> None:
    meeting = json.loads(path.read_text())
    segments = [{"speaker": "unknown", "text": turn["content"]} for turn in meeting["meeting_transcripts"]]
    out = extract_json({"session_date": "2026-05-05T10:00", "segments": segments})
    for item in out["action_items"]:
        assert item["owner"] == "unknown" and item["text"]
        assert item["quote"] in segments[item["segment"]]["text"]


def test_sentences_quote_the_segment_and_normalise_speech() -> None:
    from summaries.text import build_context, normalize, split_sentences

    assert split_sentences("Meet Dr. Smith at 3 p.m. Then we go.") == [(0, "Meet Dr. Smith at 3 p.m."),
                                                                       (25, "Then we go.")]
    run = "so um i finished the draft on thursday and i'll send you the revised version my friday okay"
    assert [t for _, t in split_sentences(run)] == ["so um i finished the draft on thursday",
                                                    "and i'll send you the revised version my friday okay"]
    assert normalize("Um, like, I'm gonna send it {disfmarker} by 3 p.m., you know?") == \
        "i'm going to send it by 3 pm?"
    # a recogniser's "its" is "it's" before what only a verb can take; the possessive stays
    assert normalize("its really good having you and its not long") == "it's really good having you and it's not long"
    assert normalize("the team and its own budget") == "the team and its own budget"
    context = build_context(parse_transcript({"segments": [
        {"speaker": "mentee", "text": "I'll send you the", "start": 0.0, "end": 1.0},
        {"speaker": "mentee", "text": "revised version by Monday.", "start": 1.2, "end": 2.5},
        {"speaker": "mentor", "text": "Great."}]}))
    first = context.sentences[0]
    assert (first.segment, first.text, first.norm) == (0, "I'll send you the",
                                                       "i'll send you the revised version by monday")
    assert context.by_segment(1) == () and context.turns == ((0, 1), (2,))


def test_a_rule_of_speech_runs_only_where_its_words_are_without_missing_a_match() -> None:
    """normalize() skips a rule whose text is absent: every match of every rule, on every turn
    of our test conversations and the spoken forms written out below, holds that text."""
    from summaries.text import _SPOKEN
    texts = [turn["text"].lower() for path in OURS for turn in json.loads(path.read_text())["turns"]]
    texts += ["i'm gonna, wanna, gotta, gimme, lemme, kinda", "at 3 p. m.", "i m sure i ll go", "tenth-ish",
              "ill send it", "it'd be good", "i cant and they dont", "wont", "at mondays meeting", "im ive id",
              "thats really it", "youre and theyre", "lets do it", "bye friday high tomorrow buy the 3rd"]
    matched = set()
    for text in texts:
        for k, (pattern, _, needed) in enumerate(_SPOKEN):
            for match in pattern.finditer(text):
                matched.add(k)
                assert not needed or any(part in match.group(0) for part in needed), (k, match.group(0))
    assert matched == set(range(len(_SPOKEN)))


def test_word_start_patterns_match_as_plain_ones_at_word_starts_and_apostrophes() -> None:
    from summaries.text import word_start
    pattern = word_start(r"\bis great\b|'s great\b")
    assert pattern.search("that's great").group(0) == "'s great"
    assert pattern.search("this is great").group(0) == "is great"
    assert word_start(r"mail").search("email me") is None


def test_an_unpunctuated_run_splits_where_a_commitment_opens_a_clause() -> None:
    from summaries.text import split_sentences

    def pieces(run: str) -> list[str]:
        return [t for _, t in split_sentences(run)]

    assert pieces("honestly the fire drill went fine apart from the alarm panel ill book the engineer for "
                  "tuesday") == ["honestly the fire drill went fine apart from the alarm panel",
                                 "ill book the engineer for tuesday"]
    assert pieces("right that's plenty of time tell you what i'll ring the venue today and check the "
                  "access")[-1] in ("i'll ring the venue today and check the access",
                                    "tell you what i'll ring the venue today and check the access")
    # a report, a standing arrangement, a lead-in word or an earlier commitment keep the clause whole
    for run in ("i keep telling myself i'll clear the backlog over the weekend but it never happens",
                "the trainees asked and from now on i'll share the rota on the fridays",
                "it's been a long week yeah i'll have the summary done at some point soon",
                "let me find the old risk register first i'll have the dates for you in two weeks"):
        assert pieces(run) == [run]
