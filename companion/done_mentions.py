"""Finding, in a later session's transcript, an earlier action item mentioned as done.

Plain text in, ``Mention``s out: no database, no model. ``companion/accountability.py``
feeds it the open items and a session's segments, and stores what it finds as
``DoneProposal`` rows for a participant to confirm. It is tuned for precision: a wrong
proposal costs a click, but one that reads "done" out of "I haven't sent it" would teach
people to ignore the proposals.

How a segment becomes evidence for an item
------------------------------------------
1. **Words.** Text is lower-cased, contractions expanded ("I've" → "i have", "haven't" and
   the ASR spelling "havent" → "have not"), and every word reduced to a light stem: a table
   of irregular verbs (sent → send, wrote → write, got → get ...), then suffix stripping
   (-ies/-ied → y, -ing, -ed, -es, -s, a doubled last consonant, a final e), then a few
   synonym groups (email/forward/share → send, reserve/schedule → book, register/enrol →
   sign, review → look, complete → finish, draft → write, phone/ring → call).
   The item's **verb** is its first word (items are imperatives: "Send Marta a rough
   abstract"); its **objects** are the other words of the task, up to a condition ("when
   it's done", "before we meet", "if ..."), without stop words, fillers, time words
   (Monday, next, week ...), completion words (done, finished ...), common task verbs
   (a second verb: "... and send me that list") and the participants' names. Objects are
   compared without synonyms (the noun "draft" is not the verb "write"). An item with no
   object ("Send them over") is never matched: nothing said could tell it from another.
2. **Clauses.** A segment is cut into sentences and clauses (at punctuation and at "and",
   "but", "so", "though" ...). A clause is set aside when it is a question ("did you send
   it", or ending in "?"), negated ("not", "never", "no", "didn't" ...) or not a completion
   (future or hypothetical: "will", "going to", "need to", "have to", "if", "should",
   "may" unless it is the month, "tried to", "forgot to" ...). Only the remaining clauses
   are read.
3. **A completion.** One of the remaining clauses must hold, said by the item's owner (or
   by either of them for "both"; an unknown speaker counts as either):
   - the item's verb in a past form ("sent", "have booked", "emailed": a synonym counts),
     not with "you"/"he"/"she"/"they" as its subject; or
   - a generic completion word: done, finished, completed, sorted, submitted, handled,
     delivered, wrapped (up), ticked (off), taken care (of), or "did it"/"already did";
   or, said by the **other** participant, a credit: "thanks for sending ...", "you sent ...",
   "got your ...", "received your ...". A short "yes"/"yeah"/"i did"/"already" answer of
   the owner to the other's question ("did you send the proposal?") is a completion too,
   read together with the question; a request ("can you update it with the books you
   did?") is not such a question.
4. **Score.** ``score = 0.5 * verb + 0.5 * matched / min(objects, 3)``, where ``verb`` is 1
   for the item's own verb in a past form (or a gerund after "thanks for"), 0.75 for a
   generic completion word or a bare "yes", and ``matched`` counts the item's objects found
   in the completion's sentence and the one before it (or in the question answered). A
   mention needs ``score >= THRESHOLD`` (0.55) and at least one object matched; an item
   gets its best mention only (the earliest of equals).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

THRESHOLD: Final = 0.55
"""The lowest score proposed (see the module docstring for the score)."""
OBJECTS_CAP: Final = 3
"""Objects beyond this many do not make a long item harder to match."""
GENERIC_WEIGHT: Final = 0.75
"""A generic "it's done" says less about which item than the item's own verb does."""
QUOTE_CHARS: Final = 400


@dataclass(frozen=True)
class OpenItem:
    """What the detector needs of an open action item."""

    id: str
    owner: str
    """mentor, mentee or both."""
    text: str


@dataclass(frozen=True)
class Line:
    """One transcript segment."""

    idx: int
    speaker: str
    """mentor, mentee or unknown."""
    start: float | None
    text: str


@dataclass(frozen=True)
class Mention:
    """A segment that reads as ``item_id`` being done."""

    item_id: str
    segment: int
    start: float | None
    quote: str
    score: float


