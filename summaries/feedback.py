"""Feedback one participant gave the other: praise or constructive suggestions.

Praise acknowledges something the listener did ("well done", "I was impressed", "you
handled that really well", "that's a big step"); from the mentee it is appreciation of the
mentoring itself ("this was really helpful", "your advice really helped me"). Constructive
feedback is a concrete suggestion or critique ("one suggestion: ...", "next time try ...",
"have you considered ...", "it might help to ...", "you spoke quite fast").

Not feedback: thanks and enthusiasm ("great, let's move on", "sounds good", "that would be
amazing"), praise someone else reported ("my manager said it was great"), negated or
hypothetical praise ("I'd be impressed if ..."), requests for a task ("can you send me the
deck?") and proposals about when or how to meet ("I'd suggest every two weeks"), which are
decisions. The giver is the speaker and the receiver the other participant. Sentences of
one kind in one turn form one item.

The mentor's bare imperatives count as advice ("Bring data.", "For the demo, cut it to
three screens."), unless dated ("send it by Friday" is an action item) or addressed to "me".

`turn_numbers`, `group_items` and `span` also serve challenges and decisions: items are
grouped per turn because a recogniser splits one turn into several segments.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from .questions import LEAD, question_kind
from .text import Context, Sentence
from .types import Feedback, Provenance

_INT = (r"(?:(?:really|very|so|super|incredibly|extremely|genuinely|truly|quite|way|much|"
        r"absolutely|seriously|properly)\s+)*")
"""Any run of intensifiers ("really", "so", ...)."""
_QUALITY = (r"(?:sharp|clear|clearer|strong|stronger|excellent|compelling|polished|impressive|"
            r"thoughtful|engaging|persuasive|crisp|solid|effective|great|fantastic|brilliant|"
            r"outstanding|thorough|insightful|well structured|well-structured|well written|"
            r"well-written|on point|spot on|first class|first-class|top notch|top-notch|superb)")
_BE = r"(?:was|were|is|are|looked|looks|sounded|sounds|felt|read|reads|came across|has been)"
_DONE = (r"(?:sent|wrote|did|made|shared|gave|presented|built|designed|drafted|put together|"
         r"prepared|ran|led|pitched|delivered|submitted|shipped)")

_PRAISE = re.compile(
    r"\b(?:well done|good job|great job|nice job|excellent job|fantastic job|amazing job|"
    r"(?:great|nice|good|excellent|amazing|brilliant|solid|fantastic|awesome|terrific|"
    r"impressive|outstanding|strong) work|nicely done|beautifully done|(?<!the )way to go|kudos|"
    r"congrat(?:ulation)?s|hats off|bravo|proud of you|you should be (?:really |very )?proud)\b"
    rf"|\bi(?:'m| am| was|'ve been| have been)?\s+{_INT}(?:impressed|blown away)\b"
    rf"|\b(?:that's|that is|that was|this is|this was|it's|it was)\s+{_INT}"
    r"(?:impressive|remarkable|outstanding)\b"
    r"|\byou (?:really |clearly |totally |absolutely )?(?:nailed|crushed|aced|smashed) (?:it|that|this|the)\b"
    r"|\byou (?:really |clearly |also |just )?(?:handled|did|managed|ran|explained|presented|"
    r"structured|delivered|dealt with|wrote|framed|pitched|led|navigated|answered|said|put|"
    r"described|articulated|summari[sz]ed)\b[^,.;?!]{0,50}?\b"
    rf"{_INT}(?:well|brilliantly|nicely|beautifully|perfectly|gracefully|superbly|great|"
    r"excellently|better than|so clearly|really clearly)\b"
    r"|\b(?:that's|that is|that was|it's|it is|it was|this is|this was|what|'s|is|was)\s+"
    rf"(?:a |an |such a )?{_INT}(?:big|huge|great|major|real|genuine|significant|massive|serious|"
    r"impressive)\s+(?:\w+\s+)?(?:achievement|accomplishment|step|win|milestone|improvement|"
    r"progress|leap|breakthrough)\b"
    r"|\byou(?:'ve| have) (?:really |clearly )?(?:grown|improved|come a long way|"
    r"made (?:\w+ )?(?:great|real|huge|good|solid|amazing) progress|stepped up)\b"
    r"|\bi (?:really )?(?:love|loved|like|liked|admire|admired) (?:how|the way) you\b"
    r"|\byou(?:'re| are) (?:really |so |such )?(?:a |an )?(?:great|good|amazing|fantastic|"
    r"brilliant|excellent|strong|gifted|natural) (?:mentor|listener|presenter|teacher|coach|"
    r"communicator|writer|leader|speaker|manager|at (?:this|that|it|\w+ing))\b"
    r"|\byou(?:'re| are) (?:such )?a natural\b"
    rf"|\byour\s+(?:[\w-]+\s+){{1,6}}?{_BE}\s+{_INT}{_QUALITY}\b"
    rf"|\b(?:the|that|this|those|these)\s+(?:[\w-]+\s+){{0,3}}you(?:'ve)? {_DONE}\b[^.?!]{{0,40}}?"
    rf"\b{_BE}\s+{_INT}{_QUALITY}\b"
    rf"|\b(?:the|that|this|it)\s+(?:[\w-]+\s+){{0,4}}{_BE}\s+"
    r"(?:really|very|super|so|incredibly|extremely|genuinely|truly)\s+"
    r"(?:sharp|clear|strong|excellent|compelling|polished|impressive|thoughtful|engaging|"
    r"persuasive|crisp|solid|effective|well structured|well-structured|nice|good|thorough|"
    r"delightful|lovely|elegant|wonderful|polished|beautiful)\b"
    r"|\b(?:that's|that is|this is|it's) (?:a |an )?(?:really |very )?(?:strong|sharp|clear|smart|"
    r"compelling|excellent|brilliant|thoughtful|insightful) (?:claim|argument|thesis|analysis|"
    r"framing|structure|insight|observation|answer|summary|plan|pitch|story|opening|draft|"
    r"point)\b"
    r"|\byou\b[^?]*\b(?:is|was|'s) exactly (?:the right (?:call|move|thing)|right|"
    r"the kind of (?:thing|impact|work|result)|what (?:\w+ ){1,4}(?:wants?|needs?|looks? for|"
    r"hopes? for)(?: to see)?)\b"
    r"|\b(?:really |very )(?:nice|good|great|excellent|strong|solid|impressive) "
    r"(?:work|job|effort|thinking|instinct|catch|progress)\b")
"""Praise of what the listener did; any participant may give it."""

_MENTOR_THINGS = (r"(?:advice|tips?|suggestions?|feedback|intro|introductions?|reading list|list|"
                  r"template|framework|ideas?|sessions?|calls?|chats?|conversations?|input|"
                  r"pointers|articles?|books?|recommendations?|notes|comments|perspective|help|"
                  r"support|guidance|questions|example|examples|contacts?|connection)")
_APPRECIATION = re.compile(
    r"\b(?:this|that|it|today|you|this session|this call|our (?:call|session|chat|talk|"
    rf"conversation)s?|(?:your|the|that|this) (?:[\w-]+ ){{0,2}}{_MENTOR_THINGS}\b[^.,;?!]{{0,40}}?)"
    r"(?:'s|\s+(?:has been|have been|was|were|is|are|has|have))?\s+"
    r"(?:really |so |super |very |incredibly |extremely |truly |genuinely |such a |a |been )*"
    r"(?:helpful|useful|valuable|insightful|eye-opening|clarifying|"
    r"big help|great help|huge help|lifesaver|life-saver|game[- ]changer|gold)\b"
    r"|\b(?:this|that|it|you|what you (?:said|suggested|told me)|"
    rf"your (?:[\w-]+ ){{0,2}}{_MENTOR_THINGS}(?: [\w-]+){{0,6}}?|"
    rf"(?:the|that|this) (?:[\w-]+ ){{0,2}}{_MENTOR_THINGS}(?: [\w-]+){{0,3}} you "
    r"(?:sent|suggested|recommended|shared|gave me|mentioned|made|set up)(?: [\w-]+){0,4}?)"
    r"(?: really| so| truly| genuinely| massively)?"
    r" (?:helped|helps|has helped|have helped|has really helped|really helps|"
    r"made a (?:big |huge |real )?difference)\b"
    r"|\bthe way you (?:framed|explained|put|described|broke down|laid out|approached) "
    r"(?:it|that|this|things)\b"
    r"|\bthanks? (?:you )?(?:so much |a lot )?for (?:being so|being|your|the) "
    r"(?:direct|honest|patient|supportive|generous|candid|clear|advice|feedback|honesty|"
    r"insight|insights|guidance|support|perspective|encouragement|tips)\b"
    r"|\bi (?:really |truly |genuinely )?appreciate (?:you|how you) (?:being|were|are) "
    r"(?:so )?(?:candid|honest|direct|open|patient|supportive|clear|generous)\b"
    r"|\b(?:this|today|this session|this call|our (?:call|session|chat)s?)(?:'s| was| has been| is)"
    r" (?:a |an )?(?:really |so |super |very )+(?:good|great|helpful|productive|useful)\b"
    r"|\bi (?:really |truly |genuinely )?appreciate (?:your|the|how you) "
    r"(?:honesty|directness|advice|feedback|guidance|support|patience|insight|perspective|"
    r"candou?r|help|tips|encouragement)\b"
    r"|\bi (?:feel|am|'m) (?:so |much |a lot |way |so much |really )?(?:clearer|more confident|"
    r"more motivated|better prepared|more prepared|less (?:anxious|stressed|worried|lost|nervous)|"
    r"much better about|better about|a lot better about)\b"
    r"|\bi (?:learned|learnt|got) (?:so much|a lot|loads)\b")
"""The mentee's praise of the mentoring: only counted from the mentee."""

