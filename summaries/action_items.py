"""Action items: who will do what, by when.

Tasks come about in four ways, all matched on normalised sentences (see text.py):
- a first-person commitment ("I'll ...", "I'm going to ...", "let me ...", "action item
  for me: ...", "my homework is ...", "X is on my plate", or without its verb: "corrected log
  to you by the 3rd", "you'll get comments back from me by Tuesday"); "let's both ..." /
  "we'll each ..." belong to both;
- a request to the other person ("could you ...", "would you mind ...", "I'd like you to
  ...", "your homework is to ...", or an imperative such as "send me the slides") that the
  other accepts in their next turn ("sure", "will do", "I'll get it to you by Friday"). The
  item is theirs, worded as the request and placed where it was accepted; its date is the
  one said on accepting, else the one requested;
- an offer ("want me to set that up?", "I could send you the dates", "would it help if I
  looked over your notes?") that the other accepts ("yes, please"); a joint one ("how about
  we both read it", "let's sit down together and do the dive plan", "what we can do is a mock
  run-through together", "how about I swing by Tuesday and we put the first ring in
  together?", "do you want to do a dry run with me?", "why don't we walk the bend together,
  Monday at half seven?") taken up, also by naming its time back ("Monday after two works for
  the dive plan"), belongs to both, and so does a request to help the asker ("would you help
  me with that?"). An offer is the offerer's,
  unless it was as short as "want me to introduce you?" / "shall I put you in touch?" and
  the offerer then says what exactly they will do ("I'll email her tomorrow"): that is
  the item;
- "I'll do that" / "I'll add that by Tuesday" right after a suggestion ("it might help to
  add a section on ...") takes its wording from the suggestion.
An accepted request keeps the owner's own words when they say more ("can you get signed
up?" - "I'll register for the OSHA class by the 15th") or, where both only point back, when
the owner names their own verb ("would you look at it Monday?" - "I'll review it Tuesday");
a thing assigned before a request that points back to it fills the pointer ("your homework
is the outline. Can you get it to me by the 27th?"); "let's both ..." answered by the
other's "let's both do it" is one joint task, taken on where the other joined in; a date
said as a bare fragment right after the commitment ("I'll set up a mock committee. Probably
Friday the tenth.") is its date.
A task that only points back ("I'll dig them out", "that's on my plate", an accepted "can you
write those down?") is worded with the thing named just before ("the old practice
recordings"); "before then" is the date just agreed; "I'll have it drafted by..." - "End of
the month?" - "End of the month, yes." takes the date supplied after it. A request answered
with other terms ("can I clean it up first and send it Friday?") is the answerer's once
agreed to. One task said again - a reminder acknowledged, a restatement, "yes, I'll start a
list" on joining a joint task - stays one item, where first said, with the date the
repetition adds (unless the task recurs).
Not tasks: past plans ("I was going to"), hypotheticals ("if I had time I'd", "maybe I'll"),
conditions ("I'll commission a survey if the council approves", "should the grant come
through, I'll ..."), likelihoods without a date ("next year I'll probably move"), what
others say one will do ("my sister says I'll regret it"), feelings and idioms ("I'm going to
cry", "I'll sleep on it"), where one will be ("I'll be in Denver"),
idioms ("I'll be honest", "I'll admit", "I'll see you"), vague intentions ("I'll figure
something out"), actions during the call ("let me check", "I'll send it now"), third
parties ("Maria will", "Rick won't let me near terminations"), questions, working rules
("let's both reply within a day", "I'll always text you first", which are decisions;
a recurring task of one's own, "a practice exam every Saturday", is an action item),
declined requests ("I don't think I can") and withdrawn ones ("actually, forget the
one-pager", "scratch that", named at any distance: "oh, and scrap the invoices"), feelings
one means to manage ("I'll try not to worry"), good wishes at parting ("take care, and try to
get some sleep" - "will do"), outcomes one will learn ("I'll find out Friday
if I got it"), keeping in touch with the other ("I'll call you Monday"), what is done during
the call ("I'll put the link in the chat"), "eventually" and "where needed", an offer put off
("yeah, maybe later"), "I can ..." that neither answers a request nor names a day, and
deciding not to do something ("I'll hold off on the minibus", "I'll skip Leicester this year",
"I'll give it a miss").
A task summed up later ("so, I'll get the memo to you Friday") is the task agreed before.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from datetime import date
from typing import NamedTuple

from . import phrases
from .dates import NUMBERS, DateMention, find_dates, find_times, format_when
from .names import fits_pronoun, gender_of
from .phrases import TASK_VERBS
from .text import Context, Sentence, base_form, position_of, provenance, restore_case, split_sentences
from .types import ActionItem

# ---------------------------------------------------------------- candidates

_PROGRESSIVE = re.compile(r"\bi(?:'m|\s+am)\s+(?=(?P<verb>[a-z]+ing)\b)")
_PLAN_VERBS = frozenset("""
apply book call cancel chase draft email enrol enroll file finish fix forward message order pay phone
post practice practise prepare read register renew reply request reschedule review revise rewrite
ring schedule send sign submit text update upload write
""".split())
"""Verbs of a deliverable: "I'm registering before the fifth" plans a task, while "I'm
presenting on the 15th" or "I'm working Friday" only says what is scheduled."""
_NOT_A_TASK = re.compile(
    r"(?:cry|die|scream|faint|regret|explode|panic|throw\s+up|pass\s+out|freak\s+out|melt\s+down|"
    r"lose\s+(?:it|my\s+mind)|go\s+(?:crazy|insane|mad|nuts)|kill\s+(?:someone|somebody|him|her|them|myself)|"
    r"forget|live|survive|need\b(?!\s+to\b)|wing\s+it|sleep\s+on\s+it|get\s+(?:there|used\s+to|over)|"
    r"(?:bear|keep|have)\s+(?:that|this|it)\s+in\s+mind|have\s+you\s+know|cross\s+that\s+bridge|"
    r"take\s+a\s+(?:break|breather|step\s+back)|go\s+(?:with|for)\b|be\s+seeing\b|"
    # Carrying on, and looking after oneself: "I'll keep pushing", "I'll grab a coffee".
    r"keep\s+(?:an\s+eye|pushing|going|at\s+it|trying|plugging|calm|positive|smiling|an\s+open\s+mind|"
    r"my\s+(?:head|chin|cool))\b|(?:grab|get|have)\s+(?:a\s+|some\s+)?(?:coffee|tea|lunch|dinner|breakfast|"
    r"drink|bite|sleep|rest|nap|early\s+night)\b|"
    r"see|see\s+how\b|wait\s+and\s+see\b|be\s+(?:in|at|on|off|away|out|back|around|free|busy|"
    r"home|fine|okay|ok|alright|all\s+right|late|early|hard\s+to\s+reach|there|here)\b"
    # What befalls one rather than what one does: "I'll know more after Friday", "I'll turn
    # thirty next month", "I'll lose the client", "I'll end up redoing it", "I'll have more time".
    r"|know\b|lose\b|miss\b|fail\b|end\s+up\b|run\s+out\b|become\b|grow\s+(?:up|old)\b"
    r"|get\s+(?:thrown|hit|fired|sacked|caught|stuck|blamed|grilled|told\s+off|shouted\s+at|dragged|roped|eaten|"
    r"torn|ripped|hammered|slammed|crucified|destroyed|laughed\s+at|found\s+out|burned|burnt|dumped|lumbered)\b"
    r"|turn\s+(?:\d+|eighteen|twenty|thirty|forty|fifty|sixty|seventy)\b"
    r"|have\s+(?:(?:more|less|enough|no|some|plenty\s+of|a\s+lot\s+of|lots\s+of)\s+)?(?:free\s+)?(?:time|money|space|"
    r"room|energy|capacity|headroom|idea|clue|news|info|information)\b"
    r"|have\s+(?:lost|missed|forgotten|failed|been|had|spent|wasted|burned|burnt)\b"
    # Intentions about one's feelings or manner: "I'll try not to worry", "I'll try to be braver".
    r"|try\s+(?:(?:to|and)\s+)?not\s+(?:to\s+)?\w+|try\s+(?:to|and)\s+(?:be|stay|keep\s+calm|relax|calm\s+down|"
    r"worry|stress|feel|enjoy|breathe|remember)\b"
    # Learning an outcome already settled: "I'll find out Friday if I got it", "I'll find out
    # at the end of the month whether they have accepted my testimonials".
    r"|find\s+out\b(?=.*\b(?:if|whether)\s+(?:i|we|they|he|she|it|(?:the|my|our)\s+[\w-]+)\s+(?:got|passed|won|made|"
    r"was|were|did|(?:have|has|had)\s+(?:been|got|\w+ed)\b))"
    # Done during the call: "I'll put the link in the chat".
    r"|.*\bin\s+(?:the\s+)?(?:zoom\s+|teams\s+|meeting\s+)?chat$)\b.*$")
"""Commitment words that promise no task: feelings ("I'm going to cry"), idioms ("I'll sleep
on it", "I'll bear that in mind", "I'll get there"), a choice ("I'm going to go with option
B", a decision), waiting ("I'll see"), where or how one will be ("I'll be in Denver", "I'll
be fine", "I'll be seeing the surgeon on Tuesday")."""
_SUBORDINATOR_BEFORE = re.compile(r"\b(?:before|after|when|whenever|until|till|once|if|unless|while|"
                                  r"because|since|so|as\s+soon\s+as|something|anything|everything|stuff)\s+$")
"""A verb after these is part of a subordinate clause: "look over it before I submit"."""
_CONDITION_AFTER = re.compile(
    r"(?<!\band )(?<!\bor )(?<!\bbut )(?<!\bthen )"
    r"\b(?:if|unless|assuming|provided)\s+(?!(?:you|that|it|this|needed|necessary|possible|"
    r"so|required|(?:i|we)\s+can(?=\s*(?:[,.;!?]|$)))\b)\w")
"""A condition on something else ("I'll commission a survey if the council approves", "I'll
probably take it if Marco's dates work") makes a plan, not a promise. "I'll send it if you
like", "if that helps" and "if I can" are only politeness; "and if she can't, ..." opens the next
clause."""
_PURPOSE = re.compile(r"\bso\s+(?:that\s+)?(?:it's|it\s+is|it'll|they're|they\s+are|we're|i'm|you're|"
                      r"there's)\s+(?:all\s+)?(?:ready|there|set|in\s+place|done|covered)\b")
"""A purpose said after the task, which the condition belongs to: "I'll set up a tracking sheet
so it's ready if he agrees" promises the sheet."""
_PROBABLY = re.compile(r"\b(?:probably|possibly|likely)\b")
"""Said as a likelihood and with no date ("next year I'll probably move to Berlin", "I'll
probably just wing it"), a plan is no promise; "I'll probably send it Friday" still is."""
_SOMEDAY = re.compile(r"\b(?:eventually|one\s+day|some\s*day|sooner\s+or\s+later|at\s+some\s+point|"
                      r"(?:where|when|as|if)\s+needed)\b")
"""...nor is "I'll finish it eventually" or "I'll support her where needed"."""
_REPORTED_BEFORE = re.compile(
    r"\b(?:says|say|saying|tells?\s+(?:me|him|her|them|people|everyone)|thinks|reckons|swears|claims|insists|"
    r"predicts|bets|keeps\s+saying|warned\s+(?:me|him|her|them))(?:\s+to\s+(?:her|him|them|me))?\s+(?:that\s+)?$")
"""What someone else says the speaker will do: "my sister says I'll regret it", "he swears
I'll love it"."""
_INVERTED_CONDITION = re.compile(r"(?:^|,\s*)(?:should|were|had)\s+(?!i\b|you\b)[a-z]+\b[^,]*,\s*$")
""""Should the grant come through, I'll hire an intern": a condition put first."""
_ONCE = re.compile(r"\b(?:once|when|after|as\s+soon\s+as)\s+(?:i'm|i\s+am|i've|i\s+have|i\s+get|i)\b")
"""A plan for once something has happened ("my plan is to drop the contract once I'm
certified") is a plan, not yet a task."""
_PAST_TIME = re.compile(r"\b(?:yesterday|last\s+(?:night|week|month|year|time|monday|tuesday|wednesday|thursday|"
                        r"friday|saturday|sunday)|(?:a|one|two|three|\w+)\s+(?:days?|weeks?|months?)\s+ago|"
                        r"earlier\s+(?:today|this\s+week))\b")
"""A plain present or "I can" with a past time is narrated, not planned ("I send it last week,
on Friday", as a second-language speaker may say)."""
_ASKING = re.compile(r"\b(?:ask|asking|check|see|find\s+out|confirm|verify|know|wonder|tell|look\s+into)\b")
"""...unless the "if" asks ("I'll ask her if she can cover", "check if the room is free")."""


@dataclass(frozen=True)
class _Task:
    """A task as said, before it is confirmed and worded."""

    sentence: Sentence
    owner: str
    words: str
    """Normalised wording, pronouns as said ("send you the revised version")."""
    due: DateMention | None
    requester: str | None = None
    """For a request: who asked (their "me"/"my" become their name)."""
    pronoun_only: bool = False
    """"do that", "send it": the wording must come from what was asked or suggested."""
    noun_only: bool = False
    """"my homework is the CV": a thing, not an action."""
    separate: bool = False
    """Said as something more ("I'll also ask Lena"), not as the answer to a request."""
    firm: bool = False
    """A request asked as a question or an assignment: "okay" accepts it, as it does not
    accept a bare imperative ("try pausing more" - "yeah")."""
    counter: bool = False
    """An offer made in answer to a request, on other terms ("can I send it Friday instead?")."""
    restated: bool = False
    """Worded from what was said before (an accepted reminder, "I'll dig them out"): if it
    names a task already agreed, it is that task said again."""
    invited: bool = False
    """An invitation to the listener ("come and do a shift with us on Sunday"): taken up
    ("I'll be there"), it is the listener's task."""
    pointed: str = ""
    """For a request said with a pronoun, the thing named before that it stands for ("could
    you look at it?")."""


_POLITENESS = re.compile(r",?\s+if\s+(?:you\s+(?:like|want|prefer|need\s+(?:it|them|me\s+to)|(?:can"
                         r"|could)(?=\s*(?:[,.!?]|$)))|"
                         r"that\s+helps|possible|that\s+(?:works|suits)|"
                         r"that's\s+(?:ok|okay|alright|fine))\b.*$"
                         r"|,?\s+(?:when|whenever)\s+you\s+(?:can|get\s+(?:a\s+)?(?:chance|minute|moment))\s*$"
                         r"|,?\s+if\s+(?:i|we)\s+can\s*$")
"""Said only to be polite, not part of the task: "I'll send it over if you like", "send me
the notes when you can"."""


_NEW_SUBJECT = re.compile(r",\s+(?:the|my|our|his|her|their)\s+[\w-]+\s+(?:wants|needs|is|are|was|were|has|had|"
                          r"says|said|expects|likes|will|would|can|could)\b")
"""A comma, then a subject and its verb: a clause of its own ("send it by Tuesday, the client
wants it on the tenth")."""


_POINTER_TASK = re.compile(r"(?:do|try)\s+(?:that|it|this)\b")
_RUN_ON = re.compile(r"\s(?:i|i've|i'm|i'd|we|we've|we're|they|they're|you're|it's|there's|"
                     r"the\s+[a-z]+(?:'s|\s+is|\s+are|\s+was))\s")
"""A new clause run on after a task that only points back: "do that friday afternoon the
room's empty then", "do that i've already got an idea"."""


def _clean_task(words: str) -> str:
    """The task's own words: no adverbs up front, no reasons or new clauses after it."""
    words = phrases.ADVERBS.sub("", words.strip(" ,"))
    for cut in (phrases.CLAUSE_CUT.search(words), _NEW_SUBJECT.search(words),
                _POINTER_TASK.match(words) and _RUN_ON.search(words)):
        if cut:
            words = words[:cut.start()]
    words = _POLITENESS.sub("", words)
    words = re.sub(r",?\s+(?:i\s+)?(?:promise|swear)$", "", words)
    words = re.sub(r"(?<!\bthe)(?<!\ba),?\s+(?:cheers|thanks|thank\s+you|ta|bye)(?:\s+[a-z]+){0,2}$", "", words)
    # "... by then cheers imogen", "i'll try thank you ines bye"
    words = re.sub(r"^to\s+", "", words)
    words = re.sub(r",?\s+and,?\s+(?:then\s+)?(?:maybe|perhaps|possibly)\s+[^,]*?\bif\b.*$", "", words)
    # "... and maybe book one if there's a date in April": a step on a condition, not promised
    words = re.sub(r"^(?:come|pop)\s+(?:over\s+|along\s+|up\s+|round\s+|down\s+)?and\s+(?=[a-z]{3,}\s+\S)", "", words)
    # "come and sit in on one of my clinics" is the sitting in
    words = re.sub(r"^try\s+to,?\s+(?=\w)", "", words)  # "I'll try to, like, keep it calmer"
    words = _NEXT_CLAUSE.split(words, 1)[0]  # "book a slot by Friday there's usually gaps"
    words = re.sub(r",?\s+if\s+(?:you're|you\s+are)\s+(?:happy|okay|ok|free)\s+to\b.*$", "", words)
    words = re.sub(r"^([a-z]+) like (?=(?:a|an|the|some|my|your|our|this|that)\b)", r"\1 ", words)  # filler
    first, _, rest = words.partition(" ")
    if first.endswith(("ing", "ed")):
        words = f"{base_form(first)} {rest}".strip()
    if _DO_ASKED.match(words):
        return ""  # "I can do - you handled that room well": a question or a new clause, no task
    words = _DO_THAT_THEN.sub(r"\1", words)  # "I'll do that - what time?": the pointer alone
    return phrases.TRAILING_CONNECTIVES.sub("", words.strip(" ,?!")).strip(" ,")


_DO_ASKED = re.compile(r"do\s+(?:you|i|we|they|he|she)\b")
_DO_THAT_THEN = re.compile(r"^(do\s+(?:that|it|this|there))\s+(?:i|you|he|she|we|they|he's|she's|it's|i'm|you're|"
                           r"there's|what|when|where|how|who|there)\b.*$")


def _not_a_verb(words: str) -> bool:
    """Broken-off speech ("I'll just ...", "so I will first uh", "i'll redo the") leaves no
    task behind."""
    first = words.split()[0]
    return first in phrases.NOT_VERBS or not first[0].isalpha() or bool(re.match(r"let\s+(?:me|us)\b", words)) \
        or bool(re.fullmatch(r"[a-z]+(?:\s+(?:up|out|over|in))?\s+(?:the|a|an|my|your|our|their)", words))


_PREPOSITIONS_TOO = frozenset("before after until till during since within without across".split())


def _content(words: str) -> set[str]:
    """The words that say what a task is about: no function words, prepositions or task verbs."""
    return {w for w in re.findall(r"[a-z][a-z'-]+", words)
            if w not in phrases.STOP_WORDS and w not in TASK_VERBS and w not in _PREPOSITIONS_TOO and len(w) > 2}


def _strip_dates(words: str, dates: list[DateMention], events: bool = True) -> str:
    """The words without their dates and date particles. A day's event stays, as "the
    inspection" ("for Friday's inspection"), unless `events` is False: then "Thursday's
    service" goes whole."""
    for mention in dates:
        words = re.sub(re.escape(mention.text) + r"'s\s+" + (r"(?=[\w-])" if events else r"[\w-]+"),
                       "the " if events else " ", words)
        words = re.sub(re.escape(mention.text), " ", words)
    for t in find_times(words):
        words = words.replace(t.text, " ")
    # The word before a date taken out ("by  ", "on ,"); "on", "in" and "over" stay when they end
    # the task without one ("look it over", "hand it in").
    words = re.sub(r"\b(?:by|on|before|until|till|for|at|in|over|my|from|around|to)(?:\s\s+|\s+(?=,)|\s+$)", " ", words)
    words = re.sub(r"\b(?:by|before|until|till|for|at|my|from|around|to)\s*(?=,|$)", " ", words)
    words = re.sub(r"[\s,]*\b(?:probably|hopefully|ideally|maybe|latest|at\s+the\s+latest|then|"
                   r"instead|please|okay|ok|either\s+way|anyway|no\s+problem|no\s+worries|no\s+bother|for\s+sure|"
                   r"definitely|obviously|of\s+course)\s*$", "", words.strip())
    return re.sub(r"(?:\s*,)+", ",", re.sub(r"\s+", " ", words)).strip(" ,")


def _is_pronoun_only(words: str, dates: list[DateMention]) -> bool:
    """Only verbs and pronouns: "do that", "get it to you", "dig it out and email it over"."""
    remaining = _VAGUE_WHEN.sub(" ", _strip_dates(words, dates, events=False)).split()
    if phrases.HAVE_IT_DONE.match(" ".join(remaining)):
        return True
    return bool(remaining) and all(
        w in phrases.PRONOUN_WORDS or w in _POINTER_PARTICLES or w == "and"
        or (remaining[k] == "and" and base_form(w) in TASK_VERBS)
        for k, w in enumerate(remaining[1:]))


_POINTER_PARTICLES = frozenset("at through into onto".split())
"""More words that leave a task pointing back: "look at it", "go through them"."""


_VAGUE_WHEN = re.compile(
    r"\b(?:(?:that|this|next|the\s+following)\s+(?:week|weekend|month)|later(?:\s+on)?|soon|sometime|"
    r"at\s+some\s+point|whenever|(?:every|each)\s+(?:single\s+)?(?:day|morning|evening|night|week|weekday)|"
    r"daily|(?:the\s+(?:minute|moment|second)|as\s+soon\s+as|once|when)\s+i\s+(?:get|have|hear|see|receive)\b.*)")
"""When, said without a date: "look at it that week", "do that every day", "forward them the
minute I get them" still only point back at what was asked."""


def _due_in(norm: str, begin: int, end: int, dates: list[DateMention]) -> DateMention | None:
    """The first definite date said between `begin` and `end`, unless it names an event."""
    for mention in dates:
        if begin <= mention.start < end and not mention.vague:
            if phrases.EVENT_FOR.search(norm[max(0, mention.start - 30):mention.start]) \
                    or (norm[:mention.start].endswith(" of ") and len(dates) > 1) \
                    or (mention.kind.startswith("span") and "year" in mention.text):
                continue  # "in five years" says when a picture is set, not when a task is due
            return mention
    return None


def _is_question(norm: str) -> bool:
    return norm.endswith("?") and not phrases.TAG_QUESTION.search(norm)


class _Cue(NamedTuple):
    """Where a commitment begins: its kind (a group name of `phrases.COMMITMENT`) and span."""

    kind: str
    start: int
    end: int


def _cues(norm: str) -> list[_Cue]:
    """The commitment cues of a sentence, with the present for a plan of any deliverable
    ("I'm registering before the fifth") besides the few progressive verbs phrases knows."""
    cues = [_Cue(m.lastgroup or "will", m.start(), m.end()) for m in phrases.COMMITMENT.finditer(norm)]
    taken = {c.start for c in cues}
    for m in _PROGRESSIVE.finditer(norm):
        if m.start() not in taken and base_form(m.group("verb")) in _PLAN_VERBS:
            cues.append(_Cue("prog", m.start(), m.end()))
    return sorted(cues, key=lambda c: c.start)


def _only_looks_like_a_task(kind: str, norm: str, cue: _Cue, raw: str, words: str) -> bool:
    """Said with a commitment's words, but no task: a feeling ("I'm going to cry"), a wait
    ("I'll see"), a plan that hangs on something not in the speaker's hands ("I'll commission
    a survey if the council approves"), or an action inside a subordinate clause ("before I
    submit")."""
    scheduled = re.match(r"be\s+(\w+ing)\b", words)
    if scheduled and base_form(scheduled.group(1)) not in _PLAN_VERBS:
        return True  # "I'll be starting the course in May": what is scheduled, not a promise
    if _NOT_A_TASK.match(words) or _REPORTED_BEFORE.search(norm[:cue.start]) \
            or _INVERTED_CONDITION.search(norm[:cue.start]):
        return True
    if kind in ("bare", "prog", "can") and (_SUBORDINATOR_BEFORE.search(norm[:cue.start]) or _PAST_TIME.search(raw)):
        return True
    if "plan" in norm[cue.start:cue.end] and (_ONCE.search(raw) or _ONCE.search(norm[:cue.start])):
        return True
    condition = _CONDITION_AFTER.search(raw)
    return kind != "mine" and condition is not None and not _ASKING.search(raw[:condition.start()]) \
        and not _STEP_BEFORE.search(raw[:condition.start()]) and not _PURPOSE.search(raw[:condition.start()])


_HOUR_NAMES = "|".join(w for w, n in NUMBERS.items() if 1 <= n <= 12 and w.isalpha())
_AVAILABLE = re.compile(r"\s*(?:do|make|manage)(?:\s+(?:again|then|instead|too|also|as\s+well|at|on|same\s+time))*"
                        r"(?:,?\s+same\s+(?:time|as\s+(?:always|usual|before|last\s+time)))?\s*"
                        r"|\s*do(?:\s+(?:the|yeah|yes|but|not|like|or|um|uh|early|late|either|both|any|"
                        rf"mornings?|afternoons?|evenings?|lunchtime|half|quarter|past|to|thirty|fifteen|forty-five|"
                        rf"o'clock|{_HOUR_NAMES}))+\s*")
