"""Long phrase alternations, run only where they can match, and lean.

The extractors' phrase patterns are alternations of dozens of phrasings, run on every sentence
of an hour of talk; most sentences match none of them. `phrase_pattern` reads the parse tree
of each alternative and works out a set of words one of which any match of it must contain
("lose", "waste" … in `i(?:'ve| have)? (?:lose|waste) (?:\\w+ )?hours`), and sorts the
alternatives into tiers by how rare those words are in talk. A sentence runs the alternatives
of the rarest tier whose words it holds and of every commoner tier, in their order in the
whole pattern; it answers exactly as the whole would, since the rarer alternatives cannot match
anywhere in it. Only patterns without groups are split, so that matches keep their meaning.

Behind a guard that no word character precedes a match (WORD_START, or NO_WORD_BEFORE where
every alternative begins with `\\b`), an alternative's leading `\\b` is implied whenever the
alternative always begins with a word character; dropping it lets the regular expression engine
test each alternative's first character before entering it (`_lean`).
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import chain
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

PREFIX = 6
"""Word starts are compared on at most this many characters."""

_WORD = re.compile(r"\w+")
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_STARTS = (sre.AT_BEGINNING, sre.AT_BEGINNING_STRING, sre.AT_BOUNDARY)
_ENDS = (sre.AT_END, sre.AT_END_STRING, sre.AT_BOUNDARY)

FREQUENCY = {w: int(k) for w, k in (pair.split(":") for pair in """
the:228 it:185 that:168 i:168 yeah:163 to:159 and:149 s:144 you:134 a:134 we:129 so:121 of:113
is:89 have:75 in:74 but:74 be:71 t:70 okay:64 think:58 for:53 just:52 if:50 on:49 can:49 this:49
what:48 like:47 do:47 with:42 or:42 not:41 there:41 they:40 well:40 one:39 right:38 re:38 are:36
would:33 don:31 was:30 about:30 know:29 ve:28 no:28 as:28 could:28 something:27 going:26 at:25
then:25 all:25 want:24 thing:23 some:23 because:22 which:22 oh:22 d:21 got:20 things:20 m:20
go:20 more:20 maybe:20 from:19 up:19 our:19 use:19 get:19 ok:18 ll:18 mean:18 really:17
people:17 your:17 yes:17 will:17 two:16 an:16 actually:16 need:16 how:16 very:15 into:15
should:15 sort:15 them:15 now:15 out:14 these:14 those:13 kind:13 also:13 when:13 make:13
other:13 see:13 look:12 had:12 say:12 here:12 were:12 where:12 different:11 good:11 time:11
has:11 put:11 point:11 way:10
""".split())}
"""Per mille of spoken sentences that hold each word, for the words in more than 1 % of them
(the sentences of the QMSum meetings in ../shared/fixtures/meetings, their topic words left
out). A word not listed is taken to be in 0.2 %."""

Need = frozenset[str]
"""Words one of which a match must contain: word starts (up to PREFIX characters), and whole
words written with a space after them."""


def _run_needs(run: str, at_word_start: bool, ends_word: bool) -> Need | None:
    """The cheapest requirement a literal run makes: one of its `\\w+` pieces that begins a word
    (after a non-word character of the run, or first when the run itself begins a word), as a
    whole word when a non-word character or a word boundary follows it."""
    found: list[Need] = []
    for m in _WORD.finditer(run):
        if m.start() > 0 or at_word_start:
            whole = m.end() < len(run) or ends_word
            found.append(frozenset([m.group() + " " if whole else m.group()[:PREFIX]]))
    return _best(found)


def _cost(need: str) -> float:
    """Rough share of spoken sentences holding a word that meets `need` (a whole word ending
    in a space, or a word start)."""
    if need.endswith(" "):
        return FREQUENCY.get(need[:-1], 2) / 1000
    known = sum(k for w, k in FREQUENCY.items() if w.startswith(need))
    return (known + 5 + (100 if len(need) <= 2 else 0)) / 1000


def _best(needs: list[Need | None]) -> Need | None:
    """The most selective requirement: the least total cost of its words."""
    known = [n for n in needs if n]
    return min(known, key=lambda n: sum(map(_cost, n))) if known else None


def _after(items: Any, at_word_start: bool) -> bool:
    """Whether a word starts after a parsed sequence, should the next character be a word
    character (given whether one would before it): after a space, an apostrophe or \\b."""
    for op, arg in items:
        if op is sre.LITERAL:
            at_word_start = not _WORD.match(chr(arg))
        elif op is sre.AT:
            at_word_start = arg in _STARTS or (at_word_start and arg is not sre.AT_NON_BOUNDARY)
        elif op in (sre.SUBPATTERN, sre.ATOMIC_GROUP):
            at_word_start = _after(arg[3] if op is sre.SUBPATTERN else arg, at_word_start)
        elif op is sre.BRANCH:
            at_word_start = all(_after(a, at_word_start) for a in arg[1])
        elif op in _REPEATS:
            once = _after(arg[2], at_word_start)
            again = once and _after(arg[2], once)
            at_word_start = again and (at_word_start or arg[0] >= 1)
        elif op not in (sre.ASSERT, sre.ASSERT_NOT):
            at_word_start = op is sre.IN and arg == [(sre.CATEGORY, sre.CATEGORY_SPACE)]
    return at_word_start


def _needs(items: Any, at_word_start: bool) -> Need | None:
    """What every match of a parsed sequence must contain, or None if nothing is known."""
    needs: list[Need | None] = []
    run, run_at_start = "", at_word_start
    for op, arg in items:
        if op is sre.LITERAL:
            if not run:
                run_at_start = at_word_start
            run += chr(arg)
            continue
        if run:
            needs.append(_run_needs(run, run_at_start, op is sre.AT and arg in _ENDS))
            at_word_start = not _WORD.match(run[-1])  # a word starts after a space or an apostrophe
            run = ""
        if op is sre.SUBPATTERN:
            needs.append(_needs(arg[3], at_word_start))
        elif op is sre.ATOMIC_GROUP:
            needs.append(_needs(arg, at_word_start))
        elif op is sre.BRANCH:
            alternatives = [_needs(a, at_word_start) for a in arg[1]]
            if all(alternatives):
                needs.append(frozenset().union(*alternatives))  # type: ignore[arg-type]
        elif op in _REPEATS and arg[0] >= 1:
            needs.append(_needs(arg[2], at_word_start))
        at_word_start = _after([(op, arg)], at_word_start)
    if run:
        needs.append(_run_needs(run, run_at_start, False))
    return _best(needs)


def required_words(pattern: re.Pattern[str]) -> Need | None:
    """What every match of a compiled pattern must contain, or None when that is not known
    (or the pattern matches case-insensitively)."""
    if pattern.flags & (re.IGNORECASE | re.ASCII):
        return None
    return _needs(sre_parse.parse(pattern.pattern, pattern.flags), False)


def _split(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern's source."""
    parts, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            i += 1 + pattern.startswith("^", i + 1)
            i += pattern.startswith("]", i)  # a "]" first in a class is a literal
            continue
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and not depth:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    return [*parts, pattern[start:]]