_SUGGESTION = re.compile(
    r"\b(?:one|a|my|small|quick|little|another) (?:[\w-]+ )?(?:suggestion|tip|recommendation|"
    r"piece of advice)\b"
    r"|\bmy (?:advice|suggestion|recommendation) (?:is|would be)\b"
    r"|\bi(?:'d| would)? (?:strongly )?(?:suggest|recommend|advise)\b(?! we\b| that we\b)"
    r"|\b(?:one|a few|two|some|the) things? i(?:'d| would) (?:change|tweak|do differently|"
    r"work on|cut|fix|push on|look at)\b"
    r"|\bi(?:'d| would) (?:change|cut|drop|tighten|trim|rework|move|swap|shorten|simplify)\b"
    r"|\bwhat i(?:'d| would) do (?:differently|is)\b|\bhere's what i(?:'d| would) do\b"
    r"|\bif i were you\b|\bif it were me\b"
    r"|\bnext time,? (?:maybe |perhaps |definitely |just )?(?:you (?:could |might |should |can )?)?"
    r"(?!(?:we|i|i'll|we'll|let's|let|you'll|you're|it|it's|is|the|our|round|around|i'm|we're|"
    r"will|was|when|that|this|there|and|or|but|so|then)\b)[a-z']{2,}"
    r"|\bhave you (?:ever )?(?:considered|thought about|thought of|tried|looked into|looked at|"
    r"explored|written down|talked to|spoken to|spoken with|reached out to|"
    r"asked (?:whether|if|about|for))\b(?![^?]*\b(?:yet|since|already|back)\b)"
    r"|(?<!i'll )(?<!i will )(?<!i can )(?<!i'm going to )(?<!let me )"
    r"\b(?:stick with it|keep at it|give it (?:a|another) (?:go|try|shot) (?:and|for))\b"
    r"|\bwhat if you (?!can't|couldn't|don't|didn't|fail|lose|get|have|had|are|were|need|want|"
    r"can|could|will|would)[a-z']{3,}"
    r"|\bwhat (?:helped|worked for|works for) me (?:was|is)\b|\bwhat i (?:did|do) (?:was|is)\b"
    r"|\bsomething that (?:helped|worked for) me\b|\bwhat i found (?:helpful|useful) (?:was|is)\b"
    r"|\bit (?:might|may|could|would|will) (?:also )?(?:really )?(?:help|be worth|be useful|"
    r"be good|be better|be stronger|be clearer|pay off|make sense) (?:to|if you)\b"
    r"|\b(?:might|may|could) be worth\b|\bworth (?:trying|considering|thinking about|a try)\b"
    r"|\byou can (?:also |always |just )?(?:try|loop|lean on|push back|pair|delegate|ask|reach out|"
    r"draft|frame|practi[cs]e|start with|lead with)\b"
    r"|\byou (?:could|might|may) (?:also |maybe |perhaps |even |just |always )?(?:try|want to|"
    r"wanna|consider|think about|start|put|add|cut|move|use|ask|practi[cs]e|experiment|look at|"
    r"lead with|open with|drop|trim|spend|block|reach out|book|set|keep|write|shorten|"
    r"simplify|slow down|draft|frame|lean on|bring|show|lead|pair|delegate|push back)\b"
    r"|\bi(?:'d| would) (?:encourage|challenge|urge|push) you to\b"
    r"|\bi(?:'d| would) push back\b"
    r"|(?<!i'll )(?<!i will )(?<!we'll )(?<!i need to )(?<!i have to )(?<!i'm going to )(?<!let me )"
    r"\b(?:make sure|be careful|watch out|don't be afraid|remember) (?:to|you|not|with|about|for)\b"
    r"|\byou (?:should|ought to) (?:really |definitely |probably |also )?"
    r"(?!be\b|have\b|know\b|receive\b|get (?:an?|the|my)\b|hear\b|see\b|find\b|feel\b|never\b)"
    r"[a-z']{2,}"
    r"|\byou (?:really |definitely |probably )?need to (?:try|consider|think about|practi[cs]e|slow "
    r"down|pause|cut|start|stop|focus|delegate|say no|push back|speak up|prioriti[sz]e|ask for)\b"
    r"|\b(?:where|what) (?:it|this|that) (?:falls down|falls short|loses me|breaks down|"
    r"gets weaker|is missing)\b|\bwhat(?:'s| is) missing is\b"
    r"|\b(?:the )?(?:weak|weakest) (?:spot|point|part|bit|link|section) is\b"
    r"|\bone thing to (?:work on|improve|watch|change|fix)\b"
    r"|\bi(?:'d| would) (?:find it|get) more (?:out of|useful|helpful)\b"
    r"|\bi(?:'d| would) find it (?:\w+ ){1,3}if you\b"
    r"|\bit would help me (?:more )?if you\b|\bi(?:'d| would) (?:prefer|rather) (?:if|that) you\b"
    r"|\bcould you (?:maybe |perhaps )?(?:be|give me|share) (?:a bit |a little )?"
    r"more (?:specific|direct|concrete|examples|detail)\b"
    r"|\bi wish (?:you|we) (?:could|would|had|spent)\b"
    r"|\byou (?:spoke|talked|went|ran|moved|read) (?:a bit |a little |quite |way |much |really |slightly )?"
    r"(?:too )?(?:fast|quickly|slow|slowly|long|over time|over)\b"
    r"|\byou (?:rushed|mumbled|glossed over|buried|skipped|lost (?:me|them|the audience))\b"
    r"|\byour [\w-]+(?: [\w-]+)? (?:was|were|is|are|felt|seemed|came across as|got) "
    r"(?:(?:a bit|a little|slightly|quite|way|far|kind of|pretty|rather|much) )?(?:too \w+|rushed|"
    r"unclear|confusing|hard to follow|dense|vague|long-winded|wordy|cluttered|buried|"
    r"(?<=bit )(?:long|short|fast|slow|quiet|busy|abstract|technical|generic|flat)|"
    r"(?<=little )(?:long|short|fast|slow|quiet|busy|abstract|technical|generic|flat))\b")
