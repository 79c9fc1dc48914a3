"""The programme view: how every mentorship keeps its rhythm, for a programme's coordinator.

Counts and dates only, never content: the queries here select ids, statuses, dates and
the participants' names, and never a transcript, a quote, an item's or a goal's text, an
agreement's terms, a note or a survey comment (the agreement is read for its cadence alone,
which is a number). Names are shown because a coordinator follows up with people, not
with ids; email addresses are not.

Per mentorship:

- **sessions held**: sessions that took place (a recording or a live call: any status but
  "created"), the first and the last (local dates);
- **cadence**: the agreed one (``cadence_days`` of the agreement; else
  ``COMPANION_DEFAULT_CADENCE_DAYS``, marked "default"), and how well it was kept: of the
  gaps between consecutive sessions, how many were within cadence plus
  ``COMPANION_CADENCE_GRACE_DAYS``; ``overdue`` when the current gap already exceeds it;
- **check-ins**: the check-ins agreed in sessions and the one set by hand, once past (by a
  day), and how many of them were **missed**: no session within a day of them;
- **goals**: open, achieved, dropped, and overdue (open past their target date);
- **action items**: done on time (on or before their due date), done late, done without
  a due date, open, and open overdue (past their due date);
- **emails**: reminders and nudges sent.

Dates are compared in ``COMPANION_TIMEZONE``: an item due on the 4th is on time when
ticked off on the 4th, local time.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from typing import Any, Final

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from companion.models import Goal, Item, Mentorship, Notification, Session
from companion.scheduler import (HELD, agreed_cadence, as_utc, checkin_instant,
                                 effective_checkin)
from companion.settings import Settings

CHECKIN_SLACK: Final = timedelta(days=1)
"""A check-in counts as kept when a session took place within a day of it."""


@dataclass
class Items:
    done_on_time: int = 0
    done_late: int = 0
    done_undated: int = 0
    open: int = 0
    open_overdue: int = 0


@dataclass
class Goals:
    open: int = 0
    achieved: int = 0
    dropped: int = 0
    overdue: int = 0


@dataclass
class Figures:
    """One mentorship's numbers (see the module docstring)."""

    id: str
    mentor: str
    mentee: str
    created: str
    sessions_held: int = 0
    first_session: str | None = None
    last_session: str | None = None
    cadence_days: int | None = None
    cadence_source: str | None = None
    gaps: int = 0
    gaps_kept: int = 0
    cadence_kept: float | None = None
    overdue: bool = False
    next_checkin: str | None = None
    """The next check-in ahead, UTC."""
    next_checkin_local: str | None = None
    """The same in local time (YYYY-MM-DDTHH:MM)."""
    checkins_past: int = 0
    checkins_missed: int = 0
    goals: Goals = field(default_factory=Goals)
    action_items: Items = field(default_factory=Items)
    reminders_sent: int = 0
    nudges_sent: int = 0


async def programme(db: AsyncSession, *, now: datetime, settings: Settings) -> dict[str, Any]:
    """Every mentorship's figures and the programme's totals, as JSON-ready data."""
    zone = settings.zone
    today = now.astimezone(zone).date()
    mentorships = list(await db.scalars(select(Mentorship).order_by(Mentorship.created_at,
                                                                     Mentorship.id)))
    when = func.coalesce(Session.started_at, Session.created_at)
    sessions: dict[str, list[tuple[datetime, str | None]]] = defaultdict(list)
    for mentorship_id, moment, checkin in (await db.execute(
            select(Session.mentorship_id, when, Session.next_checkin)
            .where(Session.status.in_(HELD)).order_by(when))).all():
        sessions[mentorship_id].append((as_utc(moment), checkin))
    goals: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    for mentorship_id, status, target in (await db.execute(
            select(Goal.mentorship_id, Goal.status, Goal.target))).all():
        goals[mentorship_id].append((status, target))
    items: dict[str, list[tuple[str | None, str | None, datetime | None]]] = defaultdict(list)
    for mentorship_id, status, due, done_at in (await db.execute(
            select(Session.mentorship_id, Item.status, Item.due, Item.done_at)
            .join(Session, Session.id == Item.session_id)
            .where(Item.kind == "action_item"))).all():
        items[mentorship_id].append((status, due, done_at))
    sent: Counter[tuple[str, str]] = Counter()
    for mentorship_id, kind, count in (await db.execute(
            select(Notification.mentorship_id, Notification.kind, func.count())
            .where(Notification.status == "sent")
            .group_by(Notification.mentorship_id, Notification.kind))).all():
        sent[(mentorship_id, kind)] = count

    rows = []
    for mentorship in mentorships:
        figures = Figures(id=mentorship.id, mentor=mentorship.mentor_name,
                          mentee=mentorship.mentee_name,
                          created=_local_date(mentorship.created_at, zone))
        _rhythm(figures, mentorship, sessions[mentorship.id], now, settings)
        checkin = await effective_checkin(db, mentorship, zone)
        if checkin is not None and checkin.at > now:
            figures.next_checkin = checkin.at.isoformat()
            figures.next_checkin_local = checkin.at.astimezone(zone).strftime("%Y-%m-%dT%H:%M")
        figures.goals = _goals(goals[mentorship.id], today)
        figures.action_items = _items(items[mentorship.id], today, zone)
        figures.reminders_sent = sent[(mentorship.id, "reminder")]
        figures.nudges_sent = sent[(mentorship.id, "nudge")]
        rows.append(figures)
    return {"generated_at": now.isoformat(), "timezone": settings.timezone,
            "cadence_grace_days": settings.cadence_grace_days,
            "totals": _totals(rows), "mentorships": [asdict(f) for f in rows]}