# -- words -------------------------------------------------------------------------------

_IRREGULAR: Final = {
    "sent": "send", "wrote": "write", "written": "write", "did": "do", "done": "do",
    "made": "make", "got": "get", "gotten": "get", "gave": "give", "given": "give",
    "took": "take", "taken": "take", "went": "go", "gone": "go", "spoke": "speak",
    "spoken": "speak", "met": "meet", "bought": "buy", "brought": "bring", "found": "find",
    "built": "build", "told": "tell", "left": "leave", "paid": "pay", "ran": "run",
    "began": "begin", "begun": "begin", "chose": "choose", "chosen": "choose", "drew": "draw",
    "drawn": "draw", "kept": "keep", "led": "lead", "saw": "see", "seen": "see",
    "sold": "sell", "taught": "teach", "won": "win", "held": "hold", "heard": "hear",
    "shown": "show", "understood": "understand", "rang": "ring", "rung": "ring",
    "dug": "dig", "fed": "feed", "caught": "catch", "sought": "seek", "stuck": "stick",
    "thought": "think",
}
_SAME_FORM_PAST: Final = frozenset({"read", "put", "set", "cut", "let", "shut", "hit"})
"""Verbs whose past looks like their base: past only after a subject or auxiliary."""
_PAST_CUES: Final = frozenset({"i", "we", "have", "has", "had", "already", "just", "finally",
                               "actually", "been", "was", "were", "it", "that"})
_SYNONYMS: Final = (
    ("send", ("email", "mail", "forward", "share")),
    ("book", ("reserve", "schedule")),
    ("sign", ("register", "enrol", "enroll")),
    ("look", ("review",)),
    ("finish", ("complete",)),
    ("write", ("draft",)),
    ("call", ("phone", "ring")),
)
_CONTRACTIONS: Final = (
    (r"\b(can)'?t\b", r"\1 not"), (r"\bwon'?t\b", "will not"), (r"\bshan'?t\b", "shall not"),
    (r"\b(\w+)n't\b", r"\1 not"),
    (r"\b(have|has|had|did|do|does|is|are|was|were|could|would|should|must)nt\b", r"\1 not"),
    (r"\b(\w+)'ve\b", r"\1 have"), (r"\bive\b", "i have"), (r"\b(\w+)'ll\b", r"\1 will"),
    (r"\bill\b", "i will"), (r"\b(\w+)'re\b", r"\1 are"), (r"\b(\w+)'m\b", r"\1 am"),
    (r"\bim\b", "i am"), (r"\b(\w+)'d\b", r"\1"), (r"\b(\w+)'s\b", r"\1"),
    (r"\bgonna\b", "going to"), (r"\bgotta\b", "got to"), (r"\bwanna\b", "want to"),
)
_WORD: Final = re.compile(r"[a-z0-9]+")
_SENTENCE: Final = re.compile(r"(?<=[.!?;])\s+|\n+")
_CLAUSE: Final = re.compile(
    r"[,:()]|\s[-–—]+\s|\b(?:and|but|so|though|although|however|except|whereas|because|"
    r"then)\b")

_STOP: Final = frozenset("""
a an the and or but so of to for from with without in on at by about into onto over under
up down out off as than then that this these those there here it its them they their theirs
he him his she her hers we us our ours you your yours i me my mine who whom whose which what
when where why how is am are was were be been being have has had do does did will would
shall should can could may might must not no yes yeah yep ok okay um uh er like just really
actually already also too very quite some any all each every both either neither one ones
thing things stuff bit lot lots get gets let lets make sure maybe again still even only
own other another more most less least much many few little if whether once while before
after until since during next last first second third this that week weeks month months
day days year years today tomorrow tonight yesterday morning afternoon evening night time
monday tuesday wednesday thursday friday saturday sunday weekend end start call meeting
session chat catch back well right now soon later new good great quick quickly please
thanks thank sorry hey hi hello oh ah cool nice alright see say said know think go come
want need feel hear talk mean guess try way kind sort fine sure able
""".split())
"""Words that say nothing about which item is meant ("call", "meeting": every item is
agreed in one, and "get back to you" is no task of its own)."""
_NEGATIONS: Final = frozenset({"not", "never", "nope", "nothing", "neither", "nor",
                               "nobody", "without"})