"""A concrete suggestion or critique; any participant may give it."""

_JOINT = re.compile(r"^,?\s*(?:is |would be |that )?(?:we|us|let's)\b")
"""A suggestion for what "we" do is planning, not feedback on the listener."""
_THIRD_PARTY = re.compile(
    r"\b(?:he|she|they|his|her|their|him|them)\b"
    r"|\b(?!(?:you|it|that|this|what|there|here|which|who)\b)[a-z]+(?: ?'s| has| have| had) "
    r"(?:been|done|did|really|always)\b")
"""Praise of someone else ("Don's been doing a great job"), not of the listener."""

_QUESTION_FORMS = ("have you", "what if you", "could you", "would you consider", "did you consider")

_TRY_FIRST = re.compile(r"^(?:maybe |perhaps |just )?(?:try|consider) (?:to |\w+ing\b|a |an |the |"
                        r"it|one|some|using|adding|asking)")
"""An imperative suggestion at the start of the sentence: "try one idea per slide"."""
_ADVICE_VERB = re.compile(
    r"^(?:(?:so|then|just|maybe|definitely|honestly|instead|also)\s+)*"
    r"(?:bring|use|show|cut|lead with|open with|start with|keep it|focus on|write down|"
    r"practi[cs]e|prepare|rehearse|draft|loop|frame|lean on|push for|pick|prioriti[sz]e|delegate|"
    r"block|document|track|avoid|aim for|treat|reach out|talk to|spend|give yourself|say no|"
    r"(?:email|call|message|ping|text|contact) (?:her|him|them)|"
    r"have a (?:crack|go|look|try|think|read|play) at|give (?:it|that|this) a (?:go|try|shot)|"
    r"ask (?:for|them|him|her|your)|stop|"
    r"(?:don't|never) (?!worry|mention|be sorry|hesitate|think|know|have|mind|get|want|need|see|"
    r"care|forget to (?:send|email|bring))[a-z']+)\b(?! me\b| us\b)")
