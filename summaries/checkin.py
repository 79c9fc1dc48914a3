"""The next check-in: the next meeting both people agreed on.

A proposal is a sentence that offers a day for meeting: "How about Friday the fourth at
ten?", "Could we do Wednesday at four?", "Can we push our next one to Thursday the 14th?",
a bare "Wednesday the 24th at five?", "two weeks from today, same time?", or a statement of
the plan ("our next call is Tuesday", "see you on the 14th", "talk Tuesday"). It is agreed
when the other person answers yes ("perfect", "works for me") or repeats the day; an
answer with another day is a counter-proposal, and an answer with only a time ("same time,
two o'clock?") completes the proposal. The last agreed proposal wins, so a rescheduled
meeting replaces the first plan; with nothing agreed, the last proposal nobody declined is
taken. An answer that keeps the day but offers another hour ("could we do three thirty
instead?") is a counter-proposal too, and an agreement that names an hour ("four on the
eighth works") agrees to that hour. Deadlines ("by Friday", "before Thursday") are not
meeting times. A day agreed without its hour takes the one hour said in the turns around it
("First of June, yes. Morning?" - "Ten o'clock."); an hour without am or pm is read in the
morning or the evening said with the slot ("Saturday the fifth, in the morning" - "Nine-ish?").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, time, timedelta

from .dates import HOUR, DateMention, TimeMention, find_dates, find_times, format_when
from .text import Context, Sentence, provenance, word_start
from .types import NextCheckin

_PROPOSE = word_start(
    r"\b(?:how|what)\s+about\b|\b(?:can|could|shall|should|would)\s+we\b|"
    r"\b(?:could|can|would)\s+you\s+(?:do|make)\b|\bare\s+you\s+(?:free|available|around)\b|"
    r"\b(?:does|would|will)\b[^?]*\bwork\b|\bworks?\s+for\s+(?:you|me)\b|"
    r"\blet's\s+(?:meet|talk|do|say|catch\s+up|sync|reconvene|pick|schedule|book|go\s+with|aim|"
    r"try|plan|make\s+it|set|keep\s+it|move|push)\b|"
    r"\bnext\s+(?:call|check-?\s?in|session|meeting|one|chat|catch-?\s?up|sync|one-on-one|time)\b|"
    r"\b(?:see|talk\s+to|speak\s+to|catch)\s+you\b|^(?:talk|speak|chat)\b|"
    r"\b(?:we|us)\b[^.?!]{0,20}\bmeet\b|\bmeet\s+(?:again|up|next)\b|\breschedul\w*|"
    r"\b(?:push|move)\s+(?:it|our|the|this)\b|\bsame\s+time\b|\binstead\b(?!\s+of\b)|"
    r"\b(?:i\s+was|i'm)\s+thinking\b|\bi(?:'m|\s+am)\s+(?:free|available|around)\b|"
    r"\bi\s+(?:can|could)\s+do\b(?!\s+(?:that|it|this|those|them)\b)|"
    r"\b(?:catch\s+up|touch\s+base|reconvene|regroup|reconnect|get\s+together|follow\s+up|"
    r"check\s+in|pick\s+(?:this|it|things|that)\s+(?:back\s+)?up|circle\s+back|sync\s+up)\b|"
    r"\b(?:we'll|we\s+will|we\s+can)\s+(?:meet|talk|speak|chat|do\s+(?:this|it|the\s+next\s+one))\b|"
    r"\b(?:we'll|we\s+will|let's|we\s+can)\s+(?:hop|jump|get)\s+on\s+(?:a|the|another)\s+(?:call|zoom|video|chat)\b|"
    r"\bhow(?:'s|\s+is|\s+does|\s+do)\s(?:[^.?!]{0,20}\s)?(?:look|work|suit|for\s+you)\b|"
    r"\b(?:in|into)\s+(?:the|my|our)\s+(?:diary|calendars?)\s+for\b|\bpencil\s+(?:in|it|us|you|that)\b|^say\b|\bsame\s+day\b|"
    r"\bbe\s+(?:convenient|suitable)\b|\bsuit\s+you\b|"
    # an hour put back: "make it three, I'll need a minute to eat"
    rf"^(?:(?:ok|okay|right|well|fine|um)[,\s]+)*make\s+it\s+(?:half\s+)?{HOUR}\b|"
    r"\bbook\s+(?:us|it|me|you|that)\s+in\b|\b(?:we(?:'re|\s+are)|are\s+we)\s+(?:still\s+)?(?:on|set|booked)\s+for\b")
_CONCEDED = re.compile(
    rf"^(?:(?:ok|okay|right|well|fine|um|uh|oh)[,\s]+)*(?:half\s+|quarter\s+(?:past|to)\s+)?{HOUR}(?::\d\d)?"
    r"(?:\s+(?:o'clock|thirty|fifteen|forty-five|am|pm))?\s+then[.!]?$")
"""One's own day at the later hour the other asked for: "Could it be a bit later?" - "Four then."."""
_AGREE = re.compile(
    r"^(?:(?:oh|um|uh|so|and|well)[,\s]+)*(?:yes|yeah|yep|yup|sure|ok|okay|great|perfect|good|fine|"
    r"cool|sounds\s+good|sounds\s+great|works|that\s+works|deal|done|absolutely|definitely|"
    r"of\s+course|see\s+you\s+then|lovely|excellent|brilliant|alright|all\s+right)\b|"
    r"\b(?:works(?:\s+for\s+me)?|is\s+perfect|sounds\s+(?:good|great|perfect)|see\s+you\s+then|"
    r"(?:is|'s)\s+(?:fine|good)|suits\s+me|suits(?:\s+(?:us|fine))?(?=\s*[.!,]|\s*$))\b"
    r"|(?:,\s*|\s)(?:yes|yep|yeah|perfect|great|done|deal)[.!]?$")