"""A time offered and nothing to do at it: "I could do Tuesday the second at nine again"."""


_STEP_BEFORE = re.compile(r"^\s*\w+\s+(?:[\w'-]+\s+){1,8}?[\w'-]+(?:,?\s+and\b,?|,)\s*(?:then\s+)?"
                          r"(?:try\s+(?:and|to)|maybe|perhaps|possibly)\s+\w+")
"""A first step said before an attempt that the condition is on: "I'll look up the training days
and try to get booked on one if there's space" promises the looking up (`_clean_task` keeps it
whole); "I'll take the job and move if they offer it" promises nothing."""


_NEXT_CLAUSE = re.compile(r"(?<!\bif)(?<!\bwhether)(?<!\bthat)(?<!\bwhat)(?<!\bhow)(?<!\bwhy)(?<!\bwhen)(?<!\bwhere)"
                          r"\s(?:there's|there\s+is|there\s+are|it's|they're|he's|she's|we're"
                          r"|i\s+(?:want|need|'d\s+like|would\s+like)\s+to\s+(?:see|hear|check|know|read))\s")
"""A new clause run on without punctuation ("book a slot by Friday there's usually gaps"); not
the question a task asks ("ask Rachel if there's budget for it")."""
_POLITE_IF = re.compile(r"\bif (?:you (?:like|want|prefer|need|'d like)|it (?:would|'d|will|might) help|"
                        r"you(?:'ve| have)(?: got)? (?:the )?time|you get (?:a|the) (?:chance|minute|moment)|"
                        r"that (?:helps|would help|works)|it helps)\b,?")
"""A conditional that only offers politely: "and if you like, I'll look over the complaint"."""
_WELCOMED = re.compile(r"\b(?:that|it|this)(?:\s+would|'d)\s+(?:really\s+|actually\s+|definitely\s+|honestly\s+)*"
                       r"(?:help|be\s+(?:great|good|brilliant|amazing|lovely|ideal|perfect|useful|helpful|"
                       r"fantastic|handy|a\s+(?:big\s+|huge\s+|real\s+)?help))\b")
"""Something the other offered, welcomed before a promise: "oh that would help yeah, I'll do the forecast"."""
_POLITE_TAIL = re.compile(r",?\s+(?:if (?:you're|you are) (?:happy|okay|ok|free) to [^?]*|if that's (?:okay|ok|"
                          r"alright|all right|fine)|is that (?:okay|ok|alright|all right|fine|realistic)|"
                          r"if that (?:works|suits)(?: for you)?|(?:does|would|will) that (?:work|suit)"
                          r"(?: for you| you)?|how (?:about|does) that(?: sound)?|how's that"
                          r"|(?:does that )?sound good)\?$")
"""A commitment asked as a favour: "I'll send you a draft by the end of the month, if you're happy to look at it?"."""
_DATE_ASKED = re.compile(r",\s*(?:(?:say|maybe|like|probably|or|by)\s+)*(?:(?:this|next)\s+)?(?:monday|tuesday|"
                         r"wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|the\s+\w+|"
                         r"end\s+of\s+(?:the\s+)?\w+)"
                         r"(?:\s+\w+)?\?$")
"""A day put as a question after a promise: "I'll draft the one-pager, Thursday-ish?"."""
_ASKING_NEXT = re.compile(r"(?:,[\s,]*(?:and[\s,]+)?|\s+and[\s,]+)(?:could|can|would|will|shall|should|may)"
                          r"(?:\s+(?:i|you|we)\b.*)?\s*$")
"""A question asked after the promise, in the same breath, or its first word where the next
cue cuts it short: "I'll work out my day rate this weekend, and could I send it to you to
check?" promises the day rate."""
_NO_PROMISES = re.compile(r"\bno promises\b(?!,?\s+but\b)|\bcan't promise\b")
"""A hedge that takes the promise back ("I'll try, no promises"); "no promises, but I'll message
her over the weekend" still promises the message."""
_ANSWERED_NOW = re.compile(r"^(?:look|check|see|think)\s+(?:yeah|yes|yep|ok|okay|right|so|um|er|hmm)\b")
"""A look answered in the same breath: "let me look, yeah, Wednesday the 27th is fine"."""
_HANG_ON = re.compile(r"\b(?:hang on|hold on|one sec(?:ond)?|give me a (?:sec(?:ond)?|minute|moment)|bear with me)\b")
"""An aside during the call: "hang on, I'll shut the window"."""


_AFTER_HANG_ON = re.compile(_HANG_ON.pattern + r"[\s,.!-]*$")
"""A sentence that ends on "hang on": what the speaker says next is done at once."""


def _aside(task: _Task, sentences: tuple[Sentence, ...]) -> bool:
    """Something done at once during the call, after "hang on" in its sentence or ending the
    one before: "hang on, I'll shut the window", "it's feeding time, hang on. I'll shut the door"."""
    if not phrases.IMMEDIATE.match(task.words):
        return False
    at = sentences.index(task.sentence)
    return bool(_HANG_ON.search(_said_before(task))) or (at > 0 and bool(_AFTER_HANG_ON.search(sentences[at - 1].norm)))


_ASKED_IF = re.compile(r"\b(?:if|whether)\s+$")
"""A cue inside what a task asks ("ask her tomorrow if I can have five minutes at the briefing")
is part of that task, not the start of the next one."""


_TOGETHER = re.compile(r"\b(?:you|your|us|our|we|me)\b")


def _own_practice(speaker: str, words: str) -> bool:
    """The mentee's own new habit ("from now on I'll keep a log every session"): a task, unlike a
    standing arrangement between the two ("from now on I'll send you the articles a day before")."""
    return speaker == "mentee" and not _TOGETHER.search(words)


def _commitments(s: Sentence, dates: list[DateMention], requests: tuple[_Task, ...] = (),
                 suggested: bool = False) -> list[_Task]:
    """First-person (or both-person) commitments in one sentence; `requests`: what was just
    asked; `suggested`: the other person has just suggested something ("I can do that" takes it)."""
    norm = s.norm
    asked = bool(requests)
    found: list[_Task] = []
    matches = _cues(norm)
    for k, m in enumerate(matches):
        kind = m.kind
        clause_start = matches[k - 1].end if k else 0
        for joint in phrases.JOINT.finditer(norm, clause_start, m.start):
            clause_start = joint.end()
        clause_end = next((n.start for n in matches[k + 1:] if not _ASKED_IF.search(norm[:n.start])), len(norm))
        raw = norm[m.end:clause_end]
        if kind == "mine" and phrases.COMMITMENT.match(raw + " "):
            continue
        said_before = norm[:m.start].split()
        if kind == "let" and said_before and (said_before[-1] in phrases.NOT_LET_ME or not (
                said_before[-1][-1] in ",.;:!?-" or said_before[-1] in _OPENS_LET_ME)):
            continue
        before_cue = _WELCOMED.sub(" ", _POLITE_IF.sub(" ", norm[:m.start]))  # "if it would help, I'll forward ..."
        if phrases.HEDGE_BEFORE.search(before_cue[clause_start:]) or phrases.HYPOTHETICAL.search(norm) \
                or re.search(r"\b(?:if|unless)\b", before_cue) or _NO_PROMISES.search(norm) \
                or (_is_question(_DATE_ASKED.sub("", _POLITE_TAIL.sub("", norm[:m.end] + _ASKING_NEXT.sub(
                    "", norm[m.end:])))) and kind != "mine"):
            continue
        words = _clean_task(_ASKING_NEXT.sub("", raw))
        if words and kind == "will" and norm[m.start:m.end].startswith("what") and _not_a_verb(words):
            words = "do " + words  # "so what I'll do is a test panel over the weekend"
        if words and _only_looks_like_a_task(kind, norm, m, raw, words):
            continue
        obliged = re.match(r"(?:need|have)\s+to\s+(?P<task>\w.*)$", words)
        if obliged and kind == "will" and _due_in(norm, m.end, clause_end, dates):
            words = _clean_task(obliged.group("task"))  # "I'll need to redo the cover page by Friday"
        then = re.match(r"^[^,]*?\s+and\s+(?:then\s+)?(?P<rest>\w.*)$", words)
        if words and phrases.NOT_TASK.match(words) and not _LISTEN_TO.match(words) and then \
                and base_form(then.group("rest").split()[0]) in TASK_VERBS:
            words = _clean_task(then.group("rest"))  # "I'll think about it and get back to you"
        # A date inside the task outranks one said before its cue: "yeah, the 28th at ten,
        # I'll send the invite right after this" (a recogniser's run-on sentence).
        due = _due_in(norm, m.end, clause_end, dates) or _due_in(norm, clause_start, m.start, dates)
        if due is None or due.vague:
            due = _date_of_meeting(norm[:m.start], words, dates) or due
        if not _strip_dates(words, dates) or (phrases.NOT_TASK.match(words) and not _LISTEN_TO.match(words)) \
                or re.search(r"\b(?:right\s+)?now$", words) or (kind != "mine" and _not_a_verb(words)):
            continue
        if due is None and not asked and _behaviour_only(words, dates):
            continue
        if kind == "let" and phrases.IMMEDIATE.match(words) and (due is None or due.start < m.start
                                                                 or _ANSWERED_NOW.match(words)):
            continue  # "let me check" now; "let me pull the logs tomorrow" is a task
        if due is None and (_SOMEDAY.search(raw) or not asked and (
                (phrases.META.match(words) and not phrases.SENT_TO_SPEAKER.search(norm[:m.start]))
                or _PROBABLY.search(norm[clause_start:m.end + 12]))):
            continue
        first = words.split()[0]
        if kind == "can" and (re.search(r"\bso\s+(?:that\s+)?$", norm[:m.start]) or not (
                due or re.match(r"take\s+(?:that|it|this)\b", words) or _answers(words, requests, dates)
                or (suggested and _is_pronoun_only(words, dates)))):
            continue  # "so I can look at it" is a purpose; "I can hear you" no promise
        if kind in ("bare", "prog") and not (due or phrases.FUTURE.search(norm[m.end:clause_end])):
            continue
        if kind == "must" and (not (due and base_form(first) in TASK_VERBS) or _LEAVING.match(words)):
            continue  # "I've got to go, I've got a parents' evening thing, see you on the first": leaving
        own_clause = _NEXT_CLAUSE.split(raw, 1)[0]  # "... by the end of the month there's usually gaps"
        last_clause = re.split(r"[,;:]\s", norm[clause_start:m.start])[-1]  # not "Danny comes in on Thursdays, I'll"
        habit = phrases.HABIT.search(own_clause)
        if habit and kind == "will" and _own_practice(s.speaker, words) and habit.group(0).startswith(("on ", "in ")) \
                and not phrases.KEEPING_IN_TOUCH.match(words):
            habit = None  # "so I'll do the practice panels on Sundays": the mentee's own new practice
        if habit or phrases.HABIT.search(last_clause) \
                or (kind == "both" and phrases.SHARED_RULE.search(words)) \
                or (phrases.RECURRING.search(raw) and phrases.KEEPING_IN_TOUCH.match(words)
                    and not phrases.STARTING.search(norm)) \
                or phrases.RESPONSE_RULE.match(words) \
                or (phrases.STANDING.search(norm) and not phrases.STARTING.search(norm)
                    and not _own_practice(s.speaker, words)):
            continue
        if kind == "both" and _AGENDA.match(words) and _AT_NEXT_MEETING.search(raw):
            continue  # "let's both look at your numbers next time": what the next meeting is for
        if due is not None and _EVERY.search(raw):
            due = None  # "a practice test every Sunday till then": no one due date
        owner = "both" if kind == "both" else s.speaker
        words = _with_topic(words, norm[clause_start:m.start], dates)
        if not asked and _AVAILABLE.fullmatch(_strip_dates(words, dates)):
            continue
        pronoun_only = _is_pronoun_only(words, dates) or bool(re.match(r"take\s+(?:that|it|this)$", words))
        found.append(_Task(s, owner, words, due, pronoun_only=pronoun_only,
                           noun_only=kind == "mine" and base_form(first) not in TASK_VERBS,
                           separate=bool(phrases.SEPARATE.search(raw) or _AND_MORE.fullmatch(norm[:m.start]))))
    for m in _ON_MY_PLATE.finditer(norm):
        fronted = _FRONTED.fullmatch(norm[:m.start()].strip())
        if fronted and not _is_question(norm):  # "reference letters, that's on my plate"
            found.append(_Task(s, s.speaker, fronted.group("thing"), _due_in(norm, 0, len(norm), dates),
                               noun_only=True))
        elif not _is_question(norm):
            found.append(_Task(s, s.speaker, m.group("it"), _due_in(norm, 0, len(norm), dates),
                               pronoun_only=True, noun_only=True))
    found += _deliveries(s, dates)
    found += _stated_done(s, dates, asked or suggested)
    for m in phrases.ON_ME.finditer(norm):
        words = m.group("task").strip()
        if words and not _is_question(norm):
            found.append(_Task(s, s.speaker, words, _due_in(norm, 0, len(norm), dates),
                               pronoun_only=words in ("that", "this", "it"), noun_only=True))
    return [step for task in _combine(found) for part in _split_pointer(task, dates)
            for step in _split_steps(part, dates)]


def _stated_done(s: Sentence, dates: list[DateMention], answering: bool) -> list[_Task]:
    """A task taken on, after the other's request or advice (`answering`), as the state its
    thing will be in by a date (`_STATED_DONE`): said after "so" too ("I'll have signal, so the
    oral gets booked then"). "Let's say the list is split by Sunday" needs no request before it."""
    norm = s.norm
    then = _SO_THEN.search(norm)
    offset = then.end() if then and not _STATED_DONE.match(norm) else 0
    stated = _STATED_DONE.match(norm[offset:])
    due = _due_in(norm, offset + stated.start("task"), len(norm), dates) if stated else None
    if stated and due is None and re.search(r"\bthen[.!]?$", norm):  # "tomorrow ..., so the oral gets booked then"
        due = next((d for d in reversed(dates) if d.end <= offset), None)
    if stated is None or due is None or (due.vague and not due.until_checkin) or _is_question(norm) \
            or phrases.HYPOTHETICAL.search(norm) or phrases.COMMITMENT.search(norm[offset:]) \
            or not (answering or stated.group("say") or stated.group("byme")
                    or stated.group("task").startswith("consider") or _PROMISED.search(norm)):
        return []
    task = re.sub(r"^consider\s+(.*?)\s+done\b", r"get \1 done", stated.group("task"))  # "consider the form done"
    return [_Task(s, s.speaker, _strip_dates(task, dates), due)]


_PROMISED = re.compile(r",\s+(?:i\s+)?promise[.!]?$")
"""A state promised outright, with no request before it: "the inspection will be booked
before our next call, promise"."""
_SO_THEN = re.compile(r",\s+so\s+(?=(?:the|my)\s)")
"""Where a thing's promised state may follow another clause: "..., so the oral gets booked then"."""


_YOU_WILL_HAVE = re.compile(
    r"\byou(?:'ll| will) (?:have|get) (?P<thing>it|them|those|that|(?:my|the|our|a|an|his|her|their) "
    r"(?:[\w'-]+ ){0,5}?[\w'-]+?"
    r"|(?:two|three|four|five|six|both|all (?:three|four|five|six))(?: [a-z][\w'-]*){0,2}?"
    r"|(?:comments|feedback|notes|thoughts|edits|corrections|a reply|an answer)(?: on (?:it|that|them|the [\w'-]+))?)"
    r"(?:\s+back)?(?:\s+from\s+me)?(?P<with>\s+with\s+my\s+(?:comments|notes|edits|thoughts|feedback|corrections|"
    r"changes|suggestions))?"
    r"(?=\s+(?:by|before|tomorrow|tonight|today|a\s+week|in\s+(?:a|two|three|four|five|ten)\s|within|"
    r"(?:on |this |next |over the )?(?:monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|week|weekend|month)|first thing|end of|my)\b"
    r"|\s+in\s+your\s+(?:inbox|hands|email|pigeonhole)\b|\s*[,.]|\s*$)"
    r"|\b(?P<it>it|they|that|those)(?:'ll| will) be (?:with you|in your (?:inbox|hands|email))\b")
"""A promise put as what the listener will have: "you'll have my comments by Monday", "you'll
have three by the thirtieth", "you'll have it in your inbox today", "it'll be with you by
Wednesday"."""
_STATED_DONE = re.compile(
    r"^(?:(?:okay|ok|right|fine|so|then|and|yes|yeah|deal|good)[,.!\s]+)*(?P<say>(?:let's\s+)?say\s+)?(?P<task>(?:"
    r"(?:the|my|a|an|one)\s+[a-z][\w'-]*(?:\s+[a-z][\w'-]*){0,3}?\s+"
    r"(?:(?:goes|will\s+go|'ll\s+go)\s+(?:back\s+)?(?:in|into|on|to|off|out)\b"
    r"|(?:will\s+be|'ll\s+be|gets|will\s+get|'ll\s+get)\s+(?:booked|done|sent|finished|submitted|filed|written|"
    r"drafted|ordered|fitted|posted)\b)"
    # "let's say the list is split by Sunday", "say the scans are with you by the end of the month"
    r"|(?<=say\s)(?:the|my)\s+[a-z][\w'-]*(?:\s+[a-z][\w'-]*){0,3}?\s+(?:is|are|'s)\s+"
    r"(?:with\s+you|in\s+your\s+inbox|done|finished|sent|booked|submitted|filed|written|drafted|split|sorted|"
    r"fixed|ready|posted|ordered)\b"
    r"|consider\s+(?:the|my)\s+[a-z][\w'-]*(?:\s+[a-z][\w'-]*){0,2}?\s+done\b"
    # "the four care homes get visited by me by the 30th"
    r"|(?:the|my|all|both)\s+[a-z][\w'-]*(?:\s+[a-z][\w'-]*){0,3}?\s+(?:get|gets|will\s+get|'ll\s+get)\s+[a-z]+ed"
    r"\s+(?P<byme>by\s+me)\b"
    r"|there(?:'ll|\s+will)\s+be\s+(?:a|an)\s+[a-z][\w'-]*(?:\s+[a-z][\w'-]*){0,2}?\s+(?:in|on|up)\b"
    r")[^,;]*)")
"""A task promised as the state of its thing by a date: "The proposal goes to the gallery by
the fifteenth", "the inspection will be booked before our next call", "the oral gets booked
then", "let's say the list is split by Sunday", "consider the entry form done by the end of
the month", "there'll be a fan in the cave by Monday"."""
_NOT_SENT = re.compile(r"\b(?:your|you|lot|bit|chance|laugh|shock|surprise|break|rest|think|feeling|go|look)\b")
"""What one will "have" that nobody sends: "you'll have a lot on your plate by Friday"."""
_WITH_YOU = re.compile(
    r"(?:^|[,.;]\s*|\b(?:so|and|then)\s+)(?:(?:okay|ok|right|sure|yes|yeah|fine|great|deal|so|and|then)[,\s]+)*"
    r"(?P<thing>(?:(?:the|a|my|our|an)\s+)?(?!(?:i|it|that|this|they|we|you|he|she|back|over|up|next|close|"
    r"thanks|talk|speak|listen|good|nice|new|sent|given|said|read|shown|due|down|all|one)\b)"
    r"[a-z][\w'-]*(?:\s+[a-z][\w'-]*){0,2}?)\s+"
    r"(?:(?:will|'ll)\s+be\s+(?:with\s+you|in\s+your\s+(?:inbox|hands|pigeonhole))|(?:comes?|will\s+come|'ll\s+come"
    r"|goes|will\s+go)\s+(?:over\s+|back\s+)?to\s+you|(?:over\s+|back\s+)?to\s+you"
    r"|(?:will\s+be\s+|'ll\s+be\s+)?on\s+(?:your|[a-z]+'s)\s+desk)\b")
"""A promise without its verb: "corrected log to you by the 3rd", "the outline comes to you end of
next week", "the revised draft will be with you by Friday", "portfolio on Gerald's desk by the
end of October" (a date must follow)."""
_GETS_FROM_ME = re.compile(r"(?:^|[,.;]\s*|\b(?:so|and|then|right|okay|ok|me)\s+)(?P<who>[a-z][\w'-]*?)"
                           r"(?:\s+gets|\s+will\s+(?:get|have)|'ll\s+(?:get|have))\s+"
                           r"(?P<thing>(?:an?|the|my)\s+[a-z][\w'-]*(?:\s+[a-z][\w'-]*){0,2}?)\s+from\s+me\b")
"""A promise put as what a third person will get: "Sunita gets an email from me on Monday",
"he'll have a reference from me by the twenty fifth"."""
_OBJECT_PRONOUN = {"he": "him", "she": "her", "they": "them"}
_SAID_TO = frozenset("talk speak chat listen write reply report say mention explain read go come".split())
"""Verbs before "to you" that say nothing is delivered: "cool, talk to you on the 28th"."""
def _deliveries(s: Sentence, dates: list[DateMention]) -> list[_Task]:
    """Promises put as what the listener (or another) will get, with a date: "you'll have my
    comments by Monday", "you'll get comments back from me by Tuesday", "corrected log to you
    by the 3rd", "the sheet will be in your inbox by end of day", "Sunita gets an email from me
    on Monday"."""
    norm = s.norm
    found: list[_Task] = []
    for m in _YOU_WILL_HAVE.finditer(norm):
        due = _due_in(norm, m.end(), len(norm), dates)
        thing = m.group("thing") or ("them" if m.group("it") in ("they", "those") else "it")
        thing = "them" if thing == "both" else thing  # "the deck and the list ... you'll have both tomorrow"
        if thing.startswith(("a ", "an ")) and (due is None or not re.fullmatch(
                r"\s*(?:(?:by|before|on|until|till|for)\s+)?", norm[m.end():due.start])
                or _NOT_SENT.search(thing)):
            continue  # "you'll have a draft by Friday"; not "you'll get a shock, they're leaving Friday"
        if due is not None and not _is_question(norm) and not phrases.HYPOTHETICAL.search(norm):
            pointer = thing in ("it", "them", "those", "that")
            counted = re.fullmatch(r"two|three|four|five|six", thing)  # "you'll have three": of a kind named before
            words = f"send {thing} to you" if pointer or counted else f"send you {thing}"
            if m.group("with"):  # "you'll have it back with my comments over the weekend"
                words = f"send {thing} back to you{m.group('with')}"
            found.append(_Task(s, s.speaker, words, due, pronoun_only=pointer))
    for m in _GETS_FROM_ME.finditer(norm) if "from me" in norm else ():
        due = _due_in(norm, m.end(), len(norm), dates)
        who = _OBJECT_PRONOUN.get(m.group("who"), m.group("who"))
        if due is not None and who not in phrases.STOP_WORDS - {"him", "her", "them"} and not _is_question(norm) \
                and not phrases.HYPOTHETICAL.search(norm):
            found.append(_Task(s, s.speaker, f"send {who} {m.group('thing')}", due))
    for m in _WITH_YOU.finditer(norm) if "you" in norm or " desk" in norm else ():
        due = _due_in(norm, m.end(), len(norm), dates)
        thing = m.group("thing")
        bare = not re.match(r"(?:the|a|my|our|an)\s", thing)  # "corrected log to you": not "email it to you"
        named = thing.split() if bare else thing.split()[1:]
        desk = re.search(r"on\s+\S+\s+desk$", m.group(0))
        if due is not None and not _is_question(norm) and not phrases.HYPOTHETICAL.search(norm) \
                and not (bare and named[0] in TASK_VERBS) and not any(w in phrases.STOP_WORDS for w in named) \
                and (desk or named[-1] not in _SAID_TO):
            the_thing = f"the {thing}" if bare else thing
            found.append(_Task(s, s.speaker, f"put {the_thing} {desk.group(0)}" if desk else f"send you {the_thing}",
                               due))
    return found


_TOPIC_FIRST = re.compile(
    r"(?:^|[,.]\s*)(?:(?:and|so|okay|ok|right|now|then)[,\s]+)*(?P<prep>for|on|about|regarding|re|as\s+for|as\s+to)\s+"
    r"(?P<np>(?:the|my|your|our|this|that|his|her|their)\s+[a-z][\w'-]*(?:\s+[a-z][\w'-]*){0,3}?)"
    r"(?:\s+(?:side|front|bit|piece|thing|part|question))?\s*,\s*$")
"""What a task is for, said first: "for the handover, I'll write a checklist"."""
_OBJECT_FIRST = re.compile(
    r"^(?:(?:and|so|okay|ok|right|now|then)[,\s]+)*(?P<np>(?:the|my|your|our|this|that|a|an)\s+[a-z][\w'-]*"
    r"(?:\s+[a-z][\w'-]*){0,3}?),?\s*$")