"""The mentor's bare imperative advice ("Bring data.", "Don't work weekends for this.")."""
_DEADLINE = re.compile(r"\b(?:by|before|until|on) (?:monday|tuesday|wednesday|thursday|friday|"
                       r"saturday|sunday|tomorrow|tonight|the \w+(?:st|nd|rd|th)|next \w+|"
                       r"end of|eod)\b|\b(?:tomorrow|tonight|today|asap|this (?:week|morning|"
                       r"afternoon|evening))\b")
"""A dated imperative is a task for the action items, not feedback."""

_LOGISTICS = re.compile(
    r"\bevery (?:other |two |three |four |couple of |few )?(?:weeks?|months?|days?)\b|\bweekly\b|"
    r"\bbiweekly\b|\bfortnightly\b|\bmonthly\b|\bonce a (?:week|month|fortnight)\b|"
    r"\b(?:meet|call|talk|sync|check in)(?:ing|s)? (?:again )?(?:on|at|every|next|once|twice|"
    r"weekly|biweekly|monthly)\b|"
    r"\b(?:on|over|via|by) (?:video|slack|email|text|chat|zoom|teams|phone)\b|"
    r"\b(?:calls?|sessions?|meetings?|check-ins?) (?:of|for) (?:thirty|forty|forty-five|forty five|"
    r"sixty|ninety|\d+) minutes\b")
