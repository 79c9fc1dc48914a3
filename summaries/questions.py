"""Questions each participant asked, open ("how did that go?") or closed (yes/no).

A sentence is a question when it ends with "?" or, since recognisers often drop the mark,
when it opens in interrogative word order: an auxiliary before its subject ("do you",
"could we", "is there") or a question word before an auxiliary ("how did", "what do").
Excluded: tag questions that only seek agreement ("it's hard, you know?", "that's the
thing, right?"), one-word interjections ("Honestly?"), set rhetorical phrases ("guess
what?"), and task requests phrased as questions ("can you send me the deck?"), which are
action items rather than questions. A tag such as "right?" still counts when it checks a
concrete fact ("the conference is on the seventeenth, right?"). In recognised speech
without any punctuation a question may begin mid-run ("i just finished a night is this
better", "... could we do the afternoon like four"), and a day offered with "same time"
and no verb ("two weeks from today, same time.") is a question whose "?" was lost.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .phrases import TASK_VERBS
from .text import Context, Sentence
from .types import Provenance, Question

LEAD = re.compile(
    r"^(?:(?:so|and|but|okay|ok|alright|all right|well|oh|also|then|now|right|yeah|yes|yep|"
    r"hey|anyway|just|actually|honestly|great|good|perfect|sure|cool|fine|look|listen|sorry|"
    r"hi|hello|hmm|ah|um|uh|sounds good|got it|i see|first|last thing|one more thing|"
    r"quick question|by the way|and also)\b[,:]?\s*)+")
"""Discourse words that may open a sentence before its real first word."""

_SUBJECT = (r"(?:i|you|we|they|he|she|it|that|this|there|these|those|the|your|my|our|his|"
            r"her|their|anyone|anybody|anything|everyone|everything|someone|something|any)")
_AUX = (r"(?:do|does|did|is|are|am|was|were|can|could|would|will|should|shall|may|might|"
        r"have|has|had|must|isn't|aren't|wasn't|weren't|don't|doesn't|didn't|can't|couldn't|"
        r"wouldn't|won't|shouldn't|haven't|hasn't)")
_WH = r"(?:how|what|why|where|when|who|whom|whose|which)"
_INTERROGATIVE = re.compile(
    rf"^(?:{_AUX}\s+{_SUBJECT}\b"
    r"|(?:is|are|was|were|does|did)\s+(?!not\b|too\b|so\b|also\b|just\b|really\b|still\b)"
    r"[a-z][\w'-]*\s+\w+"
    rf"|{_WH}\s+(?:{_AUX}|{_SUBJECT}\s+{_AUX}|about|come|often|long|much|many|far|soon|else|"
    r"kind|sort|part|one|ones|of|if|happened|made|makes|went|would|could|should)\b"
    r"|(?:how's|what's|where's|who's|when's|why's)\s+(?:your|the|it|that|this|everything|"
    r"been|going|up|new|next|happening|holding|stopping|on|left)\b"
    r"|(?:any|anything else|is there anything)\s+(?:questions?|thoughts?|ideas?|concerns?|"
    r"other|else|updates?|news|on your mind)\b"
    r"|i was wondering (?:if|whether)\b)")
RUN_ON = re.compile(
    rf"\b(?:{_WH}\s+{_AUX}\s+{_SUBJECT}"
    r"|(?:and|but|so|okay|ok|also|then|now) (?:can|could|may|do|did|should|would|will) "
    r"(?:i|we|you) \w+ \w+"
    r"|(?:how's|what's|where's) (?:the|your|it|that|this|everything|things|life|work)"
    r"|(?<!if i )(?<!if it )(?:have|are|were) you (?:ever )?(?!know\b)[a-z']{2,}"
    r"|(?<!if i )(?<!if it )(?:did|do|would|could|can|will|should) you (?:ever )?(?!know\b)(?![a-z']*[^e\W]ed\b)"
    r"[a-z']{2,}"
    r"|(?<!if i )(?<!if it )(?:have|did|do|would|could|can|will|are|were|should) you (?:ever )?"
    r"know (?:what|how|if|whether|where|when|why|who|anyone|anything|about)"
    r"|(?:should|can|could|shall|may) (?:i|we) [a-z']{2,}|do (?:i|we) (?:need|have|want|get) to"
    r"|is (?:this|that|it) (?:better|okay|ok|alright|clear|fine|right|good|working)$)\b")
"""A question inside an unpunctuated run of recognised speech: "did you flag it to the
chiefs", "should i also run it past dr kim", "could we do the afternoon", "is this better";
not the "were you" of "if i were you"."""
_QUOTED = re.compile(
    r"(?:something like|like|say|saying|said|ask(?:ed)?(?: \w+)?|asking|ask yourself)\s*[,:]\s*$")
"""A question quoted as wording to use ("something like, can we agree ...?")."""
_OPEN_PROMPT = re.compile(
    r"^(?:(?:can|could|would) you\s+)?(?:please\s+)?(?:tell me (?:more|about|how|what|why|a bit)|"
    r"walk me through|talk me through|describe|say more about|explain (?:how|what|why))\b")
_OPEN_START = re.compile(rf"^(?:{_WH}|how's|what's|where's|why's|who's|in what way|"
                         r"to what extent|tell me|walk me|talk me|describe|explain|say more)\b")
_SAME_TIME = re.compile(r"^same time(?: next \w+| in \w+ weeks?| as usual)?$")
"""Recognised speech drops the "?" of "same time next week?"; with a full stop it is a statement."""
_DAY_SAME_TIME = re.compile(
    r"^(?!.*\b(?:works?|is|'s|are|sounds|it|that|then|see|perfect|great|fine|good)\b)"
    r"(?:[\w'-]+ ){1,6}?[\w'-]+, same time(?: as (?:usual|today|always))?$")
"""A day offered with "same time" and no verb ("two weeks from today, same time."): a question
whose "?" the recogniser dropped. "Friday works, same time then." states."""
_PROMPT = re.compile(r"^(?:and|so|well|and then)\s*\?+$")
"""A one-word prompt for more ("And?"), an open question."""
_DO_THAT = re.compile(r"^do (?:that|this|it|so)\b")
"""Unmarked, "do that" is an instruction, not a question."""
_ASKS_YOU = re.compile(r"^(?:do|did|can|could|should|would|will|are|have) (?:you|we|i)\b")
"""An unmistakable question opening a clause in the middle of an unpunctuated sentence."""
_RELATIVE = re.compile(r"^(?:which|who|whom|whose|where|when)\b")
_PREDICATE = re.compile(r"^(?:is|are|was|were|has|have|had)\s+(?:\w+ing|\w+ed|been|not|also|still|just|"
                        r"really|always|never|now|exactly|so|very|too|quite|pretty|absolutely|"
                        r"definitely|clearly|spot|a (?:big|huge|real|great)|the (?:right|best)|considerably|"
                        r"much|far|way|a lot|even|more|less|better|worse|stronger|weaker|bigger|smaller|"
                        r"clearer|easier|harder|only|actually|probably|likely|certainly|obviously)\b")
"""Unmarked, a closing "..., is getting nervous" ends a statement begun before the comma."""
_REPORT_BACK = re.compile(
    r"\b(?:goes|went|turns out|turned out)\b.*\b(?:next|after|later|once|when|afterwards)\b")
"""'tell me how it goes next time' asks for a later report, not an answer now."""
_PROPOSAL = re.compile(r"^(?:how|what) about\b")
_TAG_ALWAYS = re.compile(
    r"(?:,|\s)\s*(?:(?:do )?you know(?: what i mean)?|i mean|know what i mean|isn't it|wasn't it|"
    r"aren't they|weren't they|don't they|doesn't it|didn't it|don't you think|you see|"
    r"innit|ain't it)\s*\?+$")
_TAG_CHECK = re.compile(
    r"(?:,\s*\b(?:right|yeah|yes|yep|okay|ok|correct|no|true|eh|huh)|\s(?:right|yeah|eh|huh))\s*\?+$")
"""A confirmation tag; "okay?" without a comma is more often an adverb ("hear me okay?")."""
_ANCHOR = re.compile(
    r"\d|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|today|"
    r"tonight|january|february|march|april|may|june|july|august|september|october|"
    r"november|december|week|month|noon|o'clock|first|second|third|\w+teenth|\w+tieth|"
    r"twentieth|thirtieth|\w+-?first|\w+-?second|\w+-?third|\w+th)\b"
    r"|\byou(?:'re|'ve|'ll| said| mentioned| are| were| have| did| sent)\b|\byour\b")
_RHETORICAL = re.compile(
    r"^(?:guess what|you know what|(?:do )?(?:you )?know what i mean|who knows|why not|what can you do|"
    r"how about that|how cool is that|how great is that|am i right|who doesn't|what else is new|"
    r"isn't that something|can you imagine|how hard can it be|what's not to like|"
    r"are you kidding|you know|(?:isn't|is) it (?:funny|crazy|amazing|weird|strange|wild|"
    r"ironic|interesting) (?:how|that)|don't you (?:just )?(?:love|hate) (?:it )?(?:when|how)|"
    r"wouldn't it be (?:nice|great|lovely))\b")
_NOT_ASKED_TO = frozenset("do make meet go try clarify explain help say tell talk walk describe "
                          "give share use".split())
"""Verbs of a question rather than a task: "could you do Tuesday?", "can you explain that?"."""
_REQUEST = re.compile(
    r"^(?:(?:can|could|will) you (?:please |maybe |also |just |possibly )*"
    rf"(?:{'|'.join(sorted(TASK_VERBS - _NOT_ASKED_TO))}|come|look over|give me (?:a call|a ring|a shout))\b"
    r"(?! me (?:through|about|more|what|how|why)\b)"
    r"|would you (?:please |maybe |also |just )*(?:send|email|forward|write|update|book|bring|prepare|"
    r"draft|finish|review|read|look over|fill|submit|ping|remind|set up|schedule|upload|post|print|"
    r"cc|copy|sign|grab|order)\b"
    r"|(?:can|could|would|will) you please\b|would you mind\b)")


def _body(norm: str) -> str:
    """The sentence without its opening discourse words."""
    return LEAD.sub("", norm).strip(" ,")


def question_kind(sentence: Sentence) -> bool | None:
    """True for an open question, False for a closed one, None when it is no question."""
    return _kind(sentence.text, sentence.norm)


_LETTER = re.compile(r"[a-z]")
_CLAUSE_BREAK = re.compile(r"[,:;]")
_PUNCTUATION = re.compile(r"[,.;:!?]")
_WH_START = re.compile(rf"^{_WH}\b")


def _asking_clause(body: str, clauses: list[str], marked: bool, punctuated: bool) -> str | None:
    """The clause that asks, or None.

    Unmarked by "?", only the opening clause (after a vocative or greeting), an unmistakable
    "do you ..." in the middle, or the closing clause may ask: a question inside a statement
    is usually reported speech, and a closing "which is ..." is a relative clause. In a run
    of recognised speech with no punctuation at all the question may start anywhere.
    """
    if marked:
        candidates = clauses
    else:
        opening = clauses[:2] if len(clauses[0].split()) <= 2 else clauses[:1]
        middle = [c for c in clauses[1:-1] if _ASKS_YOU.match(c)]
        closing = [c for c in clauses[1:][-1:] if not (_RELATIVE.match(c) or _PREDICATE.match(c))]
        candidates = opening + middle + closing
    asking = next((c for c in candidates if _INTERROGATIVE.match(c)
                   and (marked or not _DO_THAT.match(c))), None)
    if asking is None and not marked and not punctuated:
        run_on = RUN_ON.search(body)
        asking = body[run_on.start():] if run_on else None
    return asking


def _is_tag(raw: str, norm: str, body: str, asking: str | None) -> bool:
    """A tag that seeks agreement ("you know?", "isn't it?") rather than a fact.

    "Right?" and "okay?" are tags unless the clause asks anyway ("is chat okay?") or checks
    a concrete fact ("the review is on the ninth, right?").
    """
    if _TAG_ALWAYS.search(raw) or _TAG_ALWAYS.search(norm):
        return True
    tag = None if asking else _TAG_CHECK.search(body)
    return bool(tag) and len(body.split()) > 1 and not _ANCHOR.search(body[:tag.start()])


_CLEFT = re.compile(r"^(?:(?:what|the thing|something)(?!\s+(?:do|did|does|would|could|should|will|can)\s+you\b)"
                    r"|(?:where|how|when|why)(?=\s+(?:you|i|we|they|he|she)\s))"
                    r"(?:'s|\s+\w+){1,6}?\s+(?:is|was|are|were)\s+(?!it\b|that\b|you\b|we\b|i\b|they\b|there\b)\w")
"""Unmarked, "what's been hard lately is the commute" states what is hard, and "where you could
improve is the apologising" where to improve; they ask nothing."""