"""The object said first, with no pronoun after the verb: "the risk register I'll update by Friday"."""


_LEFT_WITH_ME = re.compile(
    r"\bleave\s+(?P<np>(?:the|my|your|our|this|that)\s+[a-z][\w'-]*(?:\s+[a-z][\w'-]*){0,3}?)\s+(?:with|to)\s+me"
    r"[,.;]?\s*$"
    r"|(?:^|[,.]\s*)(?P<np2>(?:the|my|your|our)\s+[a-z][\w'-]*(?:\s+[a-z][\w'-]*){0,3}?),?\s+leave\s+(?:that|it|them|"
    r"those)\s+(?:with|to)\s+me[,.;]?\s*$"
    r"|\bput\s+me\s+down\s+for\s+(?P<np3>(?:the|my|your|our|this|a|an)\s+[a-z][\w'-]*(?:\s+[a-z][\w'-]*){0,3}?)"
    r"(?:\s+then)?[,.;]?\s*$")
"""A thing taken on before the promise says how: "leave the rota with me, I'll have a word with
the manager", "the exam fees, leave that with me. I'll find out whether the firm covers them",
"put me down for a reference, I'll write it once you send me the log"."""
_PUT_DOWN = re.compile(r"\bput\s+me\s+down\s+for\b")


def _put_down_then_said(commitments: list[_Task]) -> list[_Task]:
    """"Put me down for that. I'll walk the floors every morning": the thing taken on is the
    promise that follows it in the same turn, not a task of its own."""
    return [c for k, c in enumerate(commitments)
            if not (c.noun_only and _PUT_DOWN.search(c.sentence.norm)
                    and any(later.owner == c.owner and not later.noun_only for later in commitments[k + 1:]))]


_NO_THING = frozenset("one ones bit side thing things lot stuff".split())
_CUE_AT_END = re.compile(r"\s*(?:i'll|i\s+will|i\s+can|let\s+me|i'm\s+going\s+to|i'm\s+gonna)?\s*$")
"""The promise's own cue, left off what was said before the task."""


def _left_with_me(commitments: list[_Task], sentences: Sequence[Sentence]) -> list[_Task]:
    """Promises that say how a thing left with the speaker will be done, worded with the thing:
    in the pronoun's place, or after the task."""
    found = []
    for c in commitments:
        k = next((j for j, s in enumerate(sentences) if s is c.sentence), 0)
        before = c.sentence.norm[:c.sentence.norm.find(c.words[:12])] if c.words[:12] in c.sentence.norm else ""
        left = _LEFT_WITH_ME.search(_CUE_AT_END.sub("", before)) \
            or (_LEFT_WITH_ME.search(sentences[k - 1].norm) if k else None)
        thing = (left.group("np") or left.group("np2") or left.group("np3")) if left is not None else None
        if thing is None or c.owner != c.sentence.speaker or _words(thing) & _words(c.words) \
                or not _words(thing) - _NO_THING:  # "leave that one with me" names nothing
            found.append(c)
            continue
        pointer = _pointer_in(c.words)
        words = _put_thing(c.words, pointer, thing) if pointer is not None else f"{c.words} about {thing}"
        found.append(replace(c, words=words, pronoun_only=False))
    return found


def _with_topic(words: str, before: str, dates: list[DateMention]) -> str:
    """The task with what it is for or about when that was said before the promise: "write a
    checklist for the handover", "update the risk register"."""
    plain = _strip_dates(words, dates).split()
    obj = _OBJECT_FIRST.match(before)
    if obj and len(plain) <= 2 and base_form(plain[0]) in TASK_VERBS and not _POINTER.search(words):
        verb, _, rest = words.partition(" ")
        return f"{verb} {obj.group('np')} {rest}".strip()
    topic = _TOPIC_FIRST.search(before)
    if topic is None or _words(topic.group("np")) <= _words(words):
        return words
    prep = topic.group("prep") if topic.group("prep") in ("for", "on", "about") else "for"
    return f"{words} {prep} {topic.group('np')}"


_AND_MORE = re.compile(r"(?:(?:oh|okay|ok|right|perfect|great|good|lovely)[,\s]+)*(?:and|plus)\s+(?:then\s+)?")
"""A sentence that opens with "and" adds a task: "Perfect. And I'll check the margins."."""


_BEHAVIOUR = re.compile(r"^[a-z]+(?:\s+(?:back|down|off|more|less|a\s+bit|a\s+little|harder|and\s+[a-z]+\s+(?:more"
                        r"|less)|"
                        r"better|slower|faster|properly|carefully|for\s+(?:that|it|this)))+$"
                        r"|^(?:watch|mind)\s+(?:out\s+)?(?:for\s+)?(?:that|it|this)$")


def _behaviour_only(words: str, dates: list[DateMention]) -> bool:
    """A change of manner with no deliverable: "I'll hold back more", "I'll watch for that",
    "I'll slow down a bit" answer feedback; they are no task."""
    plain = _strip_dates(words, dates)
    return bool(_BEHAVIOUR.match(plain)) and not _content(plain) and not re.match(
        r"(?:do|send|get|finish|write|read|book|check|fix|email|call|update|review|sort)\b", plain)


_LEAVING = re.compile(r"(?:go|get\s+off|dash|run|head\s+off)\b(?!\s+(?:and|to|through|over|back|for|with)\b)")
"""Having to leave the call: "I've got to go in a minute", "I've got to get off at the next stop"."""
_DURATION = re.compile(r"\bfor\s+(?:\w+\s+){0,2}(?:minutes|hours|ages|days|weeks)\b")
_HABIT_BEFORE = re.compile(r"\b(?:keep|keeps|always|every\s+time|whenever|usually|tend\s+to)\b")


def _habitual(task: _Task, sentences: Sequence[Sentence]) -> bool:
    """"I keep getting stuck on the intros. I'll sit there for forty minutes on one
    sentence.": "will" of habit, a description of the difficulty, with a duration and no date."""
    if task.due is not None or not _DURATION.search(task.words):
        return False
    k = sentences.index(task.sentence)
    said = " ".join(x.norm for x in sentences[max(0, k - 1):k]) + " " + task.sentence.norm.split("i'll")[0]
    return bool(_HABIT_BEFORE.search(said))


_ON_MY_PLATE = re.compile(r"(?:^|,\s*|\s)(?P<it>that|this|it|those|these)(?:'s|\s+is|\s+are)\s+on\s+"
                          r"my\s+(?:plate|list|to-?do\s+list)\b")
"""A task named just before: "I never sent the article. That's on my plate."."""
_FRONTED = re.compile(r"(?:(?:and|so|okay|ok|right|oh|also)[,\s]+)*(?P<thing>(?:the\s+|my\s+|our\s+)?"
                      r"[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,3}),?")
"""The thing put first: "reference letters, that's on my plate"."""


def _answers(words: str, requests: tuple[_Task, ...], dates: list[DateMention]) -> bool:
    """Does "I can ..." take on what was just asked ("could you send me the logs?" - "I can
    send the logs", "I can do that"), rather than say what is possible ("I can try")?"""
    return any(_same_thing(words, r.words) for r in requests) or (bool(requests) and _is_pronoun_only(words, dates))


_AGENDA = re.compile(r"(?:look\s+(?:at|over|into)|go\s+(?:through|over)|discuss|talk\s+(?:about|through)|review|"
                     r"dig\s+into|catch\s+up\s+on|work\s+through)\b")
_AT_NEXT_MEETING = re.compile(r"(?<!\bbefore\s)(?<!\bbefore\sthe\s)(?<!\bbefore\sour\s)(?<!\bby\sthe\s)"
                              r"(?<!\bby\sour\s)\bnext\s+(?:time|session|meeting|call)\b"
                              r"|\bwhen\s+we\s+(?:next\s+)?(?:meet|speak|talk)\b"
                              r"|\bat\s+our\s+next\b")


_CODA = re.compile(r"(?:compare|decide|discuss|see|talk|catch|go\s+through|"
                   r"(?:ask|tell|check)\s+(?:if|whether|about|how|what|when))\b")
"""A step listed last that rounds off the first rather than adding a task: "..., and compare
notes", "ring the vendor, apologise, and ask if I can come round"."""


def _split_steps(task: _Task, dates: list[DateMention]) -> list[_Task]:
    """"I'm going to move the cameras tomorrow and then check the cards Friday": two steps,
    each with a day of its own, are two tasks (one that only points back, "and send it to you
    Monday", stays part of the first)."""
    m = re.match(r"^(?P<first>.+?)\s+and\s+(?:then\s+)?(?P<rest>[a-z][\w'-]*\s.*)$", task.words)
    if not m or task.pronoun_only or base_form(m.group("rest").split()[0]) not in TASK_VERBS \
            or phrases.NOT_TASK.match(m.group("rest")):
        return [task]
    norm = task.sentence.norm
    begin, rest_at = norm.find(task.words), norm.find(m.group("rest"))
    if begin < 0 or rest_at < begin:
        return [task]
    first_due = _due_in(norm, begin, rest_at, dates)
    rest_due = _due_in(norm, rest_at, len(norm), dates)
    rest = _strip_dates(m.group("rest"), dates)
    listed = task.owner != "both" and not _CODA.match(m.group("rest")) \
        and re.search(r",\s+and\s+(?:then\s+)?" + re.escape(m.group("rest")[:20]), norm) is not None \
        and base_form(m.group("rest").split()[0]) != base_form(m.group("first").split()[0])
    if not listed and (first_due is None or rest_due is None or first_due.day == rest_due.day) \
            or _is_pronoun_only(m.group("rest"), dates) or not _words(rest.partition(" ")[2]):
        # "do the build over the weekend" is a step of its own: "build" is its thing there. One task
        # of two dated steps is due when its last step is: "I'll cut the summary tonight and have the
        # revised report over to you by tomorrow lunchtime".
        later = first_due is not None and rest_due is not None and task.due is first_due \
            and rest_due.day is not None and first_due.day is not None and rest_due.day > first_due.day
        return [replace(task, due=rest_due) if later else task]
    return [replace(task, words=m.group("first"), due=first_due), replace(task, words=m.group("rest"), due=rest_due)]


def _split_pointer(task: _Task, dates: list[DateMention]) -> list[_Task]:
    """"I'll do that tonight and talk to him on Monday" is two tasks: the first points back."""
    m = re.match(r"^(?P<first>(?:do|try)\s+(?:that|it|this)\b.*?)\s+and\s+(?P<rest>\w.*)$", task.words)
    if not m or task.pronoun_only or base_form(m.group("rest").split()[0]) not in TASK_VERBS \
            or phrases.NOT_TASK.match(m.group("rest")):
        return [task]
    norm = task.sentence.norm
    begin = norm.find(m.group("rest"))
    first_due = _due_in(norm, norm.find(m.group("first")), begin, dates)
    rest_due = _due_in(norm, begin, len(norm), dates)
    return [replace(task, words=m.group("first"), due=first_due, pronoun_only=True),
            replace(task, words=m.group("rest"), due=rest_due)]


def _combine(found: list[_Task]) -> list[_Task]:
    """One sentence, one task per thing: "the form is on my plate, I need to finish it by
    the 15th" is "finish the form"; "let me send you X, I'll dig it out tonight" is X, tonight."""
    named = any(t.noun_only and not t.pronoun_only for t in found)
    # "the course dates, that's on my list, I'll forward them when they're out": with a thing
    # named, a task that points back at it is its verb phrase.
    pointing = [t for t in found if t.pronoun_only or (named and not t.noun_only and _VERB_IT.match(t.words))]
    content = [t for t in found if t not in pointing]
    pronouns = pointing
    if not content:
        return found[:1]
    if not pronouns:
        return content
    # "the route map's on me, I'll have it finished by Friday, and I'll post the call-out
    # tomorrow": a pointing task with its own date is a task of its own.
    own = [t for t in pronouns if not named and t.due is not None and all(c.due != t.due for c in content)]
    helper = pronouns[0]
    combined = []
    for task in found:  # in the order said
        if task in content and task.noun_only:
            verb_phrase = re.sub(r"\b(?:it|that|this|them)\b", task.words, helper.words, count=1)
            combined.append(replace(task, words=verb_phrase, noun_only=False, due=task.due or helper.due))
        elif task in content:
            combined.append(replace(task, due=task.due or helper.due))
        elif task in own:
            combined.append(task)
    return combined


_NOT_ASKED_TO = frozenset("""
ever rather really actually honestly still already not never even perhaps describe remember believe picture live
stand cope afford repeat speak slow walk recommend advise prefer want need know understand agree expect trust
guess feel bear tell explain talk hear see imagine think say like love mind be hang hold wait
""".split())
"""Words after "could you" that ask nothing to be done later: beliefs, abilities, answers now."""


def _other_verb(words: str) -> bool:
    """A request's verb that phrases.TASK_VERBS lacks ("could you photograph it before and
    after?", "can you have a read of chapter three?"): a plain word with an object after it."""
    first, _, rest = words.partition(" ")
    return bool(re.fullmatch(r"[a-z][a-z-]{2,}", first)) and bool(rest.strip()) and not first.endswith("ly") \
        and first not in _NOT_ASKED_TO and first not in phrases.STOP_WORDS and first not in phrases.NOT_VERBS


_ON_CONDITION = re.compile(
    r"(?:(?:and|so|but|okay|ok|well|oh|great|good)[,\s]+)*if\s+"
    r"(?!you\s+(?:want|like|need|prefer|fancy|get\s+a\s+chance|"
    r"have\s+(?:time|a\s+(?:minute|sec|second|moment|chance)))\b|it\s+helps\b|that\s+helps\b|possible\b|you\s+can\b)")
"""An imperative on a condition that may never hold: "and if it still won't converge, send me
the script" (labelled a task 0 times in 18 on the read sets; "if you want, send me ..." is an offer)."""


def _requests(s: Sentence, dates: list[DateMention]) -> list[_Task]:
    """Requests to the other person in one sentence."""
    norm = s.norm
    tasks: list[_Task] = []
    addressee = Context.other(s.speaker)
    for m in phrases.REQUEST.finditer(norm):
        if m.lastgroup == "open" and m.group(0).startswith("who") and not _CLAUSE_OPENS.search(norm[:m.start()]):
            continue  # "a group leader who could take some days": a relative clause, no request
        words = _clean_task(norm[m.end():])
        if words and m.lastgroup == "open" and words.split()[0].endswith("ing"):
            first, _, rest = words.partition(" ")  # "who's doing the statement?": do the statement
            words = f"{'do' if first == 'doing' else base_form(first)} {rest}"
        if words and words.startswith("keep ") and phrases.NOT_TASK.match(words):
            continue  # "could you keep doing those?": go on as before, an arrangement
        if words and re.match(r"let\s+me\b", words):
            continue  # "could you let me have a go?" asks leave; the asker does it
        if words and (base_form(words.split()[0]) in TASK_VERBS or _LOOK_OVER.match(words)
                      or (m.lastgroup == "open" and words.startswith("do "))
                      or (m.lastgroup == "ask" and _other_verb(words))
                      or re.search(r"\bmind\s*$", m.group(0))):  # "would you mind riding (writing) down ..."
            firm = m.lastgroup != "ask" or norm.endswith(("?", "please"))
            # The request's own date: said in it, or just before it ("by Friday, could you ...").
            tasks.append(_Task(s, addressee, words, _due_in(norm, max(0, m.start() - 16), len(norm), dates),
                               s.speaker, firm=firm))
        elif words and m.lastgroup == "assign" and phrases.THING.match(words):
            tasks.append(_Task(s, addressee, _strip_dates(words, dates), _due_in(norm, 0, len(norm), dates),
                               s.speaker, noun_only=True, firm=True))
    needs = _NEEDS_DOING.search(norm)
    verb = base_form(needs.group("verb") + "ing" if needs.group("verb") else needs.group("pp")) if needs else ""
    if not tasks and verb in TASK_VERBS and not _is_question(norm):
        words = f"{verb} {needs.group('thing')}"
        tasks.append(_Task(s, addressee, words, _due_in(norm, 0, len(norm), dates), s.speaker))
    body = phrases.SCENE.sub("", norm)
    lead = phrases.LEAD_IN.match(body)
    body = body[lead.end():] if lead else body
    for _ in range(2):  # "and before then, once you've submitted, send me the glossary"
        body = phrases.SCENE.sub("", body)
    then = _SO_IMPERATIVE.search(body)
    if then and not tasks and base_form(body.split()[0]) not in TASK_VERBS:
        body = body[then.end():]  # "the budget resets in April, so put the request in to Dev"
    first = body.split()[0] if body.split() else ""
    if not tasks and (first in TASK_VERBS or _LOOK_OVER.match(body)) and not phrases.COMMITMENT.match(body) \
            and not _is_question(norm) and not _ON_CONDITION.match(norm) \
            and not phrases.HYPOTHETICAL.search(norm) and not phrases.NOUN_SUBJECT.match(body):
        words = _clean_task(body)
        if words:  # "ask him for a deposit this time please": a polite imperative is as firm as a question
            tasks.append(_Task(s, addressee, words, _due_in(norm, 0, len(norm), dates), s.speaker,
                               firm=norm.endswith("please")))
    # "Get it to me by Wednesday night": a deadline for a thing already on the table is firm.
    tasks = [replace(t, firm=True) if t.due is not None and not t.due.vague and _POINTER.search(t.words)
             and _is_pronoun_only(t.words, dates) else t for t in tasks]
    return [t for t in tasks if _is_real_request(t.words, dates)
            or (t.firm and _is_pronoun_only(t.words, dates) and not re.search(r"\bnow$", t.words))]


_CLAUSE_OPENS = re.compile(r"(?:^|[,;:]\s*|\b(?:so|and|okay|ok|now|then|right|but)\s+)$")
_SO_IMPERATIVE = re.compile(r",\s+(?:so|then|and\s+then)\s+(?=(?:just\s+)?[a-z]+\s+(?:the|a|an|your|it|them|that|this|"
                            r"those|some|me|him|her|up|in|out|down|over)\b)")
"""A clause after "so" or "then" that gives an order: "..., so put the request in"."""


def _turn_requests(sentences: Sequence[Sentence], dates: dict[int, list[DateMention]]) -> tuple[_Task, ...]:
    """A turn's requests. "Loop in his manager and copy me. Can you do that today?" is one
    request, asked as a question and due today; "your homework is the regrouped outline.
    Can you get it to me by the 27th?" is "get the regrouped outline to me"."""
    requests: list[_Task] = []
    for s in sentences:
        for r in _requests(s, dates[id(s)]):
            thing = next((q for q in reversed(requests) if q.noun_only), None)
            if re.match(r"(?:do|handle|sort|manage|take\s+care\s+of)\b", r.words) \
                    and _is_pronoun_only(r.words, dates[id(s)]):
                requests = [replace(q, firm=True, due=q.due or r.due) for q in requests]
            elif thing is not None and _is_pronoun_only(r.words, dates[id(s)]) \
                    and re.search(r"\b(?:it|that|this|them)\b", r.words):
                words = re.sub(r"\b(?:it|that|this|them)\b", thing.words, r.words, count=1)
                requests[requests.index(thing)] = replace(r, words=words, due=r.due or thing.due)
            else:
                requests.append(r)
    return tuple(r for r in requests if not r.noun_only)


_LEAVE_IT_WITH_ME = r"leave\s+(?:it|that|this|them|those)(?:\s+one)?\s+(?:with|to)\s+me"
_ATTENDANCE = r"i(?:'ll|\s+will)\s+be\s+there|i'm\s+there|count\s+me\s+in|put\s+me\s+down"
"""Words that take a task on or take up an invitation, used as a clause of their own
(`_PLEDGE_CLAUSE`) and as the answer to an invitation (`_ATTENDING`)."""
_OWN_PLEDGE = re.compile(rf"^(?:{_LEAVE_IT_WITH_ME}|hold\s+me\s+to)\b")
"""The speaker's own pledge put as an imperative: "leave it with me", "hold me to it"."""


_ASK_LATER = re.compile(r"ask\s+me\s+(?:again|later|nearer\s+the\s+time|another\s+time)\b")
"""A request put off, no task: "not this month, sorry - ask me again in the spring"."""
_CARRY_ON = re.compile(r"keep\s+(?:on\s+)?(?:doing|going|being|telling|giving|pushing|asking|it\s+up|that\s+up|"
                       r"them\s+up|at\s+it)\b")
"""Asked to carry on as before ("keep doing that", "keep being bossy"): a way of working, no task."""


def _is_real_request(words: str, dates: list[DateMention]) -> bool:
    """Not a scheduling question ("could you do Tuesday at eleven?"), an action now, or the
    speaker's own "leave it with me"."""
    if _OWN_PLEDGE.match(words) or phrases.LEAVE_TAKING.match(words) or phrases.CARE.match(words) \
            or _CARRY_ON.match(words) or _ASK_LATER.match(words) \
            or re.match(phrases.NOTE_THE_MEETING, words):
        return False
    if re.search(r"\b(?:right\s+)?now$", words) or re.match(r"(?:go\s+and|pull\s+me|call\s+me)\s+", words) \
            and phrases.NOT_TASK.match(words):
        return False  # "go and eat something": care, not a task
    verb, _, rest = _strip_dates(words, dates).partition(" ")
    if not rest.strip():
        return False
    return bool(_content(rest)) or verb not in ("do", "make", "say", "meet", "try", "go", "get") \
        or bool(_DETERMINED_NOUN.search(rest))


_DETERMINED_NOUN = re.compile(r"\b(?:the|a|an|my|your|our|his|her|their|this|that|these|those)\s+"
                              r"(?!(?:same|one|ones|thing|things|rest|lot|bit|other)\b)[a-z][a-z-]{2,}")
"""A thing named after its article, though its word is also a task verb: "get the draft to me"."""


_BUT_BETTER = re.compile(r",?\s+but\s+(?:honestly\s+|actually\s+|i\s+think\s+)?(?:it(?:'d|\s+would|'s|\s+is|\s+lands|"
                         r"\s+comes)|you\s+(?:should|could|might)|better)\b")
"""An offer made only to be set aside: "I could ..., but honestly it lands better coming from you"."""


def _offers(s: Sentence, dates: list[DateMention], before: Sequence[Sentence] = ()) -> list[_Task]:
    """Offers to do something for the other person ("want me to set that up?"); `before`: the
    turn's sentences before this one, where a joint offer's "it" may be named ("The briefing
    run-through is on the eighteenth. Shall we both sit in on it?")."""
    if phrases.HYPOTHETICAL.search(s.norm):
        return []
    offers = []
    cues = sorted([*phrases.OFFER.finditer(s.norm), *_SHOULD_I.finditer(s.norm), *_JOINT_OFFER.finditer(s.norm)],
                  key=lambda m: m.start())
    for m in cues:
        question = m.group(0).startswith(phrases.OFFER_QUESTIONS)
        if phrases.SUBORDINATE.search(s.norm[:m.start()]) and not question:
            continue  # "send it by Wednesday, so I can look at it"; "and want me to call Tom?" is one
        words = _clean_task(s.norm[m.end():])
        if re.match(r"(?:maybe\s+)?i\s+could\b", m.group(0)) and _BUT_BETTER.search(s.norm, m.end()):
            continue  # "I could mention it to her, but honestly it lands better coming from you"
        if words and m.group(0).rstrip().endswith(" i"):
            verb, _, rest = words.partition(" ")
            words = f"{_PAST_TO_BASE.get(verb, base_form(verb))} {rest}".strip()
        if words and m.re is _JOINT_OFFER and re.match(r"(?:a|an)\s", words):
            words = f"do {words}"  # "what we can do is a mock run-through together"
        together = m.re is _JOINT_OFFER and bool(re.search(r"\b(?:together|side\s+by\s+side)\b", words))
        if not words or (base_form(words.split()[0]) not in TASK_VERBS | _MORE_VERBS and not together) \
                or (phrases.NOT_TASK.match(words) and not _LISTEN_TO.match(words)) \
                or _AVAILABLE.fullmatch(_strip_dates(words, dates)):
            continue
        pronoun_only = _is_pronoun_only(words, dates)
        joint = m.re is _JOINT_OFFER
        pointer = _pointer_in(words) if pronoun_only and (joint or not question) else None
        plural = pointer is not None and pointer.group(0) in ("them", "those", "these")
        thing = (_last_thing(s.norm[:m.start()], plural)
                 or (_last_thing(" ".join(x.norm for x in before), plural) if joint and before else None)) \
            if pointer is not None else None
        if thing is not None:  # "you'll need a reference from me, and I'm happy to write it"
            words, pronoun_only = words[:pointer.start()] + thing + words[pointer.end():], False
        if pronoun_only and not question:
            continue
        if joint and (pronoun_only or _THIRD_PARTY_NEXT.match(words)):
            continue
        offers.append(_Task(s, "both" if joint else s.speaker, words,
                            _due_in(s.norm, m.start(), len(s.norm), dates), pronoun_only=pronoun_only))
    for m in _INVITATION.finditer(s.norm) if "come" in s.norm else ():
        words = _clean_task(re.split(r"\s+(?:you'll|youll|you\s+will|it'll|itll)\b", s.norm[m.end():])[0])
        if words and base_form(words.split()[0]) in TASK_VERBS | _INVITED_TO and not _is_question(s.norm) \
                and len(_strip_dates(words, dates).split()) > 1:
            offers.append(_Task(s, Context.other(s.speaker), words, _due_in(s.norm, m.start(), len(s.norm), dates),
                                requester=s.speaker, invited=True))
    return offers


