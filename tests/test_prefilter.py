"""summaries.prefilter: phrase alternations answer exactly as the whole pattern, only faster."""
from __future__ import annotations

import importlib
import json
import pkgutil
import re
from pathlib import Path

import pytest

import summaries
from summaries.prefilter import (WORD_START, PhrasePattern, _lean, _parsed, _split, phrase_pattern,
                                 required_words, word_starts)
from summaries.text import normalize

DATA = Path(__file__).parent / "data" / "conversations"


def _phrase_patterns() -> list[tuple[str, PhrasePattern]]:
    found: dict[int, tuple[str, PhrasePattern]] = {}
    for module in pkgutil.iter_modules(summaries.__path__):
        for name, value in vars(importlib.import_module(f"summaries.{module.name}")).items():
            if isinstance(value, PhrasePattern):
                found.setdefault(id(value), (f"{module.name}.{name}", value))
    return sorted(found.values(), key=lambda item: item[0])


def _texts() -> list[str]:
    texts = [turn["text"] for path in sorted(DATA.glob("*.json"))
             for turn in json.loads(path.read_text())["turns"]]
    return texts + [normalize(text) for text in texts]


PATTERNS = _phrase_patterns()
TEXTS = _texts()


def test_the_extractors_long_alternations_are_split():
    from summaries import checkin, feedback, speech_acts
    split = {id(pattern) for _, pattern in PATTERNS}
    assert {id(speech_acts.DIFFICULTY), id(feedback._SUGGESTION), id(checkin._PROPOSE)} <= split
    assert len(PATTERNS) >= 20


@pytest.mark.parametrize("name,pattern", PATTERNS, ids=[name for name, _ in PATTERNS])
def test_every_method_answers_as_the_whole_pattern(name: str, pattern: PhrasePattern):
    whole = pattern._whole
    matched = 0
    for text in TEXTS:
        found = pattern.search(text)
        expected = whole.search(text)
        assert (found and found.span()) == (expected and expected.span()), (name, text)
        matched += bool(expected)
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in whole.finditer(text)]
        assert pattern.findall(text) == whole.findall(text)
        assert pattern.sub("#", text) == whole.sub("#", text)
        assert pattern.subn("#", text) == whole.subn("#", text)
        assert pattern.split(text) == whole.split(text)
        assert (pattern.match(text) and pattern.match(text).span()) == (whole.match(text) and whole.match(text).span())
        assert bool(pattern.fullmatch(text)) == bool(whole.fullmatch(text))
    assert matched, f"{name} matches nothing in tests/data: the comparison would prove little"
    assert pattern.pattern == whole.pattern and pattern.flags == whole.flags


def test_a_rare_alternative_runs_only_where_its_words_are():
    pattern = phrase_pattern(r"\bi(?:'ve| have)? (?:lost|wasted) (?:\w+ )?hours\b|\bsee you\b")
    assert isinstance(pattern, PhrasePattern)
    assert pattern.search("i've lost three hours on it").group() == "i've lost three hours"
    assert pattern.search("see you then").group() == "see you"
    assert pattern.search("the hours we lost") is None
    assert pattern.sub("X", "nothing here") == "nothing here"


def test_leftmost_match_and_alternative_order_are_kept():
    pattern = phrase_pattern(r"\bsee you\b|\bi wasted hours\b|\bwasted\b")
    text = "i wasted hours, see you"
    assert pattern.search(text).group() == "i wasted hours"
    assert [m.group() for m in pattern.finditer(text)] == ["i wasted hours", "see you"]


def test_patterns_with_groups_are_lean_but_not_split():
    pattern = phrase_pattern(r"\b(lost) hours\b|\bsee you\b")
    assert isinstance(pattern, PhrasePattern) and pattern._needs == ()
    assert pattern._for("we lost hours").pattern == r"(?<!\w)(?:(lost) hours\b|see you\b)"
    assert pattern.search("we lost hours").group(1) == "lost"


def test_ignorecase_or_nothing_to_gain_is_compiled_as_it_is():
    assert isinstance(phrase_pattern(r"\blost hours\b|\bsee you\b", re.IGNORECASE), re.Pattern)
    assert isinstance(phrase_pattern(r"\bthe\b|it\b"), re.Pattern)  # nothing rare, nothing lean


