"""Goals: what someone wants to achieve, with the date they aim for.

Said as "my (main) goal is to ...", "I want to / I'd like to / I hope to / I'm aiming to
...", "I really want that role", or, answering "what's your goal?", a bare "Hit 110% of
quota by December 31st". Not goals: wishes about the conversation ("I'd like to talk about
..."), negations ("I don't want to spam you"), other people's wishes ("do you want to ..."),
and what is already achieved ("I already got the certification", "my goal was to finish by
March, and I did"). A goal may go on in the next sentence: "And the big one is passing the
journeyman exam", or a bare restatement with a date ("I want my own store. Store manager by
the end of next year."). A date may be spelled out after a vaguer one ("by the end of our
fiscal year, which is June 30th next year"), and "by then" is the day named just before it
in the turn. The same goal said twice
("I want to move into a senior role" ... "my main goal is to be promoted to senior engineer
by the end of the year") is kept once, in its most definite form.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .dates import DateMention, find_dates, format_when
from .phrases import TASK_VERBS
from .text import Context, Sentence, base_form, provenance, restore_case
from .types import Goal

_GOAL = re.compile(
    r"\b(?:my|our)\s+(?:(?:main|big|biggest|long-?term|short-?term|primary|ultimate|real|top|"
    r"career|personal|first|other|second|number\s+one|overall)\s+)*"
    r"(?:goal|aim|objective|ambition|target|dream|priority)s?(?:\s+for\s+[a-z\s]{1,25}?)?"
    r"(?:\s+(?:right\s+now|for\s+now|at\s+the\s+moment|these\s+days|now|this\s+(?:year|quarter|term)))?\s+"
    r"(?:is|are|was|would\s+be|will\s+be|'s)\s+(?:to\s+|that\s+i\s+|for\s+me\s+to\s+)?"
    r"|\bgoal\s+is\s+(?:to\s+)?"
    r"|^(?:the\s+)?(?:(?:main|big|real|overall)\s+)?(?:goal|aim|target|objective)\s+(?:is|would\s+be)\s+(?:to\s+)?"
    r"|\b(?:what|all)\s+i\s+(?:really\s+)?want(?:\s+(?:this|next)\s+(?:year|quarter|term|month|semester)|"
    r"\s+(?:long|short)[- ]term|\s+(?:out\s+of|from)\s+(?:this|the|my)\s+[\w-]+|\s+(?:eventually|ultimately))?"
    r"\s+is\s+(?:to\s+)?|\bthe\s+dream\s+is\s+(?:to\s+)?")
_WANT = re.compile(
    r"\bi(?:'d|\s+would)\s+(?:really\s+|also\s+|eventually\s+|ultimately\s+)?(?:like|love)\s+to\s+"
    r"|\bi\s+(?:really\s+|also\s+|eventually\s+|ultimately\s+|still\s+|definitely\s+)*"
    r"(?:want|hope|aim|aspire)\s+to\s+"
    r"|\bi'm\s+(?:aiming|hoping|working\s+towards?)\s+(?:to\s+|for\s+)?"
    r"|\bi\s+(?:really\s+|also\s+)?want\s+(?=(?:that|the|a|an|this|my(?:\s+own)?)\s+(?:[a-z-]+\s+){0,3}"
    r"(?:role|job|position|promotion|raise|title|offer|grant|fellowship|scholarship|certification|"
    r"certificate|card|licen[cs]e|degree|qualification|seat|spot|place|opportunity|transfer|tenure|"
    r"partnership|award|contract|store|shop|business|company|practice|studio|team|section|"
    r"department|restaurant|clinic|lab|classroom|book|paper|patent)s?\b)")
_NOT_GOAL = re.compile(
    r"^(?:talk|discuss|ask|say|mention|check|make\s+sure|thank|share|show|go\s+over|start|hear|"
    r"know|spam|be\s+honest|add|run\s+(?:through|over|by|it|this|that|something|some|you)|"
    r"come\s+back|follow\s+up|bother|keep|cover|touch|pick\s+your|"
    r"quickly|just|see|understand|clarify|confirm|walk|move\s+on|jump|dig|read\s+(?:it|that|this)|"
    r"get\s+(?:your|some)\s+(?:feedback|input|thoughts)|focus\s+on\s+today|introduce|invite|sign|"
    r"stay|leave|interrupt|waste|do\s+(?:that|this|it)|try\s+(?:that|this|it)|be\s+(?:brief|quick)|"
    r"have\s+(?:this|a|the|another)\s+(?:meeting|call|chat|conversation|discussion)|look|point\s+out|"
    r"expand\s+on|go\s+back|get\s+into\s+(?:it|that|this|the\s+details|details|specifics|the\s+weeds))\b")
_ACHIEVED = re.compile(r"\b(?:already|achieved|accomplished|managed\s+to|finally\s+got|(?:(?<=\bi\s)|(?<=\bwe\s))got\s+it|"
                       r"(?:and|which)\s+i\s+(?:did|made\s+it|got\s+there|hit\s+it))\b")
_ASKED_GOAL = re.compile(r"\b(?:goals?|aim|aiming|ambitions?|hoping\s+to\s+(?:get|achieve)|"
                         r"(?:want|like|love|hope)\s+to\s+(?:achieve|accomplish|have\s+done|get\s+done)|"
                         r"want\s+(?:from|out\s+of)|make\s+(?:this|the|next)\s+\w+\s+a\s+success|success\s+for\s+you|get\s+out\s+of|"
                         r"looking\s+to\s+achieve|where\s+do\s+you\s+(?:want|see)\s+yourself|"
                         r"what\s+would\b[^?]{0,40}\blook\s+like|success\s+look\s+like|"
                         r"what\s+are\s+you\s+(?:hoping|aiming)\s+(?:for|to))\b")
"""The other person has just asked what someone wants to achieve."""
_GOAL_VERBS = frozenset("""
hit reach become get be land pass make grow lead earn publish finish move switch transition
improve learn build qualify double close win secure master launch ship complete obtain sit
submit apply join go start run own manage write buy save retire present speak deliver develop
specialise specialize train study step work feel spend focus delegate change found raise hire
expand increase reduce lose book sell triple break take bring generate attract sign clear
achieve pay
""".split())
"""Verbs of something to achieve; "I want to look at the filters" is no goal."""
_DEADLINE = re.compile(
    r"\b(?:by|before|within|in\s+time\s+for)\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?)?(?:next\s+|this\s+)?"
    r"(?:summer|winter|spring|autumn|fall|christmas|year-end|year\s+end|the\s+new\s+year|\w+\s+(?:weeks|months|years)|"
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december)|"
    r"(?:19|20)\d\d|\d+)\b")
"""A time limit, said even when no day can be worked out ("by summer"): what is wanted by
then is something to achieve, whatever the verb ("I'd like to open a second stall by
summer")."""
_VERB_LIKE = re.compile(r"(?!(?:i|we|you|he|she|they|it|that|this|there|the|a|an|my|our|not|no|yes|yeah|well|"
                        r"maybe|probably|honestly|just|so|um|oh)\b)[a-z]{2,}\b")
"""A first word that may be a verb: a dated answer to "what's your goal?" ("Cut overtime by
twenty percent by August") states a goal whatever the verb."""
_NEXT_GOAL = re.compile(rf"\s+and\s+(?=(?:{'|'.join(sorted(_GOAL_VERBS))})\b)")
"""A second goal in the same breath: "close both renewals ... and book five calls"."""
_LEAD = re.compile(r"^(?:(?:and|so|also|well|honestly|ideally|basically|longer\s+term|"
                   r"long\s+term|short\s+term|for\s+now|first|to|just|really|mainly|simply|"
                   r"realistically|hopefully)[,\s]+)*")
_THE_BIG_ONE = re.compile(r"^(?:the|my)\s+(?:big|bigger|biggest|main|other|real|next|long-?term|"
                          r"second)\s+(?:one|thing)\s+(?:is|would\s+be)\s+(?:to\s+)?")
"""A further goal after one just stated: "And the big one is passing the journeyman exam"."""
_FRAGMENT = re.compile(r"^(?!(?:i|we|you|he|she|they|it|that|this|there)\b)(?:[\w'-]+\s+){0,5}?[\w'-]+"
                       r"\s+(?:by|before|within|in|for)\s+")
"""A verbless restatement with a date: "I want my own store. Store manager by the end of next year"."""
_APPOSITION = re.compile(r"^,?\s+which\s+(?:is|'s)\s+")
"""A date spelled out after a vaguer one: "by the end of our fiscal year, which is June 30th"."""
_CUT = re.compile(r",?\s+(?:but|because|since|so\s+that|so\s+(?=(?:i|we|that|it)\b)|which|"
                  r"though|although|and\s+(?=(?:i|we|you)\b))\b|,\s+(?=(?:i|we|you|he|she|"
                  r"they|it's|that's)\b)|;"
                  r"|,?\s+like\s+(?=(?:that's|it's|i|we)\b)"
                  r"|,?\s+and\s+(?=(?:long|longer|short)\s+term\b|eventually\b|ultimately\b|then\b)")
_TRAILING = re.compile(r"[\s,]*\b(?:ideally|hopefully|maybe|probably|eventually|at\s+the\s+latest|"
                       r"or\s+so|if\s+possible)\s*$")


@dataclass(frozen=True)
class _Found:
    """A goal as said, before duplicates are merged."""

    sentence: Sentence
    owner: str
    words: str
    target: DateMention | None
    explicit: bool


def _clause(norm: str, begin: int, stop: int | None = None) -> tuple[str, int]:
    """The goal's words from `begin` up to the next clause (or `stop`, where the next goal is
    said), and where they end."""
    rest = norm[begin:stop]
    cut = _CUT.search(rest)
    end = begin + (cut.start() if cut else len(rest))
    return norm[begin:end].strip(" ,?!."), end


def _target(mentions: list[DateMention], begin: int, end: int, norm: str = "",
            earlier: DateMention | None = None) -> DateMention | None:
    """The first dated mention in the goal's words, or one spelled out right after them;
    "by then" is the day `earlier` in the turn named."""
    if earlier is not None:
        mentions = [replace(m, day=earlier.day) if m.kind == "then" and m.day is None else m
                    for m in mentions]
    found = next((m for m in mentions if begin <= m.start < end and m.day is not None), None)
    apposition = _APPOSITION.match(norm[end:]) if norm else None
    if found is None and apposition:
        found = next((m for m in mentions if m.start == end + apposition.end() and m.day is not None), None)
    return found


def _wording(words: str, target: DateMention | None) -> str:
    if target is not None:
        words = words.replace(target.text, " ")
        words = re.sub(r"\b(?:by|before|until|within|in|for)\s*$", "", words.strip())
    words = _TRAILING.sub("", re.sub(r"\s+", " ", words).strip(" ,"))
    first, _, rest = words.partition(" ")
    if first.endswith("ing"):
        words = f"{base_form(first)} {rest}".strip()
    return words


def _in_sentence(s: Sentence, ctx: Context, goal_asked: bool, goal_before: bool = False,
                 earlier: DateMention | None = None) -> list[_Found]:
    """Goals in one sentence; `goal_asked`: the other person just asked about goals;
    `goal_before`: the sentence before, in this turn, stated a goal; `earlier`: the last day
    named before it in this turn."""
    norm = s.norm
    if s.norm.endswith("?") or _ACHIEVED.search(norm):
        return []
    if not (goal_asked or goal_before or _GOAL.search(norm) or _WANT.search(norm)):
        return []
    mentions = find_dates(norm, ctx.session_date)
    starts = sorted(m.start() for pattern in (_GOAL, _WANT) for m in pattern.finditer(norm))
    found: list[_Found] = []
    for pattern, explicit in ((_GOAL, True), (_WANT, False)):
        for m in pattern.finditer(norm):
            words, end = _clause(norm, m.end(), next((k for k in starts if k > m.start()), None))
            words = _LEAD.sub("", words)
            if not words or _NOT_GOAL.match(words) or _WANT.match(words):
                continue
            first = words.split()[0]
            if re.match(r"(?:the|a|an|that|this|my)$", first):
                words = f"get {words}"
            elif first not in _GOAL_VERBS and not explicit and not (
                    goal_asked or _DEADLINE.search(words)
                    or _target(mentions, m.start(), end, norm, earlier) is not None):
                continue
            if re.match(r"(?:you|we|they|he|she)\b", words):
                continue
            target = _target(mentions, m.start(), end, norm, earlier)
            owner = Context.other(s.speaker) if re.search(r"\bfor\s+you\b", m.group(0)) else s.speaker
            found.append(_Found(s, owner, words, target, explicit))
    if found or not (goal_asked or goal_before):
        return found
    begin = len(norm) - len(_LEAD.sub("", norm))
    further = _THE_BIG_ONE.match(norm[begin:])
    if further and base_form(norm[begin + further.end():].split()[0]) in _GOAL_VERBS:
        begin += further.end()
    elif goal_before and not goal_asked:
        fragment = _FRAGMENT.match(norm[begin:])
        target = _target(mentions, begin, len(norm))
        if fragment and target is not None and target.start == begin + fragment.end():
            return [_Found(s, s.speaker, norm[begin:].strip(" ,.!"), target, True)]
        return []
    dated = _target(mentions, begin, len(norm)) is not None or bool(_DEADLINE.search(norm))
    while begin < len(norm) and (base_form(norm[begin:].split()[0]) in _GOAL_VERBS
                                 or (goal_asked and dated and _VERB_LIKE.match(norm[begin:]))):
        words, end = _clause(norm, begin)
        more = _NEXT_GOAL.search(words)
        if more:
            words, end = words[:more.start()], begin + more.start()
        found.append(_Found(s, s.speaker, words, _target(mentions, begin, end, norm, earlier), True))
        begin = end + (len(more.group(0)) if more else len(norm))
    return found


def _words_of(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z][a-z-]+", text)
            if len(w) > 3 and w not in TASK_VERBS and w not in ("want", "like", "better", "really")}