"""Suggestions about when and how to meet are decisions, not feedback."""

_NEGATED = re.compile(r"\b(?:not|n't|never|no longer|hardly|nothing|nobody)\b[^,;]*$")
_NEGATION = re.compile(r"\b(?:not|n't|never|nothing)\b")
_CLAUSE_BREAK = re.compile(r"[,;:]")
_ADDRESSED = re.compile(r"\byou(?:r|'re|'ve)?\b")
_LEAD_IN = re.compile(r"^(?:[\w'-]+ ){0,3}[\w'-]+, ")
_HYPOTHETICAL = re.compile(r"\b(?:if|would|'d be|could|will be|whether|unless)\b[^,;]*$")
_REPORTED = re.compile(
    r"\b(?:said|says|told me|tells me|mentioned|wrote|thinks|thought|according to|"
    r"heard)\b")


def _praise(sentence: Sentence) -> bool:
    """Praise, not negated, hypothetical, reported or about someone else."""
    norm = sentence.norm
    match = _PRAISE.search(norm)
    if match is None and sentence.speaker == "mentee":
        match = _APPRECIATION.search(norm)
    if match is None:
        return False
    before = norm[:match.start()]
    if _NEGATED.search(before) or _NEGATION.search(match.group(0)):
        return False
    clause = _CLAUSE_BREAK.split(before)[-1] + match.group(0)
    if _THIRD_PARTY.search(before) and not _ADDRESSED.search(clause):
        return False
    return not (_HYPOTHETICAL.search(before) or _REPORTED.search(before))


def _advice_clause(text: str) -> re.Match[str] | None:
    """An imperative opening the sentence or following a short lead-in ("For the demo, cut it")."""
    match = _ADVICE_VERB.match(text)
    if match is None:
        lead = _LEAD_IN.match(text)
        if lead:
            match = _ADVICE_VERB.match(text[lead.end():])
    return match