_REFUSE = re.compile(r"\b(?:can't|cannot|doesn't\s+work|won't\s+work|not\s+free|busy|i'd\s+love\s+to,?\s+but|"
                     r"i(?:'d|\s+would)\s+rather\s+not|"
                     r"no,?\s+sorry|sorry,?\s+no|"
                     # put off: "can I check and come back to you?", "I don't know my rota yet"
                     r"can\s+i\s+(?:check|get\s+back|come\s+back|message|text|email|let\s+you\s+know)|"
                     r"(?:don't|do\s+not)\s+know\s+my\s+(?:rota|diary|schedule|shifts?|rotation|calendar)|"
                     r"i'll\s+(?:text|message|email|call|ring)\s+you\s+(?:when|once)|"
                     r"let\s+me\s+(?:message|text|email|send)\s+you\s+(?:a\s+couple\s+of|some|a\s+few)\s+"
                     r"(?:options|dates|times|slots)|"
                     r"but\s+i(?:'ve|\s+have)\s+got\s+(?:a|an|the|my)\b|unfortunately|"
                     r"not\s+available|conflict|clash|no\s+good|isn't\s+great|"
                     r"(?:could|can)\s+we\s+(?:do|make\s+it)\s+the\s+day\s+(?:before|after)|"
                     r"i'm\s+(?:actually\s+)?(?:away|on\s+(?:leave|holiday|annual\s+leave))\s+(?:that|then|all)\b)\b"
                     r"|^no\b")
_DAY_WORKS_BUT = re.compile(r"^(?:[\w'-]+\s+){0,4}?(?:works|is\s+fine|suits\s+me)\b,?\s+but\s+"
                            r"i(?:'ve|\s+have)\s+got\s+[^.?!]{0,40}?\bat\s+"
                            r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\b"
                            r"|\bcan't\s+do\s+(?:the\s+|an?\s+)?(?:lunch|lunchtime|evenings?|mornings?|afternoons?|"
                            r"early|late|that\s+time)\b[^.?!]{0,15}?\bbut\b")