_NOT_NEGATING_NO: Final = frozenset({"problem", "problems", "worries", "worry", "doubt",
                                     "rush", "idea", "way"})
_FUTURE: Final = frozenset({"will", "shall", "should", "would", "could", "might", "may",
                            "must", "if", "unless", "once", "whether", "tomorrow", "hopefully",
                            "later", "soon", "plan", "planning", "intend"})
_BEFORE_MONTH: Final = frozenset({"in", "on", "of", "since", "by", "until", "till", "from",
                                  "early", "mid", "late", "end", "last", "this"})
_ORDINAL_WORDS: Final = frozenset({"first", "second", "third", "fourth", "fifth", "sixth",
                                   "seventh", "eighth", "ninth", "tenth", "the"})
_BEFORE_TO: Final = frozenset({"going", "want", "wanted", "need", "needed", "needs", "have",
                               "has", "had", "got", "plan", "planned", "planning", "hope",
                               "hoping", "meant", "meaning", "supposed", "try", "tried",
                               "trying", "forgot", "about", "able", "intend", "intended",
                               "expect", "expected", "aim", "aiming"})
_QUESTION_START: Final = frozenset({"did", "do", "does", "have", "has", "had", "are", "is",
                                    "was", "were", "can", "could", "would", "will", "should",
                                    "any", "how", "what", "when", "where", "why", "who"})
_DONE_QUESTION: Final = frozenset({"did", "have", "has", "was", "were"})
_PRONOUNS: Final = frozenset({"you", "we", "i", "it", "he", "she", "they", "that", "this",
                              "there", "the", "your", "anyone", "everyone"})
_OTHERS: Final = frozenset({"you", "he", "she", "they"})
_ADVERBS: Final = frozenset({"already", "just", "finally", "actually", "also", "have", "has",
                             "had", "been", "was", "were", "got", "all", "now", "literally",
                             "totally", "mostly", "basically", "is", "are", "be", "being",
                             "officially", "successfully"})
_PASSIVE: Final = frozenset({"was", "were", "is", "are", "been", "be", "being", "got"})
_SELF: Final = frozenset({"i", "we", "yes", "yeah", "yep", "so", "oh", "and", "well", "ok",
                          "okay", "right", "it", "that", "this", "which", "um", "uh", "also"})
_GENERIC: Final = frozenset({"done", "finished", "completed", "complete", "sorted",
                             "submitted", "handled", "delivered", "wrapped", "ticked",
                             "crossed", "accomplished", "dealt"})
_REQUEST_START: Final = frozenset({"can", "could", "would", "will", "shall", "should"})
"""A question that asks for something ("can you update it with the books you did?") does
not ask whether it was done, whatever past verb it holds."""
_SUBORDINATE: Final = frozenset({"when", "once", "after", "before", "if", "unless", "until",
                                 "till", "whenever", "because", "since"})
"""Where an item's condition starts: its objects are those of the task before it."""
_AFFIRM: Final = frozenset({"yes", "yeah", "yep", "yup", "sure", "definitely", "absolutely",
                            "done", "already", "indeed"})
_CREDIT_OPENERS: Final = (("thanks", "for"), ("thank", "you", "for"), ("thanks", "so", "much",
                                                                        "for"))
_RECEIPT: Final = frozenset({("got", "your"), ("received", "your"), ("received", "the"),
                             ("saw", "your"), ("read", "your")})


def _stem_only(word: str) -> str:
    word = _IRREGULAR.get(word, word)
    if len(word) > 4 and word.endswith(("ies", "ied")):
        word = word[:-3] + "y"
    elif len(word) > 5 and word.endswith("ing"):
        word = word[:-3]
    elif len(word) > 4 and word.endswith("ed"):
        word = word[:-2]
    elif len(word) > 4 and word.endswith("es") and (word[-3] in "sxz"
                                                    or word[-4:-2] in ("ch", "sh")):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
        word = word[:-1]
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


