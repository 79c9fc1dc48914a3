"""Conversation metrics made for mentoring: who talked, who asked, who told.

`compute_metrics(ctx, questions)` returns a JSON-able dict; per-participant values are keyed
by role ("mentor", "mentee", and "unknown" only when some segment has no known speaker):

- `basis`: "time" when every segment has a start and an end, else "words";
- `talk_share`: share of talk on that basis (sums to 1; 0.0 for a silent participant);
- `talk_seconds`: seconds of speech per participant (null on a words basis);
- `words`, `turns` (a turn is a run of consecutive segments by one speaker);
- `questions`: questions asked; `open_questions`, `closed_questions` split them;
- `longest_monologue`: per participant `{"seconds", "words", "segment"}`, the longest turn
  (by seconds on a time basis, else by words; seconds null without times; `segment` where
  it began), or null for a participant who never spoke;
- `advice`: pieces of advice per participant: constructive feedback items plus imperative
  suggestions outside them ("try ...", "make sure ...", "you should ...");
- `advice_per_question`: the mentor's advice divided by the mentor's questions, rounded to
  two places (null when the mentor asked none); coaching leans low, telling leans high;
- `rasa`: per participant the Receive-Appreciate-Summarize-Ask signals (Julian Treasure's
  listening model): `receive` (turns that only acknowledge: "mm-hmm", "I see", "go on"),
  `appreciate` ("thank you for sharing", "I appreciate"), `summarize` ("so what I'm
  hearing is", "it sounds like you", "if I understand correctly"), `ask` (open questions).
"""
from __future__ import annotations

import re
from typing import Any

from .feedback import extract_feedback
from .questions import LEAD, question_kind
from .text import Context, Sentence
from .types import Feedback, Question

_ROLES = ("mentor", "mentee")
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*")

_RECEIVE = re.compile(
    r"^(?:(?:mm+-?hm+|uh-?huh|um+-?hm+|mhm+|hmm+|right|i see|okay|ok|yeah|yes|yep|sure|got it|"
    r"go on|go ahead|tell me more|interesting|wow|oh|ah|true|exactly|makes sense|that makes sense|"
    r"i hear you|fair enough|fair|of course|absolutely|totally|really|oh really|"
    r"i understand|understood)[\s,.!?]*)+$")
"""A turn that only acknowledges what the other said (checked on the raw text)."""
_APPRECIATE = re.compile(
    r"\b(?:thank(?:s| you) (?:so much |a lot )?for (?:sharing|telling me|being (?:so )?(?:open|honest)|"
    r"opening up|explaining|walking me through|bringing (?:this|that|it) up|raising)"
    r"|i (?:really |truly |genuinely )?appreciate (?:you|that|it|your|the|how|hearing)"
    r"|i'm grateful|i am grateful|that means a lot)\b")
_SUMMARIZE = re.compile(
    r"\b(?:so what i'm hearing|what i'm hearing is|what i hear is|i'm hearing that|"
    r"it sounds like you|sounds like you(?:'re| are|'ve| have)?|so you're saying|"
    r"so what you're saying|if i understand (?:you )?correctly|if i'm understanding|"
    r"let me (?:make sure i understand|see if i understand|play (?:that|this|it) back|summari[sz]e)|"
    r"in other words|to summari[sz]e|to recap|so to recap|if i heard you right|"
    r"correct me if i'm wrong)\b")
_IMPERATIVE = re.compile(
    r"^(?:(?:next time|in future|going forward|for (?:the )?next time|maybe|perhaps|just|"
    r"definitely|also|then),?\s+)*"
    r"(?:try|make sure|consider|think about|remember to|don't forget|focus on|start|stop|keep|"
    r"avoid|practi[cs]e|prepare|rehearse|slow down|pause|cut|add|drop|put|use|write|read|ask|"
    r"talk to|reach out|block|turn off|take|spend|aim|pick|lead with|open with|trust|"
    r"be (?:careful|clear|explicit|specific|honest|kind)|don't be|never|always|push back|"
    r"delegate|say no|speak up|schedule|book|prioriti[sz]e|acknowledge|record)\b")
_SUGGESTS = re.compile(
    r"\byou (?:should|need to|ought to|must|have to|might want to|may want to|could try)\b")


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _role(speaker: str) -> str:
    return speaker if speaker in _ROLES else "unknown"


