"""Decisions and agreements about how the two participants work together.

Topics (`Decision.topic`):
- `channels`: how to reach each other ("Slack for quick questions, email for documents",
  "audio-only if the video is bad", "let's keep that to phone calls, not texts", "just text
  me if something's urgent", "we only talk on Signal");
- `response_time`: how soon to answer ("reply within one working day");
- `cadence`: how often and how long to meet ("every two weeks, thirty minutes");
- `scope`: what the mentoring focuses on ("let's focus our sessions on leadership skills",
  "let's make publishing the standing first item");
- `confidentiality`: "what we discuss stays between us";
- `roles`: who does what ("you own your goals", "come to each call with one topic");
- `other`: further working rules (notice to cancel, a shared notes document or folder,
  recording).

A proposal (a question, or "maybe", "how about", "I'd suggest") becomes a decision only when
the other participant accepts it within the next two turns, and the decision's segment is
where it was accepted. A rule one person states firmly ("let's ...", "I usually reply within a
day") is a decision where it was stated; when the other participant answers by restating it
("weekly sounds great"), the acceptance is its segment. A bare frequency ("every two weeks")
counts only while meeting frequency is being discussed, or when proposed for "we" ("should
we go every two weeks until the exam?"). A reservation holds an answer back ("weekly might
be hard") unless a firm proposal follows it ("every week is a lot, let's do every two"). One
topic agreed over neighbouring turns is one decision; one turn may settle several topics,
each its own decision, its text the clauses about that topic.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .questions import LEAD, question_kind
from .text import Context, Sentence, normalize, span, turn_numbers
from .types import Decision

_CHANNEL = (r"(?:slack|e-?mail|emails|text|texts|texting|chat|teams|whatsapp|signal|phone|"
            r"phone call|call|video|audio[- ]only|zoom|google meet|in person|messages?|dms?|sms|"
            r"voice notes?|voice messages?|telegram|discord|linkedin|imessage|facetime|skype|webex)")
_GENERIC = (r"(?:quick|anything|urgent|longer|bigger|small|short|simple|everything|async|asynchronous|"
            r"non-urgent|admin|"
            r"documents|docs|files|drafts|questions|updates|scheduling|emergencies|the rest|"
            r"in between|between (?:calls|sessions)|day-to-day|everyday|logistics)")
_FREQ = (r"(?:every (?:other |second |third |two |three |four |couple of |few )?(?:weeks?|months?|fortnight)|"
         r"every (?:other |second |third |first |last )?(?:monday|tuesday|wednesday|thursday|friday)|weekly|bi-?weekly|"
         r"fortnightly|monthly|once a (?:week|month|fortnight)|twice a (?:week|month))")
_MEETING = (r"(?:meet|meeting|meetings|met|calls?(?! out| in sick| off)|sessions?|check-ins?|check ins?|catch up|sync|"
            r"talk|talked|talking|speak|chat|chats)")
_TOPICS: dict[str, re.Pattern[str]] = {
    "channels": re.compile(
        rf"\b{_CHANNEL} (?:is |are |would be |works )?(?:for|with) (?:\w+ ){{0,2}}?{_GENERIC}\b"
        rf"|\b(?:for|with) (?:\w+ ){{0,2}}?{_GENERIC}\b[^.?!]{{0,40}}\b{_CHANNEL}\b"
        rf"|\b(?:switch|move|stick|default|go back|change)\b(?: \w+){{0,3}} to (?:a |an )?{_CHANNEL}\b"
        rf"|\b(?:stick|go|stay) with (?:a |an |the )?{_CHANNEL}\b|\b{_CHANNEL} works\b(?! (?:on|at|for (?:them|him|her)))"
        rf"|\b(?:keep|take) (?:it|this|that|them|things|everything|these|those) (?:off|out of) (?:a |an |the )?{_CHANNEL}\b"
        rf"|, not (?:on |over |by |via |in |through )?(?:a |an |the )?{_CHANNEL}\b"
        rf"|\b(?:keep|limit|restrict) (?:that|this|it|things|them|everything|these|those|it all) to "
        rf"(?:a |an )?{_CHANNEL}\b"
        rf"|\b{_CHANNEL} me (?:if|when|whenever|any ?time|instead|directly|first)\b|\b{_CHANNEL} only\b"
        rf"|\bif\b[^.?!]{{3,40}}, (?:just |then )?{_CHANNEL} me$"
        rf"|\b(?:we|let's|let us)(?: only| just| always| mostly)? (?:talk|meet|communicate|chat|speak|"
        rf"message each other|keep in touch|stay in touch) (?:only )?(?:on|over|via|by|through) "
        rf"(?:a |an |the )?{_CHANNEL}\b"
        rf"|\b{_CHANNEL} instead of\b|\binstead of (?:a |an )?{_CHANNEL}\b"
        rf"|\b{_CHANNEL}(?: is|'s| are| works| would be| sounds| seems) (?:\w+ )?(?:fine|better|best|"
        r"easiest|easier|great|good|okay|ok|perfect|preferred)\b"
        rf"|\b(?:reach|contact|ping|message|find|get hold of|text|email|call) (?:me|you|each other) "
        rf"(?:on|via|over|by|through) (?:a |an |the |my |your |our )?(?:[\w-]+ )?{_CHANNEL}\b"
        rf"|\brather than (?:a |an |the |my |your )?(?:[\w-]+ )?{_CHANNEL}\b"
        r"|\bhow (?:should|do|can|best to|would you like) (?:i|we) (?:reach|contact|get hold of|"
        r"stay in touch with|message) (?:you|each other)\b"
        rf"|\b{_CHANNEL} it is\b"
        r"|\b(?:let's|we can|we could|we'll|we should|just) (?:just )?do (?:it |this |these )?"
        r"(?:on |over |by )?(?:audio[- ]only|video|phone|a phone call|zoom|in person)\b"
        r"|\b(?:meet|talk|do (?:this|it|these)|calls?|sessions?) (?:on|over|via|by) "
        r"(?:video|zoom|teams|the phone|phone|google meet)\b"
        r"|\bon video\b|\b(?:cameras?|video) (?:on|off) (?:for|during)\b"
        r"|\bhow (?:we|we'll|to) (?:stay|keep) in touch\b"),
    "response_time": re.compile(
        r"\b(?:reply|replies|respond|responds|answer|answers|get back|turn \w+ around|"
        r"acknowledge)\b[^.?!]{0,30}\bwithin (?:a couple of|a few|a|an|one|two|three|\d+|twenty[- ]four|"
        r"forty[- ]eight|the same|\w+) (?:working |business )?(?:day|days|hours?|week)\b"
        r"|\bwithin (?:24|48|twenty[- ]four|forty[- ]eight) hours\b"
        r"|\b(?:reply|respond|answer)\w* (?:the )?same day\b"
        r"|\b(?:don't|do not) expect (?:an? |any )?(?:immediate |instant |quick |fast )?(?:reply|replies|answers?|"
        r"responses?)\b|\bjust nudge me\b|\bnudge me if\b"
        r"|\b(?:won't|don't|can't|never|rarely|not going to) (?:reply|respond|answer|check (?:\w+ )?(?:email|"
        r"messages|slack|my phone|texts))\b[^.?!]{0,20}\b(?:weekends?|evenings?|nights?|after \w+|before \w+|"
        r"on holiday|when i'm)\b"
        r"|\b(?:reply|respond|answer|get back)\w*\b[^.?!]{0,30}\b(?:by|before) (?:the )?end of (?:the )?"
        r"(?:next |same |following )?(?:\w+ )?day\b"),
    "confidentiality": re.compile(
        r"\bconfidential\b|\bstays? between (?:the two of )?us\b|\bbetween the two of us\b"
        r"|\boff the record\b|\bin confidence\b|\bchatham house\b"
        r"|\b(?:won't|will never|i'll never|never|not going to|wouldn't) (?:ever )?(?:share|tell|repeat|report|pass|"
        r"mention)\b|\b(?:won't|not) go any further\b"
        r"|\b(?:doesn't|does not|won't|will not|never) (?:get|go|goes|gets) (?:back to|any further|beyond)\b"
        r"|\bstays? with me\b|\bnothing (?:leaves|goes beyond) (?:this|the) (?:call|room|conversation)\b"
        r"|\b(?:keep|keeps|kept|stays?|remains?|staying)\b[^.?!]{0,25}\bbetween (?:us|ourselves)\b|\b(?:stays?|kept|keep (?:it|this|that|things)|remains?) "
        r"(?:private|to ourselves|here)\b|\b(?:doesn't|does not|won't|will not|never) leave (?:this|the|our) "
        r"(?:room|call|conversation|session)s?\b|\bwhat(?:'s| is)? said here\b"),
    "roles": re.compile(
        r"\byou own (?:your|the)\b|\bi(?:'m| am) not (?:here|going) to (?:have all|give you all|"
        r"tell you what|solve|fix|do)\b|\bmy (?:role|job) (?:here )?(?:is|isn't)\b"
        r"|\byour (?:role|job) (?:here )?is\b|\b(?:you|i)(?:'ll| will|'d| would)? (?:drive|set|own|send me) the agenda\b"
        r"|\byou (?:bring|set|drive|choose) the (?:agenda|topics)\b"
        r"|\bcome (?:to )?(?:each|every|our) (?:call|session|meeting)s? (?:with|prepared)\b"
        r"|\bin the driver's seat\b|\bhold you accountable\b|\bit's your responsibility\b"
        r"|\bi(?:'ll| will) (?:share what i(?:'ve| have) seen|give you (?:honest|candid|direct))\b"
        r"|\bkeep track of what we agree\b"),
    "scope": re.compile(
        r"\bfocus (?:our|these|the) (?:sessions|calls|mentoring|meetings|time)(?: together)? on\b"
        r"|\b(?:our|these|the) (?:sessions|calls|mentoring|meetings|time together) "
        r"(?:will |should |could |can )?(?:focus on|be about|cover|centre on|center on)\b"
        r"|\b(?:let's|we'll|we will|we should|we can) (?:mainly |mostly )?(?:focus|concentrate|"
        r"work) on\b[^.?!]*\b(?:skills|leadership|career|growth|development|confidence|"
        r"communication|promotion|networking|management|visibility|strategy|over the next|"
        r"for the next|this (?:quarter|year)|in (?:our|these) sessions|going forward|from now on)\b"
        r"|\b(?:out of|in) scope\b|\b(?:main|primary) focus (?:of|for) (?:our|the|these)\b"
        r"|\b(?:make|keep) (?:that|this|it) (?:our|the) (?:main |first |next |big )?(?:topic|focus|"
        r"priority|theme)\b"
        r"|\b(?:let's|we'll|we will|we can|we should) make [\w' -]{1,30}? (?:the|our) (?:standing |main |"
        r"first |regular |big |top |only )*(?:item|topic|focus|priority|theme|agenda item|thing we (?:talk about|"
        r"focus on|work on|cover))\b"
        r"|\b(?:let's|we'll|we should|we can|i'd like (?:us )?to) (?:spend|use|dedicate|devote) (?:the |our )?"
        r"(?:next (?:few |couple of |two |three )?|these |our |the )?(?:calls|sessions|meetings|chats|time together)\b"
        r"[^.?!]{0,20}\bon\b"
        r"|\b(?:keep|have) (?:the|our|these) (?:sessions|calls|meetings|time together) "
        r"(?:focused|centred|centered) on\b"
        r"|\b(?:should|will|can|could|do|would) (?:our|these|the) (?:sessions|calls|mentoring|meetings|time together) "
        r"(?:mainly |mostly |just |only )?(?:focus on|be about|cover|centre on|center on|include)\b"
        r"|\bkeep (?:the |your |all |any |my )?[\w' -]{1,30}? out of (?:it|this|these|our|the)\b"
        r"|\b(?:let's|we'll|we should|we can|i'd like (?:us )?to|i want (?:us )?to) (?:just |mainly |mostly )?(?:stick to|"
        r"stick with|keep (?:it|this|these|them|things) to|limit (?:it|this|these|ourselves) to|"
        r"keep (?:the|our) focus on)\b(?! \d| (?:thirty|forty|sixty|an hour|half an hour|"
        r"(?:one|two|three|four|five|ten|fifteen|twenty) minutes))"
        r"(?=[^.?!]*\b(?:(?:in|for|during) (?:these|our|the) (?:calls|sessions|meetings|chats|mentoring)|"
        r"over the next|for the next|this (?:quarter|year|term)|going forward|from now on|until)\b)"),
    "cadence": re.compile(
        r"\b(?:move|shift|switch|swap|change|keep|put|go)(?: (?:them|these|those|our (?:calls|sessions|meetings|chats)|"
        r"the (?:calls|sessions|meetings)|these (?:calls|sessions|meetings)|it|back))? to (?:my |your |the |our )?(?:mornings|"
        r"afternoons|evenings|lunchtimes|weekends|weekdays|mondays|tuesdays|wednesdays|thursdays|fridays|weekly|"
        r"monthly|fortnightly|bi-?weekly)\b|"
        rf"\bhow often\b(?=[^.?!]*\b{_MEETING}\b)"
        rf"|\b{_FREQ}\b(?=[^.?!]*\b{_MEETING}\b)|\b{_MEETING}\b[^.?!]*\b{_FREQ}\b"),
    "arrangement": re.compile(
        r"\b(?:let's|let us|shall we|should we|can we|could we|we'll|we should|how about we|why don't we|maybe we)"
        r"(?: (?:also|just|agree to|try to|start to|maybe))? (?:keep|make|do|have|hold|switch|swap|move|use|spend|limit|"
        r"cap|change|start|end|finish|open|close|begin|try|meet|run|devote|dedicate|save|reserve|stick|go|put|share|"
        r"set up)\b"
        r"(?=[^.?!]*\b(?:sessions?|calls?|check-ins?|chats?|meetings?|catch-ups?|minutes|an hour|half an hour|monthly|"
        r"weekly|fortnightly|from now on|going forward|each time|every time)\b)"),
    "other": re.compile(
        r"\bfrom now on,? (?:if|when|whenever)?[^.?!]{0,40}?\bi(?:'ll| will)\b|\bthat's (?:our|the) (?:new )?rule\b"
        r"|\b(?:every|each) (?:session|call|meeting|check-in) (?:starts?|opens?|begins?|ends?) with\b"
        r"|\b(?:each|every) (?:session|call|meeting) you (?:bring|send|share|pick)\b|(?<!\bhave a )\bhard stop\b"
        rf"|\b{_CHANNEL} from now on\b|"
        r"\b(?:make (?:that|this|it) (?:the|our) format|(?:the|our) format (?:is|will be|for)|"
        r"(?:the )?(?:first|last) (?:\w+ ){0,2}minutes(?: of (?:each|every|the|our) \w+)? (?:for|on) "
        r"(?:updates|the|your|a|whatever|anything|urgent)|"
        r"(?:start|open|end|finish) (?:each|every) (?:session|call|meeting) (?:with|by))\b"
        r"|\b(?:cancel|reschedule|move)\b[^.?!]{0,40}\b(?:\w+ hours?|a day|a week)(?:'s)? notice\b"
        r"|\b(?:(?:a|one|two|\d+|twenty-four|forty-eight) (?:day|days|hours?|week)|a day|a week)(?:'s|s')? notice\b"
        r"|\b(?:let's|we(?:'ll| will| can| could| should)?|how about we|why don't we|maybe we) (?:keep|use|share|start|"
        r"set up|put (?:\w+ ){1,3}?(?:in|into)|"
        r"move \w+ (?:in)?to) (?:a|one|the|our) (?:single |shared |common |joint )*(?:[\w-]+ )?"
        r"(?:doc|document|notes? doc|agenda|tracker|running doc|folder|drive|sheet|spreadsheet|board)\b"
        r"|\bstop (?:emailing|sending|texting) (?:\w+ )?(?:back and forth|around)\b"
        r"|\b(?:record|recording) (?:our|the|these) (?:sessions|calls)\b"
        r"|\b(?:send|sent|share|shared|have) (?:me )?(?:an|the|a short) agenda (?:the day before|"
        r"before|ahead of|in advance)\b"
        r"|\blet'?s (?:also |both )?agree (?:that|on|to)\b"
        r"|\bwe(?:'ve| have)? agreed (?:last time |before |earlier )?(?:that|on|to)\b"),
}
_FREQUENCY = re.compile(
    rf"\b(?:{_FREQ}|(?:mondays|tuesdays|wednesdays|thursdays|fridays)|"
    r"(?:thirty|forty[- ]five|forty|sixty|ninety|fifteen|twenty|\d+)[- ]minutes?)\b")
"""A frequency or length without a word for meeting: cadence only while cadence is discussed."""

_CUES = re.compile(
    r"slack|mail|text|chat|teams|whatsapp|signal|phone|call|video|audio|zoom|meet|person|messag|"
    r"dm|sms|voice|telegram|discord|reach|contact|reply|replies|respond|answer|get back|around|"
    r"acknowledge|within|same day|expect|nudge|confiden|between|record|chatham|won't|go any|"
    r"stays|stay with|leaves|goes beyond|"
    r"own|here|role|job|agenda|topics|come|driver|accountable|responsib|share what|give you|"
    r"keep track|focus|concentrate|work on|scope|often|every|weekly|monthly|fortnight|once a|"
    r"twice a|days|minutes|notice|doc|tracker|format|touch|topic|priority|theme|agree|camera|"
    r"each|linkedin|facetime|skype|webex|item|folder|drive|sheet|board|back and forth|only|private|"
    r"leave|stick|out of|cover|include|remain|said here|ourselves|move|shift|mornings|afternoons|"
    r"evenings|async|share|spend|dedicate|devote|swap|switch|thursdays|mondays|tuesdays|wednesdays|fridays|"
    r"session|hour|from now on|going forward|rule|hard stop")
"""Words one of the topics needs; a sentence without any skips the topic patterns."""

_TENTATIVE = re.compile(
    r"^(?:maybe|perhaps|how about|what about|what if|i was thinking|i(?:'d| would)? suggest|"
    r"i propose|we could|could we|should we|shall we|would it work|would you be|"
    r"i(?:'d| would) (?:like|love|prefer) (?:to|us to|if we))\b"
    r"|\bif (?:that's|that is|it's|it is) (?:possible|okay|ok|alright)\b"
    r"|\b(?:if (?:that|this) (?:works|suits you|is okay|is ok|sounds okay)(?: for you| with you)?|"
    r"if you're (?:okay|ok|happy) with (?:that|it)|does that work(?: for you)?|what do you think)$")
_WE = re.compile(r"\b(?:we|us|our)\b")
_FIRM = re.compile(r"\b(?:let'?s|let us|we'll|we will|from now on|going forward|i(?:'ll| will)"
                   r" always)\b")
_ACCEPTS = re.compile(
    r"\b(?:suits? me|would suit|(?:'s|is) perfect|would be (?:great|perfect|good|ideal|brilliant|lovely)|works|work for me|work[.!]?$|sounds (?:good|great|perfect|fine)|is (?:fine|better|best|perfect|"
    r"great|good|okay|ok|way better|much better)|it is|suits me|agreed|deal|fine by me|"
    r"good with me|perfect)\b")
_RESERVATION = re.compile(
    r"\b(?:might be|may be|would be|is|'s|feels|seems) (?:a bit |too |really |quite )?"
    r"(?:hard|difficult|tough|too much|a lot|too often|too frequent|tricky)\b"
    r"|\b(?:not sure|rather not|can't|cannot|won't work|doesn't work|don't think)\b")
"""An answer that holds back ("weekly might be hard") accepts nothing."""
def _held_back(body: str) -> bool:
    """A reservation not overtaken by a firm proposal: "weekly might be hard" holds back;
    "every week is a lot, let's do every two weeks" proposes."""
    reservation = _RESERVATION.search(body)
    return reservation is not None and not _FIRM.search(body, reservation.end())


_ACCEPT_START = re.compile(
    r"^(?:yes|yeah|yep|yup|sure|(?:that )?sounds (?:good|great|perfect|fine|right|like a plan)|"
    r"that's (?:right|a plan|a deal)|exactly|that works|works for me|"
    r"works|perfect|great|deal|agreed|i agree|fine|absolutely|definitely|of course|totally|"
    r"good idea|great idea|let's do (?:that|it)|that's fine|fine by me|happy to|love it|done|"
    r"that's perfect|that'd be great|that would be great|ok(?:ay)?,? (?:sure|great|yes|deal|"
    r"sounds good|perfect|works))\b")
_REJECT_START = re.compile(
    r"^(?:no|nope|not really|i'd rather not|i would rather not|that doesn't work|"
    r"that won't work|i don't think so|actually,? no|i can't)\b")
_WINDOW = 2
"""Turns within which an answer still accepts a proposal, or one topic stays one decision."""


@dataclass
class _Pending:
    """A proposal waiting for the other participant's answer."""
    turn: int
    speaker: str
    first: Sentence
    last: Sentence