"""The day taken, the hour not: "the twelfth works, but I've got a patient at eight that day",
"wednesday the seventh um i can't do evening but i could do like eight in the morning"."""
_CONFIRM = re.compile(r"\b(?:see|talk\s+to|speak\s+to|catch)\s+you\b|^(?:talk|speak|chat)\b")
"""A statement of the plan ("see you in two weeks") presumes it is agreed."""
_MOVE = re.compile(r"\b(?:move|push|shift(?=\s+(?:it|that|this|things|us|them|the|our|my|your)\b)|reschedul\w*"
                   r"|instead)\b")
"""Moving a meeting ("can we shift it to Friday?"); not a work shift ("see you on the 22nd for the shift")."""
_TASK = re.compile(r"\b(?:i'll|i\s+will|i'm\s+going\s+to|let\s+me|can\s+you|could\s+you|send|email)\b")
_DEADLINE = re.compile(r"\b(?:by|before|until|till|due|my|instead\s+of|rather\s+than|not|apart\s+from|except(?:\s+for)?"
                       r"|other\s+than)(?:,?\s+(?:like|um|uh|say),?)?"
                       r"\s+(?:on\s+)?$|\bluck\s+(?:for|with|on)\s+$")
"""A deadline, not a meeting day; "my Friday" is how recognisers hear "by Friday". A day
set aside ("instead of the 18th", "not Tuesday") or wished luck for ("good luck for the
fourteenth") is not offered either."""
_TODAY = re.compile(r"^(?:today|tonight|this\s+(?:morning|afternoon|evening))$")
"""The day of the session itself ("where shall we begin today?") is no next meeting."""
_FILLER_WORDS = frozenset("so okay ok then how about what and or the at on maybe say "
                          "again um yeah yes well your my time same day pm am week after following instead".split())


@dataclass(frozen=True)
class _Proposal:
    day: date
    at: time | None
    speaker: str
    sentence: Sentence


def _days(s: Sentence, mentions: list[DateMention], today: date | None = None,
          trailed: str = "") -> list[DateMention]:
    """Days said in a sentence, except deadlines ("by Friday", "before Thursday") and the day
    of the session itself ("at the end of the day"). `trailed`: what the turn said before, when
    it trailed off into this sentence ("I'll write it by... um... the end of the month?")."""
    return [m for m in mentions if m.day is not None and not _TODAY.match(m.text) and m.day != today
            and not _DEADLINE.search(_TRAILING_OFF.sub(" ", trailed + " " + s.norm[:m.start])[-20:].lstrip()
                                     + _OWN_BY.match(m.text)[0])
            and not _BUSY.search(s.norm[:m.start] + _OWN_BY.match(m.text)[0])
            and not _OTHER_DAY.search(s.norm[:m.start])]


_TRAILING_OFF = re.compile(r"\s*(?:\.{2,}|…)\s*")
"""A speaker trailing off mid-phrase: "by... um... the end of the month" is still "by"."""
_TRAILS_OFF = re.compile(r"(?:\.{2,}|…)\s*$")
_OTHER_DAY = re.compile(r"\bno,?\s+(?:that's|that\s+is|it's)\s+$")
"""A day put right as another thing's ("the fifteenth is that committee no that's the sixteenth"): no offer."""


_BUSY = re.compile(r"\b(?:i've\s+got|i\s+have|we've\s+got|i'm\s+(?:doing|running|at|in))\s+(?:a|an|the|my|our|this)"
                   r"\s+(?![^.?!,]*\b(?:free|gap|slot|window|space|opening|hole)\b)[^.?!,]{1,40}\s+(?:on|that)\s+$")
"""A day taken by something else: "I've got a christening cake on the twenty-third"."""
_OWN_BY = re.compile(r"(?:(?:by|before|until|till|due|my|not|for|on)\s)?")
"""A deadline word the date mention took in itself ("..., by the 30th")."""