def _constructive(sentence: Sentence) -> bool:
    """A suggestion or critique, not about meeting logistics, joint plans or reported."""
    text = sentence.norm
    match = _SUGGESTION.search(text)
    if match is None:
        text = LEAD.sub("", text).strip(" ,")
        match = _TRY_FIRST.match(text)
    if match is None and sentence.speaker == "mentor" and not _DEADLINE.search(text):
        match = _advice_clause(text)
    if match is None or _LOGISTICS.search(text) or _JOINT.match(text[match.end():]):
        return False
    before = text[:match.start()]
    if _REPORTED.search(before) or _NEGATION.search(before[-25:]):
        return False
    if question_kind(sentence) is not None and not match.group(0).startswith(_QUESTION_FORMS):
        # "Do you think it might help to ...?" asks for advice rather than giving it; a
        # suggestion stated before a closing question still counts.
        if match.start() > max(text.rfind(","), text.rfind(":"), text.rfind(";")):
            return False
    return True


def turn_numbers(ctx: Context) -> list[int]:
    """The turn of each segment: consecutive segments by one speaker form one turn.

    A recogniser splits a turn into several segments; items are grouped per turn.
    """
    numbers: list[int] = []
    for seg in ctx.transcript.segments:
        same = numbers and ctx.transcript.segments[seg.index - 1].speaker == seg.speaker
        numbers.append(numbers[-1] if same else (numbers[-1] + 1 if numbers else 0))
    return numbers


def group_items(ctx: Context, keep: Callable[[Sentence], bool],
                max_gap: int = 2) -> list[tuple[Sentence, Sentence]]:
    """Runs of kept sentences within one turn, at most `max_gap` sentences apart.

    Returns (first, last) pairs; a run is one item, quoted from the first to the last.
    """
    turn = turn_numbers(ctx)
    runs: list[tuple[Sentence, Sentence]] = []
    last_pos = 0
    for pos, sentence in enumerate(ctx.sentences):
        if not keep(sentence):
            continue
        same_turn = bool(runs) and turn[runs[-1][1].segment] == turn[sentence.segment]
        if same_turn and pos - last_pos <= max_gap:
            runs[-1] = (runs[-1][0], sentence)
        else:
            runs.append((sentence, sentence))
        last_pos = pos
    return runs


def position_of(ctx: Context, sentence: Sentence) -> int:
    """The index of `sentence` in `ctx.sentences`."""
    return bisect_left(ctx.sentences, (sentence.segment, sentence.char_start),
                       key=lambda s: (s.segment, s.char_start))


def span(ctx: Context, first: Sentence, last: Sentence) -> tuple[str, Provenance]:
    """The text from `first` through `last`, and its provenance.

    Within one segment the quote is the whole span; a span across the segments of one turn
    is quoted in its first segment (a quote is a substring of one segment), and the text
    joins the parts.
    """
    segments = ctx.transcript.segments
    parts: dict[int, tuple[int, int]] = {}
    for sentence in ctx.sentences[position_of(ctx, first):position_of(ctx, last) + 1]:
        begin, _ = parts.get(sentence.segment, (sentence.char_start, 0))
        parts[sentence.segment] = (begin, sentence.char_start + len(sentence.text))
    pieces = [segments[i].text[begin:end].strip() for i, (begin, end) in parts.items()]
    source = Provenance(segment=first.segment, start=first.start, quote=pieces[0])
    return " ".join(pieces), source


def _classify(sentence: Sentence) -> tuple[bool, bool]:
    """(praise, constructive) for one sentence; a question is never praise."""
    return (question_kind(sentence) is None and _praise(sentence)), _constructive(sentence)


def extract_feedback(ctx: Context) -> list[Feedback]:
    """Praise and constructive feedback, in the order said."""
    kinds = {(s.segment, s.char_start): _classify(s) for s in ctx.sentences}
    found: list[tuple[int, int, Feedback]] = []
    for index, kind in enumerate(("praise", "constructive")):
        for first, last in group_items(ctx, lambda s: kinds[s.segment, s.char_start][index]):
            text, source = span(ctx, first, last)
            found.append((first.segment, first.char_start,
                          Feedback(kind=kind, giver=first.speaker,
                                   receiver=ctx.other(first.speaker), text=text, source=source)))
    found.sort(key=lambda entry: entry[:2])
    return [item for _, _, item in found]