@dataclass
class _Found:
    """A decision being built: its statement, and where it was accepted if it was."""
    topic: str
    turn: int
    first: Sentence
    last: Sentence
    accepted_at: Sentence | None = None
    settled: bool = False
    """Reached by accepting a proposal: a later restatement does not move it."""


def _topics(body: str, discussed: set[str], asking: bool = False) -> list[str]:
    """The topics a sentence speaks of; "other" only when no specific topic fits. `asking`:
    the sentence proposes ("should we go every two weeks?" is about meeting)."""
    if not _CUES.search(body):
        return []
    found = [topic for topic, pattern in _TOPICS.items() if pattern.search(body)]
    if "cadence" not in found and _FREQUENCY.search(body) and (
            "cadence" in discussed or _FIRM.search(body) or (asking and _WE.search(body))):
        found.append("cadence")
    for general in ("arrangement", "other"):
        if len(found) > 1 and general in found:
            found.remove(general)
    return found


_OTHERS = re.compile(
    r"^(?:my|his|her|their) (?!own\b)[\w-]+|^the (?:client|clients|customer|team|company|boss|manager|school|hospital|"
    r"firm|board|department|office|[\w-]+ (?:team|lead|manager|office))\b|^(?:he|she|they|someone|somebody|people|"
    r"everyone|nobody|it was|that was|this was)\b|^i (?:gave|sent|had|did|got|was|told|handed|used to)\b")
