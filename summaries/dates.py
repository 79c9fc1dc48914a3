"""Find spoken dates and times in normalised text and resolve them against the session date.

Conventions (those of the hand-labelled fixtures; see /work/shared/fixtures/README.md):
- A weekday ("Friday", "next Friday", "this coming Friday") is the next such day strictly
  after the session; "this Friday" may be the session's own day. "Friday next week" and
  "next week Friday" are that weekday of the following Monday-to-Sunday week.
- A day of the month ("by the 15th") is the next such day on or after the session; with a
  weekday ("Tuesday the 24th", or "Tuesday 24" as recognisers write it) the first month in
  which they agree is preferred. A month
  and day ("December 3rd", "the fourth of December") is the next such date on or after
  the session, crossing into the next year if needed.
- "end of the week" is the Friday on or after the session, "end of next week" the Friday
  of the following week, "end of the month"/"year"/"quarter" its last day, "over the
  weekend" the Sunday on or after the session, and "by the weekend" the Friday.
- "in two weeks", "three weeks from today", "in a couple of days", "give me ten days":
  counted from the session.
- "right after this call", "today", "tonight", "end of day": the session's day; "in the
  morning" (not "at nine in the morning") is the next day.
- "before our next check-in", "at our next call": marked `until_checkin`, resolved by the
  caller to the agreed next check-in.
- "next week", "this week", "next month", "soon": vague, no date (never a guess).
- "the weekend" said after a Thursday, Friday or Saturday date in the same text is that
  date's weekend ("send it by Friday the 12th and I'll comment over the weekend" is the
  13th-14th), and "the following Monday" is the Monday after the earlier date.
- Clock times without am/pm are read as working hours: 7-11 morning, 12 noon, 1-6 afternoon,
  unless the other reading is within an hour of the session's own time ("mondays at seven"
  said in a 7 pm session is 19:00).
- "by then" is the day named just before it in the same text; a weekday after "every"
  ("every Saturday") is a habit, not a date.
ASR noise is expected: lower case, digits or words ("twenty fourth", "24th"), "by" heard as
"my" (dates are found without needing any preposition), "end on the year".
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from .prefilter import phrase_pattern, word_starts

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
_MONTH_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
                        "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}
_UNITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen")
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
_ORDINAL_UNITS = ("zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
                  "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
                  "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth")
_ORDINAL_TENS = {"twentieth": 20, "thirtieth": 30}


def _number_words() -> dict[str, int]:
    words = {w: n for n, w in enumerate(_UNITS)}
    for tens, value in _TENS.items():
        words[tens] = value
        for n in range(1, 10):
            for sep in (" ", "-"):
                words[f"{tens}{sep}{_UNITS[n]}"] = value + n
    words.update({"a": 1, "an": 1, "a couple of": 2, "a couple": 2, "couple of": 2})
    return words


def _ordinal_words() -> dict[str, int]:
    words = {w: n for n, w in enumerate(_ORDINAL_UNITS) if n}
    words.update(_ORDINAL_TENS)
    for tens, value in (("twenty", 20), ("thirty", 30)):
        for n in range(1, 10):
            for sep in (" ", "-"):
                words[f"{tens}{sep}{_ORDINAL_UNITS[n]}"] = value + n
    return words


NUMBERS = _number_words()
ORDINALS = _ordinal_words()


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation, longest first so that "twenty fourth" wins over "twenty"."""
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_WD = rf"(?P<{{}}>{_alternation(WEEKDAYS)})(?!s)\b"
_MONTH_WORDS = {m: i + 1 for i, m in enumerate(MONTHS)}
_MONTH_WORDS.update(_MONTH_ABBREVIATIONS)
_MON = rf"(?P<{{}}>{_alternation(_MONTH_WORDS)})\.?\b"
ORDINAL_WORD = _alternation(ORDINALS)
"""An ordinal in words ("fifth", "twenty-first"), as a regex alternation."""
_ORD_WORD = ORDINAL_WORD
_LATE_ORD_WORD = _alternation(w for w, n in ORDINALS.items() if n >= 4 and " " not in w and "-" not in w)
_COMPOUND_ORD_WORD = _alternation(w for w in ORDINALS if " " in w or "-" in w)
_DAY = rf"(?P<{{}}>\d{{1,2}}(?:st|nd|rd|th)?\b|(?:{_ORD_WORD})\b)"
_DAY_PREPOSITION = r"(?:by|on|until|till|before|after|for|from|my|since)"
_COUNT = rf"(?P<{{}}>\d+|{_alternation(NUMBERS)})"
_UNIT = r"(?P<{}>days?|weeks?|fortnights?|months?|years?)\b"
_NTH = r"(?P<{}>first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)"
# Bare word ordinals ("on the fourth") are dates only when nothing noun-like follows them:
# "on the second floor" and "for the first time" are not dates.
_ORD_FOLLOW = (r"(?=\s*(?:$|[,?!.]|'s\b|(?:at|of|works?|is|then|and|or|so|okay|ok|please|would|could|"
               r"should|that|instead|too|in|around|by|for|before|after|morning|afternoon|evening|"
               r"sounds|i|we|you|it|if|because|since|right|same|maybe|perhaps|then|yes|yeah|yep|no|suits|"
               r"good|fine|perfect|great|either|like|um|uh|late|early)\b))")