@lru_cache(maxsize=65536)
def _starts_of_word(word: str) -> tuple[str, ...]:
    """A word's starts (1 to PREFIX characters) and the word followed by a space."""
    return (*[word[:k] for k in range(1, min(len(word), PREFIX) + 1)], word + " ")


@lru_cache(maxsize=1024)
def word_starts(text: str) -> frozenset[str]:
    """Every start (1 to PREFIX characters) of every `\\w+` word of `text`, and every whole
    word followed by a space."""
    return frozenset(chain.from_iterable(map(_starts_of_word, set(_WORD.findall(text)))))


class PhrasePattern:
    """A compiled alternation whose alternatives run only where one of their words may be.

    Its alternatives are sorted into tiers by how rare their words are. A text runs the
    alternatives of the rarest tier whose words it holds and of every commoner tier, in their
    order in the whole pattern; the rarer ones cannot match in it. Offers the methods the
    extractors use (search, match, fullmatch, finditer, findall, sub, subn, split), each
    answering exactly as the whole pattern would; every other attribute (pattern, flags,
    groups) is the whole pattern's own."""

    __slots__ = ("_whole", "_needs", "_any", "_sources", "_compiled")

    def __init__(self, whole: re.Pattern[str], needs: Sequence[Need], sources: Sequence[str | None]) -> None:
        """`needs[k]`: the words of tier k; `sources[k]`: the alternatives run from tier k on,
        and last the untiered ones alone (None where there are none). Each is compiled when a
        text first needs it."""
        self._whole = whole
        self._needs = tuple(needs)
        self._any: Need = frozenset().union(*needs)
        self._sources = tuple(sources)
        self._compiled: list[re.Pattern[str] | None | bool] = [False] * len(sources)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._whole, name)

    def __repr__(self) -> str:
        return f"PhrasePattern({self._whole!r})"

    def _tier(self, text: str) -> int:
        """The rarest tier whose words `text` holds, or the number of tiers if none."""
        if not self._needs:
            return 0
        starts = word_starts(text)
        if self._any.isdisjoint(starts):
            return len(self._needs)
        return next(k for k, needs in enumerate(self._needs) if not needs.isdisjoint(starts))

    def _for(self, text: str) -> re.Pattern[str] | None:
        """The alternatives that may match `text`: from the rarest tier whose words it holds
        on, or the untiered ones alone (None if there are none)."""
        k = self._tier(text)
        compiled = self._compiled[k]
        if compiled is False:
            source = self._sources[k]
            compiled = self._compiled[k] = re.compile(source, self._whole.flags) if source is not None else None
        return compiled  # type: ignore[return-value]

    def search(self, text: str, *args: int) -> re.Match[str] | None:
        pattern = self._for(text)
        return pattern.search(text, *args) if pattern else None

    def match(self, text: str, *args: int) -> re.Match[str] | None:
        pattern = self._for(text)
        return pattern.match(text, *args) if pattern else None

    def fullmatch(self, text: str, *args: int) -> re.Match[str] | None:
        pattern = self._for(text)
        return pattern.fullmatch(text, *args) if pattern else None

    def finditer(self, text: str, *args: int) -> Iterator[re.Match[str]]:
        pattern = self._for(text)
        return pattern.finditer(text, *args) if pattern else iter(())

    def findall(self, text: str, *args: int) -> list[Any]:
        pattern = self._for(text)
        return pattern.findall(text, *args) if pattern else []

    def sub(self, repl: Any, text: str, count: int = 0) -> str:
        pattern = self._for(text)
        return pattern.sub(repl, text, count) if pattern else text

    def subn(self, repl: Any, text: str, count: int = 0) -> tuple[str, int]:
        pattern = self._for(text)
        return pattern.subn(repl, text, count) if pattern else (text, 0)

    def split(self, text: str, maxsplit: int = 0) -> list[str]:
        pattern = self._for(text)
        return pattern.split(text, maxsplit) if pattern else [text]