_PARTICIPANTS = re.compile(r"\b(?:we|us|let's|let us|you|your|you're|you'll)\b")
_REPORTED = re.compile(r"\b(?:said|says|told (?:me|us|him|her|them)|tells (?:me|us))\b")


def _about_others(body: str) -> bool:
    """A statement about someone else's habits or a past event ("my manager only talks to me on
    Slack, not email", "she said she'd never share it") agrees nothing between the two."""
    return (bool(_OTHERS.match(body)) and not _PARTICIPANTS.search(body)) or bool(_REPORTED.search(body))


def _content(text: str) -> set[str]:
    """Words of four letters or more, the content a restatement shares with a proposal."""
    return {w for w in re.findall(r"[a-z][a-z']{3,}", text)
            if w not in {"would", "that", "this", "with", "from", "then", "just", "let's", "shall", "could",
                         "should", "perfect", "great", "good", "fine", "works", "sounds"}}


def _body(sentence: Sentence) -> str:
    """The sentence's normal form without its opening discourse words."""
    return LEAD.sub("", sentence.norm).strip(" ,")


def _turns(ctx: Context) -> list[tuple[Sentence, ...]]:
    """The sentences of each turn (consecutive segments by one speaker), in order."""
    numbers = turn_numbers(ctx)
    turns: list[list[Sentence]] = [[] for _ in range(numbers[-1] + 1)] if numbers else []
    for sentence in ctx.sentences:
        turns[numbers[sentence.segment]].append(sentence)
    return [tuple(t) for t in turns]