def _is_proposal(s: Sentence, mentions: list[DateMention], turn_proposes: bool) -> bool:
    """Does the sentence offer a day for meeting? By its wording ("how about Friday?"), as a
    bare date ("Wednesday the 24th at five?"), or as the day in a turn that proposes to
    meet ("Let's talk again after the conference. Wednesday the 24th.") - unless it is
    about a task ("I'll send you the deck on Monday")."""
    proposal = _PROPOSE.search(s.norm)
    if _AIM_AT_TASK.search(s.norm) or (proposal and _TASK.search(s.norm) and proposal.group(0).strip() == "instead"):
        return False  # "let's aim to have it ready for the board on the 24th", "I'll call her Monday instead"
    if proposal:
        return True
    if _TASK.search(s.norm):
        return False
    # A day and an hour said alone ("So next Monday at ten.") name a meeting slot.
    timed = any(m.time is not None for m in mentions)
    return _bare(s, mentions) and (s.norm.endswith("?") or turn_proposes or timed)


_AIM_AT_TASK = re.compile(r"\blet's\s+aim\s+to\s+(?:have|get|finish|send|submit)\b")


def _bare(s: Sentence, mentions: list[DateMention]) -> bool:
    """Does the sentence say little but days and times ("Thursday the 28th at two, then.")?"""
    rest = s.norm
    for m in mentions:
        rest = rest.replace(m.text, " ")
    for t in find_times(rest):
        rest = rest.replace(t.text, " ")
    rest = _IT_IS.sub(" ", _SPAN_IS.sub(" ", rest))
    return len([w for w in re.findall(r"[a-z']+", rest) if w not in _FILLER_WORDS]) <= 1


_SPAN_IS = re.compile(r"\b(?:in\s+)?(?:a|one|two|three|four|five|six)\s+(?:weeks?|fortnight|months?)"
                      r"(?:'s\s+time|\s+from\s+(?:now|today))?"
                      r"\s+(?:is|would\s+be|makes\s+it|takes\s+us\s+to|brings\s+us\s+to)\b")
"""A span counted out to its day: "two weeks is Friday the eighth" says only the day."""


_IT_IS = re.compile(r"\b(?:it\s+is|it's\s+a\s+date)[.!]?$")
"""A slot settled in so many words: "half past four on the tenth it is"."""


_PROPOSING_TIME = re.compile(r"\b(?:(?:can|could|shall)\s+we\s+(?:do|say|make\s+it)|how\s+about|what\s+about)"
                             r"(?:\s+(?:the|on|on\s+the))?\s+$")
"""Words that put a time forward: "could we do six", "can we make it eight", "how about five",
"could we do the friday"."""
_SET_ASIDE = re.compile(r"\b(?:instead\s+of|rather\s+than|not)\s+$|\b(?:i've\s+got|i\s+have)\s+[\w' ]{1,30}?\s+at\s+$")
"""Words that set a time aside: "six instead of half five", "half five, I've got pilates at half six"."""
_INSTEAD = re.compile(r"\s+instead\b(?!\s+of\b)")


def _proposed_time(s: Sentence, times: list[TimeMention]) -> TimeMention | None:
    """The last time the sentence puts forward ("could we do six instead?"), if it does."""
    return next((t for t in reversed(times) if _PROPOSING_TIME.search(s.norm[:t.start])
                 or _INSTEAD.match(s.norm, t.end)), None)


def _time_in(s: Sentence, ctx: Context, pending: _Proposal | None) -> time | None:
    """The time the sentence offers: one it puts forward, else the last one said, leaving out
    times set aside ("instead of half five"); "same time" while a timed proposal is open means
    its time."""
    times = find_times(s.norm, ctx.session_date)
    if not times:
        return None
    times = [t for t in times if not _SET_ASIDE.search(s.norm[:t.start])] or times
    last = _proposed_time(s, times) or times[-1]
    if last.text.startswith(("same", "usual", "normal", "regular")) and pending is not None and pending.at is not None:
        return pending.at
    return _discussed(last.time, last.text, pending.at if pending is not None else None)


_MERIDIEM = re.compile(r"\b(?:am|pm|a\.m|p\.m|morning|afternoon|evening|night|tonight|noon|midday|lunch(?:time)?)\b")
_DISCUSSED_REACH = 180
"""Minutes within which an hour said without am or pm takes the reading nearer the hour in hand."""
_SAME_HOUR = 60
"""Minutes within which an evening reading gives way to the morning hour in hand."""