def extract_goals(ctx: Context) -> list[Goal]:
    """Goals in the order said, one per goal, each with its target date or None."""
    found: list[_Found] = []
    asked_by: str | None = None
    for sentences in ctx.turn_sentences:
        if not sentences:
            continue
        speaker = sentences[0].speaker
        goal_asked = asked_by is not None and asked_by != speaker
        goal_before = False
        earlier: DateMention | None = None
        for k, s in enumerate(sentences):
            said = _in_sentence(s, ctx, goal_asked and k < 2, goal_before, earlier)
            found.extend(said)
            goal_before = bool(said)
            earlier = next((m for m in reversed(find_dates(s.norm, ctx.session_date)) if m.day), earlier)
        asks = sentences[-1].norm.endswith("?") and any(_ASKED_GOAL.search(s.norm) for s in sentences)
        asked_by = speaker if asks else None
    kept: list[_Found] = []
    for goal in found:
        same = [k for k in kept if k.owner == goal.owner and _words_of(k.words) & _words_of(goal.words)]
        if not same:
            kept.append(goal)
            continue
        rival = same[0]
        if (goal.target is not None, goal.explicit) > (rival.target is not None, rival.explicit):
            kept[kept.index(rival)] = goal
    return [Goal(owner=g.owner, text=restore_case(_wording(g.words, g.target), ctx.casing),
                 target=format_when(g.target.day) if g.target and g.target.day else None,
                 source=provenance(g.sentence)) for g in kept]