_PART_OF_DAY = (r"(?!\s+(?:mornings|afternoons|evenings|nights)\b)"
                r"(?:\s+(?:morning|afternoon|evening|night|lunchtime|eod|end\s+of\s+day)\b)?")
"""An optional part of the day; "Friday mornings" is a habit, not a date."""


def _g(template: str, name: str) -> str:
    """Name the group of a reusable pattern (each use needs its own group name)."""
    return template.replace("{}", name)


_PATTERNS: tuple[tuple[str, str], ...] = (
    ("iso", r"(?P<iso>\d{4}-\d{2}-\d{2})"),
    ("nth_weekday", rf"(?:the\s+)?{_g(_NTH, 'nth')}\s+{_g(_WD, 'nth_wd')}\s+(?:of|in)\s+"
                    rf"(?:{_g(_MON, 'nth_mon')}|(?P<nth_rel>this|next|the)\s+month)"),
    ("day_month", rf"(?:{_DAY_PREPOSITION}\s+)?(?:{_g(_WD, 'dm_wd')},?\s+)?(?:the\s+)?{_g(_DAY, 'dm_day')}"
                  rf"\s+(?:of\s+)?"
                  rf"{_g(_MON, 'dm_mon')}(?:,?\s+(?P<dm_next>(?:of\s+)?next\s+year)\b)?"),
    ("month_day", rf"(?:{_g(_WD, 'md_wd')},?\s+)?{_g(_MON, 'md_mon')},?\s+(?:the\s+)?"
                  rf"{_g(_DAY, 'md_day')}(?!\s*(?:days?|weeks?|months?|years?|minutes?|hours?|"
                  rf"percent|people|slides?|pages?)\b)(?:,?\s+(?P<md_next>next\s+year)\b)?"),
    ("end_of_month_name", rf"(?:the\s+)?end\s+of\s+{_g(_MON, 'eom_mon')}"),
    ("weekday_day", rf"{_g(_WD, 'wdd_wd')},?\s+(?:(?:the\s+)?{_g(_DAY, 'wdd_day')}"
                    rf"|(?:(?:the|not|da|de|a|but),?\s+)?(?P<wdd_num>\d{{1,2}}(?:st|nd|rd|th)?)\b(?!:))"),
    ("the_day", rf"(?:{_DAY_PREPOSITION}\s+)?the\s+(?P<td_num>\d{{1,2}}(?:st|nd|rd|th))\b"
                rf"|{_DAY_PREPOSITION}\s+the\s+(?P<td_day>{_ORD_WORD}){_ORD_FOLLOW}"
                rf"|the\s+(?P<td_late>{_LATE_ORD_WORD}){_ORD_FOLLOW}"
                rf"|(?:the\s+)?(?P<td_compound>{_COMPOUND_ORD_WORD}){_ORD_FOLLOW}"
                rf"|^the\s+(?P<td_first>{_ORD_WORD}){_ORD_FOLLOW}"),  # an answer: "the ninth, yeah"
    ("checkin", r"(?:(?:before|by|at|in|during|on|for|until|till|ahead\s+of)\s+)?(?:our|the|my|your)"
                r"\s+next\s+(?:check-?\s?in|call|session|meeting|chat|catch-?\s?up|one-on-one|"
                r"1:1|sync|conversation)\b"
                r"|(?:(?:before|by|at|until|till)\s+)?our\s+next\s+one\b"
                r"|(?:by|before|until|till)\s+next\s+time\b"
                r"|next\s+time\s+we\s+(?:meet|talk|speak|chat)\b"
                r"|before\s+we\s+(?:next\s+)?(?:meet|talk|speak|chat)(?:\s+again|\s+next)?\b"
                r"|when\s+we\s+(?:next\s+)?(?:meet|talk|speak)(?:\s+again|\s+next)?\b"),
    ("week_on", rf"a\s+week\s+(?:on|from)\s+(?:this\s+)?{_g(_WD, 'wo_wd')}|{_g(_WD, 'wo_wd2')}\s+week\b(?!\s*end)"),
    ("weekday_rel", rf"(?:first\s+thing\s+(?:on\s+)?)?(?:(?P<wr_mod>this\s+coming|the\s+coming|"
                    rf"coming|this|next|following|the\s+following)\s+)?{_g(_WD, 'wr_wd')}"
                    rf"(?:\s+(?P<wr_after>(?:of\s+)?next\s+week|after\s+next|the\s+week\s+after))?"
                    rf"{_PART_OF_DAY}"
                    rf"|next\s+week\s+{_g(_WD, 'wr_nw_wd')}"),
    ("day_after_tomorrow", r"(?:the\s+)?day\s+after\s+tomorrow"),
    ("day_after", r"the\s+(?:day\s+after|next\s+day|following\s+day)\b"),
    ("tomorrow", rf"(?:first\s+thing\s+|(?:the\s+)?end\s+of\s+(?:the\s+)?day\s+|eod\s+|cob\s+)?"
                 rf"(?:tomorrow|tmrw){_PART_OF_DAY}"),
    ("morning", r"(?:first\s+thing\s+)?in\s+the\s+morning"),
    ("today", r"(?:later\s+)?today|tonight|this\s+(?:afternoon|evening)|(?:the\s+)?end\s+of\s+"
              r"(?:the\s+|to)?day|eod|cob|close\s+of\s+business(?!\s+(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur"
              r"|sun)day)|"
              r"(?:right|straight|directly|just|immediately|shortly)\s+after\s+(?:this|the\s+call|"
              r"the\s+meeting|the\s+session|we\s+hang\s+up)(?:\s+(?:call|meeting|session|chat))?|"
              r"after\s+(?:this|the)\s+(?:call|meeting|session|chat)|as\s+soon\s+as\s+we\s+hang\s+up|"
              r"after\s+we\s+hang\s+up|after\s+this(?=\s*(?:$|[,.?!]|(?:and|so|then|okay|ok|i|i'll|we|"
              r"we'll|or|but|if|please)\b))"),
    ("then", r"(?:by|before|until|till)\s+then\b"),
    ("this_time_next_week", r"(?:this|same)\s+(?:time|day)\s+next\s+week|a\s+week\s+today|"
                            r"next\s+week,?\s+same\s+(?:day|time)"),
    ("this_time_next_month", r"(?:this|same)\s+(?:time|day)\s+next\s+month"),
    ("span_from_now", rf"{_g(_COUNT, 'sf_n')}\s+{_g(_UNIT, 'sf_unit')}\s+(?:from\s+(?:now|today)|"
                      rf"today|time)"),
    ("span_in", rf"(?:in|within|inside\s+of|in\s+the\s+next|give\s+me|allow\s+me)\s+(?:about\s+|around\s+|roughly\s+)?"
                rf"{_g(_COUNT, 'si_n')}\s+{_g(_UNIT, 'si_unit')}(?P<si_or>\s+or\s+(?:two|three))?(?!\s*ago)"),
    ("end_of_play", rf"(?:the\s+)?(?:end|close)\s+of\s+(?:play|business)(?:\s+(?:on\s+)?{_g(_WD, 'ep_wd')})?\b"),
    ("end_of", r"(?:the\s+)?(?:end|close)\s+(?:of|on|o)\s+(?:the\s+|this\s+)?(?P<eo_next>next\s+)?"
               r"(?P<eo_unit>week|month|year|quarter|q[1-4])\b|"
               r"(?P<eo_unit2>week|month|year|quarter)(?:'s)?[\s-]end\b"
               r"|(?:before|by)\s+the\s+(?P<eo_unit3>month|week|year)(?:'s|\s+is)\s+out\b"),
    ("weekend", r"(?P<we_mod>over\s+the|on\s+the|this|during\s+the|next|by\s+the|before\s+the|"
                r"over\s+this|the)\s+weekend\b"),
    ("vague", r"(?:early\s+|later\s+|late\s+|sometime\s+)?(?:next|this)\s+(?:week|month|year|"
              r"quarter)\b|soon|asap|as\s+soon\s+as\s+possible|in\s+(?:a\s+few|a\s+while|some)\s+"
              r"(?:days|weeks|months)"),
)