def _discussed(value: time | None, text: str, near: time | None) -> time | None:
    """An hour said without am or pm read as the one nearer the hour under discussion: "eight
    thirty" against "seven again" in the evening is half past eight at night; "wednesday at
    eight" against "eight in the morning" stays the morning."""
    if value is None or near is None or _MERIDIEM.search(text):
        return value
    other = time((value.hour + 12) % 24, value.minute)
    here, there = (abs(t.hour * 60 + t.minute - near.hour * 60 - near.minute) for t in (value, other))
    # a morning reading moves to the evening in hand; an evening one (the session's own hour,
    # say) to the morning only when it is the very hour in hand
    reach = _DISCUSSED_REACH if value.hour < 12 else _SAME_HOUR
    return other if there < here and there <= reach else value


def _other_time(s: Sentence, at: time | None, pending: _Proposal) -> bool:
    """Does the answer keep the day but propose another hour? "Could we do three thirty
    instead?" after "in two weeks, same time?" (4 pm); "four on the eighth works" agrees."""
    return at is not None and pending.at is not None and at != pending.at \
        and bool(_PROPOSE.search(s.norm) or s.norm.endswith("?")) and not _AGREE.search(s.norm)


def _own(pending: _Proposal, speaker: str) -> bool:
    """Is the open proposal the speaker's own (a known speaker's)?"""
    return pending.speaker == speaker and speaker != "unknown"


def _same_day(mention: DateMention, day: date) -> bool:
    """Is the mention that day? A bare weekday echoing a proposal ("Friday at eleven works"
    after "Friday the 13th") means the proposed day, not the next Friday; a bare day of the
    month ("The seventh, yes" after "the first Monday in December") is that day's month."""
    if mention.day == day:
        return True
    if mention.kind == "the_day" and mention.day is not None:
        return mention.day.day == day.day
    if mention.kind == "weekday_day" and mention.day is not None:  # "Thursday the twelfth" of the month in hand
        return mention.day.day == day.day and mention.day.weekday() == day.weekday()
    return mention.kind == "weekday_rel" and mention.day is not None \
        and mention.day.weekday() == day.weekday()


def _nearest(weekday: int, reference: date, session: date) -> date:
    """The `weekday` closest to a day under discussion: "Thursday's no good. Friday?" about
    next Thursday means the Friday after it, not this week's."""
    options = [reference + timedelta(days=k) for k in range(-3, 4)]
    return min((d for d in options if d.weekday() == weekday and d > session),
               key=lambda d: abs((d - reference).days), default=reference)


_MONTH_IN_HAND_REACH = 92
"""Days ahead within which the day under discussion sets the month of a day offered back; one
further off is more likely a past day misheard and pushed a year on ("on December 3" said on
the 4th) than a meeting planned so far ahead."""


def _nearest_of_month(said: date, reference: date, session: date, weekday: int | None) -> date:
    """The day of the month said closest to a day under discussion: "the sixteenth" offered
    against "Thursday the eleventh of June" is the sixteenth of June, whatever the session's
    month; "Thursday the twelfth" against "Tuesday the tenth of March" is in March, where
    both agree (`weekday`), though February's twelfth is a Thursday too."""
    options = []
    for shift in (-1, 0, 1):
        month = (reference.month - 1 + shift) % 12 + 1
        year = reference.year + (reference.month - 1 + shift) // 12
        try:
            options.append(date(year, month, said.day))
        except ValueError:
            continue  # "the thirty-first" of a shorter month
    return min((d for d in options if d > session and (weekday is None or d.weekday() == weekday)),
               key=lambda d: abs((d - reference).days), default=said)


def _choose(mentions: list[DateMention]) -> DateMention:
    """The day a proposal offers: a timed mention, else the most specific, else the last."""
    timed = [m for m in mentions if m.time is not None]
    if timed:
        return timed[-1]
    specific = [m for m in mentions if m.specific]
    return specific[-1] if specific else mentions[-1]