def extract_decisions(ctx: Context) -> list[Decision]:
    """Agreements about working together, in the order they were reached."""
    pending: dict[str, _Pending] = {}
    found: list[_Found] = []
    latest: dict[str, _Found] = {}

    def record(topic: str, turn: int, first: Sentence, last: Sentence,
               accepted: Sentence | None = None, settled: bool = False) -> None:
        previous = latest.get(topic)
        if previous is None or turn - previous.turn > _WINDOW:
            # A general arrangement and a specific topic said of it ("let's do texts on Sundays"
            # - "texts are way easier") are one decision.
            related = ["arrangement"] if topic != "arrangement" else [t for t in latest if t != topic]
            if any(t in latest and 0 < turn - latest[t].turn <= _WINDOW for t in related):
                return
        if previous is not None and turn - previous.turn <= _WINDOW:
            anchor = accepted or last
            if turn == previous.turn:
                if previous.accepted_at is None:
                    previous.last = last
            elif anchor.speaker != (previous.accepted_at or previous.last).speaker \
                    and not previous.settled \
                    and (accepted is not None or _ACCEPTS.search(_body(last))):
                previous.accepted_at, previous.settled, previous.turn = anchor, True, turn
            return
        if accepted is None and _ACCEPTS.search(_body(last)):
            # "Let's check in every Friday by text" - "A Friday text is perfect.": an approving
            # answer to the decision just stated accepts it, whatever topic it names.
            stated = next((f for f in latest.values() if turn - f.turn == 1 and not f.settled
                           and f.last.speaker != last.speaker), None)
            if stated is not None:
                stated.accepted_at, stated.settled, stated.turn = last, True, turn
                return
        item = _Found(topic, turn, first, last, accepted, settled)
        found.append(item)
        latest[topic] = item

    for turn, sentences in enumerate(_turns(ctx)):
        if not sentences:
            continue
        speaker = sentences[0].speaker
        for topic in [t for t, p in pending.items() if turn - p.turn > _WINDOW]:
            del pending[topic]
        opening = _body(sentences[0])
        if _REJECT_START.match(opening):
            for topic in [t for t, p in pending.items() if p.speaker != speaker]:
                del pending[topic]
        discussed = set(pending) | {t for t, f in latest.items() if turn - f.turn <= _WINDOW}
        topical = False
        for sentence in sentences:
            body = _body(sentence)
            asking = question_kind(sentence) is not None or bool(_TENTATIVE.match(body))
            topics = _topics(body, discussed, asking)
            if topics and _about_others(body):
                topics = []
            proposal = bool(topics) and asking
            held_back = _held_back(body)
            weak = not any(_TOPICS[t].search(body) for t in topics)
            for topic in topics:
                offer = pending.get(topic)
                if proposal:
                    pending[topic] = _Pending(turn, speaker, sentence, sentence)
                    discussed.add(topic)
                elif (offer is not None and offer.speaker != speaker and _ACCEPTS.search(body)
                      and not held_back):
                    del pending[topic]
                    topical = True
                    record(topic, turn, sentence, sentence, settled=True)
                elif not ((weak and not (_ACCEPTS.search(body) or _FIRM.search(body))) or held_back):
                    answers = offer is not None and offer.speaker != speaker
                    if answers:
                        del pending[topic]
                    record(topic, turn, sentence, sentence, settled=answers)
        said_first = sentences[0].norm.strip()
        accepts = bool(_ACCEPT_START.match(opening)) or (
            bool(pending) and bool(_ACCEPT_START.match(said_first)) and not _held_back(said_first)
            and question_kind(sentences[0]) is None)
        if not accepts and pending and _ACCEPTS.search(opening) and not _held_back(opening) \
                and question_kind(sentences[0]) is None:
            # "Shall we switch to half-hour calls?" - "Half an hour would be perfect.": an
            # answer that restates the proposal approvingly accepts it.
            accepts = any(_content(opening) & _content(_body(p.first)) for p in pending.values()
                          if p.speaker != speaker)
        if not topical and accepts:
            for topic, offer in list(pending.items()):
                if offer.speaker != speaker and offer.turn < turn:
                    del pending[topic]
                    record(topic, turn, offer.first, offer.last, sentences[0], settled=True)
    decisions = []
    for item in sorted(found, key=lambda f: ((f.accepted_at or f.first).segment,
                                              (f.accepted_at or f.first).char_start)):
        statement, source = span(ctx, item.first, item.last)
        if item.accepted_at is not None:
            source = span(ctx, item.accepted_at, item.accepted_at)[1]
        decisions.append(Decision(text=_summary(statement, item.topic), topic=item.topic,
                                  source=source))
    return decisions