_INVITATION = re.compile(r"(?:^|[,.;]\s*|\b(?:and|also|so|oh|first|then|just|why\s+not|you\s+should|you\s+could|"
                         r"you're\s+welcome\s+to|feel\s+free\s+to)\s+)come\s+(?:along\s+)?(?:and\s+|to\s+)?(?=[a-z])")
"""An invitation to come and do something: "also come do a shift with us Sunday"."""
_INVITED_TO = frozenset("watch help see sit shadow observe join".split())
_ATTENDING = re.compile(rf"\b(?:{_ATTENDANCE})\b")
"""Taking up an invitation: "I'll be there", "I'm there", "count me in"."""


def _date_asked_after(offer: _Task, ctx: Context, dates: dict[int, list[DateMention]]) -> DateMention | None:
    """A date put right after an offer, in its turn and in few words: "what if we run a
    session with the team? Thursday afternoon?"."""
    turn = ctx.turn_of(offer.sentence.segment)
    for s in ctx.sentences[position_of(ctx, offer.sentence) + 1:]:
        if ctx.turn_of(s.segment) != turn:
            break
        if len(s.norm.split()) <= 4 and dates[id(s)]:
            return _due_in(s.norm, 0, len(s.norm), dates[id(s)])
    return None


_JOINT_OFFER = re.compile(r"\b(?:(?:what\s+if\s+we|how\s+about\s+we|shall\s+we|why\s+don't\s+we|"
                          # "how about I swing by Tuesday and we put the first ring in together?"
                          r"(?:what\s+if|how\s+about)\s+i\s+[^,.?!;]*?\band\s+we(?=\s[^,.?!;]*\btogether\b)|"
                          # "how about Wednesday the fourth, first thing, and we go through it together?"
                          r"how\s+about\s+(?!you\b|i\b)[^.?!;]*?,?\s+and\s+we(?=\s[^.?!;]*\?)|"
                          r"maybe\s+we\s+(?:could|should)|we\s+could(?:\s+always)?(?!\s+have\b)"
                          r"|(?:could|can|should)\s+we(?=\s+(?:both|each|all)\b))"
                          r"(?:\s+(?:both|each|all|just|also))?"
                          # asked, not said: "let's both read it by Friday?", "we both make a list and compare?"
                          r"|(?:let's|we)\s+(?:both|each)(?=\s[^.!]*\?$)"
                          r"|(?:let's|what\s+we\s+(?:can|could)\s+do\s+is|would\s+you\s+be\s+up\s+for"
                          r"|(?:do\s+you\s+want|would\s+you\s+like|(?:do\s+)?you\s+fancy|want)\s+to)"
                          r"(?:\s+(?:both|just|also))?(?=\s[^,.?!;]*\b(?<!put\s)(?<!putting\s)(?<!get\s)"
                          r"(?<!getting\s)(?<!pull\s)(?<!pulling\s)(?<!bring\s)(?<!bringing\s)"
                          r"(?:together|with\s+me|side\s+by\s+side)\b))\s+")
"""A joint proposal: "what if we go in together and run a session with the team?"; taken up,
it is both people's task."""
_TIME_NAMED_BACK = re.compile(r"^(?:(?:yes|yeah|sure|okay|ok)[,.!\s]+)*(?!(?:nothing|neither|none|no|not)\b)"
                              r"(?:(?:[\w'-]+,?\s+){1,6}?(?:works|is\s+(?:good|great|perfect|fine))"
                              r"|(?:[\w'-]+\s+){0,5}?[\w-]+'s\s+(?:good|great|perfect|fine))\b")
"""Taking up a proposal by naming its time: "Monday after two works for the dive plan"."""
_THIRD_PARTY_NEXT = re.compile(
    r"(?:meet|talk|chat|catch\s+up|speak|do\s+(?:it|this|that))\b"
    r"|(?:book|schedule|arrange|set\s+up|pencil\s+in|put\s+in|fix)\s+(?:the\s+|a\s+)?(?:next|another|follow-up)\b"
    r"|keep\s+(?:it|them|this|that|things)\b"
    r"|.*\b(?:every|each)\s+(?:single\s+|other\s+|two\s+|three\s+|four\s+|couple\s+of\s+)?"
    r"(?:call|session|meeting|time|weeks?|months?|check-in)\b"
    r"|.*\b(?:right\s+now|now$|here$|(?:over|by|on|via)\s+(?:email|e-mail|slack|teams|whatsapp|text|phone|zoom)\b"
    r"|shared\s+(?:doc|document|folder|drive|channel|sheet|spreadsheet|notebook|board)\b)")
"""Proposals of meeting, of doing "it", of doing something now, or of a channel to work
through are arrangements or pointers, not joint tasks."""


_PAST_TO_BASE = {
    "sent": "send", "wrote": "write", "took": "take", "gave": "give", "brought": "bring", "made": "make",
    "ran": "run", "found": "find", "got": "get", "did": "do", "went": "go", "told": "tell", "built": "build",
    "met": "meet", "caught": "catch", "chose": "choose", "drew": "draw", "held": "hold", "bought": "buy",
    "paid": "pay", "led": "lead", "left": "leave", "kept": "keep", "taught": "teach", "dug": "dig",
    "sat": "sit", "spoke": "speak", "showed": "show", "put": "put", "set": "set", "read": "read",
}
"""Irregular pasts, as an offer puts them: "would it help if I sent you a couple of notes?"."""

_COUNTER = re.compile(r"\b(?:can|could|may)\s+i\s+(?:just\s+|maybe\s+|instead\s+)?(?=[a-z])")
_ACCEPT_TERMS = re.compile(r"^(?:(?:oh|okay|ok|yes|yeah|sure)[,\s]+)?(?:[\w']+\s+){0,3}?(?:is\s+|'s\s+)?"
                           r"(?:perfect|fine|great|good|works|ok|okay|no\s+problem)\b")
"""Agreeing to the terms of a counter-offer: "Friday's perfect", "that works"."""


def _counter_offers(s: Sentence, dates: list[DateMention], asked: tuple[_Task, ...]) -> list[_Task]:
    """A request answered with the terms on which it will be done, asked back: "could you send
    me the glossary?" - "can I clean it up first and send it Friday?". Agreed to, it is the
    answerer's task. It must be about what was asked ("can I ask why?" is no such answer)."""
    if not _is_question(s.norm):
        return []
    found = []
    for m in _COUNTER.finditer(s.norm):
        words = _clean_task(s.norm[m.end():])
        if words and base_form(words.split()[0]) in TASK_VERBS and not phrases.NOT_TASK.match(words) \
                and not phrases.IMMEDIATE.match(words) \
                and (_POINTER.search(words) or any(_same_thing(words, r.words) for r in asked)):
            found.append(_Task(s, s.speaker, words, _due_in(s.norm, m.start(), len(s.norm), dates),
                               pronoun_only=_is_pronoun_only(words, dates), counter=True))
    return found


_MORE_VERBS = frozenset("listen brief".split())
"""Verbs of tasks done for someone that phrases.TASK_VERBS lacks ("want me to listen to the demos?")."""
_LISTEN_TO = re.compile(r"listen\s+to\s+(?!(?:you|me|him|her|them)\b)\w")
"""Listening to a thing is a task ("want me to listen to the demos?"), to a person is not."""
_SHOULD_I = re.compile(r"\b(?:should|shall)\s+i\s+(?:also\s+|just\s+)?(?=(?:send|introduce|set|email|share|"
                       r"forward|loop|connect|put|bring|circulate|print)\s+(?:you|it|them|that|this|the|my|a)\b)")
"""An offer asked as a question ("should I send you the notes?"): a task once accepted."""


_ADVICE = re.compile(r"\b(?:(?:here's\s+)?what\s+i'd\s+(?:try|do)(?:\s+is)?|if\s+i\s+were\s+you,?\s+i'd|"
                     r"one\s+thing\s+i'd\s+(?:try|do)(?:\s+is)?)\s*:?\s+")
"""Advice said as what the speaker would do: "here's what I'd try: practise the ballads ..."."""


_SUGGESTION_LEAD = re.compile(r"\b(?:(?:i'd|i\s+would)\s+(?:suggest|recommend)|(?:what|how)\s+about\s+this)\s*[,:]\s*"
                              r"(?:and\s+[^,]{3,40},\s*)?(?=[a-z])")
"""A suggestion set off by a comma or colon: "I'd suggest, and this is what I did, block twenty
minutes a day", "so what about this: write up the review work as one piece"."""


def _suggestions(s: Sentence) -> list[str]:
    found = []
    for pattern, begin_at_match in ((phrases.SUGGESTION, False), (phrases.SUGGEST_PHRASE, True), (_ADVICE, False),
                                    (_SUGGESTION_LEAD, False)):
        for m in pattern.finditer(s.norm):
            words = _clean_task(s.norm[m.start() if begin_at_match else m.end():])
            if words and _content(words):
                found.append((m.start(), words))
    return [words for _, words in sorted(found)]


# ---------------------------------------------------------------- wording

def _first_name(ctx: Context, role: str) -> str | None:
    """The participant's first name, past a title ("Dr Amara Obi" -> "Amara")."""
    name = ctx.name_of(role) if role in ("mentor", "mentee") else None
    words = [w for w in name.split() if w.lower().rstrip(".") not in _TITLES] if name else []
    return words[0] if words else None


_TITLES = frozenset("dr mr mrs ms miss mx prof professor sir dame rev revd father sister".split())


_PLACE_AFTER = re.compile(r"\s+(?:village|town|city|street|road|county|district|hospital|school|station|park|"
                          r"river|lake|bay|airport|university|college|office|branch|site|region|province)\b")
_PLACE_BEFORE = re.compile(r"\b(?:[Ii]n|[Aa]t)\s+$|\b(?:[Tt]he|[Aa]n?)\s+(?:[a-z]+\s+)?$")
"""Before a place, or a name used as a word of a thing: "at Ashdown", "the Pelham trial"."""


_WORKPLACE = re.compile(r"\s+(?:in|at|from)\s+(?:the\s+)?[\w'-]+(?:\s+[\w'-]+){0,2}?(?=(?:'s|\s+(?:may|might|will|can|"
                        r"could|has|had|is|was|does|did|runs|knows|designs|makes|sells|keeps|works|[a-z]+s))\b)")
"""Where a person named first works: "Annelise in Mirecourt may have stock", "Jenny at the
county association designs labels"."""


def _past_workplace(rest: str) -> str:
    """What follows a name, after where the person works, if that is said first."""
    place = _WORKPLACE.match(rest)
    return rest[place.end():] if place else rest