_TURNED_DOWN = re.compile(r"\b(?:that's|that\s+is|it's)\s+a\s+(?:no|non-starter|no-go|no\s+go)\b|"
                          r"\b(?:is|'s)\s+(?:out|a\s+write-off)\s+for\s+me\b|\bi\s+can't\s+do\s+(?:that|it)\b")
"""The day echoed only to turn it down: "the thirty-first is my wife's birthday, so that's a no"."""
_LEFT_OPEN = re.compile(
    r"\blet's\s+not\s+(?:fix|fight|set|book|pin|decide|lock)\b|\b(?:leave|keep)\s+it\s+(?:open|loose|flexible)\b|"
    r"\bnot\s+(?:fix|set|book|pin)\s+(?:it|a\s+date|anything)\s+(?:now|yet|today)\b|"
    r"\bi'll\s+(?:send|email|text)\s+you\s+(?:some|a\s+few)\s+(?:slots|times|dates|options)\b|"
    r"\b(?:once|when)\s+[^.?!]{0,40}?\bi'll\s+(?:send|email)\s+you\s+(?:an|a\s+calendar)\s+invite\b")
"""The next meeting left open: "let's not fix it now", "could we leave it open", "I'll email you
some slots once my travel's confirmed"."""


def extract_next_checkin(ctx: Context) -> NextCheckin | None:
    """The agreed next meeting (date, and time when one was said), or None."""
    if ctx.session_date is None:
        return None
    pending: _Proposal | None = None
    agreed: _Proposal | None = None
    asked_before = False  # the turn before proposed to meet without naming a day
    for sentences in ctx.turn_sentences:
        if not sentences:
            continue
        proposing = [bool(_PROPOSE.search(s.norm)) for s in sentences]
        asked_when = asked_before
        speaker = sentences[0].speaker
        answering = pending is not None and (pending.speaker != speaker or speaker == "unknown")
        opening = sentences[0].norm
        reference = pending.day if answering and pending is not None else None
        if answering and pending is not None and (_REFUSE.search(opening) or (
                len(sentences) > 1 and len(opening.split()) <= 2 and re.match(r"no\b", sentences[1].norm))) \
                and not _DAY_WORKS_BUT.search(" ".join(s.norm for s in sentences[:2])):
            # "Tuesday... no, sorry, I'm on the Bath roof all day": the day echoed, then turned down
            pending = None
            answering = False
        # a day turned down and a meeting asked for without one: "I'd rather not do Sundays, could
        # we do a weekday evening?"
        asked_before = pending is None and any(
            p and not _days(s, find_dates(s.norm, ctx.session_date)) for s, p in zip(sentences, proposing))
        accepted = answering and bool(_AGREE.search(opening))
        turn_proposes = any(proposing)
        for k, s in enumerate(sentences):
            mentions = find_dates(s.norm, ctx.session_date)
            trailed = " ".join(x.norm for x in sentences[:k]) if k and _TRAILS_OFF.search(sentences[k - 1].text) else ""
            days = _days(s, mentions, ctx.session_date.date() if ctx.session_date else None, trailed)
            if not days and not answering:
                said_time = _time_in(s, ctx, pending)
                if agreed is not None and pending is None and said_time is not None and _CONCEDED.match(s.norm):
                    agreed = _Proposal(agreed.day, said_time, agreed.speaker, agreed.sentence)  # "four then"
                elif agreed is not None and pending is None and said_time is not None and said_time != agreed.at \
                        and (s.norm.endswith("?") or _PROPOSE.search(s.norm)):
                    # "Monday the 29th at four. Actually wait, I've got a briefing at four. Half four?"
                    pending = _Proposal(agreed.day, said_time, speaker, s)
                elif pending is not None and _own(pending, speaker) and said_time is not None \
                        and (pending.at is None or said_time != pending.at
                             and (s.norm.endswith("?") or bool(_CONCEDED.match(s.norm)))):
                    # "The twenty-fourth. Eight o'clock."; "Tuesday, half nine?" - "that morning I'm
                    # out, could we do the afternoon?" - "Two o'clock?": one's own day at a new hour
                    pending = _Proposal(pending.day, said_time, speaker, pending.sentence)
                continue
            said_time = _time_in(s, ctx, pending)
            echoed = [m for m in days if pending is not None and _same_day(m, pending.day)]
            # in answer, a weekday with its hour or put forward is a counter-offer too: "monday
            # evening i'm seeing the angels, what about wednesday", "wednesday i'm away, thursday at seven"
            counter = [m for m in days if m not in echoed and (m.specific or answering and (
                m.time is not None or _PROPOSING_TIME.search(s.norm[:m.start])))]
            if pending is not None and _own(pending, speaker) and echoed and not counter and not answering:
                # "The thirteenth? Wednesday, half one again?": one's own day said again, with its hour
                at = next((_discussed(m.time, m.text, pending.at) for m in echoed if m.time), None) or said_time
                pending = _Proposal(pending.day, at or pending.at, speaker, pending.sentence)
                continue
            if answering and pending is not None and echoed and not counter and _TURNED_DOWN.search(s.norm):
                pending = None  # "the thirty-first is my wife's birthday, so that's a no"
                accepted = answering = False
                continue
            if answering and pending is not None and echoed and not counter:
                proposed = _proposed_time(s, find_times(s.norm, ctx.session_date))
                at = (_discussed(proposed.time, proposed.text, pending.at) if proposed else None) \
                    or next((_discussed(m.time, m.text, pending.at) for m in echoed if m.time), None) or said_time
                if _other_time(s, at, pending):
                    pending = _Proposal(pending.day, at, speaker, s)
                    accepted = answering = False
                    continue
                pending = _Proposal(pending.day, at or pending.at, pending.speaker, pending.sentence)
                accepted = True
                continue
            # a day of one's own in answer to another's day, or after "let's do the next one in
            # person", offers it: "the 28th I'm on nights, so Wednesday the 27th at seven"
            offered = bool(counter) and (answering or asked_when)
            task_day = k > 0 and not turn_proposes and bool(_TASK.search(sentences[k - 1].norm)) \
                and _bare(s, mentions)  # "I'll send it over to you. Friday, probably?": the task's day
            if not days or task_day or not (offered or _is_proposal(s, mentions, turn_proposes)):
                if answering and pending is not None and said_time is not None:
                    if _other_time(s, said_time, pending):
                        pending = _Proposal(pending.day, said_time, speaker, s)
                        accepted = answering = False
                    elif pending.at is None or pending.at == said_time and not s.norm.endswith("?"):
                        # the hour given, or echoed ("Thirtieth, half two, here."; "same time?" asks)
                        pending = _Proposal(pending.day, said_time, pending.speaker, pending.sentence)
                        accepted = True
                continue
            chosen = _choose(counter or days)
            if reference is not None and chosen.kind == "weekday_rel" and chosen.day is not None:
                chosen = replace(chosen, day=_nearest(chosen.day.weekday(), reference,
                                                       ctx.session_date.date()))
            elif reference is not None and chosen.kind in ("the_day", "weekday_day") and chosen.day is not None \
                    and (reference - ctx.session_date.date()).days <= _MONTH_IN_HAND_REACH:
                weekday = chosen.day.weekday() if chosen.kind == "weekday_day" else None
                chosen = replace(chosen, day=_nearest_of_month(chosen.day, reference, ctx.session_date.date(),
                                                                weekday))
            at = chosen.time or said_time
            earlier = pending or agreed
            if at is None and earlier is not None and _MOVE.search(s.norm):
                at = earlier.at  # "can we move it to Friday instead?" keeps the hour
            if chosen.day is None:
                continue
            if agreed is not None and _same_day(chosen, agreed.day) and pending is None:
                # the agreed day said again with its hour, or with a new one and nothing else
                if at is not None and (agreed.at is None or at != agreed.at and _bare(s, mentions)):
                    agreed = _Proposal(agreed.day, at, agreed.speaker, agreed.sentence)
                continue
            settled = agreed if pending is None else (pending if accepted else None)
            if settled is not None and chosen.day < settled.day and _CONFIRM.search(s.norm) \
                    and not _MOVE.search(s.norm) and not s.norm.endswith("?"):
                continue  # "see you Sunday" once the next call is set: a meeting before it, not the call
            pending = _Proposal(chosen.day, at, speaker, s)
            accepted = answering = False
            if _CONFIRM.search(s.norm) and not s.norm.endswith("?"):
                agreed, pending = pending, None
        if accepted and pending is not None:
            agreed, pending = pending, None
        elif any(_LEFT_OPEN.search(s.norm) for s in sentences):
            pending = None  # "let's not fix it now, I'll email you some slots": nothing agreed yet
    final = agreed or pending
    if final is None:
        return None
    turn = ctx.turn_of(final.sentence.segment)
    around = _around(ctx, turn)
    # the part of the day as said up to the answer, not of a task after it ("in your inbox tonight")
    at = _part_of_day(ctx, [x for x in around if ctx.turn_of(x.segment) <= turn + 1],
                      final.at or _hour_said(ctx, around))
    return NextCheckin(when=format_when(final.day, at), source=provenance(final.sentence))


