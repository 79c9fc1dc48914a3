"""The check-in rhythm: reminders before a check-in, a nudge when the cadence is missed,
and retention, run by a scheduler inside the service.

**The next check-in** of a mentorship (``effective_checkin``) is the one set by hand on the
mentorship (``Mentorship.next_checkin``) when it was set after the newest finished session
that agreed one (``next_checkin_set_at`` against that session's ``updated_at``), else that
session's extracted ``Session.next_checkin``. Both are local ISO strings in
``COMPANION_TIMEZONE``: a date and time ("2026-12-04T10:00"), or a date alone, which means
09:00 local time that day (``DEFAULT_TIME``).

**A reminder** goes to both participants once the check-in is less than
``COMPANION_REMINDER_LEAD_H`` away and still ahead, unless a session has taken place since
the check-in was agreed (they met already). **A nudge** goes to both when the cadence is
missed: no session within the agreed cadence (``cadence_days`` of the agreement, else
``COMPANION_DEFAULT_CADENCE_DAYS``; neither: never a nudge) plus
``COMPANION_CADENCE_GRACE_DAYS`` after the last session, and no check-in ahead. "A session
took place" means one that has a recording or a live call (any status but "created").

**Once, whatever happens.** Each occasion is one ``notifications`` row per participant,
named by its ``key`` (a reminder: the check-in's UTC instant; a nudge: the last session's
id) and inserted with ``ON CONFLICT DO NOTHING`` under the unique (mentorship, kind, key,
role): a second round, a restart or a second process finds the row there and adds
nothing. Rows are then sent like recaps (companion/notifications.py), with the mailer's
transports and its at-most-once rule for an attempt that stopped half-way.

``Scheduler.tick(now)`` does all the work for one instant and is what tests call with the
time they choose; the service's loop (``start``/``stop``, wired in web/app.py) calls it
every ``COMPANION_SCHEDULER_INTERVAL_S`` seconds with its clock's time.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import Any, Final

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from companion import notifications, retention
from companion.agreement import cadence_days
from companion.mailer import RetryPolicy, Transport, transport_for
from companion.models import Mentorship, Notification, Session, utcnow
from companion.settings import Settings
from companion.store import Store

log = logging.getLogger(__name__)

DEFAULT_TIME: Final = time(9, 0)
"""The local time of a check-in agreed as a date alone ("next Tuesday")."""
HELD: Final = ("live", "queued", "processing", "done", "failed")
"""Statuses of a session that took place (it has a recording or a live call)."""

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class Checkin:
    """A mentorship's next check-in as the scheduler sees it."""

    at: datetime
    """The instant, aware UTC."""
    local: str
    """As agreed: a local ISO date, or date and time."""
    source: str
    """"session" (extracted from the session ``session_id``) or "hand" (set on the page)."""
    agreed_at: datetime
    """When it was agreed: the session's start, or when it was set by hand."""
    session_id: str | None = None


@dataclass(frozen=True)
class Occasion:
    """An email both participants are due: a reminder of ``checkin`` or a nudge after the
    session ``key``."""

    kind: str
    key: str
    checkin: Checkin | None = None
    last_session_at: datetime | None = None
    cadence_days: int | None = None


@dataclass(frozen=True)
class Round:
    """What one tick did."""

    queued: int = 0
    """Notification rows created (one per participant and occasion)."""
    attempted: list[Notification] = field(default_factory=list)
    """Notifications claimed this round, as they ended."""
    purge: retention.Purge | None = None


def checkin_instant(value: str | None, zone: tzinfo) -> datetime | None:
    """The UTC instant of a local ISO date or date and time; None when unreadable."""
    if not value:
        return None
    try:
        if "T" in value or " " in value.strip():
            moment = datetime.fromisoformat(value)
        else:
            moment = datetime.combine(date.fromisoformat(value), DEFAULT_TIME)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    return moment.astimezone(timezone.utc)


def agreed_cadence(agreement: Mapping[str, Any] | None) -> int | None:
    """The check-in cadence in days the agreement sets, or None.

    The agreement's own reading (``companion.agreement.cadence_days``: its ``cadence``
    term, by number or by its text, "every two weeks"), else a plain ``cadence_days`` at
    the top of the terms.
    """
    days = cadence_days(agreement)
    if days is None and isinstance(agreement, Mapping):
        days = agreement.get("cadence_days")
    if isinstance(days, bool) or not isinstance(days, int) or days < 1:
        return None
    return days


def session_time() -> Any:
    """A session's time for ordering and gaps: its start, else its creation."""
    return func.coalesce(Session.started_at, Session.created_at)


async def held_sessions(db: AsyncSession, mentorship_id: str) -> list[tuple[str, datetime]]:
    """The sessions that took place, as (id, time), oldest first."""
    when = session_time()
    rows = await db.execute(select(Session.id, when)
                            .where(Session.mentorship_id == mentorship_id,
                                   Session.status.in_(HELD))
                            .order_by(when, Session.id))
    return [(session_id, as_utc(moment)) for session_id, moment in rows.all()]