_WHICH_CONTINUES = re.compile(r"^which(?:,|\s+(?:is|was|'s|makes|means|sounds|explains|shows|tells)\b)")
"""Unmarked, "which is exactly why you'll be good at this" goes on from what was just said: a
relative clause, no question."""


_PREFACE = re.compile(r"^(?:(?:and|also|oh|but|so)\s+)*(?:can|could|may|might) i (?:just )?(?:say|add|mention|"
                      r"tell you|be honest|be blunt)$")
"""A preface that asks leave to say something, said without "?": it asks nothing."""


@lru_cache(maxsize=8192)
def _kind(text: str, norm: str) -> bool | None:
    """Cached: feedback, challenges, decisions and metrics all ask about the same sentences."""
    norm = norm.rstrip(" !.")
    if _PROMPT.match(norm):
        return True
    body = _body(norm)
    if not _LETTER.search(body):
        return None
    raw = text.strip().lower()
    marked = raw.endswith("?") or norm.endswith("?")
    punctuated = bool(_PUNCTUATION.search(text))
    if not marked and ((not punctuated and _SAME_TIME.match(body)) or _DAY_SAME_TIME.match(body)):
        return False
    clauses = [c for c in (_body(c) for c in _CLAUSE_BREAK.split(body)) if c]
    if not marked and clauses and _PREFACE.match(clauses[0]) and len(clauses) > 1:
        clauses = clauses[1:]  # "can I say, the notes you send are really useful": a preface
    asking = _asking_clause(body, clauses, marked, punctuated)
    if asking is not None and _QUOTED.search(body[:body.find(asking)]):
        return None
    if marked:
        if len(body.split()) <= 1 and not _WH_START.match(body):
            return None
        if _is_tag(raw, norm, body, asking):
            return None
    elif asking is None and not (_OPEN_PROMPT.match(body) and not _REPORT_BACK.search(body)):
        return None
    if _RHETORICAL.match(body) or _REQUEST.match(_body(asking) if asking else body):
        return None
    if not marked and (_CLEFT.match(body) or _WHICH_CONTINUES.match(body)):
        return None
    if _PROPOSAL.match(body):
        return False
    return any(_OPEN_START.match(c) and not _PROPOSAL.match(c) for c in clauses + [asking or ""])


def extract_questions(ctx: Context) -> list[Question]:
    """Every question asked, in order.

    Consecutive questions in one turn ("When shall we talk? Same time next week?") are one
    question, open if either is, quoted in the segment where it starts.
    """
    runs: list[tuple[Sentence, Sentence, bool]] = []
    previous: Sentence | None = None
    for sentence in ctx.sentences:
        kind = question_kind(sentence)
        if kind is None:
            previous = None
            continue
        if previous is not None and previous.speaker == sentence.speaker and \
                sentence.segment - previous.segment <= 1:
            first, _, was_open = runs.pop()
            runs.append((first, sentence, was_open or kind))
        else:
            runs.append((sentence, sentence, kind))
        previous = sentence
    segments = ctx.transcript.segments
    found = []
    for first, last, kind in runs:
        if first.segment == last.segment:
            quote = segments[first.segment].text[first.char_start:last.char_start + len(last.text)]
            text = quote = quote.strip()
        else:
            quote = segments[first.segment].text[first.char_start:].strip()
            rest = segments[last.segment].text[:last.char_start + len(last.text)].strip()
            text = f"{quote} {rest}"
        found.append(Question(speaker=first.speaker, text=text, open=kind,
                              source=Provenance(first.segment, first.start, quote)))
    return found