def _around(ctx: Context, turn: int) -> list[Sentence]:
    """The sentences of the two turns either side of the agreement, and of its own."""
    return [x for x in ctx.sentences if abs(ctx.turn_of(x.segment) - turn) <= 2]


def _hour_said(ctx: Context, around: list[Sentence]) -> time | None:
    """The one hour said around the agreed day, when the day was agreed without it ("First of
    June, yes. Morning?" - "Ten o'clock."; "Every other Thursday at two, then. So our next one
    is October eighth.")."""
    hours = {t.time for x in around for t in find_times(x.norm, ctx.session_date)
             if t.time is not None and not t.text.startswith(("same", "usual", "normal", "regular"))}
    return hours.pop() if len(hours) == 1 else None


_PREFERRED = r"(?:'s|\s+is|\s+would\s+be)\s+(?:better|best|easier|good|fine)"
"""A part of the day preferred for the meeting: "evening's better"."""
_MORNING = re.compile(rf"\b(?:in\s+the\s+morning|mornings|(?:the\s+next|that|a)\s+morning|before\s+work|first\s+thing|"
                      rf"breakfast|a\.?m"
                      rf"|morning{_PREFERRED})\b")
_EVENING = re.compile(r"\b(?:in\s+the\s+(?:evening|afternoon)|evenings|afternoons|(?:an|that)\s+(?:evening|afternoon)|"
                      r"after\s+work|tonight|at\s+night|"
                      rf"p\.?m|(?:evening|afternoon){_PREFERRED})\b")