_DATE_RE = phrase_pattern("|".join(rf"\b(?P<k_{name}>{body})" for name, body in _PATTERNS))

_HOUR_WORDS = {w: n for w, n in NUMBERS.items() if 1 <= n <= 12 and " " not in w and "-" not in w
               and w not in ("a", "an")}
_HOUR = rf"(?:\d{{1,2}}|{_alternation(_HOUR_WORDS)})"
HOUR = _HOUR
"""An hour of the clock said as a number or a word ("four", "11"), for other modules' patterns."""
_MINUTE_WORDS = {w: n for w, n in NUMBERS.items() if 10 <= n <= 59 and w not in ("a couple of",)}
_MINUTE_WORDS.update({f"oh {_UNITS[n]}": n for n in range(1, 10)})
_MINUTES = rf"(?:{_alternation(_MINUTE_WORDS)})"
# "at ten" is a time only when nothing noun-like follows: "look at one chapter" is not.
_AT_FOLLOW = (r"(?=\s*(?:$|[,?!.]|(?:on|works?|is|then|and|or|so|okay|ok|please|would|could|should|"
              r"that|instead|too|tomorrow|today|tonight|sharp|your|my|our|time|again|same|if|for|does|still|"
              r"with|in|i|we|you|it|maybe|right|good|fine|perfect|great|next|this|latest|then|"
              r"yeah|yes|yep|easy|sounds|suits|see|lovely|cool|brilliant|alright|done|deal|same|as|"
              r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b))")