def _turns(ctx: Context) -> list[tuple[str, list[int]]]:
    """Runs of consecutive segments by one speaker (segments with no text are skipped)."""
    turns: list[tuple[str, list[int]]] = []
    for seg in ctx.transcript.segments:
        if not seg.text.strip():
            continue
        role = _role(seg.speaker)
        if turns and turns[-1][0] == role:
            turns[-1][1].append(seg.index)
        else:
            turns.append((role, [seg.index]))
    return turns


def _is_advice(sentence: Sentence) -> bool:
    if question_kind(sentence) is not None:
        return False
    body = LEAD.sub("", sentence.norm).strip(" ,")
    return bool(_IMPERATIVE.match(body) or _SUGGESTS.search(body))


def compute_metrics(ctx: Context, questions: list[Question], *,
                    feedback: list[Feedback] | None = None) -> dict[str, Any]:
    """Talk share, turns, questions, monologues, advice and listening signals; see module doc.

    `feedback` is extracted here unless the caller already has it.
    """
    segments = ctx.transcript.segments
    roles = list(_ROLES) + (["unknown"] if any(_role(s.speaker) == "unknown" for s in segments
                                               if s.text.strip()) else [])
    timed = all(s.start is not None and s.end is not None for s in segments)
    words = dict.fromkeys(roles, 0)
    seconds = dict.fromkeys(roles, 0.0)
    for seg in segments:
        role = _role(seg.speaker)
        words[role] += _words(seg.text)
        if timed and seg.text.strip():
            seconds[role] += seg.end - seg.start  # type: ignore[operator]
    amount = seconds if timed else {r: float(n) for r, n in words.items()}
    total = sum(amount.values())
    share = {r: round(amount[r] / total, 3) if total else 0.0 for r in roles}

    turns = _turns(ctx)
    turn_count = dict.fromkeys(roles, 0)
    longest: dict[str, dict[str, Any] | None] = dict.fromkeys(roles, None)
    receive = dict.fromkeys(roles, 0)
    for role, indices in turns:
        turn_count[role] += 1
        first, last = segments[indices[0]], segments[indices[-1]]
        n_words = sum(_words(segments[i].text) for i in indices)
        span = round(last.end - first.start, 2) if timed else None  # type: ignore[operator]
        best = longest[role]
        size = span if span is not None else n_words
        if best is None or size > (best["seconds"] if span is not None else best["words"]):
            longest[role] = {"seconds": span, "words": n_words, "segment": first.index}
        if all(_RECEIVE.match(segments[i].text.strip().lower()) for i in indices):
            receive[role] += 1

    asked = {r: sum(1 for q in questions if _role(q.speaker) == r) for r in roles}
    open_asked = {r: sum(1 for q in questions if _role(q.speaker) == r and q.open) for r in roles}
    if feedback is None:
        feedback = extract_feedback(ctx)
    advice = dict.fromkeys(roles, 0)
    spans = []
    for item in feedback:
        if item.kind == "constructive":
            begin = segments[item.source.segment].text.find(item.source.quote)
            spans.append((item.source.segment, begin, begin + len(item.source.quote)))
            # One item may hold several pieces of advice said in a row: each counts.
            pieces = sum(1 for s in ctx.by_segment(item.source.segment)
                         if begin <= s.char_start < begin + len(item.source.quote) and _is_advice(s))
            advice[_role(item.giver)] += max(1, pieces)
    appreciate = dict.fromkeys(roles, 0)
    summarize = dict.fromkeys(roles, 0)
    for sentence in ctx.sentences:
        role = _role(sentence.speaker)
        inside = any(seg == sentence.segment and begin <= sentence.char_start < end
                     for seg, begin, end in spans)
        if not inside and _is_advice(sentence):
            advice[role] += 1
        appreciate[role] += bool(_APPRECIATE.search(sentence.norm))
        summarize[role] += bool(_SUMMARIZE.search(sentence.norm))
    return {
        "basis": "time" if timed else "words",
        "talk_share": share,
        "talk_seconds": {r: round(seconds[r], 2) for r in roles} if timed else None,
        "words": words,
        "turns": turn_count,
        "questions": asked,
        "open_questions": open_asked,
        "closed_questions": {r: asked[r] - open_asked[r] for r in roles},
        "longest_monologue": longest,
        "advice": advice,
        "advice_per_question": round(advice["mentor"] / asked["mentor"], 2) if asked["mentor"]
        else None,
        "rasa": {r: {"receive": receive[r], "appreciate": appreciate[r],
                     "summarize": summarize[r], "ask": open_asked[r]} for r in roles},
    }