_SYNONYM_OF: Final = {_stem_only(word): _stem_only(head)
                      for head, words in _SYNONYMS for word in words}


_TASK_VERBS: Final = frozenset(_stem_only(w) for w in """
send sent email emailed forward forwarded share shared write wrote written ask asked tell
told give gave take took bring brought make made do did go went put read meet met finish
finished prepare prepared introduce introduced""".split())
"""Verbs that are never what an item is about ("... and send me that list": the list):
a second verb of the item is not an object, nor is the same verb said of something else."""


def stem(word: str) -> str:
    """The light lemma the detector compares: "sent" and "sending" → "send", "revised" and
    "revise" → "revis", "emailed" → "send" (a synonym)."""
    base = _stem_only(word)
    return _SYNONYM_OF.get(base, base)


def words(text: str) -> list[str]:
    """Lower-cased words with contractions expanded ("haven't" → "have", "not")."""
    text = text.lower().replace("’", "'").replace("‘", "'")
    for pattern, replacement in _CONTRACTIONS:
        text = re.sub(pattern, replacement, text)
    return _WORD.findall(text)


def content(tokens: Iterable[str]) -> list[str]:
    """The stems of the words that can tell items apart (the things done, not the doing:
    no synonyms, so the noun "draft" is not the verb "write", and no completion words)."""
    return [base for t in tokens
            if t not in _STOP and t not in _GENERIC and len(t) > 1 and not t.isdigit()
            and (base := _stem_only(t)) not in _TASK_VERBS]


def _is_past(tokens: Sequence[str], k: int) -> bool:
    word = tokens[k]
    if word in _IRREGULAR:
        return True
    if word in _SAME_FORM_PAST:
        return k > 0 and tokens[k - 1] in _PAST_CUES
    return len(word) > 4 and word.endswith("ed")


# -- clauses -----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Clause:
    tokens: tuple[str, ...]
    sentence: int
    question: bool
    asks_done: bool
    """A question whether something was done ("did you send it", "have you booked")."""
    negated: bool
    future: bool

    @property
    def usable(self) -> bool:
        return not (self.question or self.negated or self.future)


def _clauses(text: str) -> list[_Clause]:
    out = []
    sentences = [s for s in _SENTENCE.split(text.strip()) if s.strip()]
    for n, sentence in enumerate(sentences):
        tokens_all = words(sentence)
        opener = len(tokens_all) > 1 and tokens_all[1] in _PRONOUNS
        asked = sentence.rstrip().endswith("?") or (opener and tokens_all[0] in _QUESTION_START)
        asks_done = asked and tokens_all[0] not in _REQUEST_START and (
            (opener and tokens_all[0] in _DONE_QUESTION)
            or any(_is_past(tokens_all, k) for k in range(len(tokens_all))))
        for part in _CLAUSE.split(sentence.lower()):
            tokens = tuple(words(part))
            if tokens:
                out.append(_Clause(tokens, n, asked, asks_done, _negated(tokens),
                                   _future(tokens)))
    return out


def _negated(tokens: Sequence[str]) -> bool:
    for k, word in enumerate(tokens):
        if word in _NEGATIONS:
            return True
        if word == "no" and not (k + 1 < len(tokens) and tokens[k + 1] in _NOT_NEGATING_NO):
            return True
        if word == "yet" and k == len(tokens) - 1:
            return True  # "sent it yet" is asked or denied, never said of a done thing
    return False


def _future(tokens: Sequence[str]) -> bool:
    for k, word in enumerate(tokens):
        if word in _FUTURE and not (word == "may" and _the_month(tokens, k)):
            return True
        if word == "to" and k > 0 and tokens[k - 1] in _BEFORE_TO:
            return True
        if word == "going" and k + 1 < len(tokens) and tokens[k + 1] == "to":
            return True
    return False