_CLAUSE = re.compile(r"\s*(?:[,;:]|\s[-–—]\s)\s*(?:(?:and|but|so|also|then|plus)\s+)?")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_OPENER = re.compile(
    r"^(?:(?:and|but|so|also|then|plus|okay|ok|yes|yeah|great|good|perfect|sure|right|honestly|"
    r"totally|well)\b[,]?\s*)+"
    r"|^(?:could|can|should|shall) we (?:just |maybe |also )?|^(?:how|what) about |^what if we |"
    r"^maybe (?:we )?(?:just |could |should )?|^i(?:'d| would) suggest (?:that )?(?:we )?",
    re.IGNORECASE)
"""Discourse words, and the "could we ..." of a proposal, before what was agreed."""
_SLOT = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday)s?\b|\bat (?:\d|ten|eleven|nine|"
                   r"noon)|\b(?:minutes?|hours?|o'clock)\b")
"""A meeting slot: part of a cadence decision's text, though not enough to make one."""


def _mentions(topic: str, norm: str) -> bool:
    if topic == "scope" and re.search(r"\b(?:only|just)\b(?: for now)?", norm):
        return True
    if topic == "cadence":
        return bool(_TOPICS[topic].search(norm) or _FREQUENCY.search(norm) or _SLOT.search(norm))
    return bool(_TOPICS[topic].search(norm))


def _summary(quote: str, topic: str) -> str:
    """The clauses of the quote that state this topic's agreement, as statements.

    "Slack for quick questions, email for documents, and let's reply within a day" gives
    "Slack for quick questions, email for documents." for channels; an accepted "could we
    try every three weeks?" gives "Try every three weeks." A sentence that states the topic
    only as a whole ("for anything longer, send an email") is kept whole.
    """
    pieces = []
    for sentence in _SENTENCE_END.split(quote.strip()):
        sentence = sentence.strip().rstrip(".!?")
        if not _mentions(topic, normalize(sentence)):
            continue
        clauses = [c for c in _CLAUSE.split(sentence) if c]
        kept = [c for c in clauses if _mentions(topic, normalize(c))] or [sentence]
        piece = _OPENER.sub("", ", ".join(kept)).strip() or sentence
        piece = re.sub(r"\b([Ee])-mail", r"\1mail", piece)  # recognisers write "e-mail"
        pieces.append(piece[:1].upper() + piece[1:] + ".")
    return " ".join(pieces) or quote