def _rhythm(figures: Figures, mentorship: Mentorship,
            held: list[tuple[datetime, str | None]], now: datetime, settings: Settings) -> None:
    """Sessions held, the cadence kept, and the check-ins missed."""
    zone = settings.zone
    times = [moment for moment, _ in held]
    figures.sessions_held = len(times)
    if times:
        figures.first_session = _local_date(times[0], zone)
        figures.last_session = _local_date(times[-1], zone)
    cadence = agreed_cadence(mentorship.agreement)
    source = "agreement" if cadence is not None else None
    if cadence is None and settings.default_cadence_days is not None:
        cadence, source = settings.default_cadence_days, "default"
    figures.cadence_days, figures.cadence_source = cadence, source
    if cadence is not None:
        allowed = timedelta(days=cadence) + settings.cadence_grace
        gaps = [later - earlier for earlier, later in zip(times, times[1:])]
        figures.gaps = len(gaps)
        figures.gaps_kept = sum(gap <= allowed for gap in gaps)
        figures.cadence_kept = round(figures.gaps_kept / len(gaps), 3) if gaps else None
        figures.overdue = bool(times) and now - times[-1] > allowed
    agreed = {checkin_instant(local, zone) for _, local in held if local}
    agreed.add(checkin_instant(mentorship.next_checkin, zone))
    past = sorted(at for at in agreed if at is not None and at + CHECKIN_SLACK < now)
    figures.checkins_past = len(past)
    figures.checkins_missed = sum(
        not any(abs(moment - at) <= CHECKIN_SLACK for moment in times) for at in past)


def _goals(rows: list[tuple[str, str | None]], today: date) -> Goals:
    counts = Goals()
    for status, target in rows:
        setattr(counts, status, getattr(counts, status) + 1)
        day = _day(target)
        if status == "open" and day is not None and day < today:
            counts.overdue += 1
    return counts


def _items(rows: list[tuple[str | None, str | None, datetime | None]], today: date,
           zone: tzinfo) -> Items:
    counts = Items()
    for status, due, done_at in rows:
        day = _day(due)
        if status == "done":
            if day is None:
                counts.done_undated += 1
            elif done_at is not None and as_utc(done_at).astimezone(zone).date() > day:
                counts.done_late += 1
            else:
                counts.done_on_time += 1
        else:
            counts.open += 1
            if day is not None and day < today:
                counts.open_overdue += 1
    return counts


def _totals(rows: list[Figures]) -> dict[str, Any]:
    gaps, kept = sum(f.gaps for f in rows), sum(f.gaps_kept for f in rows)
    return {
        "mentorships": len(rows),
        "sessions_held": sum(f.sessions_held for f in rows),
        "with_cadence": sum(f.cadence_days is not None for f in rows),
        "gaps": gaps, "gaps_kept": kept,
        "cadence_kept": round(kept / gaps, 3) if gaps else None,
        "overdue": sum(f.overdue for f in rows),
        "checkins_past": sum(f.checkins_past for f in rows),
        "checkins_missed": sum(f.checkins_missed for f in rows),
        "goals": {k: sum(getattr(f.goals, k) for f in rows) for k in asdict(Goals())},
        "action_items": {k: sum(getattr(f.action_items, k) for f in rows)
                         for k in asdict(Items())},
        "reminders_sent": sum(f.reminders_sent for f in rows),
        "nudges_sent": sum(f.nudges_sent for f in rows),
    }


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _local_date(moment: datetime, zone: tzinfo) -> str:
    return as_utc(moment).astimezone(zone).date().isoformat()