async def effective_checkin(db: AsyncSession, mentorship: Mentorship,
                            zone: tzinfo) -> Checkin | None:
    """The mentorship's next check-in (see the module docstring), or None."""
    when = session_time()
    row = (await db.execute(
        select(Session.id, Session.next_checkin, Session.updated_at, when)
        .where(Session.mentorship_id == mentorship.id, Session.status == "done",
               Session.next_checkin.is_not(None))
        .order_by(when.desc(), Session.updated_at.desc()).limit(1))).one_or_none()
    extracted = None
    if row is not None:
        session_id, local, updated_at, started = row
        at = checkin_instant(local, zone)
        if at is not None:
            extracted = (Checkin(at, local, "session", as_utc(started), session_id),
                         as_utc(updated_at))
    hand = checkin_instant(mentorship.next_checkin, zone)
    set_at = mentorship.next_checkin_set_at
    if hand is not None and set_at is not None and mentorship.next_checkin is not None \
            and (extracted is None or set_at >= extracted[1]):
        return Checkin(hand, mentorship.next_checkin, "hand", set_at)
    return extracted[0] if extracted is not None else None


async def occasions(db: AsyncSession, mentorship: Mentorship, now: datetime,
                    settings: Settings) -> list[Occasion]:
    """The emails the mentorship's participants are due at ``now``."""
    found: list[Occasion] = []
    checkin = await effective_checkin(db, mentorship, settings.zone)
    sessions = await held_sessions(db, mentorship.id)
    if checkin is not None and checkin.at - settings.reminder_lead <= now < checkin.at:
        met_since = any(when > checkin.agreed_at and session_id != checkin.session_id
                        for session_id, when in sessions)
        if not met_since:
            found.append(Occasion("reminder", checkin.at.isoformat(), checkin=checkin))
    cadence = agreed_cadence(mentorship.agreement) or settings.default_cadence_days
    if cadence is not None and sessions:
        last_id, last_at = sessions[-1]
        ahead = checkin is not None and checkin.at > now
        if not ahead and now >= last_at + timedelta(days=cadence) + settings.cadence_grace:
            found.append(Occasion("nudge", last_id, last_session_at=last_at,
                                  cadence_days=cadence))
    return found


class Scheduler:
    """Runs ``tick`` every ``interval`` seconds until ``stop``."""

    def __init__(self, store: Store, settings: Settings, *, clock: Clock = utcnow,
                 transport: Transport | None = None, retry: RetryPolicy = RetryPolicy(),
                 interval: float | None = None) -> None:
        self._store = store
        self._settings = settings
        self._clock = clock
        self._retry = retry
        self.transport: Transport = transport or transport_for(settings)
        self._interval = interval if interval is not None else settings.scheduler_interval_s
        self._stopping = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self.last_round: Round | None = None
        self.last_failure: str | None = None

    async def start(self) -> None:
        self._stopping.clear()
        self._task = asyncio.create_task(self._loop(), name="scheduler")

    async def stop(self) -> None:
        """Let the round in progress end (each SMTP step is bounded), then stop."""
        self._stopping.set()
        if self._task is not None:
            await self._task

    def health(self) -> dict[str, str | None]:
        running = self._task is not None and not self._task.done()
        return {"status": self.last_failure or ("ok" if running else "stopped"),
                "channel": self.transport.channel}

    async def _loop(self) -> None:
        while not self._stopping.is_set():
            try:
                self.last_round = await self.tick(self._clock())
                self.last_failure = None
            except Exception as exc:  # keep the rhythm going; the next round tries again
                log.exception("scheduler round failed")
                self.last_failure = f"round failed: {type(exc).__name__}"
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), self._interval)

    async def tick(self, now: datetime) -> Round:
        """Everything due at ``now``: retention, then new occasions, then sending."""
        purge = await retention.apply(self._store, self._settings, now)
        queued = await self._queue(now)
        abandoned = await notifications.abandon_stale(self._store, now)
        if abandoned:
            log.warning("%d reminder/nudge email(s) were being sent when the scheduler "
                        "stopped: marked failed, outcome unknown", abandoned)
        attempted = []
        while not self._stopping.is_set():
            claimed = await notifications.claim_next(self._store, now,
                                                     message_domain=self._domain)
            if claimed is None:
                break
            ended = await notifications.deliver(self._store, self._settings, claimed, now,
                                                transport=self.transport, retry=self._retry,
                                                still_due=self._still_due)
            if ended is not None:
                attempted.append(ended)
        return Round(queued=queued, attempted=attempted, purge=purge)

    async def _queue(self, now: datetime) -> int:
        queued = 0
        async with self._store.transaction() as db:
            mentorship_ids = list(await db.scalars(select(Mentorship.id)
                                                   .order_by(Mentorship.id)))
        for mentorship_id in mentorship_ids:
            async with self._store.transaction() as db:
                mentorship = await db.get(Mentorship, mentorship_id)
                if mentorship is None:
                    continue
                for occasion in await occasions(db, mentorship, now, self._settings):
                    queued += await notifications.queue(db, mentorship, occasion.kind,
                                                        occasion.key, now)
        return queued

    async def _still_due(self, db: AsyncSession, mentorship: Mentorship,
                         row: Notification, now: datetime) -> Occasion | None:
        """The occasion of ``row`` if it is still due at ``now`` (a check-in moved or a
        session took place since it was queued: no longer)."""
        for occasion in await occasions(db, mentorship, now, self._settings):
            if (occasion.kind, occasion.key) == (row.kind, row.key):
                return occasion
        return None

    @property
    def _domain(self) -> str:
        return self._settings.sender.rpartition("@")[2]


def as_utc(moment: datetime) -> datetime:
    """Aware UTC, from a column read raw through ``coalesce`` (naive on SQLite)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)