_THIRD_PERSON = re.compile(r"\b(?:he|him|his|he's|he'd|she|her|she's|she'd)\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Wording:
    """What turns lower-case task words into readable text for this transcript."""

    ctx: Context
    casing: dict[str, str]
    lower: frozenset[str]

    @cached_property
    def uncapitalised(self) -> bool:
        """Does a segment have no capital letter at all, so that names come from the list?"""
        return any(not re.search(r"[A-Z]", seg.text) for seg in self.ctx.transcript.segments)

    def names_in(self, text: str, listed: bool = True) -> list[str]:
        """Names of people: capitalised words never used as common words ("Dana Ortiz"),
        which, opening a sentence, must be followed by what a person does ("Mariam chairs")."""
        names = []
        if not re.search(r"[A-Z]", text):  # no capitals at all: names from the list (if `listed`)
            if not listed:
                return []
            return [w.title() for w in re.findall(r"[a-z]+(?:-[a-z]+)?", text) if _first_name_only(w)]
        for offset, sentence in split_sentences(text):
            for m in phrases.NAME.finditer(sentence):
                words = m.group(1).split()
                while words and not self._name_like(words[0]):
                    words.pop(0)
                if not words or not all(self._name_like(w) for w in words):
                    continue
                if m.start() == 0 and len(words) == len(m.group(1).split()) \
                        and not phrases.PERSON_VERB.match(_past_workplace(sentence[m.end():])) \
                        and not (m.group(0).endswith("'s") and not _DATE_WORD.fullmatch(words[-1].lower())) \
                        and not (len(words) == 1 and sentence[m.end():].startswith(",") and _first_name_only(words[0])):
                    continue  # "Boyle's old school" is a person all the same; so is "Kwame, in the press section"
                if _PLACE_AFTER.match(sentence[m.end():]) or _PLACE_BEFORE.search(sentence[:m.start()]):
                    continue  # "Mr Okello in Kabale village": a place, not a person
                names.append(" ".join(words))
        return names

    def _name_like(self, word: str) -> bool:
        lower = word.lower()
        common = phrases.COMMON_WORDS
        return not (lower in common or lower.rstrip("s") in common or lower in self.lower
                    or lower in TASK_VERBS or lower in NUMBERS or word.endswith(("ing", "ly", "ed")))

    def recent_person(self, segment: int, pronoun: str = "", listed: bool = True) -> str | None:
        """The last third person named in this or the three previous turns ("her" -> "Lena"),
        or further back while every turn between speaks of him or her ("Dr Patel" - "Have you
        asked him?" - "No, he'd say ..." - "I'd ask him" - "I'll ask him Friday"); not a man
        for "her" nor a woman for "him" where the first name tells."""
        ctx = self.ctx
        participants = {(_first_name(ctx, r) or "").lower() for r in ("mentor", "mentee")}
        first_turn = max(0, ctx.turn_of(segment) - 6)
        for index in range(segment, ctx.turns[first_turn][0] - 1, -1):
            if ctx.turn_of(segment) - ctx.turn_of(index) > 3 and not _THIRD_PERSON.search(
                    ctx.transcript.segments[index + 1].text):
                break
            names = [n for n in self.names_in(ctx.transcript.segments[index].text, listed)
                     if n.split()[0].lower() not in participants and fits_pronoun(n, pronoun)]
            if names:
                return names[-1]
        return self._only_person(segment, pronoun, participants, listed) if pronoun else None

    def role_just_named(self, sentence: Sentence, person: str | None) -> str | None:
        """"The vicar", when the turn before or this one up to the sentence names someone by
        their role ("I'll ring the vicar at St Mary's ... actually no, you ring him") and not
        by the name found further back."""
        text = _said_before_in(self.ctx, sentence, 1)
        if person and person.split()[0].lower() in text.lower():
            return None
        roles = list(_ROLE_NAMED.finditer(text))
        if not roles:
            return None
        role = roles[-1]
        place = role.group("place")  # "the manager over at Riverside", not "the vicar at st"
        return (role.group(0) if place and place[:1].isupper() else role.group("role")).lower()

    def _only_person(self, segment: int, pronoun: str, participants: set[str], listed: bool) -> str | None:
        """Further back, the one person of the pronoun's sex named in the last twelve turns, if
        there is only one ("Chloe presented my analysis" ... "I'll talk to her on Monday")."""
        ctx = self.ctx
        first_turn = max(0, ctx.turn_of(segment) - 12)
        found: set[str] = set()
        for index in range(ctx.turns[first_turn][0], segment + 1):
            for n in self.names_in(ctx.transcript.segments[index].text, listed):
                first = n.split()[0]
                if first.lower() not in participants and gender_of(first.lower()) == ("f" if pronoun == "her" else "m"):
                    found.add(first)
        return found.pop() if len(found) == 1 else None

    def text(self, task: _Task, listed: bool = True) -> str:
        """Readable, faithful task text: names for pronouns, no date, capitalised. `listed`: a
        name in lower-case speech is known from the list of first names."""
        words = task.words if _DAY_OFF.search(task.words) else _strip_dates(task.words, [task.due] if task.due else [])
        # what a date heard otherwise in the answer leaves of the request's: "have a draft by the [end of the month]"
        words = re.sub(r"(?:[\s,]+(?:by|before|until|till|for|at|on|in|from|to|about|of)?[\s,]+the)+[\s,]*$", "", words)
        words = re.sub(r",?\s+(?:yeah|yes|yep)(?=,?\s+and\b)", "", words)  # "... [tomorrow] yeah and put my name down"
        if re.search(r"\b(?:way|well|long|just|right)\s+(?:before|after|by)\b", task.words):
            words = re.sub(r"\s+(?:way|well|long|just|right)$", "", words)  # "done way before then"
        if task.requester:
            name = _first_name(self.ctx, task.requester)
            if name:
                words = re.sub(r"\bme\b", name, words)
                words = re.sub(r"\bmy\b", f"{name}'s", words)
                words = _contractions_named(words, "i", name)  # "the hearing Dana is chairing"
        elif task.owner in ("mentor", "mentee"):
            other = _first_name(self.ctx, Context.other(task.owner))
            if _INTRODUCE_TO_NOBODY.match(task.words):
                words = re.sub(r"\byou (?:two|both)\b", "you", words)  # "introduce you two": to the one named
            if other:
                words = _contractions_named(words, "you", other)  # "the team Sam is not to be disturbed"
                words = re.sub(r"\byou\b(?!\s+both\b)", other, words)
                words = re.sub(r"\byour\b", f"{other}'s", words)
        pronoun = re.search(r"\b(?:him|her)\b", words)
        introduced = _INTRODUCTION.match(words) if _INTRODUCE_TO_NOBODY.match(task.words) else None
        person = self.recent_person(task.sentence.segment, pronoun.group(0) if pronoun else "", listed) \
            if pronoun or introduced else None
        if pronoun and not introduced:
            person = self.role_just_named(task.sentence, person) or person
        if pronoun and person and person.lower() not in words.lower():
            after = words[pronoun.end():].split(maxsplit=1)
            owns = pronoun.group(0) == "her" and bool(after) and after[0] not in phrases.STOP_WORDS \
                and after[0] not in _PREPOSITIONS and not _DATE_WORD.fullmatch(after[0]) \
                and after[0] not in _PARTICLES and not after[0].endswith("ly")
            # "her number" is Jenny's number; "ask her tomorrow", "give her a call" are to Jenny
            words = words[:pronoun.start()] + person + ("'s" if owns else "") + words[pronoun.end():]
            introduced = _INTRODUCTION.match(words) if introduced else None
        if introduced and person and person.lower() not in words.lower():
            # "Gloria does the court work - I'll introduce you": to Gloria
            link = " with " if introduced.group(0).startswith("put") else " to "
            words = words[:introduced.end()] + link + person + words[introduced.end():]
        if pronoun and person and re.fullmatch(rf"ask {re.escape(person)}", words, re.IGNORECASE):
            words += self.what_to_ask(task.sentence)
        return restore_case(words, self.casing)

    def what_to_ask(self, sentence: Sentence) -> str:
        """What a bare "I'll ask her" asks for, from this turn or the two before: " for a
        reference" ("if I asked my supervisor for a reference"), " to take a second
        cross-section" ("she could take a second cross-section"); else nothing."""
        text = _said_before_in(self.ctx, sentence, 2).lower()
        found = [(m.start(), f" for {m.group('thing')}") for m in _ASKED_FOR.finditer(text)] \
            + [(m.start(), f" to {m.group('deed')}") for m in _THEY_COULD.finditer(text)]
        return max(found)[1] if found else ""


def _said_before_in(ctx: Context, sentence: Sentence, turns: int) -> str:
    """The text of the `turns` turns before the sentence's and of its own segment up to it."""
    turn = ctx.turn_of(sentence.segment)
    said = [ctx.transcript.segments[i].text for t in range(max(0, turn - turns), turn) for i in ctx.turns[t]]
    said.append(ctx.transcript.segments[sentence.segment].text[:sentence.char_start])
    return " ".join(said)


def _first_name_only(word: str) -> bool:
    """A word that is a first name and nothing else ("Kwame", not "Will" or "Grant")."""
    lower = word.lower()
    return bool(gender_of(lower)) and lower not in phrases.COMMON_WORDS and lower not in phrases.STOP_WORDS \
        and lower not in TASK_VERBS and not _DATE_WORD.fullmatch(lower)


def _contractions_named(words: str, pronoun: str, name: str) -> str:
    """"i'm" / "you're" and the rest with the person's name: "Sam is", not "Sam're"."""
    for ending, verb in (("m", "is"), ("re", "is"), ("ve", "has"), ("ll", "will"), ("d", "would")):
        words = re.sub(rf"\b{pronoun}'{ending}\b", f"{name} {verb}", words)
    return words


_PARTICLES = frozenset("up out back down over off in know along round again too first later now then soon no yes not "
                       "yourself myself".split())
"""Words after an object "her": "ring her back", "let her know", "shadow her again", "tell her no"."""
_INTRODUCE_TO_NOBODY = re.compile(r"^(?:introduce|intro)\s+(?:you|me)(?:\s+two|\s+both)?\b(?!.*\b(?:to|with)\b)"
                                  r"|^put\s+(?:you|me)(?:\s+two|\s+both)?\s+in\s+touch\b(?!.*\bwith\b)")
_INTRODUCTION = re.compile(r"^(?:introduce|intro)\s+[\w'-]+(?:\s+two|\s+both)?\b"
                           r"|^put\s+[\w'-]+(?:\s+two|\s+both)?\s+in\s+touch\b")
"""The introduction in the worded task, the names in place: "introduce Jordan"."""
"""An introduction that does not say to whom: the person just named."""


# ---------------------------------------------------------------- the conversation

def _same_thing(a: str, b: str) -> bool:
    return bool(_content(a) & _content(b))


@dataclass
class _Said:
    """What one turn left open for the next speaker to take up."""

    turn: int = -1
    speaker: str = ""
    requests: tuple[_Task, ...] = ()
    offers: tuple[_Task, ...] = ()
    suggestions: tuple[str, ...] = ()
    topic: str = ""


_TRY_THAT = re.compile(r"(?:try|do)\s+(?:that|it|this)(?=\s+(?:for|at|in|on|with|during|next|this|tomorrow|tonight|"
                       r"from|when)\b)")
"""Taking up the other's suggestion for an occasion: "I'll try that for the family meeting"."""
_ONE_OBJECT = re.compile(r"(?P<verb>[a-z]+(?:\s+(?:up|out|together))?)\s+(?:one\b(?!\s+(?:of|more|day|page|thing|"
                         r"week|time|or|another|last|two|hour|minute|month|year|by\s+one))"
                         r"|(?P<count>two|three|four|five|a\s+couple|a\s+few)\b(?=\s*$|\s+(?:from|for|to|by|at|in|"
                         r"this|next|tonight|today|tomorrow|before|after|straight|and|then|over)\b))")
"""A task whose object is "one" of a kind named before: "order one", "set one up"."""
_GOING_TO = re.compile(
    r"\b(?:go|goes|going|went|gone|been|come|coming|came|get|along)\s+to\s+"
    r"(?P<np>(?:the|their|your|our|his|her|this|that|"
    r"a|an)\s+(?:[a-z'-]+\s+){0,3}?[a-z-]+)(?=\s+(?:on|in|at|for|with|next|this|and|but|so|or|the|one|to|if|when|"
    r"because|it's|is|they're|tomorrow|tonight|today|anyway|then|though)\b|\s*[,.?!]|\s*$)")
"""Where someone goes: "have you been to the stats clinic", "come to their meeting on the twentieth"."""


def _destination(ctx: Context, sentence: Sentence) -> str | None:
    """The place or event a bare "I'll go" is going to: the nearest named in this or the three
    turns before (not "going to" a verb: "I'm going to the shop" names a place, "going to ask" does not)."""
    for earlier in _earlier(ctx, sentence, 3):
        found = [m for m in _GOING_TO.finditer(earlier.norm) if m.group("np").split()[-1] not in TASK_VERBS]
        if found:
            return re.sub(r"\b(\w+) \1\b", r"\1", found[-1].group("np"))
    return None


_BARE_VERB = re.compile(r"^(go|come|try|do|join|visit|attend)(?:\s+(?:along|there|in|too|then))?$")
"""A task that is a bare verb echoing a suggestion: "then I'll go along this Friday"."""
_INDEFINITE = re.compile(r"\b(?:a|an)\s+(?P<np>(?:[a-z][a-z-]*\s+){0,3}[a-z][a-z-]*)")
_COUNTED = re.compile(r"\b(?:two|three|four|five|a\s+couple\s+of|a\s+few|some)\s+(?P<np>(?:[a-z][a-z-]*\s+){0,3}"
                      r"[a-z][a-z-]*)")
"""Kinds of thing named with a count, for "grab two" ("get yourself two thermoses")."""


def _earlier(ctx: Context, sentence: Sentence, turns: int) -> list[Sentence]:
    """The sentences before `sentence`, nearest first, in its turn and the `turns` turns before."""
    turn = ctx.turn_of(sentence.segment)
    found = []
    for pos in range(position_of(ctx, sentence) - 1, -1, -1):
        if turn - ctx.turn_of(ctx.sentences[pos].segment) > turns:
            break
        found.append(ctx.sentences[pos])
    return found


_WHICH_ONE = re.compile(r"\bthe\s+(?:next|first|(?:mon|tues|wednes|thurs|fri|satur|sun)day|[a-z]+'s)\s+(?P<one>one)\b")
"""A gathering picked out of a series: "I'll go to the next one", "the Thursday one"."""
_GATHERING = re.compile(
    r"\b(?:(?!(?:the|a|an|our|your|my|their|this|that|next|first|online|monthly|weekly)\b)[a-z][a-z'-]*\s+){0,2}"
    r"(?:group|meeting|meetup|meet-up|network|session|workshop|class|course|clinic|drop-in|forum|webinar|seminar|"
    r"breakfast|circle|huddle|lecture|conference|club|society|tasting|training|talk|evening)\b")
"""What "the next one" is one of: "the young growers network", "a Balint group"."""


def _one_of_kind(c: _Task, ctx: Context) -> _Task:
    """"I'll bring one next week" after "bringing a real incident", "I'll get a hoof gauge.
    Actually, I'll order one tonight.", "a shared schedule?" - "I'll set one up": the kind named
    before, so that the task says what it is before any request is answered with it. "The next
    one" is of the gathering named last in this or the three turns before."""
    which = _WHICH_ONE.search(c.words)
    if which is not None:
        turn = ctx.turn_of(c.sentence.segment)
        for pos in range(position_of(ctx, c.sentence), -1, -1):
            earlier = ctx.sentences[pos]
            if turn - ctx.turn_of(earlier.segment) > 3:
                break
            text = earlier.norm[:earlier.norm.find(which.group(0))] if earlier is c.sentence else earlier.norm
            gathering = [m.group(0) for m in _GATHERING.finditer(text)]
            if gathering:
                at = which.start("one")
                return replace(c, words=c.words[:at] + gathering[-1] + c.words[which.end("one"):])
        return c
    one = _ONE_OBJECT.match(c.words)
    if one is None or one.group("count"):
        return c
    kind = _kind_before(ctx, c)
    if kind is None:
        return c
    return replace(c, words=f"{one.group('verb')} {kind}{c.words[one.end():]}", pronoun_only=False)


def _kind_before(ctx: Context, task: _Task, plural: bool = False) -> str | None:
    """The first kind of thing named with "a" or "an" (with a count if `plural`) in the
    nearest text before the task that names one, in its turn or the turn before: "a hoof
    gauge", "a shared rota", "two thermoses"."""
    for text in [_said_before(task)] + [s.norm for s in _earlier(ctx, task.sentence, 1)]:
        for m in (_COUNTED if plural else _INDEFINITE).finditer(text):  # the first: "a shared rota, a spreadsheet"
            words: list[str] = []
            stop = ""
            for w in m.group("np").split():
                if w in phrases.STOP_WORDS or w in _PREPOSITIONS or _DATE_WORD.fullmatch(w):
                    stop = w
                    break
                words.append(w)
            if stop in ("one", "ones"):
                continue  # "a messy one" stands for a kind named before it
            if words and not _NOT_A_THING.fullmatch(words[-1]) and words[-1] not in _PEOPLE \
                    and words[-1] not in _INTERJECTIONS and not words[-1].endswith(("ly", "ing")) \
                    and (not plural or _plural(words[-1])):
                return " ".join(words) if plural else "a " + " ".join(words)
    return None


_DELIVER_IT = re.compile(r"(?:have|get|send|bring|pass)\s+(?:it|them|that|those|the\s+(?:new|updated|revised|finished|"
                         r"final|redone)\s+(?:version|draft|copy|one|ones))\s+(?:(?:over|back)\s+)?"
                         r"(?:(?:to|with)\s+\w+|up\b|ready\b|done\b|in\b|over\b|back\b)"
                         r"|(?:dig|pop|drop|put|stick)\s+(?:it|them)\s+(?:out|in|into|off|round|over|through)\b")


_THERE_IS = re.compile(r"\bthere(?:'s| is| are|'re)\s+(?:a|an|the|some|one|two|three)\b")
"""A new thing brought in: "there's a one-page crib sheet at the back of it"."""


def _delivery_merged(confirmed: list[_Task], start: int, ctx: Context,
                     dates: dict[int, list[DateMention]]) -> None:
    """"Let me dig out the recording. It's on a hard drive somewhere. I'll have it to you by
    Monday.": handing over what the speaker took on a sentence before dates that task, unless
    a new thing was named in between ("I'll dig out the audit, there's a crib sheet at the
    back of it. I'll send that over by Friday." sends the crib sheet)."""
    k = start + 1
    while k < len(confirmed):
        task = confirmed[k]
        before = [t for t in confirmed[start:k] if t.owner == task.owner and not t.pronoun_only]
        between = ctx.sentences[position_of(ctx, before[-1].sentence) + 1:position_of(ctx, task.sentence)] \
            if before else []
        deliver = _DELIVER_IT.match(task.words)
        rest = _strip_dates(task.words[deliver.end():], dates[id(task.sentence)]) if deliver else ""
        placed = deliver is not None and deliver.group(0).split()[0] in ("dig", "pop", "drop", "put", "stick")
        if before and deliver and (task.pronoun_only or placed or len(_content(rest)) <= 1) \
                and not any(_THERE_IS.search(s.norm) for s in [before[-1].sentence, *between]):
            first = confirmed.index(before[-1])
            if confirmed[first].due is None:
                confirmed[first] = replace(confirmed[first], due=task.due)
            del confirmed[k]
            continue
        k += 1


def extract_action_items(ctx: Context, next_checkin: date | None = None) -> list[ActionItem]:
    """Action items in the order they were agreed; `next_checkin` dates "by our next call"."""
    dates = {id(s): find_dates(s.norm, ctx.session_date) for s in ctx.sentences}
    confirmed: list[_Task] = []
    said = _Said()
    provisional: _Task | None = None
    for turn_index, sentences in enumerate(ctx.turn_sentences):
        if not sentences:
            continue
        speaker = sentences[0].speaker
        answering = said.turn == turn_index - 1 and (said.speaker != speaker or speaker == "unknown")
        previous = said if answering else _Said()
        turn_start = len(confirmed)
        commitments = [_dated_after(_dated_before(c, sentences, dates), sentences, dates)
                       for s in sentences
                       for c in _commitments(s, dates[id(s)], previous.requests, bool(previous.suggestions))]
        commitments = _means_merged([c for c in commitments if not (_habitual(c, sentences) or _aside(c, sentences)
                                                                      or _taken_back(c))])
        commitments = _put_down_then_said(
            _left_with_me([_joined(c, confirmed, ctx, turn_index) for c in commitments], sentences))
        commitments = _share_of_joint(commitments, sentences, confirmed, ctx, turn_index)
        if provisional is not None and provisional.owner == speaker:
            commitments = _follow_up_offer(provisional, commitments, confirmed, ctx, dates)
        provisional = None
        answered = len(confirmed)
        commitments = [_one_of_kind(c, ctx) for c in commitments]
        commitments = _answer_requests(previous, sentences, commitments, dates, confirmed, ctx)
        opening = " ".join(s.norm for s in sentences[:2])
        opening_answered = any(t.sentence is sentences[0] for t in confirmed[answered:])
        # A bare "Deal." or "Sure, that works." takes everything on the table: the request it
        # answered and the other's offer beside it ("get me a draft ... and I'm happy to write it").
        whole_table = opening_answered and len(sentences[0].norm.split()) <= 4
        if previous.offers and (not opening_answered or whole_table) and speaker != "unknown" \
                and not phrases.DECLINE.search(_answer_opening(sentences)) and not _PUT_OFF.search(opening) \
                and (phrases.ACCEPT_OFFER.match(opening) or (_TIME_NAMED_BACK.match(sentences[0].norm)
                                                             and dates[id(sentences[0])]) or (
                    any(o.counter for o in previous.offers) and _ACCEPT_TERMS.match(sentences[0].norm))
                    or (any(o.invited for o in previous.offers) and _ATTENDING.search(opening))):
            offer = next((o for o in reversed(previous.offers) if not o.pronoun_only), previous.offers[-1])
            due = offer.due or _date_asked_after(offer, ctx, dates) \
                or _due_in(sentences[0].norm, 0, len(sentences[0].norm), dates[id(sentences[0])])
            provisional = replace(offer, sentence=sentences[0], due=due)
            confirmed.append(provisional)
        # what a bare "I'll do that" may point back to in its own turn (looked for only then)
        own_offers = [replace(o, sentence=s) for s in sentences
                      for o in _offers(replace(s, norm=_OPENING_AND.sub("", s.norm)), []) if not o.pronoun_only] \
            if any(c.pronoun_only for c in commitments) else []
        for c in commitments:
            if c.owner == "both" and provisional is not None and provisional.owner == "both" \
                    and not _content(_strip_dates(c.words, dates[id(c.sentence)])):
                continue  # "shall we both sit in on it?" - "yes, let's both go": the offer taken up
            if c.pronoun_only and c.words.startswith("do ") and any(
                    o.owner == c.owner and not (o.pronoun_only or o.separate)
                    and sentences.index(o.sentence) == sentences.index(c.sentence) + 1 for o in commitments):
                continue  # "Okay, I'll do that then. I'll email Mrs Adeyemi this week": the next sentence says what
            offered = next((o for o in reversed(own_offers) if c.pronoun_only and o.owner == c.owner
                            and sentences.index(o.sentence) < sentences.index(c.sentence)), None)
            echo = _BARE_VERB.match(_strip_dates(c.words, dates[id(c.sentence)]).strip())
            suggested = next((w for w in reversed(previous.suggestions) if echo and w.split()[0] == echo.group(1)),
                             None)
            if offered is not None:  # "I can send you the checklist. I'll get it to you tomorrow."
                confirmed.append(replace(c, words=offered.words))
            elif suggested is not None:  # "you should go to Priya's drop-in" - "then I'll go along Friday"
                confirmed.append(replace(c, words=suggested, pronoun_only=False))
            elif echo and echo.group(1) in ("go", "come") and (place := _destination(ctx, c.sentence)):
                # "have you been to the stats clinic on Thursdays?" - ... - "okay, I'll go this Thursday"
                confirmed.append(replace(c, words=f"{echo.group(1)} to {place}", pronoun_only=False))
            elif _TRY_THAT.match(c.words) and previous.suggestions and not c.pronoun_only \
                    and " and " not in c.words:
                # "What if you wrote down three questions?" - "I'll try that for the family meeting"
                rest = c.words[_TRY_THAT.match(c.words).end():]
                confirmed.append(replace(c, words=previous.suggestions[-1] + rest, pronoun_only=False))
            elif c.pronoun_only and previous.suggestions and not _named_before(c, ctx):
                # worded as the one who suggested it; "get some sleep" - "I'll try" takes on no task
                suggestion = previous.suggestions[-1]
                if not (phrases.CARE.match(suggestion) or phrases.LEAVE_TAKING.match(suggestion)):
                    confirmed.append(replace(c, words=suggestion, requester=previous.speaker))
            elif c.pronoun_only and previous.topic and not _named_before(c, ctx):
                confirmed.append(replace(c, words=re.sub(r"\b(?:it|that|this)\b", previous.topic,
                                                         c.words, count=1)))
            elif not (c.pronoun_only and any(o.sentence is c.sentence and not o.pronoun_only
                                             and (c.due is None or o.due == c.due) for o in commitments)):
                # a bare "do that" beside a real task adds nothing, unless it has its own date:
                # "the route map's on me, I'll have it finished by Friday, and I'll post ... tomorrow"
                confirmed.append(c)
        _withdraw(confirmed, sentences, ctx, dates, previous)
        _delivery_merged(confirmed, turn_start, ctx, dates)
        _resolve_pointers(confirmed, turn_index, ctx, dates)
        offers = [o for k, s in enumerate(sentences)
                  for o in _offers(s, dates[id(s)], sentences[:k])
                  if not _SCRATCHED.search(o.words)]
        if previous.requests and not offers:
            offers = [o for s in sentences for o in _counter_offers(s, dates[id(s)], previous.requests)]
        requests = tuple(_request_named(r, ctx, dates) for r in _turn_requests(sentences, dates))
        said = _Said(turn_index, speaker, requests, tuple(offers))
        said.topic = next((m.group("topic") for s in reversed(sentences)
                           for m in phrases.TOPIC.finditer(s.norm)), "")
        said.suggestions = tuple(w for s in sentences for w in _suggestions(s)
                                 if _content(_strip_dates(w, dates[id(s)]))) + tuple(r.words for r in said.requests)
        # a time proposed ("how about Friday the second?") is no suggestion of a task
    wording = _Wording(ctx, ctx.casing, ctx.lower_case)
    return _finish(ctx, confirmed, next_checkin, wording, dates)


# ---------------------------------------------------------------- what "it" and "them" are

_NOUN_PHRASE = re.compile(
    r"(?:(?<=\s)|^)(?:(?P<det>the|my|your|our|his|her|their|this|that|these|those|a|an|one|two|three|four|"
    r"five|six|some)|(?:need|needs|needed|have|has|had|got|want|wants|owe|owes|sent|bought|made|wrote)"
    r"(?=\s+(?!(?:the|my|your|our|his|her|their|this|that|these|those|a|an|one|two|three|four|five|six|"
    r"some|you|i|we|they|he|she|it|me|him|us|them|up|out|down|over|back|off|in|on|through)\b)))\s+"
    r"(?P<np>(?:[^\W\d_](?:[^\W\d_]|-)*(?:'s)?\s+){0,3}?[^\W\d_](?:[^\W\d_]|-)*[^\W\d_])"
    r"(?=\s+(?:from|for|with|to|on|at|in|of|about|that|which|who|you|i|we|he|she|they|when|before|after|"
    r"by|and|but|so|is|are|was|were|still|last|this|next|yet|already|again|too|as|tonight|today|tomorrow|"
    r"thats|its|theres|if|unless|once|until|because|since|while|or|please|my|your|our|the|every|each|a|an|"
    r"earlier|instead|anyway|though|somewhere|anywhere|here|there|around|past|over|across|into|"
    r"now|later|soon|first|then|monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow's|"
    r"came|comes|has|had|have|went|goes|arrived|dropped|landed|says|needs|will|would|can|could|should|might|"
    r"covers|explains|lists|sets|shows)\b|\s*[,?!:]|\s*$)")
"""A noun phrase that a later "it" or "those" may stand for: "the old practice recordings",
"three questions", or a bare plural object ("need horn parts")."""
_ONE_OF = re.compile(r"\bone\s+of\s+(?:my|the|your|our|his|her|their|these|those)\s+"
                    r"(?P<np>(?:[a-z-]+\s+){0,3}[a-z-]+s)\b")
"""One of several things, said as a plural: "I can lend you one of my old speed racks"."""
_PARTS = frozenset("draft drafts version copy copies summary outline section chapter part list notes recording "
                   "photos pictures scan printout breakdown review first second final".split())
_PART_OF = re.compile(r"\s+of\s+(?:the|my|your|our|this|that|his|her|their)\s+[a-z][a-z-]*"
                      r"(?:\s+(?!(?:is|was|has|does|goes|this|us|as|yes|its|his|hers|ours|yours|theirs)\b)"
                      r"[a-z][a-z-]*s\b)?")
"""A part or version of a thing keeps the thing: "a draft of the abstract"."""
_WRITINGS = frozenset("piece article paper guide book report podcast post blog video talk course chapter template "
                      "checklist study list thread episode".split())
_ABOUT_TOPIC = re.compile(r"\s+(?:on|about)\s+(?:[a-z][a-z'-]*\s+){0,4}?[a-z][a-z'-]*(?=\s*(?:[,.?!]|$)|\s+(?:and|but|"
                          r"so|that|which|i|i'll|we|you|it|from|by|before|tomorrow|tonight|today|next|this|later)\b)")
"""What a piece of writing is about stays with it: "a great article about pricing for freelancers"."""
_PREPOSITIONS = frozenset("on at in of for with from about to by after before during under like than".split())
_SCRATCHED = re.compile(r"\b(?:actually\s+)?(?:no\s+)?(?:scratch\s+that|forget\s+(?:that|it)|never\s*mind)\b")
"""A task taken back as it is said: "I'll send you my old deck actually no scratch that"."""
_HANDED_OVER = re.compile(r"\bactually,?\s+no,?\s+(?:you|why\s+don't\s+you)\s+[a-z]+")
"""After the task, handed to the other as it is said: "I'll ring him, actually no, you ring him"."""


def _taken_back(task: _Task) -> bool:
    """Is the task taken back or handed over as it is said ("... actually no scratch that",
    "I'll ring him, actually no, you ring him")?"""
    start = max(0, task.sentence.norm.find(task.words))
    return bool(_SCRATCHED.search(task.words) or _HANDED_OVER.search(task.sentence.norm, start))


_OPENS_LET_ME = frozenset("""
and so but okay ok right well yeah yes oh um uh then now just alright actually sure fine great cool good first
maybe perhaps no also here look listen hmm ah perfect lovely brilliant fab sorry wait hang actually
""".split())
"""Words after which "let me" is the speaker's own offer; after any other ("one of the nurses let
me stay"), someone else gave leave."""
_INTENSIFIERS = frozenset("really very quite pretty super".split())
_NOT_A_THING = re.compile(
    r"weeks?|weekends?|days?|months?|years?|mornings?|afternoons?|evenings?|nights?|times?|minutes?|moments?|hours?|"
    r"ago|somewhere|anywhere|everywhere|something|anything|everything|nothing|someone|anyone|everyone|somebody|"
    r"anybody|everybody|nobody|"
    r"second|point|ones?|thing|things|stuff|lot|bit|way|end|rest|same|other|idea|question|problem|right|pair|eyes|"
    r"whether|if|how|why|what|when|"
    r"sorts?|kinds?|types?|yeah|yes|okay|ok|um|uh|please|god|gosh|goodness|wow|yet|still|either|anyway|though|"
    r"help|relief|shame|pity|pleasure|favou?r|look|go|try|shot|stab|crack|chance|sense|thought|feeling|worry|life|own|"
    r"read|listen|skim|glance|peek|once-over|call|choice|decision|move|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d+(?:th|st|nd|rd)|first|third|"
    r"[a-z]*(?:fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|teenth|ieth)|twenty|thirty|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"(?!(?:family|supply|reply|assembly|rally|anomaly|ally|jelly|belly|butterfly|monopoly|holly|lily|bully|"
    r"italy|july|folly|trolley|alley|valley|volley|jolly|melancholy|doily|daily|weekly|monthly|quarterly))"
    r"[a-z]{2,}[^aeiou]ly")
"""Words of times and dates, words too general to name a thing ("the same", "one thing"), and
adverbs ("tell her directly": "her" is no owner of a thing there)."""
_POINTER = re.compile(r"\b(?:it|that|this|them|those|these)\b")
_WOULD_LIKE = re.compile(r"(?:'d|\bwould|\bshould)(?:\s+(?:really|also|just|quite))?$")
"""Before "like", a wish: "I'd like a written plan ..." names a thing; "like" is no preposition there."""
_INTERJECTIONS = frozenset("yes yeah yep please god gosh goodness wow okay ok".split())
"""Words of an exclamation, never of a thing: "oh my god yes please"."""


def _np_words(m: re.Match[str]) -> list[str]:
    """A noun phrase's words without the intensifiers it opens with: "a really good guide"."""
    words = m.group("np").split()
    while len(words) > 1 and words[0] in _INTENSIFIERS:
        words = words[1:]
    return words


def _plural(noun: str) -> bool:
    """"guides" is plural; "glass", "analysis", "status" are not."""
    return noun.endswith("s") and not noun.endswith(("ss", "is", "us"))


_NEW = frozenset("new latest updated revised".split())
_HOLDERS = frozenset("folder box pile stack set bunch load loads bundle collection file binder bag handful".split())
"""What holds the things a later "them" names: "a folder of my old flash cards"."""
_SPEAKING = frozenset("speaking talking".split())
"""Words that name a thing after "of": "speaking of that list: redo it"."""
_WHAT_SOMEONE_IS = re.compile(r"(?:^|\s)(?:i'm|i\s+am|you're|you\s+are|he's|she's|we're|they're|he\s+is|"
                              r"she\s+is)(?:\s+(?:not|also|just|only|really|still|now|basically|actually))*\s+$")


_OBJECT_NEXT = re.compile(r"\s+(?:the|a|an|to|my|your|our|his|her|their|it|them|me|you|us)\b")
"""After a word that may be a verb, its object: "the county wants the report stamped" is no thing."""
_SO_WE_CAN = re.compile(r",\s+so\s+(?:that\s+)?(?:we|i|you|they|he|she)\s+(?:can|could)\s")
"""A purpose clause: what it names is what the thing before it is for, not what a pronoun stands for."""


def _things_in(norm: str) -> list[tuple[str, bool]]:
    """Noun phrases of one sentence that a pronoun may point back to, with whether each is
    plural; not the objects of prepositions ("on the line check") nor times and dates."""
    things, objects = [], []
    purpose = _SO_WE_CAN.search(norm)
    for m in _NOUN_PHRASE.finditer(norm):
        if purpose is not None and m.start() > purpose.start() and things:
            break  # "a list of the fog cases, so we can choose a second case study": what it is for
        before = norm[:m.start()].split()
        words = _np_words(m)
        np = " ".join(words)
        # "last spring's soil survey", "friday's handover notes": a time owning a thing
        owner = next((k for k, w in enumerate(words[:-1]) if w.endswith("'s") and w not in _CONTRACTED), None)
        named = words[owner + 1:] if owner is not None else words
        if any(w in phrases.STOP_WORDS or "'" in w or _DATE_WORD.fullmatch(w) or w in _INTERJECTIONS for w in named) \
                or words[0] in _DEGREE \
                or any(w in _VERB_AFTER_THAT for w in named[:-1]) \
                or any(w in _CONTRACTED for w in words) \
                or _NOT_A_THING.fullmatch(words[-1]) or (len(words) == 1 and words[0] in _QUALIFIERS):
            continue
        det = m.group("det")
        if (det in ("this", "that") and words[0] in _VERB_AFTER_THAT) or words[-1] in _COUNTS \
                or (len(words) > 1 and words[-1] in _VERB_AFTER_THAT and _OBJECT_NEXT.match(norm, m.end())):
            continue  # "that makes sense": a subject and its verb; "the last three": people or things
        if _WHAT_SOMEONE_IS.search(norm, 0, m.start()):
            continue  # "I'm not a lawyer", "she's the principal": what a person is, no thing
        if det is None and not words[-1].endswith("s") and owner is None \
                and not (len(words) > 1 and words[0] in _NEW):
            continue  # a bare object only when plural or new: "need horn parts", "has new guidance", not "have time"
        keep = det in ("one", "two", "three", "four", "five", "six")
        phrase = f"{det} {np}" if keep else ("the " + np if det else np)
        part_of = _PART_OF.match(norm, m.end()) if words[-1] in _PARTS else None
        if part_of is not None:  # "a draft of the abstract", "the latest version of the memo"
            phrase += part_of.group(0)
        about = _ABOUT_TOPIC.match(norm, m.end()) if words[-1] in _WRITINGS else None
        if about is not None:  # "that piece on designing for vulnerable customers"
            phrase += about.group(0)
        thing = (phrase, _plural(words[-1]))
        filler = len(before) > 1 and before[-1] == "like" and base_form(before[-2]) in TASK_VERBS \
            and base_form(before[-2]) not in _LIKENESS  # not "it makes me look like a dictator"
        wish = before[-1:] == ["like"] and bool(_WOULD_LIKE.search(" ".join(before[-3:-1])))
        # "a folder of my old flash cards", "speaking of that list: redo it"
        held = len(before) > 1 and before[-1] == "of" and (before[-2] in _HOLDERS or before[-2] in _SPEAKING)
        if not (before and before[-1] in _PREPOSITIONS) or filler or wish or held:  # "draft like a short email"
            things.append(thing)
        elif det is not None and (before[-1] in _THING_AFTER or before[-2:] in (["look", "at"], ["looking", "at"]))\
                and not objects and words[-1] not in _IDIOM_PLACES:
            objects.append(thing)
    for m in _ONE_OF.finditer(norm):  # "one of my old speed racks" is one thing, where it was said
        at = next((k for k, (phrase, _) in enumerate(things) if phrase.endswith(m.group("np"))), None)
        if at is not None:
            things[at] = (m.group(0), False)
        elif not re.search(r"\b(?:of|with|on|at|in|for|to)\s+$", norm[:m.start()]):
            things.append((m.group(0), False))
    # With nothing else named, the first object of "stuck on", "working on", "help with" is the thing.
    return things or objects


_OBJECT_POINTER = re.compile(
    r"(?<=[a-z] )(?:it|them)\b(?!')|(?<=\blook )that(?=\s+up\b)"
    r"|(?<=[a-z] )(?:those|these)(?=\s*$|\s*,|\s+(?:to|for|with|by|on|at|in|over|"
    r"before|after|tonight|today|tomorrow|and|first|again|back|up|out|off|through|as)\b)"
    r"|(?<=[a-z] )that(?=\s+(?:sent|done|finished|written|drafted|booked|sorted|over|across|off|back)\b)")
"""A pronoun standing for the object of a task that says more: "send it to Marco by Friday"."""
_HANDLING = frozenset("""
send forward email share circulate upload post print submit bring update review check finish finalise finalize
redo revise fix read proofread edit draft write rewrite run walk talk show give hand get pass file sign return do
cut shorten trim tighten rework restructure simplify
book mail text message attach save format tidy polish improve go look email
drop pop fire shoot stick chuck dig pull knock whip turn draw sketch ping
""".split())
"""Verbs done to a thing one hands over or works on: their "it" is worth naming."""
_NOT_AN_OBJECT = re.compile(r"\b(?:make|take|keep|play|call|leave|let|wing|give|have)\s+$|\bfor\s+$")
"""Pronouns of idioms ("make it to the talk", "play it safe", "call it a day") or purposes."""
_READY = re.compile(r"\s+(?:finished|done|ready|sent|drafted|written|booked|fixed|sorted|signed|printed|read|reviewed|"
                    r"checked|marked|"
                    r"updated|uploaded|submitted|filed|back)\b")
"""What one has a thing made: "have it finished", "have them ready"."""
_A_READ = re.compile(r"\s+a\s+(?:quick\s+|proper\s+|good\s+|final\s+|last\s+)?(?:read|look|review|once-over|skim|"
                     r"proofread|listen|edit|read-through)\b")
"""What one gives a thing: "give it a quick read" is about the thing, unlike "give it a go"."""


_ABOUT_IT = re.compile(r"(?:(?:and|but|so|oh|honestly)[,\s]+)*(?:it|they)(?:'s|'ll|'re|\s+is|\s+was|\s+will|\s+are)\b")
"""A sentence whose subject is the thing already in hand: "It's short.", "They're in the folder."."""


def _object_named(task: _Task, ctx: Context) -> _Task:
    """A task that names more than its object, whose object is "it" or "them": the thing
    said just before, in the same sentence, the same turn or the turn before ("the new
    rota - I'll send it to Marco by Friday")."""
    pointer = _OBJECT_POINTER.search(task.words)
    causative = pointer is not None and (
        task.words[:pointer.start()].endswith("have ") and _READY.match(task.words[pointer.end():]) is not None
        or task.words[:pointer.start()].endswith("give ") and _A_READ.match(task.words[pointer.end():]) is not None)
    # "have it finished by Friday", "give it a quick read": the pronoun is a thing all the same
    if pointer is None or (_NOT_AN_OBJECT.search(task.words[:pointer.start()]) and not causative) \
            or not (causative or any(base_form(w) in _HANDLING for w in task.words[:pointer.start()].split())):
        return task  # "cap it at six" is not about a thing to hand over
    plural = pointer.group(0) in ("them", "those", "these")
    whom = _contacted(task, pointer, ctx) if plural else None
    if whom is not None:  # "confirm the date with the training office, I'll email them"
        return replace(task, words=_put_thing(task.words, pointer, whom))
    named = [phrase.split()[-1] for phrase, is_plural in _things_in(task.words[:pointer.start()])
             if is_plural == plural and phrase.split()[-1].rstrip("s") not in _PEOPLE]
    thing = _introduced(ctx, task, plural) or _last_thing(_said_before(task), plural)
    if thing is None:  # the nearest sentence before, up to two turns back, that names one
        # "could you skim the guidance by Thursday? It's short, and it'll help with the damper.": a
        # sentence about "it" names other things; the thing is further back
        thing = next((t for t in (_last_thing(e.norm, plural) for e in _earlier(ctx, task.sentence, 2)
                                  if not _ABOUT_IT.match(e.norm)) if t), None)
    if thing is None and plural and not _things_in(task.words[:pointer.start()]) \
            and not task.words[:pointer.start()].endswith(" of ") \
            and any(re.search(rf"\b{pointer.group(0)}\b", e.norm) for e in _earlier(ctx, task.sentence, 1)):
        # "send them over" - "I'll ping them across": the same pronoun, said just before, points further back
        thing = next((t for t in (_last_thing(e.norm, plural) for e in _earlier(ctx, task.sentence, 4)) if t), None)
    if thing is None or _words(thing) <= _words(task.words[pointer.end():]) \
            or _words(thing) <= _words(task.words[:pointer.start()]) \
            or (named and thing.split()[-1] not in named):
        # "turn it into a short postmortem" is not about the postmortem; "draft a rate card
        # and run it past Margot" names its thing already, unless said more fully before
        # ("the attendance notes" - "redo last week's notes and send them over"); "send me your
        # draft if you get it done" names it already.
        return task
    return replace(task, words=_put_thing(task.words, pointer, thing))


_INTRODUCING = re.compile(r"(?:\b(?:i've|i\s+have|we've|we\s+have|i've\s+just|we\s+just)\s+got|\bi\s+have|\bwe\s+have|"
                          r"\bthere's|\bthere\s+is|\bi\s+know|\bi\s+use|\bwe\s+use|\bi\s+made|\bi\s+wrote|"
                          r"\bi\s+put\s+together|\b(?:does|runs|do|run|did|put\s+out|puts\s+out|publishes))"
                          r"\s+(?:(?:this|a)\s+(?:sort|kind)\s+of\s+)?$")
"""Words that bring a new thing into the talk: "I've got a spreadsheet ...", "there's a guide ..."."""
_OF_THINGS = re.compile(r"\s+of\s+(?:[a-z][a-z-]*\s+){0,2}[a-z][a-z-]*s\b")


def _introduced(ctx: Context, task: _Task, plural: bool, people: bool = False) -> str | None:
    """The thing the speaker has just brought into the talk in this turn, with "a" or "an"
    ("I've got a reference pack of bat calls ... I'll drop it in the shared drive"), nearest
    first; a group of people too if `people` ("there's a peer group, I'll send you the link")."""
    for text in [_said_before(task)] + [s.norm for s in _earlier(ctx, task.sentence, 0)]:
        text = re.sub(r"\b(?:a|this)\s+(?:sort|kind)\s+of\s+", "a ", text)
        for m in reversed(list(_NOUN_PHRASE.finditer(text))):
            words = _np_words(m)
            if m.group("det") not in ("a", "an") or not _INTRODUCING.search(text[:m.start()]) \
                    or _plural(words[-1]) != plural \
                    or (words[-1] in _PEOPLE and not people) or _NOT_A_THING.fullmatch(words[-1]) \
                    or any(w in phrases.STOP_WORDS or _DATE_WORD.fullmatch(w) for w in words):
                continue
            of = _OF_THINGS.match(text, m.end()) or (_ABOUT_TOPIC.match(text, m.end()) if words[-1] in _WRITINGS
                                                     else None)
            return "the " + " ".join(words) + (of.group(0) if of else "")
    return None


_LINK = re.compile(r"\bthe\s+(?:link|website|web\s+page|details|contact\s+details|address|number|sign-?up\s+form)\b"
                   r"(?!\s+(?:to|for|of|on|from)\b)|\bthe\s+(?P<which>latest|newest|current|most\s+recent|new)\s+one\b")
"""What a task gives of a thing the speaker has just brought up: "the link", "the latest one"."""


def _introduced_link(ctx: Context, task: _Task) -> str | None:
    """The task's words with the thing just brought up that its link or "latest one" is of:
    "there's a peer group for interpreters, I'll send you the link" - "the link to the peer
    group"; "the guild does a rates survey, I'll forward you the latest one" - "the latest
    rates survey"."""
    link = _LINK.search(task.words)
    thing = (_introduced(ctx, task, False, True) or _introduced(ctx, task, True, True)) if link is not None else None
    if link is None or thing is None or _words(thing) & _words(task.words):
        return None
    if link.group("which"):
        return f"{task.words[:link.start()]}the {link.group('which')} {thing[4:]}{task.words[link.end():]}"
    return f"{task.words[:link.end()]} to {thing}{task.words[link.end():]}"


_GET_IN_TOUCH = frozenset("email e-mail ring call phone message text ping chase contact".split())


def _contacted(task: _Task, pointer: re.Match[str], ctx: Context) -> str | None:
    """Who "them" is after a verb of getting in touch: the people said last before it in the
    same sentence or the one before in the turn, when no other plural thing comes after them."""
    before = task.words[:pointer.start()].split()
    if not before or base_form(before[-1]) not in _GET_IN_TOUCH:
        return None
    previous = [s.norm for s in _earlier(ctx, task.sentence, 0)][:1]
    for m in reversed(list(_NOUN_PHRASE.finditer(" ".join(previous + [_said_before(task)])))):
        head = m.group("np").split()[-1]
        if head.rstrip("s") in _PEOPLE or head == "office":
            return f"the {m.group('np')}" if m.group("det") else m.group("np")
        if head.endswith("s") and head not in phrases.STOP_WORDS:
            return None
    return None


def _put_thing(words: str, pointer: re.Match[str], thing: str) -> str:
    """`words` with the thing in the pronoun's place; "look that up" becomes "look up the course",
    and a long thing goes after its verb's particle ("dig out the piece on pricing")."""
    rest = words[pointer.end():]
    particle = re.match(r" (up|out|over|back|off|through|round|across)(?![\w'-])", rest)
    if particle and (particle.group(1) == "up" or len(thing.split()) > 3):
        return words[:pointer.start()] + particle.group(1) + " " + thing + rest[particle.end():]
    return words[:pointer.start()] + thing + rest


_PEOPLE = frozenset("""
team crew staff manager boss client customer patient family parent kid child children student class board
committee panel group starter hire intern apprentice colleague volunteer driver officer nurse doctor
supervisor lead director chair trainee mentee mentor partner owner user reader audience member
agency council bank supplier vendor company firm landlord insurer recruiter department union charity
contractor consultant coordinator organiser organizer editor publisher producer examiner assessor inspector
""".split())
"""Nouns of people, who are told or shown a thing, not the thing: "take the new starter through it"."""


_ASKED_FOR = re.compile(r"\bask(?:ed|ing)? (?:[\w'-]+ ){1,3}?for (?P<thing>(?:a|an|the|some|their|his|her) "
                        r"(?:[\w-]+ ){0,2}?[\w-]+?)(?=\s*(?:[,.?!;]|$)| (?:as well|too|and|but|so|because|if|or)\b)")
_THEY_COULD = re.compile(r"\b(?:she|he|they)(?: could| might| can|'d| would)(?: probably| maybe| easily| definitely)? "
                         r"(?P<deed>(?!be\b|have\b|do it\b|help\b)[a-z]+ (?:[\w-]+ ){0,4}?[\w-]+?)"
                         r"(?=\s*(?:[,.?!;]|$)| (?:and|but|so|if|because)\b)")
"""What someone is asked for, or could do, said before "I'll ask her"."""
_DAY_OFF = re.compile(r"\b(?:take|have|book|get)\s+(?:the\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|"
                      r"sunday|weekend|afternoon|morning)\s+off\b")
"""A day that is the task itself, not its date: "I'll take Sunday off"."""
_ROLE_NAMED = re.compile(r"\b(?P<role>the (?:vicar|priest|chaplain|landlord|manager|boss|supervisor|director|chair|"
                         r"head|headteacher|principal|registrar|consultant|surveyor|inspector|examiner|assessor|"
                         r"editor|producer|owner|landlady|foreman|caretaker|coordinator|organiser|organizer|"
                         r"contractor|engineer|client|customer|tutor|lecturer|professor|captain|skipper|coach))\b"
                         r"(?: (?:over )?(?:at|from|in) (?P<place>[A-Za-z'-]+)\b)?", re.IGNORECASE)
"""Someone named by their role ("the vicar"), whom a "him" or "her" may stand for."""


def _pointer_in(words: str) -> re.Match[str] | None:
    """The first pronoun of `words` that stands for a thing: not "this" of "this weekend",
    nor "for this" (a purpose)."""
    return next((m for m in _POINTER.finditer(words) if not re.search(r"\bfor\s+$", words[:m.start()])
                 and not (m.group(0) in ("this", "that", "these", "those") and _DATE_AFTER.match(words[m.end():]))),
                None)


def _look_at(task: _Task, look: re.Match[str], ctx: Context) -> _Task:
    """"I'll have a look" is a look at the thing named just before: the draft just offered."""
    said = _said_before(task)
    thing = _last_thing(said, False) or _last_thing(said, True) or _antecedent(ctx, task.sentence, False)
    if thing is None:
        return task
    return replace(task, words=f"{look.group(0)} at {thing}{task.words[look.end():]}", pronoun_only=False)


def _named_before(task: _Task, ctx: Context) -> bool:
    """Whether the task's own turn names a thing before it ("the floor plan, that's on me,
    I'll have it finished"): its pronoun points there, not at the other's question."""
    return any(len(phrase.split()) > 2 or phrase.split()[-1] not in _CUE_NOUNS
               for text in [_said_before(task)] + [s.norm for s in _earlier(ctx, task.sentence, 0)]
               for phrase, _ in _things_in(text))


def _said_before(task: _Task) -> str:
    """The words of the task's sentence before the task itself."""
    norm = task.sentence.norm
    return norm[:max(0, norm.find(task.words[:12]))]


_CUE_NOUNS = frozenset("plan plans goal aim intention homework task job priority idea step".split())
"""Nouns of the commitment itself ("my plan is to have it finished"), not of its thing."""


def _words(text: str) -> set[str]:
    """Words that are not function words, verbs included ("the request", "the profile")."""
    return {w for w in re.findall(r"[a-z][a-z'-]+", text) if w not in phrases.STOP_WORDS}


def _last_thing(norm: str, plural: bool, pair: bool = False) -> str | None:
    """The last thing of the pronoun's number named in `norm`; "it" is never people ("the
    board and, like, not long - ok, I'll cut it down to one page")."""
    things = _things_in(norm)
    both = _pair(norm, things) if pair and plural else None
    return both or next((phrase for phrase, is_plural in reversed(things) if is_plural == plural
                         and (plural or phrase.split()[-1] not in _PEOPLE)), None)


def _pair(norm: str, things: list[tuple[str, bool]]) -> str | None:
    """Two things named together last, which "them" or "those" may stand for: "I'll need your
    raw data and the adjustment report. Can you get those over to me?"."""
    if len(things) < 2 or things[-2][1] or things[-1][1]:
        return None
    first, second = things[-2][0], things[-1][0]
    bare = [re.escape(t[4:] if t.startswith("the ") else t) for t in (first, second)]
    det = r"(?:(?:the|my|your|our|his|her|their|this|that)\s+)?"
    if re.search(rf"\b{det}{bare[0]}\s+and\s+{det}{bare[1]}\s*(?:[,.;:?!]|$)", norm):
        return f"{first} and {second}"
    return None


_DATE_WORD = re.compile(
    r"week|weekend|fortnight|day|days|hour|hours|month|year|morning|afternoon|evening|night|"
    r"monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday|\d+(?:th|st|nd|rd)|january|february|march|april|may|june|july|august|september|october|"
    r"november|december|next|last|tonight|today|tomorrow|yesterday")
"""Words of a time, anywhere in a phrase: "the next week", "the Friday meeting" is no thing to send."""
_QUALIFIERS = frozenset("other same whole rest".split())
_CONTRACTED = frozenset("it's that's what's there's here's he's she's let's who's where's how's".split())
"""Words with 's that are a verb, not an owner."""
_THING_AFTER = frozenset("on with about into".split())
_IDIOM_PLACES = frozenset("plate list radar mind agenda desk side end way behalf own hands head".split())
"""...but not "on my plate", "on my list", "on my mind"."""
"""Prepositions whose object may be what a later "it" names: "I'm stuck on the cover letter"."""
_LIKENESS = frozenset("look sound feel seem".split())
"""Verbs of likeness: what follows "look like" is a comparison, no thing."""
_DEGREE = frozenset("bit lot tad".split())
"""Words of degree: "the 15th is a bit tight" names no thing."""
_COUNTS = frozenset("one two three four five six seven eight nine ten twelve few couple dozen".split())
_VAGUE_THINGS = _COUNTS | frozenset("ones slot list bit lot thing things stuff copy version draft half about some "
                                    "any down up over round out back".split())
"""Words that name no thing of their own: "I'll bring two or three", "I'll grab a slot"."""
_VERB_AFTER_THAT = frozenset("makes sounds seems looks means works helps feels is was depends happens needs wants "
                             "takes costs gets goes".split())


def _asked_about(ctx: Context, sentence: Sentence) -> str | None:
    """What the question just before this turn asked about, if this turn names no thing of
    its own before `sentence`: "it" in the answer is that, whatever its number."""
    turn = ctx.turn_of(sentence.segment)
    if turn == 0:
        return None
    here = position_of(ctx, sentence)
    before = [s for s in ctx.sentences[:here] if ctx.turn_of(s.segment) >= turn - 1]
    own = [s for s in before if ctx.turn_of(s.segment) == turn]
    asked = [s for s in before if ctx.turn_of(s.segment) == turn - 1]
    if not asked or not _is_question(asked[-1].norm) or any(_things_in(s.norm) for s in own):
        return None
    things = _things_in(asked[-1].norm)
    return things[-1][0] if things else None


def _antecedent(ctx: Context, sentence: Sentence, plural: bool) -> str | None:
    """The thing a pronoun in `sentence` most likely names: the last one said before it in
    this or the three previous turns, of the pronoun's number when there is one."""
    turn = ctx.turn_of(sentence.segment)
    fallback, seen = None, False
    asked = _asked_about(ctx, sentence) if not plural else None
    if asked is not None:
        return asked  # "have you got other quotes?" - "... I'll get onto it this week"
    for pos in range(position_of(ctx, sentence) - 1, -1, -1):
        earlier = ctx.sentences[pos]
        if turn - ctx.turn_of(earlier.segment) > 3:
            break
        things = _things_in(earlier.norm)
        pair = _pair(earlier.norm, things) if plural and fallback is None and not seen else None
        if pair is not None:
            return pair
        seen = seen or bool(things)
        for phrase, is_plural in reversed(things):
            if is_plural == plural:
                return phrase
            if not plural or phrase.split()[-1] in _PEOPLE:  # "them" may be "the agency", not "the budget"
                fallback = fallback or phrase
    return fallback


_LOOK_ALONE = re.compile(r"(?:have|take)\s+a\s+(?:quick\s+|proper\s+|good\s+)?(?:look|read|peek|glance|listen)"
                         r"(?!\s+(?:at|over|through|into)\b)")
"""A look at nothing named: "I'll have a look" at the thing just offered."""
_DATE_AFTER = re.compile(r"\s+(?:week|weekend|month|morning|afternoon|evening|year|time|monday|tuesday|wednesday|"
                         r"thursday|friday|saturday|sunday)\b")
"""A determiner of a time, not a pointer: "this weekend"."""
_TO_THEM_ONE = re.compile(r"(?:(?<=\bthem\s)|(?<=\bhim\s)|(?<=\bher\s)|(?<=\byou\s))one\b")
"""A thing given to someone, said as "one": "I'm going to do them one by Friday"."""
_MANNER = frozenset("first again properly quickly later afterwards instead tonight before after".split())
"""Words that say how or when, not what: "clean it up first and send it" only points back."""


def _request_named(request: _Task, ctx: Context, dates: dict[int, list[DateMention]]) -> _Task:
    """A request names what its pronoun stands for, so that whoever takes it on takes on a
    thing: "the harness you borrowed, can you bring that back?", "could you look at my plan
    if I send it?" - "get it to me by the 3rd"."""
    pointer = _pointer_in(request.words)
    first = request.words.split()[0] if request.words else ""
    if _is_pronoun_only(request.words, dates[id(request.sentence)]) or (
            pointer is not None and pointer.start() == len(first) + 1 and base_form(first) in _HANDLING):
        if pointer is None or pointer.start() == 0:
            return request
        plural = pointer.group(0) in ("them", "those", "these")
        thing = _last_thing(_said_before(request), plural, pair=True) or _antecedent(ctx, request.sentence, plural)
        if thing is None:
            return request
        return replace(request, words=request.words[:pointer.start()] + thing + request.words[pointer.end():],
                       pointed=thing)
    return _object_named(request, ctx)


_THEIR_DETAILS = re.compile(r"\b(?P<who>their|her|his)\s+(?P<what>details|contact(?:\s+details)?|number|"
                            r"email(?:\s+address)?|info|address)\b")
_MINE = re.compile(r"(?<=^[a-z]{4}\s)(?:you\s+)?(?P<whose>mine)\b|(?<=\bsend\s)(?:you\s+)?(?P<whose2>mine)\b")
"""Possessives that name someone or something said before: "I use a wholesaler in Lincoln,
I'll send you their details", "build yourself a glossary" - "I'll send you mine"."""


def _owner_named(ctx: Context, task: _Task, owned: re.Match[str]) -> str | None:
    """The wording for a possessive: "the wholesaler's details", "you my glossary". "Her" and
    "his" are a person's, named when the task is worded (`_Wording`), never a thing's."""
    if owned.groupdict().get("who") in ("her", "his"):
        return None
    for text in [_said_before(task)] + [s.norm for s in _earlier(ctx, task.sentence, 2)]:
        things = [phrase for phrase, plural in _things_in(text) if not plural]
        if not things:
            continue
        thing = things[-1]
        if "what" in owned.groupdict() and owned.groupdict().get("what"):
            return f"{thing}'s {owned.group('what')}"
        head = thing.split(" ", 1)[1] if thing.split()[0] in ("the", "a", "an") else thing
        prefix = "you " if owned.group(0).startswith("you ") else ""
        return f"{prefix}my {head}"
    return None


_DELIVERABLE = re.compile(r"\b(?:comments|feedback|notes|thoughts|(?:a|my)\s+(?:first\s+|rough\s+|new\s+|"
                          r"revised\s+|final\s+|second\s+)?(?:draft|version|copy|outline))\b"
                          r"(?!\s+(?:on|of|about|for|to\s+\w+\s+on)\b)")
_VIEWS = frozenset("comments feedback notes thoughts".split())
"""Something made of or about a thing, said without the thing: "a first draft", "comments"."""
_DO_THAT = re.compile(r"do\s+(?:that|it)\b")
_HAVE_YOU_STEP = re.compile(r"\b(?:have|did)\s+you\s+(?:already\s+|actually\s+|ever\s+)?(?P<verb>[a-z]+)\s+"
                            r"(?P<rest>(?:up\s+|out\s+)?(?:for|to|with|on|the|a|an|your|my|our|in|into|at)\b[^?]*?)"
                            r"(?=\s+(?:so|because|yet|already)\b|\?|$)")


def _planned_before(ctx: Context, task: _Task) -> str | None:
    """What "I'll do that" takes on when the speaker has just said how much of something they
    will do: "three timed questions a week, right up to the exam. I'll do that"."""
    for text in [_said_before(task)] + [s.norm for s in _earlier(ctx, task.sentence, 0)][:1]:
        things = [phrase for phrase, plural in _things_in(text) if plural and phrase.split()[0] in _COUNTS]
        if things:
            return things[0]
    return None


def _requested_thing(ctx: Context, sentence: Sentence) -> str | None:
    """The thing the other person's last turn asked about or for: "would you look at a draft of
    the abstract before I submit it?"."""
    turn = ctx.turn_of(sentence.segment)
    for s in (s for s in _earlier(ctx, sentence, 1) if ctx.turn_of(s.segment) == turn - 1):
        if _is_question(s.norm):
            things = _things_in(s.norm)
            if things:
                return things[-1][0]
    return None


def _step_asked(ctx: Context, sentence: Sentence) -> str | None:
    """The step the other person just asked about, as a task: "have you signed up for the
    announcements?" is "sign up for the announcements"."""
    turn = ctx.turn_of(sentence.segment)
    for s in (s for s in _earlier(ctx, sentence, 1) if ctx.turn_of(s.segment) == turn - 1):
        m = _HAVE_YOU_STEP.search(s.norm)
        if m is not None and _is_question(s.norm):
            verb = m.group("verb")
            if verb in ("been", "got", "had", "thought", "considered", "tried"):
                return None  # "have you thought about ...?" asks, it names no step
            return f"{_PAST_TO_BASE.get(verb) or base_form(verb)} {m.group('rest')}".strip()
    return None


_CONTACT_ONLY = re.compile(
    r"^(?:ask|check\s+with|email|e-mail|message|text|ring|call|phone|speak\s+to|talk\s+to|have\s+a\s+word\s+with|"
    r"chase|ping)(?P<who>(?:\s+(?!and\b|then\b|first\b|about\b|round\b|around\b|to\b)[\w'-]+){1,2}?)"
    r"(?=\s+and\s+let\s+you\s+know$|\s+(?:then|first|too|again)$|$)")
"""A task of getting in touch that says nothing of what about: "check with HR and let you know"."""


_NO_TOPIC = frozenset("alternative alternatives option options plan plans answer solution choice step steps".split())


def _answer_names(ctx: Context, task: _Task) -> str | None:
    """In an answer to a question, the thing the answer named before the task ("do trainees buy
    their own boots?" - "there's a boot allowance, I think. I'll check with HR")."""
    turn = ctx.turn_of(task.sentence.segment)
    earlier = _earlier(ctx, task.sentence, 1)
    asked = [s for s in earlier if ctx.turn_of(s.segment) == turn - 1]
    if not asked or not _is_question(asked[0].norm):
        return None
    own = [_said_before(task)] + [s.norm for s in earlier if ctx.turn_of(s.segment) == turn]
    return next((t for t in (_last_thing(text, False) for text in own) if t), None)


def _resolve_pointers(confirmed: list[_Task], turn: int, ctx: Context,
                      dates: dict[int, list[DateMention]]) -> None:
    """Word tasks of this turn that only point back ("I'll dig them out", "those are on my
    plate, I'll finish them", an accepted "can you write those down?") with what they name."""
    dropped: list[int] = []
    for k, task in enumerate(confirmed):
        if ctx.turn_of(task.sentence.segment) != turn or task.restated:
            continue
        linked = _introduced_link(ctx, task)
        if linked is not None:  # "there's a good pricing guide, I'll send you the link"
            confirmed[k] = replace(task, words=linked, restated=True)
            continue
        counted = _ONE_OBJECT.match(task.words)
        kind = _kind_before(ctx, task, True) if counted is not None and counted.group("count") else None
        if counted is not None and kind is not None:  # "get yourself two thermoses" - "I'll grab two"
            of = " of" if counted.group("count").startswith("a ") else ""  # "a couple of flasks"
            confirmed[k] = replace(task, words=f"{task.words[:counted.end()]}{of} {kind}{task.words[counted.end():]}",
                                   restated=True)
            continue
        look = _LOOK_ALONE.match(task.words)
        if look and not _pointer_in(task.words[look.end():]):
            confirmed[k] = _look_at(task, look, ctx)  # "send me the draft and I'll have a look"
            continue
        bare = _DELIVERABLE.search(task.words)
        topic = _asked_about(ctx, task.sentence) or _requested_thing(ctx, task.sentence) if bare is not None else None
        if bare is not None and topic is not None and _words(topic) - _words(task.words):
            # "where are you with the supporting statement?" - "I'll get a first draft to you by Friday"
            link = " on " if bare.group(0) in _VIEWS else " of "
            confirmed[k] = replace(task, words=task.words[:bare.end()] + link + topic + task.words[bare.end():],
                                   restated=True)
            continue
        bare_contact = _CONTACT_ONLY.match(task.words)
        topic = (_asked_about(ctx, task.sentence) or _answer_names(ctx, task)) if bare_contact else None
        if topic is not None and topic.split()[-1] in _NO_TOPIC:
            topic = None  # "what's the alternative?" asks what to do, not about what
        if bare_contact is not None and topic is not None and not _words(topic) & _words(task.words) \
                and not re.fullmatch(r"\s*(?:him|her|them|it)", bare_contact.group("who")):
            # "do HCAs buy their own shoes?" - "I'll check with HR and let you know": about the shoes
            at = bare_contact.end("who")
            confirmed[k] = replace(task, words=task.words[:at] + " about " + topic + task.words[at:], restated=True)
            continue
        done = _DO_THAT.match(task.words)
        if done is not None and any(ctx.turn_of(t.sentence.segment) == turn and t.owner == task.owner
                                    and not t.pronoun_only for t in confirmed[:k]):
            continue  # "I'll check the hygrometers ... and I'll do it over the weekend": the task just said
        step = _step_asked(ctx, task.sentence) if done is not None else None
        if step is not None:  # "have you signed up for the announcements?" - "I'll do that tonight"
            confirmed[k] = replace(task, words=step + task.words[done.end():], pronoun_only=False, restated=True)
            continue
        owned = _THEIR_DETAILS.search(task.words) or _MINE.search(task.words)
        named = _owner_named(ctx, task, owned) if owned is not None else None
        if owned is not None and named is not None:
            confirmed[k] = replace(task, words=task.words[:owned.start()] + named + task.words[owned.end():],
                                   restated=True)
            continue
        if not (_is_pronoun_only(task.words, dates[id(task.sentence)])
                or not _content(_strip_dates(task.words, dates[id(task.sentence)])) - _MANNER):
            confirmed[k] = _object_named(task, ctx)
            continue
        pointer = _pointer_in(task.words)
        recipient = _TO_THEM_ONE.search(task.words)
        if recipient:  # "do them one by Friday": "one" is the thing, "them" who gets it
            pointer = recipient
        if pointer is None:
            continue  # "send you my CV for this": no thing left to name
        plural = pointer.group(0) in ("them", "those", "these")
        thing = (_contacted(task, pointer, ctx) if plural else None) or _introduced(ctx, task, plural) \
            or _last_thing(_said_before(task), plural) \
            or (_planned_before(ctx, task) if _DO_THAT.match(task.words) else None) \
            or _antecedent(ctx, task.sentence, plural)
        if thing is None and task.words == pointer.group(0):
            dropped.append(k)  # "that's on my plate" about nothing we can name
        elif thing is not None:
            words = _put_thing(task.words, pointer, thing)
            confirmed[k] = replace(task, words=words, pronoun_only=False, noun_only=False, restated=True)
    for k in reversed(dropped):
        del confirmed[k]


_NEEDS_DOING = re.compile(r"(?:^|,\s*)(?P<thing>(?:the|our|your|my|this|that)\s+[a-z][\w\s'-]{2,40}?)\s+"
                          r"(?:still\s+)?(?:needs|need)\s+(?:(?P<verb>[a-z]+)ing|to\s+be\s+(?P<pp>[a-z]+ed))\b")
"""A thing that needs doing, said to whoever will take it: "the onboarding checklist needs
rewriting" - "I can take that"."""
_LOOK_OVER = re.compile(r"^(?:have|take)\s+a\s+(?:quick\s+|proper\s+|good\s+)?(?:look|read|peek|glance|listen)\s+"
                        r"(?:at|over|through|of|to)\s+\w"
                        r"|^cast\s+an\s+eye\s+over\s+\w")
"""A request whose verb phrase is the task: "could you have a look at my portfolio?"."""
_OPENING_AND = re.compile(r"^(?:(?:and|also|oh|so|plus)[,\s]+)+")


def _dated_after(task: _Task, sentences: Sequence[Sentence], dates: dict[int, list[DateMention]]) -> _Task:
    """A task whose date follows in the next sentence, said as a bare date: "I'll set up a mock
    committee. Probably end of next week, so Friday the tenth." The most specific date wins.
    Within the next two sentences, an estimate ("give me ten days", "I'll probably need till
    Tuesday"), the date someone wants it by ("they want it by the fifteenth"), or the date of
    the event it comes before ("before the review. That's on the ninth.") date it too."""
    if task.sentence is sentences[-1]:
        return task
    at = sentences.index(task.sentence)
    after = sentences[at + 1]
    found = [m for m in dates[id(after)] if not m.vague]
    if found and _BEFORE_EVENT.search(_strip_dates(task.words, dates[id(task.sentence)]).strip()) \
            and _EVENT_DATE.match(after.norm):
        return replace(task, due=found[0])  # the event's own date outranks one in its name ("quarter-end")
    if task.due is not None:
        return task
    due = _bare_date(after, dates[id(after)]) or _deadline_first(after, dates[id(after)]) \
        or _date_first_clause(after, dates[id(after)])
    for later in sentences[at + 1:at + 3]:
        found = [m for m in dates[id(later)] if not m.vague]
        if due is not None or not _ESTIMATE.match(later.norm) and phrases.COMMITMENT.search(later.norm):
            break
        if found and _ESTIMATE.match(later.norm):
            due = found[0]
    return task if due is None else replace(task, due=due)


def _dated_before(task: _Task, sentences: Sequence[Sentence], dates: dict[int, list[DateMention]]) -> _Task:
    """A task that points back to a day just said: "I'm in clinic on the twenty-second, I'll put
    you down to shadow me that afternoon"; "I've got my catch-up with her on Wednesday, I'll
    raise it then" (the day in the sentence before, where a recogniser's run-on was split)."""
    at = sentences.index(task.sentence)
    if task.due is None and at and (opened := _bare_date(sentences[at - 1], dates[id(sentences[at - 1])])) \
            and _BY_WHEN.match(opened.text) and phrases.COMMITMENT.match(task.sentence.norm):
        # a recogniser's run-on split at the promise: "great and before we next speak | i'll have it checked"
        return replace(task, due=opened)
    if task.due is not None and not task.due.vague \
            or not (_THAT_DAY.search(task.words) or _THAT_DAY.search(task.sentence.norm.rstrip(".!?"))):
        return task
    begin = task.sentence.norm.find(task.words.split(" ", 1)[0])
    said = [m for m in dates[id(task.sentence)] if not m.vague and m.end <= begin] \
        or ([m for m in dates[id(sentences[at - 1])] if not m.vague] if at else [])
    return replace(task, due=said[-1]) if said else task


_ESTIMATE = re.compile(
    r"^(?:(?:and|so|but|um|uh|okay|ok|honestly|realistically|although|though)[,\s]+)*"
    r"(?:give\s+me|allow\s+me|i(?:'ll|\s+will)?\s+(?:probably\s+|likely\s+)?need|it(?:'ll|\s+will)\s+"
    r"(?:probably\s+)?take\s+me|(?:they|he|she|the\s+[\w-]+|[\w-]+)\s+(?:\w+\s+)?(?:want|wants|need|needs)"
    r"(?:\s+(?:it|them|that))?\s+(?:by|for|before|on)|(?:it's|it\s+is|they're|they\s+are)\s+due|"
    r"the\s+deadline(?:'s|\s+is))\b")
"""A sentence that gives a task's date as an estimate or someone's deadline."""
_BEFORE_EVENT = re.compile(r"\bbefore\s+(?:the|our|my|your)(?:\s+[\w-]+){0,2}\s*$")
_EVENT_DATE = re.compile(r"^(?:(?:and|so|which)[,\s]+)*(?:that's|that\s+is|it's|it\s+is|which\s+is)\s+"
                         r"(?:on\s+)?(?:the|this|next|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")
"""The date of the event a task comes before: "... before the review. That's on the ninth."."""
_BY_WHEN = re.compile(r"(?:by|before|until|till)\b")
"""A date said as a deadline."""
_THAT_DAY = re.compile(r"\b(?:then|that\s+(?:afternoon|morning|evening|day|night))\s*$")
"""A task put on a day just said: "... on the twenty-second, I'll put you down for that afternoon"."""
_SEEING = re.compile(r"\b(?:seeing|meeting|see|meet|catching\s+up\s+with|catch\s+up\s+with)\s+(?P<who>[a-z][\w-]+)\b")


def _date_of_meeting(before: str, words: str, dates: list[DateMention]) -> DateMention | None:
    """The day of a meeting said earlier in the sentence with the person the task is about:
    "I'm seeing Priya on Thursday, and I'll ask Priya whether ..."."""
    said = [m for m in dates if m.end <= len(before) and not m.vague]
    for m in _SEEING.finditer(before):
        if re.search(rf"\b{re.escape(m.group('who'))}\b", words) and m.group("who") not in ("you", "it", "them"):
            return next((d for d in said if d.start > m.start()), None)
    return None


_DEADLINE_FIRST = re.compile(r"^(?:(?:and|so|probably|hopefully|definitely|ideally|okay|ok)[,\s]+)*"
                             r"(?:by|before|no\s+later\s+than)\s+$")


def _deadline_first(sentence: Sentence, dates: list[DateMention]) -> DateMention | None:
    """A sentence that opens with a deadline and only adds to it ("By the end of next week,
    definitely before the software goes live")."""
    first = next((m for m in dates if not m.vague), None)
    if first is None or phrases.COMMITMENT.search(sentence.norm) or _requests(sentence, dates):
        return None
    said = sentence.norm[:first.start]
    if re.match(r"(?:by|before)\s", first.text):
        said += first.text.split()[0] + " "
    return first if _DEADLINE_FIRST.match(said) else None


_CLAUSE_AFTER_DATE = re.compile(r",\s|\s(?=(?:when|once|as\s+soon\s+as|because|since)\s)")
"""Where a clause of its own follows a date said first: "Next Tuesday, when I'm back"."""


def _date_first_clause(sentence: Sentence, dates: list[DateMention]) -> DateMention | None:
    """The date of a sentence whose first clause says nothing but it: "Next Tuesday, when I'm
    back in the office", "Monday week at the latest, I'm drowning until then"."""
    head = _CLAUSE_AFTER_DATE.split(sentence.norm, 1)[0]
    if head == sentence.norm:
        return None
    return _bare_date(replace(sentence, norm=head), [m for m in dates if m.end <= len(head)])


def _bare_date(sentence: Sentence, dates: list[DateMention]) -> DateMention | None:
    """The date of a sentence that says nothing but a date ("Probably Friday the tenth.",
    "End of the month, yes."); the most specific, if it says several."""
    found = [m for m in dates if not m.vague]
    if not found:
        return None
    rest = sentence.norm
    for mention in dates:
        rest = rest.replace(mention.text, " ")
    for t in find_times(rest):
        rest = rest.replace(t.text, " ")
    if [w for w in re.findall(r"[a-z']+", rest) if w not in phrases.DATE_FILLER and w not in _AGREEING]:
        return None
    return next((m for m in reversed(found) if m.specific), found[-1])


_AGREEING = frozenset("yes yeah yep sure okay ok fine great perfect works good".split())
_THEN = re.compile(r"\b(?:before|by|until|till|ahead\s+of)\s+(?:then|that)\b(?!\s+\w+ing)")
_DANGLING_BY = re.compile(r"\b(?:by|before|until|on)$")


def _date_around(task: _Task, ctx: Context, dates: dict[int, list[DateMention]]) -> DateMention | None:
    """A date the task's own words leave to the talk around it: "before then" is the last date
    said in the three turns before; "I'll have the options drafted by..." - "End of the
    month?" - "End of the month, yes." takes the date said on its own in the next two turns."""
    norm = task.sentence.norm
    turn = ctx.turn_of(task.sentence.segment)
    here = position_of(ctx, task.sentence)
    if _THEN.search(norm):
        for pos in range(here - 1, -1, -1):
            earlier = ctx.sentences[pos]
            if turn - ctx.turn_of(earlier.segment) > 3:
                break
            said = [m for m in dates[id(earlier)] if not m.vague]
            if said:
                return replace(said[-1], time=None)  # "before then": that day, as "before our next call"
    if _DANGLING_BY.search(norm):
        for later in ctx.sentences[here + 1:]:
            if ctx.turn_of(later.segment) - turn > 2:
                break
            due = _bare_date(later, dates[id(later)])
            if due is not None:
                return due
    return None


def _joined(task: _Task, confirmed: list[_Task], ctx: Context, turn: int) -> _Task:
    """"let's both do the webinar on the 12th" - "yes, let's both do it": one joint task, taken
    on where the other joined in. It keeps the first wording when the second only points back,
    and the first date when the second names none."""
    if task.owner != "both":
        return task
    earlier = next((t for t in reversed(confirmed) if t.owner == "both"
                    and ctx.turn_of(t.sentence.segment) == turn - 1
                    and t.sentence.speaker != task.sentence.speaker), None)
    if earlier is None:
        return task
    confirmed.remove(earlier)
    words = earlier.words if task.pronoun_only else task.words
    return replace(task, words=words, due=task.due or earlier.due, pronoun_only=False)


def _share_of_joint(commitments: list[_Task], sentences: Sequence[Sentence], confirmed: list[_Task],
                    ctx: Context, turn: int) -> list[_Task]:
    """"We'll each jot down three questions" - "Yes, I'll start a list tonight": said on saying
    yes to a joint task, the other's own short promise is their share of it, not a task of
    its own (unless it says something more: "yes, and I'll also book the room", "sure, I'll
    email Tom about the venue")."""
    proposed = any(t.owner == "both" and ctx.turn_of(t.sentence.segment) == turn - 1
                   and t.sentence.speaker != sentences[0].speaker for t in confirmed)
    if not proposed or not (phrases.ACCEPT_WEAK.match(sentences[0].norm) or phrases.ACCEPT_STRONG.match(
            sentences[0].norm) or re.match(r"(?:deal|count\s+me\s+in|i'm\s+in)\b", sentences[0].norm)):
        return commitments
    return [c for c in commitments if c.owner == "both" or c.sentence is not sentences[0] or c.separate
            or len(_content(_strip_dates(c.words, [c.due] if c.due else []))) > 1]


def _concretises(commitment: _Task, offer: _Task, ctx: Context) -> bool:
    """Is this the offerer saying what exactly they will do? "Want me to introduce you?" -
    "yes" - "I'll email Mariam tomorrow"; "shall I put you in touch with Tom?" - "yes" -
    "I'll drop him a message". Something more ("let me also send you the checklist") is not."""
    if commitment.pronoun_only or commitment.separate:
        return False
    offered = _content(offer.words)
    named = any(w in ctx.casing for w in offered)
    if (len(offered) <= 1 and not named) or offered & _content(commitment.words):
        return True
    named = named or bool(re.search(r"\b(?:him|her|them)\b", offer.words))
    return named and bool(re.search(r"\b(?:him|her|them)\b", commitment.words))


def _follow_up_offer(offer: _Task, commitments: list[_Task], confirmed: list[_Task], ctx: Context,
                     dates: dict[int, list[DateMention]]) -> list[_Task]:
    """The offerer's next words after their offer was accepted. "I'll email it tonight" or
    "I'll email her tomorrow" only dates the offer ("want me to send the checklist?" -
    "yes please"), which keeps its wording; "I'll email Mariam tomorrow" after "want me to
    introduce you?" says what exactly they will do, and replaces it. Returns the commitments
    left over."""
    k = next((i for i, t in enumerate(confirmed) if t.sentence is offer.sentence and t.owner == offer.owner), None)
    if k is None:
        return commitments
    for c in commitments:
        if c.separate:
            continue
        points_back = c.pronoun_only or bool(_VERB_IT.match(c.words))
        concrete = _concretises(c, offer, ctx)
        bare = len(_words(_strip_dates(c.words, dates[id(c.sentence)]))) <= 1 and len(_content(offer.words)) > 1
        if points_back or (concrete and bare):  # "should I ask my accountant?" - "yes" - "I'll email her"
            confirmed[k] = replace(confirmed[k], due=confirmed[k].due or c.due)
            return [x for x in commitments if x is not c]
        if concrete:
            del confirmed[k]
            return commitments
    return commitments


_VERB_IT = re.compile(r"[a-z]+\s+(?:it|them|that|this|those|these)\b(?!\s+(?:is|are|was|were)\b)")
"""A task whose object points back: "send it after our call", "email them tonight"."""


_INTRODUCE = re.compile(r"(?:introduce|connect|put\s+\w+\s+in\s+touch|link\s+\w+\s+up)\b")
_MEANS = re.compile(r"(?:send|email|e-mail|message|text|call|ring|phone|write|drop|ping)\b")


def _part_of(c: _Task, last: _Task) -> bool:
    """Is `c` a part of the task said just before it, by the same person?
    - the message that makes an introduction: "I'll introduce you to Ana. I'll email you both tonight";
    - what a look into something yields: "let me look into the course, I'll have the dates in two weeks";
    - reporting back what was found out: "I'll find out ..., and I'll let you know by Friday";
    - sending the photos or numbers of it: "I'll redo the stays and send you photos by Friday"."""
    same = c.sentence is last.sentence
    return last.owner == c.owner and (
        (_INTRODUCE.match(last.words) is not None and _MEANS.match(c.words) is not None
         and (not same or _BOTH.search(c.words) is not None))
        or (same and last.due is None and c.due is not None and not c.separate and _OUTCOME.match(c.words) is not None)
        or (same and _FIND_OUT.match(last.words) is not None and _REPORT_BACK.match(c.words) is not None)
        or (c.sentence.segment == last.sentence.segment and _FIND_OUT.match(last.words) is not None
            and _BARE_REPORT_BACK.match(c.words) is not None and " and " not in c.words)
        or _RESULTS_SENT.match(c.words) is not None)


def _means_merged(commitments: list[_Task]) -> list[_Task]:
    """One task, not two, where the second commitment is a part of the first (`_part_of`):
    it gives the first its date when the first has none."""
    merged: list[_Task] = []
    for c in commitments:
        if merged and _part_of(c, merged[-1]):
            merged[-1] = replace(merged[-1], due=merged[-1].due or c.due)
        else:
            merged.append(c)
    return merged


_FIND_OUT = re.compile(r"(?:find\s+out|check|ask|look\s+into|see|chase|confirm|enquire|inquire|dig)\b")
_REPORT_BACK = re.compile(r"(?:let\s+(?:you|\w+)\s+know|get\s+back\s+to\s+(?:you|\w+)|report\s+back|"
                          r"keep\s+you\s+posted|tell\s+you)\b")
"""Finding something out and reporting it back is one task, dated by either part."""
_BARE_REPORT_BACK = re.compile(r"(?:get|come)\s+back\s+to\s+you|let\s+you\s+know|report\s+back")
"""...also in the next sentence, when that says nothing else: "Let me check with Pete whether
it's free. I'll come back to you by Friday"."""
_RESULTS_SENT = re.compile(r"(?:send|show|email|text|bring)\s+(?:you\s+)?(?:some\s+|a\s+few\s+|the\s+|my\s+)?"
                           r"(?:photos?|pictures?|pics|results|numbers|an\s+update|updates)\b")
"""...and so is doing something and sending the photos or the numbers of it."""
_BOTH = re.compile(r"\b(?:you|them)\s+both\b|\bboth\s+of\s+you\b")
"""The message that makes an introduction: "I'll introduce you to Ros, I'll email you both"."""
_OUTCOME = re.compile(r"(?:have|get)\s+(?:you\s+)?(?:the|some|an?)\s+(?:[\w-]+\s+){0,2}?(?:dates?|answer|details|"
                      r"info|information|numbers|figures|options|names?|update|list)\b"
                      r"|(?:get|come)\s+back\s+to\s+you\b")
"""What a look into something yields, promised with the date: the task is the look."""


_PUT_OFF = re.compile(r"\b(?:maybe\s+later|not\s+(?:yet|now|ready|until|before)|in\s+the\s+new\s+year|"
                      r"let's\s+talk\s+about\s+it|"
                      r"(?:already|just)\s+(?:did|done|have|got|sent|booked|sorted)|(?:has|have|'s|'ve)\s+already|"
                      r"already\s+\w+ed|i've\s+got\s+(?:it|one|them)|"
                      r"i\s+have\s+(?:it|one|them)\s+already|no\s+need|don't\s+need|i'm\s+good|"
                      r"(?:yeah|yes|okay|ok),?\s+no\b)")
"""An answer that opens like a yes but puts the offer off or finds it needless: "Yeah, maybe
later", "Yeah, no, I've got it already", "Okay. Oh, I think Ana already did"."""


_PLEDGE_CLAUSE = re.compile(rf"(?:^|[,.;]\s*|\s(?:so|and|just)\s+)(?:{_LEAVE_IT_WITH_ME}|{_ATTENDANCE}|"
                            r"consider\s+it\s+done|i'm\s+on\s+it|that's\s+on\s+me|will\s+do|"
                            r"(?:(?:this\s+|next\s+)?(?:monday|tuesday|wednesday|"
                            r"thursday|friday|saturday|sunday|tomorrow|tonight)|the\s+\w+(?:\s+\w+)?)\s+it\s+is)"
                            r"\s*[.!]?(?:\s|$)")
"""Taking a task on at the end of a clause: "I've got an idea about the bus contracts, leave
that one with me", "daylight photo, will do", "I'm off Sunday, I'll be there", "Monday it is"."""


_YES_WORD = re.compile(r"\b(?:fine|okay|ok|yes|yep|yeah|sure|deal|will do|got it|can do|no problem|done|absolutely|"
                       r"definitely)[.!]?$")


def _echoed(first: str, pending: tuple[_Task, ...]) -> bool:
    """A short answer that repeats what was firmly asked and says yes: "Three scenarios, fine."
    (an echoed piece of advice, "Slide one, got it.", takes nothing on)."""
    return len(first.split()) <= 6 and bool(_YES_WORD.search(first)) and not phrases.DECLINE.search(first) \
        and any(r.firm and _content(first) & _content(r.words) for r in pending)


def _answer_opening(sentences: Sequence[Sentence]) -> str:
    """The first sentence of an answer, and the next one too when the first is only an
    interjection ("Oh. I'd love to, but not before the visit.")."""
    first = sentences[0].norm
    if len(sentences) > 1 and (len(first.split()) <= 2 and not re.search(r"\b(?:no|not|nope|can't)\b", first)
                               or re.match(r"but\b", sentences[1].norm)):
        return f"{first} {sentences[1].norm}"  # also "i'd love to | but i'm at a wedding that weekend"
    return first


def _answer_requests(previous: _Said, sentences: Sequence[Sentence], commitments: list[_Task],
                     dates: dict[int, list[DateMention]], confirmed: list[_Task], ctx: Context) -> list[_Task]:
    """Turn accepted requests into tasks; returns the commitments not used in answering."""
    pending = previous.requests
    if len(sentences) > 1 and _is_question(sentences[0].norm) and len(sentences[0].norm.split()) <= 4:
        sentences = sentences[1:]  # "The French one? Sure, I'll read it.": a check, then the answer
    if not pending or phrases.DECLINE.search(_answer_opening(sentences)):
        return commitments
    if (all(re.match(r"go\s+(?:and\s+)?[a-z]", r.words) for r in pending) or _BARE_YES.match(sentences[0].norm)) \
            and ctx.turn_of(ctx.sentences[-1].segment) - ctx.turn_of(sentences[0].segment) <= 3 \
            and any(_FAREWELL.search(s.norm) for s in sentences):
        # "go and get something to eat" - "will do, thanks, bye": sent off at parting; so is a last
        # "send me the spotting when it's done" - "will do, thanks Ilse, bye" (five of six such labelled no task)
        return commitments
    if any(phrases.STANDING.search(s.norm) and not phrases.STARTING.search(s.norm) for s in sentences):
        return commitments  # "could you ask me first?" - "from now on I'll ask what you reckon": an arrangement
    opening = " ".join(s.norm for s in sentences[:2])
    # With no known speakers, "yeah" may be the asker still talking: only a clear yes counts.
    firm = any(t.firm for t in pending) and sentences[0].speaker != "unknown"
    accept = phrases.ACCEPT_STRONG.match(opening) or (firm and phrases.ACCEPT_WEAK.match(opening)) \
        or _echoed(sentences[0].norm, pending) \
        or (any(r.due for r in pending) and sentences[0].speaker != "unknown" and not _is_question(sentences[0].norm)
            and (_TIME_NAMED_BACK.match(sentences[0].norm) or _bare_date(sentences[0], dates[id(sentences[0])])
                 and (_AGREEING & set(re.findall(r"[a-z]+", sentences[0].norm)) or len(sentences) > 1
                      and phrases.ACCEPT_STRONG.match(sentences[1].norm)))
            and dates[id(sentences[0])]) \
        or _PLEDGE_CLAUSE.search(opening) \
        or re.fullmatch(r"(?:\w+,?\s+)?we'll\s+do", sentences[0].norm)  # "Will do." misheard
    binding = [c for c in commitments if c.pronoun_only or c.noun_only
               or any(_same_thing(c.words, r.words) or _same_verb_for_them(c, r, dates) for r in pending)]
    if accept and not binding:
        binding = [c for c in commitments if c.sentence is sentences[0] and not c.separate]
        if not binding and len(sentences) > 1 and len(sentences[0].norm.split()) <= 6:
            # "Yes, this is possible. I will write to the IT manager today.": a bare yes, then
            # how the owner will do what was asked.
            binding = [c for c in commitments if c.sentence is sentences[1] and not c.separate]
    if not (accept or binding):
        return commitments
    restated = _restated(binding, commitments, pending, sentences) \
        if binding and all(c.pronoun_only for c in binding) else []
    binding += restated
    where = binding[0].sentence if binding else sentences[0]
    said_due = next((c.due for c in binding if c.due), None) or next(
        (d for d in (_due_in(x.norm, 0, len(x.norm), _not_asked(x, dates[id(x)])) for x in (where, *sentences[:2])
                     if x is where or x is sentences[0] or len(x.norm.split()) <= 8) if d),
        None)
    for group in _request_groups(pending):
        due = said_due or next((r.due for r in group if r.due), None)
        own = [c for c in binding if not (c.pronoun_only or c.noun_only)
               and any(_same_thing(c.words, r.words) for r in group)] or restated[:1]
        if not own and len(pending) == 1 and (group[0].pointed or _is_pronoun_only(group[0].words,
                                                                                    dates[id(group[0].sentence)])):
            # "would you look at it Monday?" - "... I'll review it Tuesday": both only point
            # back, and the owner's verb says what they will do.
            own = [_as_asked(c, group[0]) for c in binding
                   if c.pronoun_only and c.words.split()[0] not in _GENERIC_VERBS
                   and base_form(group[0].words.split()[0]) not in _GENERIC_VERBS | {c.words.split()[0]}][:1]
        if not own and len(pending) == 1:
            # "ask them anyway" - "I'll email Dev about it tomorrow": a request that only
            # points back is worded by the answer that names the task.
            vague = _is_pronoun_only(group[0].words, dates[id(group[0].sentence)]) \
                or not _content(_strip_dates(group[0].words, dates[id(group[0].sentence)]))
            own = [c for c in binding if not (c.pronoun_only or c.noun_only)
                   and ((vague or not phrases.REFERS_BACK.search(_strip_dates(c.words, dates[id(c.sentence)])))
                        and _names_a_thing(_content(_strip_dates(c.words, dates[id(c.sentence)])), group[0])
                        or _says_more(c, group[0], dates))]
        taken = next((k for k, t in enumerate(confirmed) if t.owner == sentences[0].speaker
                      and 0 <= group[0].sentence.segment - t.sentence.segment <= 1), None)
        if not own and taken is not None and _is_pronoun_only(group[0].words, dates[id(group[0].sentence)]):
            # "should I send you the new version?" - "yes, send it by Tuesday" - "will do": the
            # task already taken on, now dated.
            confirmed[taken] = replace(confirmed[taken], due=confirmed[taken].due or due)
            continue
        answer = binding[0] if len(binding) == 1 else None
        if not own and answer is not None and answer.pronoun_only and not answer.noun_only \
                and not answer.words.startswith("do ") \
                and _POINTER.search(_strip_dates(answer.words, dates[id(answer.sentence)])) \
                and _named_before(answer, ctx):
            # "Study material, and some hours off the floor." - "My old study notes are in the
            # loft. I'll dig them out for you": "them" points to the things just named; a thing
            # the request named by a pointer stays, unless the answer's own sentence names another
            keep = not group[0].words.startswith("do ") and not _things_in(_said_before(answer))
            own = [_as_asked(answer, group[0]) if keep else answer]
        if own and len(group) == 1 and _shortened(own[0], group[0], dates):
            # "bring me a set of clips next time" - "I'll bring a set": the thing as asked
            confirmed.append(replace(group[0], sentence=own[0].sentence, owner=own[0].owner, due=own[0].due or due))
        elif own:  # the owner's own words, when they say more: "get signed up" - "I'll register for ..."
            confirmed.append(replace(own[0], due=own[0].due or due))
        else:
            words = " and ".join(r.words for r in group[:2])
            owner = "both" if _WITH_ASKER.match(words) else sentences[0].speaker
            confirmed.append(_Task(where, owner, words, due, group[0].requester))
    return [c for c in commitments if c not in binding]


def _restated(binding: list[_Task], commitments: list[_Task], pending: tuple[_Task, ...],
              sentences: Sequence[Sentence]) -> list[_Task]:
    """"Could you send me a couple of lines after each call?" - "Course I can do that. I'll send
    you a recap after every call": after a bare yes, the owner's own words for the asked task,
    with its verb, in the same or the next sentence."""
    at = sentences.index(binding[0].sentence) if binding[0].sentence in sentences else 0
    verbs = {base_form(r.words.split()[0]) for r in pending}
    return [c for c in commitments if c not in binding and not (c.pronoun_only or c.noun_only or c.separate)
            and c.sentence in sentences[at:at + 2] and base_form(c.words.split()[0]) in verbs
            and _pointer_in(c.words) is None]  # not "Three samples, I'll bring them to moderation"


def _names_a_thing(said: set[str], request: _Task) -> bool:
    """Do the answer's content words `said` name the task: as much as the request does, or a
    thing of their own ("you'll have my notes by Wednesday"), not only how many ("I'll bring two")?"""
    return len(said) >= len(_content(request.words)) or bool(said - _VAGUE_THINGS)


def _shortened(answer: _Task, request: _Task, dates: dict[int, list[DateMention]]) -> bool:
    """Does the answer name the asked thing without its "of ..." ("a set" for "a set of clips")?"""
    said = _strip_dates(answer.words, dates[id(answer.sentence)])
    asked = re.sub(r"^(\w+)\s+(?:me|us)\s+", r"\1 ", request.words)
    return bool(said) and asked.startswith(said + " of ")


_WITH_ASKER = re.compile(r"help\s+(?:me|us)\b")
"""Asked to help the asker ("would you help me with that?"): taken on, the task is both
people's."""


_BARE_YES = re.compile(r"^(?:(?:yeah|yes|okay|ok|sure|right)[,\s]+)?(?:will\s+do|i\s+will)\b"
                       r"(?!\s+(?!i\b)[a-z]+\s+(?:it|that|them|the)\b)")
"""A yes and nothing more said: "will do", "i will, i will" (not "i will send it")."""
_FAREWELL = re.compile(r"\b(?:bye|goodbye|take\s+care|see\s+you|speak\s+soon|talk\s+soon|cheers|thanks|"
                       r"thank\s+you)\b")
"""Words of parting, with which a last "go and ..." is answered: "will do, thanks, bye"."""


def _as_asked(answer: _Task, request: _Task) -> _Task:
    """The answer's pronoun as the thing the request named by its own pointer ("get it to me"
    about the plan - "I'll send it over the weekend": send the plan)."""
    if not request.pointed:
        return answer
    return replace(answer, words=_POINTER.sub(request.pointed, answer.words, count=1))


def _says_more(answer: _Task, request: _Task, dates: dict[int, list[DateMention]]) -> bool:
    """"Could you look at them before the weekend?" - "I'll go through them Friday and send you
    notes back": an answer that points back but adds a step of its own says more than the ask."""
    steps = _strip_dates(answer.words, dates[id(answer.sentence)]).split(" and ")
    return len(steps) > 1 and bool(_content(steps[-1]) - _content(request.words))


def _same_verb_for_them(answer: _Task, request: _Task, dates: dict[int, list[DateMention]]) -> bool:
    """"Could you ask Joseph to take you out tracking?" - "I'll ask him today": the same verb,
    its person only a pronoun, is the request taken on."""
    verb, _, rest = _strip_dates(answer.words, dates[id(answer.sentence)]).partition(" ")
    return base_form(verb) == base_form(request.words.split()[0]) \
        and bool(re.fullmatch(r"(?:him|her|them)(?:\s+(?:then|too|as\s+well|first))?", rest.strip()))


def _not_asked(sentence: Sentence, dates: list[DateMention]) -> list[DateMention]:
    """The dates of a sentence but those of a request back ("sure, send it over by the 20th
    and I'll look at it": the 20th is the asker's deadline, not the answerer's)."""
    asked = {id(r.due) for r in _requests(sentence, dates) if r.due is not None}
    return [d for d in dates if id(d) not in asked]


def _request_groups(requests: tuple[_Task, ...]) -> list[list[_Task]]:
    """Requests of one turn, grouped by task: "start a brag doc ... can you get a first
    version to me by Friday?" is one task, so is a question followed by an imperative that
    details it ("update your CV? Add the handoff project."); "send me the deck? Also, could
    you book a room?" are two."""
    groups: list[list[_Task]] = []
    for request in requests:
        if groups and (not request.firm or phrases.REFERS_BACK.search(request.words)
                       or any(_same_thing(request.words, r.words) for r in groups[-1])):
            groups[-1].append(request)
        else:
            groups.append([request])
    return groups


_TAKEN_BACK = re.compile(r"^(?:(?:oh|hmm|um|perfect|great|good|okay|ok|right|thanks)[,\s]+)*"
                         r"(?:actually|wait|sorry|no\s+wait)[,\s]+(?:no|not\s+that|"
                         r"make\s+that|change\s+of\s+plan)\b(?P<obj>)")
"""Taking back what was just said: "I'll send you the article. Actually no, I'll forward
the link."."""


def _withdraw(confirmed: list[_Task], sentences: Sequence[Sentence], ctx: Context,
              dates: dict[int, list[DateMention]], previous: _Said) -> None:
    """Drop tasks this turn withdraws. "forget the one-pager" drops a recent task about the
    one-pager; a bare "scratch that" / "don't worry about it" drops one said earlier in the
    same turn, or, opening the turn, the last one of the two turns before that its speaker
    owns or asked for ("I'll send the slides Monday." - "Great." - "Actually, scratch that,
    I'll send them Wednesday."). "Actually, no" followed by a day and no new task only moves
    the task: "I'll get them back to you by Wednesday. Actually, no, I'm on site all day
    Wednesday. Thursday."."""
    for k, s in enumerate(sentences):
        for m in [*phrases.CANCEL.finditer(s.norm), *_TAKEN_BACK.finditer(s.norm)]:
            target = _content(m.group("obj"))
            turn = ctx.turn_of(s.segment)

            def before(t: _Task) -> bool:
                return (t.sentence.segment, t.sentence.char_start) < (s.segment, s.char_start)

            if target:  # named outright ("forget the rate guide"), it may be any task said before
                recent = [i for i, t in enumerate(confirmed) if before(t) and (
                    target <= _content(t.words)
                    or (turn - ctx.turn_of(t.sentence.segment) <= 2 and target & _content(t.words)))]
            elif k > 0 or len(s.norm[:m.start()].split()) > _OPENING_WORDS:
                # said after something of this turn's own ("I could get you on the ward round as well,
                # but they're not taking anyone, so forget that"): it takes back only this turn's
                recent = [i for i, t in enumerate(confirmed) if before(t)
                          and ctx.turn_of(t.sentence.segment) == turn]
                if not recent and _lets_off(m) and _opens(s, m) and all(
                        len(earlier.norm.split()) <= _ACK_WORDS for earlier in sentences[:k]):
                    # "No rush. Actually, wait, don't worry about it.", not after a suggestion of one's
                    # own ("You could send me the draft first. Actually, no, don't worry about that")
                    recent = _released(confirmed, ctx, s)
            elif _lets_off(m):
                recent = _released(confirmed, ctx, s)
            elif _answers_an_offer(ctx, s, previous):
                recent = []  # "I could ask Maggie, do you want me to" - "um actually no, I'll go through the council"
            else:
                recent = [i for i, t in enumerate(confirmed)
                          if 1 <= turn - ctx.turn_of(t.sentence.segment) <= 2
                          and s.speaker in (t.owner, t.requester)]
            redated = None
            if m.re is _TAKEN_BACK and recent and not any(_cues(later.norm) for later in sentences[k:]):
                redated = next((d for later in reversed(sentences[k:]) for d in reversed(dates[id(later)])
                                if d.day is not None), None)
            if recent and redated is not None:
                moved = confirmed[recent[-1]]
                words = _strip_dates(moved.words, dates[id(moved.sentence)]).strip()
                confirmed[recent[-1]] = replace(moved, due=redated, words=words or moved.words)
            elif recent:
                del confirmed[recent[-1]]


_RELEASE = re.compile(r"(?:don't\s+(?:worry|bother)|no\s+need)(?:\s+(?:about|with|for|to\s+do))?"
                      r"(?:\s+(?:it|that|this|them|those)(?:\s+one)?)?")


def _lets_off(cancel: re.Match[str]) -> bool:
    """Whether a cancel lets the other off ("don't worry about it", "no need"): it drops what
    the other person took on, never the speaker's own promise ("You did, but honestly, don't
    worry about it" after "I'll write a contingency plan" and "I promised you that spreadsheet
    last time"); "don't worry about the score" lets no one off anything."""
    return _RELEASE.fullmatch(cancel.group(0).strip()) is not None


def _released(confirmed: list[_Task], ctx: Context, sentence: Sentence) -> list[int]:
    """The tasks of the other person's last two turns that a bare "don't worry about it" lets
    them off: ones they took on, or ones the speaker asked them for."""
    turn = ctx.turn_of(sentence.segment)
    return [i for i, t in enumerate(confirmed)
            if 1 <= turn - ctx.turn_of(t.sentence.segment) <= 2
            and t.owner not in (sentence.speaker, "both")
            and (t.sentence.speaker != sentence.speaker or t.requester == sentence.speaker)]


_OPENING_WORDS = 4
"""How far into a turn's first sentence a "scratch that" still opens the turn ("Actually, no,
scratch that")."""


_ACK_WORDS = 3
"""How long a sentence before a "don't worry about it" may be and still be only an acknowledgement
("No rush.", "Oh, right.")."""


def _opens(sentence: Sentence, match: re.Match[str]) -> bool:
    """Whether a phrase opens its sentence ("Actually, wait, don't worry about it")."""
    return len(sentence.norm[:match.start()].split()) <= _OPENING_WORDS


def _answers_an_offer(ctx: Context, sentence: Sentence, previous: _Said) -> bool:
    """Whether the sentence opens a turn that answers the other person's offer or question just
    made (`previous`, what their turn left open): its "no" declines that, it takes back nothing
    of its own."""
    asked = [s for s in _earlier(ctx, sentence, 1) if ctx.turn_of(s.segment) == previous.turn]
    return bool(asked) and previous.speaker != sentence.speaker and (
        _is_question(asked[0].norm) or re.search(r"\b(?:want|like)\s+me\s+to\s*$", asked[0].norm) is not None
        or any(not _DO_THAT.match(offer.words) for offer in previous.offers))


def _finish(ctx: Context, confirmed: list[_Task], next_checkin: date | None,
            wording: _Wording, dates: dict[int, list[DateMention]]) -> list[ActionItem]:
    """Word and date the tasks. A task said again is kept once, where it was first said, with
    the date the repetition adds: within three turns when most of its words come back; at
    any distance when a reminder ("go practise those ballads" - "I will") or a pointer ("I'm
    practising them tomorrow") brings no word the task did not have. Two tasks of one owner in
    one turn, about the same person or thing, with the same verb, or the second pointing back
    ("I'll talk to Derek. I'll ring him this week"), are one item worded with both, unless the
    first was taken up from the other's words ("I'll set that up. I'm going to email Ravi")."""
    items: list[ActionItem] = []
    seen: list[tuple[str, set[str], set[str], int]] = []
    asked: set[int] = set()
    recurring: set[int] = set()  # items done again and again have no one due date
    names = {(_first_name(ctx, role) or "").lower() for role in ("mentor", "mentee")}
    for task in confirmed:
        due = task.due or (None if _EVERY.search(task.sentence.norm) else _date_around(task, ctx, dates))
        day = next_checkin if due is not None and due.until_checkin else (due.day if due else None)
        clock = due.time if due is not None and not due.until_checkin else None
        when = format_when(day, clock) if day is not None else None
        text = wording.text(task)
        if not text or (next_checkin is not None and due is not None and not due.until_checkin
                        and due.day == next_checkin and re.fullmatch(r"do\s+(?:that|it|this)", task.words)):
            # nothing left but a date ("what I'm going to do is, tomorrow morning, ..."), or the
            # next meeting's day taken up ("the ninth, yeah, I can do that")
            continue
        if " " not in text.strip() and text.strip(" .").lower() not in _DONE_ALONE:
            continue  # a verb with nothing to do it to: "I'll watch", "I'll prepare", "yours"
        if _IN_MIND.match(text.lower()):
            continue  # "I'm going to hang on to that", "I'll mull it over": kept in mind, not done
        plain = wording.text(task, listed=False) if wording.uncapitalised else text
        # a listed name put for "him" is no word said again: "ring pete" - "update him" are two tasks
        content, gist = _without_names(_content(plain.lower()), names), _without_names(_gist(plain), names)
        turn = ctx.turn_of(task.sentence.segment)
        loose = task.requester is not None or task.restated
        ready = bool(_HAVE_READY.match(task.words))  # "I'll have the vod doc ready by then too"
        recap = bool(_RECAP.match(task.sentence.norm))  # "so I'll send the deck Friday, and ..."
        again = next((k for k, (owner, words, said, at) in enumerate(seen) if owner == task.owner
                      and (ready or recap or not _other_day(items[k].due, when)) and (
            (content and len(content & words) >= max(1, len(content) * 2 // 3) and turn - at <= 3)
            or ((ready or recap) and (content & words) - _VAGUE_WORDS)
            or (recap and (gist & said) - _WEAK_VERBS - _VAGUE_WORDS)
            or (not (content and words) and len(gist) >= 2 and gist <= said and turn - at <= 3)
            or (loose and len(gist) >= 2 and gist <= said))), None)
        if again is not None:
            if items[again].due is None and when is not None and again not in recurring:
                items[again] = replace(items[again], due=when)
            continue
        step = next((k for k, (owner, words, said, at) in enumerate(seen) if owner == task.owner and at == turn
                     and k not in asked
                     and ((content & words) or _OBJECT_POINTS_BACK.match(plain.lower())
                          or text.split()[0].lower() == items[k].text.split()[0].lower())), None)
        if step is not None:
            first = items[step]
            more = "" if _ONLY_DO_IT.fullmatch(plain.lower()) else f", and {text[0].lower()}{text[1:]}"
            items[step] = replace(first, text=first.text + more, due=first.due or when)
            seen[step] = (task.owner, seen[step][1] | content, seen[step][2] | gist, turn)
            continue
        if _EVERY.search(task.sentence.norm):
            recurring.add(len(items))
        if loose:
            asked.add(len(seen))
        seen.append((task.owner, content, gist, turn))
        items.append(ActionItem(owner=task.owner, text=text, due=when, source=provenance(task.sentence)))
    return items


_IN_MIND = re.compile(r"(?:(?:hang|hold)\s+on\s*to|mull|(?:bear|keep)\s+\S+(?:\s+\S+)?\s+in\s+mind|remember(?!\s+to\b)|"
                      r"reflect\s+on|sleep\s+on)\b|make\s+sure[.!]?$")
"""Something to keep in mind, no task: "hang on to that", "mull it over", "remember the thirty
minutes"; or "make sure" with nothing after it."""
_DONE_ALONE = frozenset("register apply enrol enroll resign vote volunteer retire rsvp subscribe".split())
"""Tasks that are whole in one word ("I'll register by the fifteenth"); on the sets read here
no other one-word task (16 of them: "Prepare", "Watch", "Ask", "Go") matched a label."""
_ONLY_DO_IT = re.compile(r"do\s+(?:it|that|this)(?:\s+(?:then|too|first|when|as\s+well))?[.!]?")
"""A step that only points back to the task before it: "..., and I'll do it over the weekend"."""
_OBJECT_POINTS_BACK = re.compile(r"[a-z-]+\s+(?:it|him|her|them|that)\b")
"""A task whose object points back ("ring him", "send it"): in the same turn, the task before it."""
_RECAP = re.compile(r"(?:(?:okay|ok|right|alright|great|good|perfect)[,\s]+)?"
                    r"(?:so|to\s+recap|to\s+sum\s+up|just\s+to\s+confirm|recap|in\s+summary|let\s+me\s+recap)\b")
"""A sentence that sums up: a task in it that shares a word with one agreed earlier is that task."""
_HAVE_READY = re.compile(r"(?:have|get)\s+(?:the\s+|my\s+|your\s+|that\s+|this\s+)?[\w' -]{0,30}?\s*"
                         r"(?:ready|done|finished|sorted|drafted|written)\b")
"""A thing said to be ready by a day, which restates the task of making it."""


def _without_names(words: set[str], names: set[str]) -> set[str]:
    """Words but the participants' names, possessives too ("Sam's CV" and "Sam's cover
    letter" share no word of what they are)."""
    return {w for w in words if w.split("'")[0] not in names}


def _other_day(first: str | None, then: str | None) -> bool:
    """Two dates for one thing are two steps ("the price list to you Thursday" after "the
    price list to them by Friday"); a date added later only completes the first."""
    return first is not None and then is not None and first[:10] != then[:10]


_EVERY = re.compile(r"\b(?:every|each)\s+(?:single\s+|other\s+)?(?:day|morning|evening|night|week|weekday|time|"
                    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|shift)\b"
                    r"|\bdaily\b")
_WEAK_VERBS = frozenset("see know say tell look come want need think try go get make take keep give put let".split())
"""Verbs too common to say two tasks are one."""
_GENERIC_VERBS = frozenset("go do get make have take try start keep give put".split())
_VAGUE_WORDS = frozenset("every each next last first full whole properly through point bit thing time week day "
                         "month couple few".split())
"""Words two different tasks easily share: "try it on my next shifts, a full sweep after every
transmission" and "so I'll go through the replay and write down every point"."""


def _gist(text: str) -> set[str]:
    """The words that say what a task is, verbs included, in the singular: "Go practise those
    ballads" is {practise, ballad}."""
    words = {base_form(w) for w in re.findall(r"[a-z][a-z'-]+", text.lower())
             if w not in phrases.STOP_WORDS and w not in _GENERIC_VERBS and w not in _PREPOSITIONS_TOO}
    return {w[:-1] if w.endswith("s") and not w.endswith("ss") else w for w in words}
