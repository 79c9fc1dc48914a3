"""A session recap rendered from Jinja2 templates: Markdown, HTML or plain text.

One set of templates serves the web page, the email and the command line. The package's
templates (summaries/templates/) can be overridden from a directory the user configures: a
template there with the same name wins, and can still extend the built-in one by its
"companion/" name (`{% extends "companion/recap.html.j2" %}`), replacing single blocks.

Templates receive `recap`, a `RecapView` with everything already in reading form (names
instead of roles, "Fri 4 Dec 2026, 10:00" instead of ISO dates), plus the raw `extraction`
and `transcript` (None when unknown) for templates that want more. HTML templates escape
everything by default; Markdown ones pass user text through the `md` filter, which
backslash-escapes Markdown and HTML syntax so that a quote can never become markup.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import jinja2

from .transcript import Transcript
from .types import Extraction, Provenance

Format = Literal["markdown", "html", "text"]
TEMPLATES = Path(__file__).resolve().parent / "templates"
_TEMPLATE = {"markdown": "recap.md.j2", "html": "recap.html.j2", "text": "recap.txt.j2"}
_PAGE = "page.html.j2"
"""The standalone HTML document (for email) around the recap.html.j2 fragment."""

_ROLES = ("mentor", "mentee")
_OWNER_ORDER = {"mentee": 0, "mentor": 1, "both": 2}
_TOPICS = {"channels": "Channels", "response_time": "Response times", "cadence": "Meetings",
           "scope": "Focus", "confidentiality": "Confidentiality", "roles": "Roles",
           "other": "Other"}
_COLOURS = {"mentor": "#3b6ea5", "mentee": "#d9822b", "unknown": "#9a9a9a"}
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class RenderError(ValueError):
    """A recap cannot be rendered (unknown format, bad template); one line for the user."""


# ---------------------------------------------------------------- reading forms

def human_date(value: str | datetime | None) -> str:
    """"Mon 23 Nov 2026", or "Fri 4 Dec 2026, 10:00" when a time is given; "" for None.

    A datetime at midnight reads as a date alone (a session date given without a time).
    English names regardless of the locale, so output does not depend on the machine.
    """
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return value
        timed = "T" in value or " " in value.strip()
    else:
        moment, timed = value, (value.hour, value.minute) != (0, 0)
    text = f"{_DAYS[moment.weekday()]} {moment.day} {_MONTHS[moment.month - 1]} {moment.year}"
    return f"{text}, {moment:%H:%M}" if timed else text


def clock(seconds: float | None) -> str:
    """A position in the recording: "3:07" or "1:02:09"; "" when unknown."""
    if seconds is None:
        return ""
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def span(seconds: float | None) -> str:
    """A length of time: "45 s", "23 min", "1 h 5 min"; "" when unknown."""
    if seconds is None:
        return ""
    whole = int(round(seconds))
    if whole < 60:
        return f"{whole} s"
    minutes = (whole + 30) // 60
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min" if hours else f"{minutes} min"


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|&~])")
_MD_LINE_START = re.compile(r"^[-+=#]")
_MD_ORDERED = re.compile(r"^(\d+)([.)])")
_SPACES = re.compile(r"\s+")


def markdown_escape(value: Any) -> str:
    """User text safe inside Markdown: one line, with Markdown and HTML syntax escaped."""
    text = _SPACES.sub(" ", str(value)).strip()
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _MD_LINE_START.sub(lambda m: "\\" + m.group(0), text)
    return _MD_ORDERED.sub(r"\1\\\2", text)


def one_line(value: Any) -> str:
    """User text on one line, for plain text."""
    return _SPACES.sub(" ", str(value)).strip()


# ---------------------------------------------------------------- the view

@dataclass(frozen=True)
class Participant:
    role: str
    name: str
    email: str | None


@dataclass(frozen=True)
class Said:
    """Where an item was said: the quote and, when known, its time in the recording."""
    quote: str
    segment: int
    at: str


@dataclass(frozen=True)
class ActionView:
    text: str
    due: str
    source: Said


@dataclass(frozen=True)
class ActionGroup:
    owner: str
    role: str
    items: tuple[ActionView, ...]


@dataclass(frozen=True)
class FeedbackView:
    giver: str
    receiver: str
    text: str
    source: Said


@dataclass(frozen=True)
class ChallengeView:
    who: str
    text: str
    source: Said


@dataclass(frozen=True)
class GoalView:
    owner: str
    text: str
    target: str
    source: Said


@dataclass(frozen=True)
class DecisionView:
    topic: str
    text: str
    source: Said


@dataclass(frozen=True)
class SpeakerBalance:
    role: str
    name: str
    percent: int
    colour: str
    words: int
    turns: int
    questions: int
    open_questions: int
    closed_questions: int
    longest: str
    advice: int
    rasa: dict[str, int]


@dataclass(frozen=True)
class Balance:
    basis: str
    speakers: tuple[SpeakerBalance, ...]
    advice_per_question: float | None


@dataclass(frozen=True)
class RecapView:
    title: str
    date: str
    participants: tuple[Participant, ...]
    duration: str
    next_checkin: str
    actions: tuple[ActionGroup, ...]
    praise: tuple[FeedbackView, ...]
    constructive: tuple[FeedbackView, ...]
    challenges: tuple[ChallengeView, ...]
    goals: tuple[GoalView, ...]
    decisions: tuple[DecisionView, ...]
    balance: Balance | None


def _topic_label(topic: str) -> str:
    return _TOPICS.get(topic, topic.replace("_", " ").capitalize())


def _said(source: Provenance) -> Said:
    return Said(quote=source.quote, segment=source.segment, at=clock(source.start))


def _percentages(shares: dict[str, float]) -> dict[str, int]:
    """Whole percentages that add up to 100 (largest remainder), 0 when nobody spoke."""
    total = sum(shares.values())
    if total <= 0:
        return dict.fromkeys(shares, 0)
    exact = {role: 100 * share / total for role, share in shares.items()}
    whole = {role: int(value) for role, value in exact.items()}
    by_remainder = sorted(exact, key=lambda role: (whole[role] - exact[role], role))
    for role in by_remainder[:100 - sum(whole.values())]:
        whole[role] += 1
    return whole


def _balance(metrics: dict[str, Any], name: Any) -> Balance | None:
    shares = metrics.get("talk_share")
    if not shares:
        return None
    percent = _percentages(shares)

    def per(key: str, role: str) -> int:
        return int((metrics.get(key) or {}).get(role) or 0)

    speakers = []
    for role in shares:
        longest = (metrics.get("longest_monologue") or {}).get(role) or {}
        parts = [span(longest.get("seconds"))] if longest.get("seconds") is not None else []
        if longest.get("words"):
            parts.append(f"{longest['words']} words")
        speakers.append(SpeakerBalance(
            role=role, name=name(role), percent=percent[role],
            colour=_COLOURS.get(role, _COLOURS["unknown"]), words=per("words", role),
            turns=per("turns", role), questions=per("questions", role),
            open_questions=per("open_questions", role),
            closed_questions=per("closed_questions", role), longest=", ".join(parts),
            advice=per("advice", role),
            rasa=dict((metrics.get("rasa") or {}).get(role) or {})))
    return Balance(basis=str(metrics.get("basis") or "words"), speakers=tuple(speakers),
                   advice_per_question=metrics.get("advice_per_question"))


def build_view(extraction: Extraction, transcript: Transcript | None = None,
               title: str | None = None) -> RecapView:
    """Everything a recap shows, in reading form; see the module docstring."""
    people = transcript.participants if transcript is not None else {}

    def name(role: str) -> str:
        given = (people.get(role) or {}).get("name")
        if given:
            return str(given)
        return "Both" if role == "both" else role.capitalize()

    def owner(role: str) -> str:
        if role == "both" and all((people.get(r) or {}).get("name") for r in _ROLES):
            return f"{name('mentor')} and {name('mentee')}"
        return name(role)

    duration = ""
    if transcript is not None:
        starts = [s.start for s in transcript.segments if s.start is not None]
        ends = [s.end for s in transcript.segments if s.end is not None]
        if starts and ends:
            duration = span(max(ends) - min(starts))
    groups: dict[str, list[ActionView]] = {}
    for item in sorted(extraction.action_items, key=lambda a: (_OWNER_ORDER.get(a.owner, 3),
                                                                a.source.segment)):
        groups.setdefault(item.owner, []).append(
            ActionView(text=item.text, due=human_date(item.due), source=_said(item.source)))
    feedback = [FeedbackView(giver=name(f.giver), receiver=name(f.receiver), text=f.text,
                             source=_said(f.source)) for f in extraction.feedback]
    kinds = [f.kind for f in extraction.feedback]
    return RecapView(
        title=title or "Mentoring session",
        date=human_date(transcript.session_date) if transcript is not None else "",
        participants=tuple(Participant(role=r, name=name(r),
                                       email=(people.get(r) or {}).get("email"))
                           for r in _ROLES if r in people),
        duration=duration,
        next_checkin=human_date(extraction.next_checkin.when) if extraction.next_checkin else "",
        actions=tuple(ActionGroup(owner=owner(role), role=role, items=tuple(items))
                      for role, items in groups.items()),
        praise=tuple(f for f, kind in zip(feedback, kinds) if kind == "praise"),
        constructive=tuple(f for f, kind in zip(feedback, kinds) if kind == "constructive"),
        challenges=tuple(ChallengeView(who=name(c.speaker), text=c.text, source=_said(c.source))
                         for c in extraction.challenges),
        goals=tuple(GoalView(owner=owner(g.owner), text=g.text, target=human_date(g.target),
                             source=_said(g.source)) for g in extraction.goals),
        decisions=tuple(DecisionView(topic=_topic_label(d.topic), text=d.text,
                                     source=_said(d.source)) for d in extraction.decisions),
        balance=_balance(extraction.metrics, name),
    )


# ---------------------------------------------------------------- templates

@lru_cache(maxsize=16)
def _environment(template_dir: Path | None) -> jinja2.Environment:
    package = jinja2.FileSystemLoader(str(TEMPLATES))
    loaders: list[jinja2.BaseLoader] = []
    if template_dir is not None:
        loaders.append(jinja2.FileSystemLoader(str(template_dir)))
    loaders += [package, jinja2.PrefixLoader({"companion": package})]
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "html.j2", "htm"),
                                            default_for_string=False, default=False),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(md=markdown_escape, line=one_line, human_date=human_date, clock=clock,
                       span=span)
    return env


def render(extraction: Extraction, transcript: Transcript | None = None,
           fmt: Format = "markdown", *, template_dir: Path | None = None,
           title: str | None = None, standalone: bool = False) -> str:
    """The recap as Markdown, HTML or plain text.

    `template_dir` holds templates that override the package's by name. `standalone` makes
    the HTML a complete document (for email) instead of a fragment for a page; Markdown and
    plain text are documents already and ignore it.
    """
    if fmt not in _TEMPLATE:
        raise RenderError(f"unknown recap format {fmt!r} (expected markdown, html or text)")
    if template_dir is not None:
        template_dir = Path(template_dir).expanduser().resolve()
        if not template_dir.is_dir():
            raise RenderError(f"template directory {template_dir} does not exist")
    name = _PAGE if fmt == "html" and standalone else _TEMPLATE[fmt]
    try:
        template = _environment(template_dir).get_template(name)
        return template.render(recap=build_view(extraction, transcript, title),
                               extraction=extraction, transcript=transcript)
    except jinja2.TemplateSyntaxError as exc:
        raise RenderError(f"template {exc.filename or exc.name or name} line {exc.lineno}: "
                          f"{exc.message}") from exc
    except jinja2.TemplateError as exc:
        raise RenderError(f"template {name}: {exc.message or exc}".splitlines()[0]) from exc