_PARTS_OF_DAY = re.compile(rf"\b(?:mornings|evenings|afternoons|(?:morning|evening|afternoon){_PREFERRED}|"
                           r"(?:do|try|make\s+it)\s+(?:the\s+next|that|a|an)\s+(?:morning|evening|afternoon))\b")


def _part_of_day(ctx: Context, around: list[Sentence], at: time | None) -> time | None:
    """The agreed hour, in the morning or the evening as the talk around the agreement said
    ("Saturday the first, in the morning" - "Nine-ish?"; "could we do the twelfth in the
    evening?" - "the twelfth at seven"), where the hour alone was read the other way."""
    if at is None:
        return None
    # said of a meeting slot: with a day or an hour ("Saturday the first, in the morning"), or
    # as a standing preference ("could we do mornings instead"); not "the spay's in the morning"
    said = " ".join(x.norm for x in around
                    if _PARTS_OF_DAY.search(x.norm)
                    or any(m.kind != "morning" for m in find_dates(x.norm, ctx.session_date))
                    or find_times(x.norm, ctx.session_date))
    morning, evening = bool(_MORNING.search(said)), bool(_EVENING.search(said))
    if morning and not evening and 19 <= at.hour <= 21:
        return time(at.hour - 12, at.minute)
    if evening and not morning and 6 <= at.hour <= 8:
        return time(at.hour + 12, at.minute)
    return at
