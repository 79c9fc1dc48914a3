"""Trends across a mentorship's finished sessions, and the small charts that show them.

Per session, oldest first (``session_trends``):

- ``talk_share_mentee``: the mentee's share of talk (``Session.metrics["talk_share"]``,
  by time or by words, see summaries/metrics.py), None without metrics;
- ``questions``: per role, open and closed questions asked (the session's question items);
- ``feedback``: praise and constructive feedback given, per giving role (feedback items);
- ``ratings``: each participant's survey rating (companion/surveys.py), None when unrated;
- ``items``: the session's action items: how many, how many have a due date, how many of
  those were done by it (done at or before the due date-time, or on or before the due
  day, in the service's time zone), and ``on_time_share`` = done on time / with a due date
  (None with no dated items).

``charts`` turns them into bar charts as plain geometry (a 0-100 by 0-40 grid per chart),
which the page draws as inline SVG with a title and a data table: no script, no library.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import Any, Final

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from companion.models import ROLES, Item, Session
from companion.store import mentorship_of
from companion.surveys import ratings
from companion.tokens import Participant

HEIGHT: Final = 40.0
"""Chart height in SVG units; bars grow up from the bottom."""
GROUP_WIDTH: Final = 24.0
"""Width given to one session's bars."""


@dataclass(frozen=True)
class SessionTrend:
    session_id: str
    title: str
    started_at: datetime | None
    talk_share_mentee: float | None
    questions: dict[str, dict[str, int]]
    feedback: dict[str, dict[str, int]]
    ratings: dict[str, int | None]
    items: dict[str, Any]

    def to_json(self, zone: tzinfo) -> dict[str, Any]:
        return {"session_id": self.session_id, "title": self.title,
                "started_at": self.started_at.astimezone(zone).isoformat(timespec="minutes")
                if self.started_at else None,
                "talk_share_mentee": self.talk_share_mentee, "questions": self.questions,
                "feedback": self.feedback, "ratings": self.ratings, "items": self.items}


async def session_trends(db: AsyncSession, participant: Participant,
                         zone: tzinfo) -> list[SessionTrend]:
    """The trend values of every finished session of the participant's mentorship."""
    await mentorship_of(db, participant)
    sessions = list(await db.scalars(
        select(Session).where(Session.mentorship_id == participant.mentorship_id,
                              Session.status == "done")
        .order_by(func.coalesce(Session.started_at, Session.created_at), Session.id)))
    ids = [s.id for s in sessions]
    items: dict[str, list[Item]] = {sid: [] for sid in ids}
    if ids:
        for item in await db.scalars(
                select(Item).where(Item.session_id.in_(ids),
                                   Item.kind.in_(("question", "feedback", "action_item")))
                .order_by(Item.position)):
            items[item.session_id].append(item)
    rated = await ratings(db, ids)
    return [_trend(session, items[session.id], rated[session.id], zone) for session in sessions]


def _trend(session: Session, items: list[Item], rated: dict[str, int | None],
           zone: tzinfo) -> SessionTrend:
    questions = {role: {"open": 0, "closed": 0} for role in ROLES}
    feedback = {role: {"praise": 0, "constructive": 0} for role in ROLES}
    total = dated = on_time = done = 0
    for item in items:
        if item.kind == "question" and item.data.get("speaker") in ROLES:
            questions[item.data["speaker"]]["open" if item.data.get("open") else "closed"] += 1
        elif item.kind == "feedback" and item.data.get("from") in ROLES \
                and item.data.get("kind") in ("praise", "constructive"):
            feedback[item.data["from"]][item.data["kind"]] += 1
        elif item.kind == "action_item":
            total += 1
            done += item.status == "done"
            if item.due:
                dated += 1
                on_time += done_on_time(item, zone)
    share = (session.metrics or {}).get("talk_share") or {}
    mentee_share = share.get("mentee")
    return SessionTrend(
        session.id, session.title, session.started_at,
        float(mentee_share) if isinstance(mentee_share, (int, float)) else None,
        questions, feedback, dict(rated),
        {"total": total, "done": done, "with_due": dated, "done_on_time": on_time,
         "on_time_share": round(on_time / dated, 3) if dated else None})


def done_on_time(item: Item, zone: tzinfo) -> bool:
    """Done by its due date: at or before a due date-time, on or before a due day (local)."""
    if item.status != "done" or item.done_at is None or not item.due:
        return False
    done_local = item.done_at.astimezone(zone)
    if "T" in item.due:
        return done_local <= datetime.fromisoformat(item.due).replace(tzinfo=zone)
    return done_local.date().isoformat() <= item.due


# -- charts --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float
    css: str
    label: str


@dataclass(frozen=True)
class Series:
    name: str
    css: str