_MERIDIEM = r"(?P<{}>am|pm|in\s+the\s+morning|in\s+the\s+afternoon|in\s+the\s+evening|at\s+night|tonight)"
_TIME_RE = re.compile(
    r"\b(?:"
    rf"(?P<t_hm>\d{{1,2}}):(?P<t_mm>\d{{2}})(?:\s*{_g(_MERIDIEM, 't_hm_mer')})?"
    rf"|(?!one\s+tonight\b)(?P<t_h>{_HOUR})\s*(?:o'clock\s*)?{_g(_MERIDIEM, 't_h_mer')}"
    rf"|(?P<t_oc>{_HOUR})\s+o'?\s?clock"
    rf"|(?P<t_half>half|quarter)\s+(?P<t_rel>past|to|after|of)\s+(?P<t_rh>{_HOUR})"
    # "half four" is half past four in British speech, with or without "at".
    rf"|half\s+(?P<t_uk>{_HOUR})\b(?!\s+(?:hours?|of|an?|the|days?|weeks?|months?|past|to|after|percent|"
    rf"people|times?|minutes?)\b)"
    rf"|(?P<t_wh>{_HOUR})(?:\s+|-)(?P<t_wm>{_MINUTES})\b(?!\s*(?:days?|weeks?|months?|years?|minutes?|"
    rf"hours?|percent|people|slides?|pages?|of|times?))"
    # "cap it at six": a number a quantity is held to, not a clock time.
    rf"|(?<!\bcap\sit\sat\s)(?<!\bcap\sthem\sat\s)(?<!\bcapped\sat\s)(?<!\blimit\sit\sat\s)"
    rf"(?<!\bmax\sout\sat\s)(?<!\bpeg\sit\sat\s)"
    rf"(?:(?<=\bat\s)|(?<=\bdo\s)|(?<=\bsay\s)|(?<=\bmake\sit\s))(?P<t_at>{_HOUR})\b"
    rf"{_AT_FOLLOW}"
    # "Let's talk on the 23rd, seven again": an hour restated after a comma.
    rf"|(?:(?<=,\s)|^)(?P<t_again>{_HOUR})(?=\s+(?:again|sharp|as\s+usual)\b)"
    # an hour said alone in answer: "Nine.", "Nine-ish?", "Two is perfect.", "six at the station"
    rf"|(?:^|(?<=\byeah\s)|(?<=\byes\s)|(?<=\byep\s)|(?<=\bfine\s)|(?<=\band\s))"
    rf"(?P<t_alone>{_HOUR})(?:-ish)?(?=\s*[.?!]?$|\s+then\s*[.?!]?$|(?:\s+is|'s)\s+(?:perfect|fine|good|great)\b"
    rf"|\s+works\b|\s+at\s+the\s+(?!(?:latest|earliest|most|least|end|start)\b))"
    rf"|(?:(?<=\blike\s)|(?<=\baround\s))(?P<t_about>{_HOUR})\b"
    rf"(?=\s*(?:$|[,?!.]|(?:then|instead|or|on|"
    rf"works?|maybe|okay|ok|please|if|that)\b))"
    rf"|(?!one\b)(?<!\bhalf\s)(?P<t_on>{_HOUR})"
    rf"(?=\s+on\s+(?:the\s+\d|the\s+(?:{_ORD_WORD})\b|{_alternation(WEEKDAYS)}))"
    r"|(?P<t_noon>noon|midday|lunchtime)"
    r"|(?P<t_same>(?:same|usual|normal|regular)\s+(?:time|hour|slot))"
    r")")