def _the_month(tokens: Sequence[str], k: int) -> bool:
    """Whether "may" at ``k`` names the month ("in May", "on May 3rd", and the recogniser's
    "... to Maria may 1 monday" for "by email on Monday"), not a maybe ("I may have")."""
    after = tokens[k + 1] if k + 1 < len(tokens) else ""
    return (k > 0 and tokens[k - 1] in _BEFORE_MONTH) or after[:1].isdigit() \
        or after in _ORDINAL_WORDS


# -- evidence ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Item:
    source: OpenItem
    verb: str
    objects: frozenset[str]


_LEADING: Final = frozenset({"please", "also", "maybe", "to", "i", "we", "you", "then",
                             "and", "just", "first", "still", "definitely", "try", "will"})


def _prepare(item: OpenItem, ignore: frozenset[str]) -> _Item | None:
    """The item's verb (its first word: items are imperatives, and "call" or "get" are
    verbs there even though they are stop words elsewhere) and objects. None for an item
    with no object ("Send them over"): nothing said could tell it from another."""
    tokens = words(item.text)
    while tokens and tokens[0] in _LEADING:
        tokens = tokens[1:]
    if not tokens:
        return None
    verb = stem(tokens[0])
    main = next((tokens[:k] for k in range(1, len(tokens)) if tokens[k] in _SUBORDINATE),
                tokens)  # "Send you the new version when it's done": not "done"
    objects = frozenset(content(main[1:])) - {verb, _stem_only(tokens[0])} - ignore
    return _Item(item, verb, objects) if objects else None


def _subject(tokens: Sequence[str], k: int) -> str:
    """Whose is the verb at ``k``: "self" ("i sent", "we have booked", a clause that starts
    with it: "sent it on friday"), "passive" ("the deck was sent", "it has been booked"),
    "other" ("you sent", "she has already booked", "the bank called")."""
    j, passive = k - 1, False
    while j >= 0 and tokens[j] in _ADVERBS:
        passive = passive or tokens[j] in _PASSIVE
        j -= 1
    if j < 0 or tokens[j] in _SELF:
        return "self"
    if tokens[j] in _OTHERS:
        return "other"
    return "passive" if passive else "other"


def _own_completion(item: _Item, clause: _Clause) -> float:
    """The verb weight of a completion said by the item's owner, 0 when there is none."""
    tokens = clause.tokens
    best = 0.0
    for k, word in enumerate(tokens):
        if _subject(tokens, k) == "other":
            continue
        if stem(word) == item.verb and _is_past(tokens, k):
            return 1.0
        if word in _GENERIC and not (k > 0 and tokens[k - 1] == "well"):  # "well done!"
            best = GENERIC_WEIGHT
        elif word == "care" and k > 0 and tokens[k - 1] in ("taken", "took"):
            best = GENERIC_WEIGHT
        elif word == "did" and (k + 1 < len(tokens) and tokens[k + 1] in ("it", "that", "this",
                                                                          "them", "so")
                                or k > 0 and tokens[k - 1] in ("already", "just", "finally")):
            best = GENERIC_WEIGHT
    return best


def _credit(item: _Item, clause: _Clause) -> float:
    """The verb weight of the other participant crediting the owner: "thanks for sending
    the deck", "you booked the room", "got your notes"; 0 when there is none."""
    tokens = clause.tokens
    for opener in _CREDIT_OPENERS:
        n = len(opener)
        for k in range(len(tokens) - n + 1):
            if tuple(tokens[k:k + n]) == opener:
                after = tokens[k + n:k + n + 3]
                if any(w.endswith("ing") and stem(w) == item.verb for w in after):
                    return 1.0
                if item.objects & set(content(after)):  # "thanks for the deck"
                    return GENERIC_WEIGHT
    for k, word in enumerate(tokens):
        if stem(word) == item.verb and _is_past(tokens, k) and _subject(tokens, k) == "other" \
                and "you" in tokens[:k]:
            return 1.0
        if tuple(tokens[k:k + 2]) in _RECEIPT:
            return GENERIC_WEIGHT
        if word in _GENERIC and "you" in tokens[:k] and tokens[k - 1] != "well":
            return GENERIC_WEIGHT
    return 0.0