@pytest.mark.parametrize("alternative,lean", [
    (r"\bcan you", "can you"),
    (r"\b(?:can|could)\s+we", r"(?:can|could)\s+we"),
    (r"\b[a-z]+ing", "[a-z]+ing"),
    (r"\b(?=(?:i|we)\b)(?:i am|we are)", r"(?=(?:i|we)\b)(?:i am|we are)"),
    (r"\b(?:'s|is)\b", r"\b(?:'s|is)\b"),  # an apostrophe may open it: \b is not implied
    (r"\b\w+ing", r"\w+ing"),
    (r"\b\d{4}", r"\d{4}"),
    (r"\bi?x", "i?x"),  # an optional first character: the next one begins a word too
    (r"\b(?:a|b|)c", "(?:a|b|)c"),
    (r"\b^the", "^the"),
    (r"\b(?:a|)", r"\b(?:a|)"),  # it may match nothing: not known
    (r"\b\W+", r"\b\W+"),
    (r"\b.x", r"\b.x"),
    (r"\b(?:\s|a)", r"\b(?:\s|a)"),
])
def test_a_leading_word_boundary_is_dropped_only_where_it_is_implied(alternative: str, lean: str):
    assert _lean(alternative, _parsed(alternative, 0)) == lean


@pytest.mark.parametrize("source", [
    r"\bsee you\b|\b(?:'s|is) (?:really|so) good\b|\bi (?:lost|wasted) hours\b",
    r"\bs\w+|\bt\w+",
])
@pytest.mark.parametrize("word_start", [False, True])
def test_lean_alternations_find_what_the_source_finds(source: str, word_start: bool):
    texts = ["it's so good, see you", "it 's really good", "i lost hours", "oh,see you", "that'sso",
             "st at it's t", "x_see you", "_s s"]
    lean = phrase_pattern(source, word_start=word_start)
    whole = re.compile(f"{WORD_START}(?:{source})" if word_start else source)
    for text in texts:
        assert [m.span() for m in lean.finditer(text)] == [m.span() for m in whole.finditer(text)], text


def test_required_words_are_word_starts_or_whole_words():
    assert required_words(re.compile(r"\bkeeps? (?:cancelling|losing)")) == frozenset({"keep"})
    assert required_words(re.compile(r"\bi (?:cancelled|lost)")) == frozenset({"cancel", "lost"})
    assert required_words(re.compile(r"\bi(?:'d| would) be careful")) == frozenset({"carefu"})
    assert required_words(re.compile(r"\bi(?:'d| would) be careful\b")) == frozenset({"careful "})
    assert required_words(re.compile(r"\bi'm swamped\b")) == frozenset({"swamped "})
    assert required_words(re.compile(r"x?ing\b")) is None  # no word is known to start there
    assert required_words(re.compile(r"\bslow", re.IGNORECASE)) is None


def test_word_starts_of_a_text():
    starts = word_starts("i'm swamped")
    assert {"i", "i ", "m ", "s", "swampe", "swamped "} <= starts
    assert "swamped" not in starts  # starts are cut at six characters


def test_splitting_keeps_classes_escapes_and_groups_whole():
    assert _split(r"a|b[|]c|(x|y)|[]|]z|[^]|]w|\|q") == ["a", "b[|]c", "(x|y)", "[]|]z", "[^]|]w", r"\|q"]


def test_a_text_runs_only_the_tiers_its_words_allow():
    # "swamped" is rare in talk, "see" less so, "think" common; "^\w+ly" names no word
    pattern = phrase_pattern(r"\bi'm swamped\b|\bi think so\b|\bsee you\b|^\w+ly\b")
    runs = {text: pattern._for(text).pattern for text in
            ("i'm swamped, see you", "see you, i think so", "i think so", "really then")}
    assert "swamped" in runs["i'm swamped, see you"]
    assert "swamped" not in runs["see you, i think so"] and "see you" in runs["see you, i think so"]
    assert "see you" not in runs["i think so"] and "think" in runs["i think so"]
    assert runs["really then"] == r"(?:^\w+ly\b)"  # no word of any tier: the untiered alone
    for text in runs:
        assert pattern.search(text).span() == pattern._whole.search(text).span()