_TIME_WORDS = frozenset([*"0123456789", *_HOUR_WORDS, "noon", "midday", "luncht", "time", "hour", "slot"])
"""Every clock time above begins a word with a digit or one of these words (word starts of at
most six letters: "luncht" for "lunchtime"): a sentence without any says no time."""


@dataclass(frozen=True)
class DateMention:
    """A date expression found in a text, and what it means for the session."""

    start: int
    end: int
    text: str
    day: date | None
    """The calendar day meant; None for vague expressions or without a session date."""
    time: time | None = None
    """A clock time said with the date ("Friday at ten"), if any."""
    until_checkin: bool = False
    """"before our next check-in": the caller resolves it to the agreed next check-in."""
    kind: str = ""
    """Which form was said: "weekday_rel" ("Friday"), "the_day" ("the 14th"), "month_day" ..."""

    @property
    def specific(self) -> bool:
        """Names a calendar day outright ("the 14th", "December 3rd"), not a weekday or span."""
        return self.kind in ("iso", "nth_weekday", "day_month", "month_day", "weekday_day", "the_day")

    @property
    def vague(self) -> bool:
        return self.day is None and not self.until_checkin


@dataclass(frozen=True)
class TimeMention:
    start: int
    end: int
    text: str
    time: time | None
    """None for "same time" when the session has no time of day."""


def _to_int(word: str) -> int:
    word = word.strip()
    if word.isdigit():
        return int(word)
    digits = re.match(r"(\d+)(?:st|nd|rd|th)$", word)
    if digits:
        return int(digits.group(1))
    return NUMBERS.get(word) or ORDINALS.get(word) or 0


def _month_number(word: str) -> int:
    return _MONTH_WORDS[word.rstrip(".")]


def _weekday_after(ref: date, weekday: int, *, include_today: bool = False) -> date:
    delta = (weekday - ref.weekday()) % 7
    if delta == 0 and not include_today:
        delta = 7
    return ref + timedelta(days=delta)


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: date, months: int) -> date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _day_of_month(ref: date, day: int, weekday: int | None) -> date | None:
    """The next `day` of a month on or after `ref`, preferring a month where `weekday` fits."""
    candidates: list[date] = []
    year, month = ref.year, ref.month
    for _ in range(14):
        if day <= calendar.monthrange(year, month)[1]:
            candidate = date(year, month, day)
            if candidate > ref or candidate == ref and weekday is None:  # "Tuesday the 17th" said that day: the next
                candidates.append(candidate)
        month += 1
        if month > 12:
            year, month = year + 1, 1
    if not candidates:
        return None
    if weekday is not None:
        for candidate in candidates[:12]:
            if candidate.weekday() == weekday:
                return candidate
    return candidates[0]


def _month_day(ref: date, month: int, day: int, weekday: int | None) -> date | None:
    """The next `month`/`day` on or after `ref`; with a weekday, a year where it fits."""
    options = []
    for year in (ref.year, ref.year + 1):
        if day <= calendar.monthrange(year, month)[1] and date(year, month, day) >= ref:
            options.append(date(year, month, day))
    if not options:
        return None
    if weekday is not None:
        for option in options:
            if option.weekday() == weekday:
                return option
    return options[0]


def _nth_weekday(year: int, month: int, nth: str, weekday: int) -> date:
    if nth == "last":
        day = _last_day(year, month)
        return day - timedelta(days=(day.weekday() - weekday) % 7)
    first = date(year, month, 1)
    first_match = first + timedelta(days=(weekday - first.weekday()) % 7)
    index = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2,
             "fourth": 3, "4th": 3, "fifth": 4, "5th": 4}[nth]
    result = first_match + timedelta(weeks=index)
    return result if result.month == month else first_match + timedelta(weeks=index - 1)