def _score(item: _Item, verb: float, said: set[str]) -> tuple[float, int]:
    matched = len(item.objects & said)
    return 0.5 * verb + 0.5 * min(matched, OBJECTS_CAP) / min(len(item.objects),
                                                               OBJECTS_CAP), matched


def _speaks_for(speaker: str, owner: str) -> bool:
    return owner == "both" or speaker in (owner, "unknown")


def _credits(speaker: str, owner: str) -> bool:
    return owner != "both" and speaker != owner


def _segment_evidence(item: _Item, line: Line, clauses: list[_Clause],
                      previous: tuple[Line, list[_Clause]] | None) -> tuple[float, str] | None:
    """The score of ``line`` as evidence for ``item`` and its quote, or None. The objects
    are looked for in the completion's sentence and the one before it, which may name the
    topic ("The abstract? I emailed it to Marta.")."""
    usable = [c for c in clauses if c.usable]
    owner = item.source.owner
    best: tuple[float, str] | None = None
    for clause in usable:
        verb = _own_completion(item, clause) if _speaks_for(line.speaker, owner) else 0.0
        if _credits(line.speaker, owner) or line.speaker == "unknown":
            verb = max(verb, _credit(item, clause))
        if not verb:
            continue
        said = {s for c in clauses
                if (c.sentence == clause.sentence and c.usable)
                or (c.sentence == clause.sentence - 1 and not c.negated)
                for s in content(c.tokens)}
        score, matched = _score(item, verb, said)
        if score >= THRESHOLD and matched and (best is None or score > best[0]):
            best = (score, line.text)
    if previous is not None and _speaks_for(line.speaker, owner) and _affirms(clauses):
        asked_line, asked = previous
        questions = [c for c in asked if c.asks_done and not c.negated]
        asked_words = [s for c in questions for s in content(c.tokens)]
        if asked_words:
            said = {s for c in usable if c.sentence == 0 for s in content(c.tokens)}
            asked_verb = any(stem(t) == item.verb for c in questions for t in c.tokens)
            weight = 1.0 if asked_verb else GENERIC_WEIGHT
            score, matched = _score(item, weight, set(asked_words) | said)
            if score >= THRESHOLD and matched and (best is None or score > best[0]):
                best = (score, f"{asked_line.text} — {line.text}")
    return best


def _affirms(clauses: list[_Clause]) -> bool:
    """Whether a segment opens with a plain yes ("yeah, sent it monday", "i did")."""
    opening = [c for c in clauses if c.sentence == 0]
    if not opening or any(c.negated or c.future or c.question for c in opening):
        return False
    first = opening[0].tokens
    return first[0] in _AFFIRM or first[:2] in (("i", "did"), ("we", "did"), ("sure", "did"))


def find_mentions(items: Iterable[OpenItem], lines: Sequence[Line], *,
                  names: Iterable[str] = ()) -> list[Mention]:
    """Each item's best mention as done in ``lines`` (at most one per item), in item
    order; items without one are left out. ``names`` are the participants' names: said in
    every call, they tell no item apart ("Send Sam the notes" is matched on "notes")."""
    ignore = frozenset(content(w for name in names for w in words(name)))
    parsed = [(line, _clauses(line.text)) for line in lines]
    found = []
    for raw in items:
        item = _prepare(raw, ignore)
        if item is None:
            continue
        best: tuple[float, Line, str] | None = None
        for n, (line, clauses) in enumerate(parsed):
            previous = parsed[n - 1] if n and parsed[n - 1][0].speaker != line.speaker else None
            evidence = _segment_evidence(item, line, clauses, previous)
            if evidence is not None and (best is None or evidence[0] > best[0]):
                best = (evidence[0], line, evidence[1])
        if best is not None:
            score, line, quote = best
            found.append(Mention(item_id=raw.id, segment=line.idx, start=line.start,
                                 quote=_clip(quote), score=round(score, 3)))
    return found


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_CHARS else text[:QUOTE_CHARS - 1].rstrip() + "…"