TIERS = (0.01, 0.03, 0.08, 0.2)
"""Tiers of alternatives by the share of sentences holding one of their words: at most 1 %,
3 %, 8 % and 20 %. Alternatives whose words are commoner, or unknown, run on every text."""


_WORD_CLASSES = (sre.CATEGORY_DIGIT, sre.CATEGORY_WORD)


def _begins_a_word(items: Any) -> bool | None:
    """Does every match of a parsed sequence begin with a word character? None when it may
    match nothing (then what follows it decides); False when not known."""
    for op, arg in items:
        if op is sre.LITERAL:
            return bool(_WORD.match(chr(arg)))
        if op is sre.IN:
            return all(kind is sre.LITERAL and _WORD.match(chr(code))
                       or kind is sre.RANGE and all(_WORD.match(chr(c)) for c in range(code[0], code[1] + 1))
                       or kind is sre.CATEGORY and code in _WORD_CLASSES for kind, code in arg)
        if op is sre.SUBPATTERN:
            inner = _begins_a_word(arg[3])
        elif op is sre.BRANCH:
            branches = [_begins_a_word(a) for a in arg[1]]
            if False in branches:
                return False
            inner = None if None in branches else True
        elif op in _REPEATS:
            inner = _begins_a_word(arg[2])
            if inner is not False and arg[0] == 0:
                continue  # it may be skipped: what follows must begin a word too
        elif op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # zero-width: ^, \\b, look-arounds
        else:
            return False
        if inner is not None:
            return inner
    return None