def _span(ref: date, count: int, unit: str) -> date:
    unit = unit.rstrip("s")
    if unit == "day":
        return ref + timedelta(days=count)
    if unit == "week":
        return ref + timedelta(weeks=count)
    if unit == "fortnight":
        return ref + timedelta(weeks=2 * count)
    if unit == "month":
        return _add_months(ref, count)
    return _add_months(ref, 12 * count)


def _friday_of_week(day: date, weeks_ahead: int = 0) -> date:
    monday = day - timedelta(days=day.weekday())
    return monday + timedelta(weeks=weeks_ahead, days=4)


def _quarter_end(year: int, quarter: int) -> date:
    return _last_day(year, 3 * quarter)


def _resolve(kind: str, m: re.Match[str], ref: date, anchor: date | None) -> tuple[date | None, bool]:
    """Resolve one match to (day, until_checkin)."""
    g = m.group
    if kind == "iso":
        try:
            return date.fromisoformat(g("iso")), False
        except ValueError:
            return None, False
    if kind == "nth_weekday":
        weekday = WEEKDAYS.index(g("nth_wd"))
        if g("nth_mon"):
            month = _month_number(g("nth_mon"))
            year = ref.year if month >= ref.month else ref.year + 1
            day = _nth_weekday(year, month, g("nth"), weekday)
            if day < ref:
                day = _nth_weekday(year + 1, month, g("nth"), weekday)
            return day, False
        base = _add_months(ref.replace(day=1), 1) if g("nth_rel") == "next" else ref.replace(day=1)
        return _nth_weekday(base.year, base.month, g("nth"), weekday), False
    if kind in ("day_month", "month_day"):
        prefix = "dm" if kind == "day_month" else "md"
        weekday = g(f"{prefix}_wd")
        number = _to_int(g(f"{prefix}_day"))
        if not 1 <= number <= 31:
            return None, False
        month = _month_number(g(f"{prefix}_mon"))
        if g(f"{prefix}_next"):  # "June thirtieth next year"
            year = ref.year + 1
            return (date(year, month, number) if number <= calendar.monthrange(year, month)[1]
                    else None), False
        return _month_day(ref, month, number, WEEKDAYS.index(weekday) if weekday else None), False
    if kind == "end_of_month_name":
        month = _month_number(g("eom_mon"))
        year = ref.year if _last_day(ref.year, month) >= ref else ref.year + 1
        return _last_day(year, month), False
    if kind in ("weekday_day", "the_day"):
        number = _to_int(g("wdd_day") or g("wdd_num") if kind == "weekday_day"
                         else g("td_day") or g("td_num") or g("td_late") or g("td_compound") or g("td_first"))
        if not 1 <= number <= 31:
            return None, False
        weekday = WEEKDAYS.index(g("wdd_wd")) if kind == "weekday_day" else None
        return _day_of_month(ref, number, weekday), False
    if kind == "checkin":
        return None, True
    if kind == "week_on":  # "a week on Friday", "Friday week": that weekday a week later
        return _weekday_after(ref, WEEKDAYS.index(g("wo_wd") or g("wo_wd2"))) + timedelta(weeks=1), False
    if kind == "weekday_rel":
        name = g("wr_wd") or g("wr_nw_wd")
        weekday = WEEKDAYS.index(name)
        modifier = re.sub(r"\s+", " ", g("wr_mod") or "")
        after = re.sub(r"\s+", " ", g("wr_after") or "")
        if g("wr_nw_wd") or after in ("next week", "of next week"):
            monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=1)
            return monday + timedelta(days=weekday), False
        if after in ("after next", "the week after"):
            return _weekday_after(ref, weekday) + timedelta(weeks=1), False
        if modifier in ("following", "the following") and anchor is not None:
            return _weekday_after(anchor, weekday), False
        return _weekday_after(ref, weekday, include_today=modifier == "this"), False
    if kind == "then":  # "by then": the day just named
        return anchor, False
    if kind == "day_after":
        return (anchor + timedelta(days=1) if anchor is not None else None), False
    if kind == "day_after_tomorrow":
        return ref + timedelta(days=2), False
    if kind in ("tomorrow", "morning"):
        return ref + timedelta(days=1), False
    if kind == "today":
        return ref, False
    if kind == "this_time_next_month":
        return _add_months(ref, 1), False
    if kind == "this_time_next_week":
        return ref + timedelta(weeks=1), False
    if kind in ("span_from_now", "span_in"):
        prefix = "sf" if kind == "span_from_now" else "si"
        count = _to_int(g(f"{prefix}_n"))
        if kind == "span_in" and g("si_or"):
            return None, False  # "within a day or two": a rough span, no one day
        return (_span(ref, count, g(f"{prefix}_unit")) if count else None), False
    if kind == "end_of_play":  # "by end of play Wednesday", "close of business": the day's end
        return (_weekday_after(ref, WEEKDAYS.index(g("ep_wd")), include_today=True) if g("ep_wd") else ref), False
    if kind == "end_of":
        unit = g("eo_unit") or g("eo_unit2") or g("eo_unit3")
        nxt = bool(g("eo_next"))
        if unit == "week":
            return _friday_of_week(ref, 1 if nxt else 0) if nxt or ref.weekday() <= 4 \
                else _friday_of_week(ref, 1), False
        if unit == "month":
            base = _add_months(ref.replace(day=1), 1) if nxt else ref
            return _last_day(base.year, base.month), False
        if unit == "year":
            return date(ref.year + (1 if nxt else 0), 12, 31), False
        if unit == "quarter":
            quarter = (ref.month - 1) // 3 + 1 + (1 if nxt else 0)
            year = ref.year + (quarter - 1) // 4
            return _quarter_end(year, (quarter - 1) % 4 + 1), False
        quarter = int(unit[1])
        year = ref.year if _quarter_end(ref.year, quarter) >= ref else ref.year + 1
        return _quarter_end(year, quarter), False
    if kind == "weekend":
        modifier = re.sub(r"\s+", " ", g("we_mod"))
        base = ref
        if anchor is not None and modifier not in ("next", "this") and anchor.weekday() in (3, 4, 5):
            base = anchor
        if modifier in ("by the", "before the"):
            return _weekday_after(base, 4, include_today=True), False
        sunday = _weekday_after(base, 6, include_today=True)
        return (sunday + timedelta(weeks=1) if modifier == "next" else sunday), False
    return None, False