@dataclass(frozen=True)
class Chart:
    """A bar chart: one group of bars per session; ``rows`` is its data table."""

    key: str
    title: str
    description: str
    series: tuple[Series, ...]
    columns: tuple[str, ...]
    """The data table's column headings after "Session"."""
    rows: tuple[tuple[str, tuple[str, ...]], ...]
    rects: tuple[Rect, ...]
    width: float
    guide: float | None = None
    """A reference line's height (y) in chart units, e.g. an even talk balance."""
    labels: tuple[tuple[float, str], ...] = field(default=())
    """Session numbers under the groups: (x, text)."""


def charts(trends: Sequence[SessionTrend]) -> list[Chart]:
    """The page's charts: talk balance, questions, feedback, ratings, items done on time."""
    titles = tuple(t.title for t in trends)

    def number(value: float | None, unit: str = "") -> str:
        return "–" if value is None else f"{value:g}{unit}"

    def percent(value: float | None) -> str:
        return "–" if value is None else f"{round(100 * value)}%"

    return [
        _bars("talk", "Mentee's share of talk",
              "How much of each session the mentee spoke; the line marks an even balance.",
              (Series("Mentee's share", "fill-mentee"),), titles,
              [[[(t.talk_share_mentee, "fill-mentee")]] for t in trends], 1.0,
              [(percent(t.talk_share_mentee),) for t in trends], ("Mentee's share",), guide=0.5,
              unit=percent),
        _bars("questions", "Questions asked",
              "Open (solid) and closed (light) questions each participant asked per session.",
              (Series("Mentor", "fill-mentor"), Series("Mentee", "fill-mentee")), titles,
              [[[(t.questions[r]["open"], f"fill-{r}"), (t.questions[r]["closed"], f"fill-{r} light")]
                for r in ROLES] for t in trends], None,
              [tuple(f"{t.questions[r]['open']} open, {t.questions[r]['closed']} closed"
                     for r in ROLES) for t in trends], ("Mentor", "Mentee")),
        _bars("feedback", "Feedback given",
              "Praise and constructive feedback given in each session, by either participant.",
              (Series("Praise", "fill-praise"), Series("Constructive", "fill-constructive")),
              titles,
              [[[(sum(t.feedback[r][kind] for r in ROLES), f"fill-{kind}")]
                for kind in ("praise", "constructive")] for t in trends], None,
              [tuple(str(sum(t.feedback[r][kind] for r in ROLES))
                     for kind in ("praise", "constructive")) for t in trends],
              ("Praise", "Constructive")),
        _bars("ratings", "Ratings",
              "Each participant's rating of the session, from 1 to 5 (no bar: not rated).",
              (Series("Mentor", "fill-mentor"), Series("Mentee", "fill-mentee")), titles,
              [[[(t.ratings.get(r), f"fill-{r}")] for r in ROLES] for t in trends], 5.0,
              [tuple(number(t.ratings.get(r)) for r in ROLES) for t in trends],
              ("Mentor", "Mentee")),
        _bars("on-time", "Action items done on time",
              "Share of each session's dated action items that were done by their due date.",
              (Series("Done on time", "fill-done"),), titles,
              [[[(t.items["on_time_share"], "fill-done")]] for t in trends], 1.0,
              [(f"{t.items['done_on_time']} of {t.items['with_due']}"
                + (f" ({percent(t.items['on_time_share'])})" if t.items["with_due"] else ""),)
               for t in trends], ("Done on time",), unit=percent),
    ]


def _bars(key: str, title: str, description: str, series: tuple[Series, ...],
          titles: tuple[str, ...], groups: list[list[list[tuple[float | int | None, str]]]],
          top: float | None, rows: list[tuple[str, ...]], columns: tuple[str, ...], *,
          guide: float | None = None, unit: Any = None) -> Chart:
    """Geometry of grouped, stacked bars: ``groups[session][bar]`` is the bar's stacked
    (value, css) parts; ``top`` the value at full height (else the largest total)."""
    totals = [sum(v or 0 for v, _ in bar) for group in groups for bar in group]
    top = top or max([*totals, 1])
    per = len(series)
    bar_width = (GROUP_WIDTH - 6) / per
    rects, labels = [], []
    for index, group in enumerate(groups):
        left = index * GROUP_WIDTH + 3
        labels.append((left + (GROUP_WIDTH - 6) / 2, str(index + 1)))
        for position, bar in enumerate(group):
            base = HEIGHT
            for value, css in bar:
                if not value:
                    continue
                height = HEIGHT * min(float(value), top) / top
                base -= height
                shown = unit(value) if unit else f"{value:g}"
                rects.append(Rect(round(left + position * bar_width, 2), round(base, 2),
                                  round(bar_width - 1, 2), round(height, 2), css,
                                  f"{titles[index]}: {series[position].name if per > 1 else title} {shown}"))
    return Chart(key, title, description, series, columns,
                 tuple(zip(titles, rows)), tuple(rects),
                 max(GROUP_WIDTH * len(groups), GROUP_WIDTH * 3),
                 None if guide is None else round(HEIGHT - HEIGHT * guide / top, 2),
                 tuple(labels))