def _parsed(alternative: str, flags: int) -> Any | None:
    """The parse tree of one alternative, or None if it cannot be parsed apart from the rest."""
    try:
        return sre_parse.parse(alternative, flags)
    except re.error:
        return None


def _lean(alternative: str, parsed: Any | None) -> str:
    """The alternative without its leading `\\b` when it always begins with a word character:
    behind a guard that no word character precedes the match, that `\\b` always holds. The
    engine then tests an alternative's first character before it enters it, which makes a
    long alternation two to three times as fast. `parsed`: its parse tree (`_parsed`)."""
    if parsed is None or not alternative.startswith("\\b"):
        return alternative
    return alternative[2:] if _begins_a_word(list(parsed)[1:]) else alternative


WORD_START = r"(?:(?<![\w'])|(?=['\s,]))"
"""A match may start only at the start of a word or at an apostrophe, space or comma."""

NO_WORD_BEFORE = r"(?<!\w)"
"""The guard of an alternation every alternative of which begins with \\b and a word character."""

def phrase_pattern(pattern: str, flags: int = 0, word_start: bool = False) -> re.Pattern[str]:
    """Compile an alternation of phrasings (behind WORD_START if `word_start`): its alternatives
    lean (`_lean`) and, unless it has groups, its rarer ones behind their words' check (TIERS).
    A case-insensitive or verbose pattern, or one with nothing to gain, is compiled as it is."""
    whole = re.compile(f"{WORD_START}(?:{pattern})" if word_start else pattern, flags)
    if flags & (re.IGNORECASE | re.ASCII | re.VERBOSE):
        return whole
    alternatives = _split(pattern)
    parsed = [_parsed(alternative, flags) for alternative in alternatives]
    lean = [_lean(alternative, tree) for alternative, tree in zip(alternatives, parsed)]
    if word_start:
        guard = WORD_START
    elif all(thin != alternative for thin, alternative in zip(lean, alternatives)):
        guard = NO_WORD_BEFORE
    else:
        guard, lean = "", alternatives
    tier_of = [len(TIERS)] * len(alternatives)
    needs: list[set[str]] = [set() for _ in TIERS]
    for k, tree in enumerate([] if whole.groups else parsed):
        need = _needs(tree, word_start)
        cost = sum(map(_cost, need)) if need else 1.0
        tier_of[k] = next((t for t, share in enumerate(TIERS) if cost <= share), len(TIERS))
        if tier_of[k] < len(TIERS):
            needs[tier_of[k]] |= need  # type: ignore[arg-type]
    if lean == alternatives and not any(needs):
        return whole

    def source(lowest: int) -> str | None:
        kept = [thin for thin, tier in zip(lean, tier_of) if tier >= lowest]
        return f"{guard}(?:{'|'.join(kept)})" if kept else None

    tiers = [t for t in range(len(TIERS)) if needs[t]]
    return PhrasePattern(whole, [frozenset(needs[t]) for t in tiers],  # type: ignore[return-value]
                         [*(source(t) for t in tiers), source(len(TIERS))])