def _clock(hour: int, minute: int, meridiem: str | None, session: time | None = None) -> time | None:
    """The time meant; `session` (the session's time of day) settles an hour without am/pm."""
    if not (0 <= minute < 60 and 0 <= hour <= 23):
        return None
    if meridiem:
        pm = meridiem in ("pm", "in the afternoon", "in the evening", "at night", "tonight")
        if hour > 12:
            return time(hour, minute)
        if pm and hour < 12:
            hour += 12
        elif not pm and hour == 12:
            hour = 0
        return time(hour, minute)
    if not 1 <= hour <= 12:
        return time(hour, minute)
    usual = hour + 12 if hour <= 6 else hour
    other = hour if hour <= 6 else (hour + 12) % 24
    if session is not None and _minutes_apart(time(other, minute), session) <= 60 \
            < _minutes_apart(time(usual, minute), session):
        return time(other, minute)
    return time(usual, minute)


def _minutes_apart(a: time, b: time) -> int:
    return abs((a.hour * 60 + a.minute) - (b.hour * 60 + b.minute))


def find_times(text: str, ref: datetime | None = None) -> list[TimeMention]:
    """Clock times in normalised text: "at ten", "3pm", "10:30", "half past two", "noon", and
    an hour said alone in answer ("Nine.", "Nine-ish?", "Two is perfect.")."""
    found: list[TimeMention] = []
    if _TIME_WORDS.isdisjoint(word_starts(text)):
        return found
    session = time(ref.hour, ref.minute) if ref is not None and (ref.hour, ref.minute) != (0, 0) else None
    for m in _TIME_RE.finditer(text):
        g = m.group
        value: time | None
        if g("t_hm"):
            value = _clock(int(g("t_hm")), int(g("t_mm")), _squash(g("t_hm_mer")), session)
        elif g("t_h"):
            value = _clock(_to_int(g("t_h")), 0, _squash(g("t_h_mer")), session)
        elif g("t_oc"):
            value = _clock(_to_int(g("t_oc")), 0, None, session)
        elif g("t_uk"):
            value = _clock(_to_int(g("t_uk")), 30, None, session)
        elif g("t_half"):
            hour = _to_int(g("t_rh"))
            minutes = 30 if g("t_half") == "half" else 15
            if g("t_rel") in ("to", "of"):
                hour, minutes = hour - 1 if hour > 1 else 12, 60 - minutes
            value = _clock(hour, minutes, None, session)
        elif g("t_wh"):
            value = _clock(_to_int(g("t_wh")), _MINUTE_WORDS[re.sub(r"\s+", " ", g("t_wm"))], None, session)
        elif hour_only := g("t_at") or g("t_on") or g("t_about") or g("t_again") or g("t_alone"):
            value = _clock(_to_int(hour_only), 0, None, session)
        elif g("t_noon"):
            value = time(12, 0)
        else:
            has_time = ref is not None and (ref.hour, ref.minute) != (0, 0)
            value = time(ref.hour, ref.minute) if has_time and ref is not None else None
        found.append(TimeMention(m.start(), m.end(), m.group(0), value))
    return found


def _squash(value: str | None) -> str | None:
    return re.sub(r"\s+", " ", value) if value else None


_CLOCK_BEFORE = re.compile(rf"(?:\d|o'clock|\b(?:{_alternation(_HOUR_WORDS)}))\s*$")
_ANCHORED = ("weekend", "weekday_rel", "day_after", "then")
_HABITUAL = re.compile(r"\b(?:every|each)\s+(?:other\s+|second\s+|single\s+)?$")
"""A weekday after "every" is a habit ("a practice exam every Saturday"), not a date."""
_NEAR_WORDS = 4
"""A time belongs to a date when at most this many words separate them."""


def find_dates(text: str, ref: datetime | None) -> list[DateMention]:
    """Date expressions in normalised text, in order, each resolved against `ref`.

    Without a session date nothing relative can be resolved: the mentions are still found
    (so that callers know a date was stated) but carry no day. Results are cached, since
    several extractors read the same sentences.
    """
    return list(_find_dates(text, ref))


_DATE_WORDS = frozenset(
    [*(w + " " for w in (*WEEKDAYS, *MONTHS, *_MONTH_ABBREVIATIONS,
                         *(w for ordinal in ORDINALS for w in re.split(r"[ -]", ordinal)),
                         *"""day days week weeks fortnight fortnights month months year years quarter q1 q2 q3 q4
                         today tomorrow tmrw tonight morning afternoon evening weekend weekends eod cob business
                         next meet talk speak chat then after soon asap hang end""".split())),
     *"0123456789"])
"""Every pattern above needs one of these whole words or a word starting with a digit (in the
form of `word_starts`, as `_TIME_WORDS`): most sentences have none."""


@lru_cache(maxsize=8192)
def _find_dates(text: str, ref: datetime | None) -> tuple[DateMention, ...]:
    if _DATE_WORDS.isdisjoint(word_starts(text)):
        return ()
    mentions: list[DateMention] = []
    anchor: date | None = None
    for m in _DATE_RE.finditer(text):
        kind = (m.lastgroup or "k_vague")[2:]
        if kind == "morning" and _CLOCK_BEFORE.search(text[:m.start()]):
            continue  # "at nine in the morning" is a time, not tomorrow
        if kind == "weekday_rel" and _HABITUAL.search(text[:m.start()]):
            continue
        day, until_checkin = (None, False)
        if kind == "checkin":
            until_checkin = True
        elif kind != "vague" and ref is not None:
            day, until_checkin = _resolve(kind, m, ref.date(), anchor if kind in _ANCHORED else None)
        mentions.append(DateMention(m.start(), m.end(), m.group(0), day, None, until_checkin, kind))
        if day is not None:
            anchor = day
    if not mentions:
        return ()
    times = [t for t in find_times(text, ref) if t.time is not None]
    if not times:
        return tuple(mentions)
    return tuple(_with_time(mention, times, text) for mention in mentions)


def _with_time(mention: DateMention, times: list[TimeMention], text: str) -> DateMention:
    """Attach the nearest clock time within a few words of the date.

    "same time" is left to the caller (it may mean the session's time or a proposal's),
    except inside "same time next week".
    """
    if mention.day is None:
        return mention
    best = None
    for t in times:
        if mention.start <= t.start < mention.end:
            best = t
            break
        if t.text.startswith(("same", "usual", "normal", "regular")):
            continue
        gap = text[mention.end:t.start] if t.start >= mention.end else text[t.end:mention.start]
        if len(gap.split()) <= _NEAR_WORDS and not re.search(r"[?!]", gap):
            best = t
            break
    if best is None:
        return mention
    return replace(mention, time=best.time)


def format_when(day: date, at: time | None = None) -> str:
    """ISO date, or date and time to the minute ("2026-12-04T10:00")."""
    return f"{day.isoformat()}T{at.strftime('%H:%M')}" if at else day.isoformat()


def resolve(phrase: str, ref: datetime) -> str | None:
    """The first resolvable date in `phrase` as ISO text (with its time, if one was said)."""
    from .text import normalize

    for mention in find_dates(normalize(phrase), ref):
        if mention.day is not None:
            return format_when(mention.day, mention.time)
    return None
