"""Reminder and nudge emails in the database, and sending one (companion/scheduler.py
decides when they are due).

A notification is one email to one participant for one occasion. Its life::

    pending ──(claimed)──> sending ──> sent
       ^                      │──> failed   (refused, gave up, or outcome unknown)
       └──(worth retrying)────┘──> skipped  (no longer due when its turn came)

It is queued with ``INSERT ... ON CONFLICT DO NOTHING`` on the unique (mentorship, kind,
key, role), so an occasion has at most one row per participant, ever. Sending follows the
recap mailer (companion/mailer.py) and uses its transports (SMTP from
``COMPANION_SMTP_URL``, else .eml files in the outbox) and its retry policy: a claim is a
conditional UPDATE (PostgreSQL also skips rows another claimer has locked), the outcome is
recorded only by the holder of the claim, and a row left "sending" by a process that
stopped is marked failed ("outcome unknown") once ``STALE_SENDING`` has passed, never sent
again blindly: at most once, like recaps. While a row is "sending", ``next_attempt_at``
holds when its attempt began (the table has no ``claimed_at``).

Before an attempt, the occasion is checked again: a reminder whose check-in has moved or
passed, or a nudge after which a session took place, is "skipped" rather than sent late.

The emails (summaries/templates/reminder.* and nudge.*) link to the mentorship page; the
reader's browser is signed in there by their personal link (reminders carry no sign-in
link of their own: unlike recap deliveries, notification rows have no ``link_hash``).
Item texts are masked with ``companion.redact`` as in recaps.
"""
from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Final

import jinja2
from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from companion.mailer import STALE_SENDING, DeliveryError, Envelope, RetryPolicy, Transport
from companion.models import ROLES, Item, Mentorship, Notification, Session
from companion.recap import header_address, header_text
from companion.redact import redact
from companion.settings import Settings
from companion.store import Store
from summaries.render import TEMPLATES, human_date, one_line

if TYPE_CHECKING:
    from companion.scheduler import Occasion

ABANDONED: Final = ("outcome unknown: the scheduler stopped while sending this email, which "
                    "may have arrived")
NO_LONGER_DUE: Final = {
    "reminder": "no longer due: the check-in moved, passed, or a session took place",
    "nudge": "no longer due: a session took place or a check-in was planned",
}
SENDER_NAME: Final = "Companion"
BRIEF_ITEMS: Final = 10
"""How many other open items a reminder lists before "and N more"."""

StillDue = Callable[[AsyncSession, Mentorship, Notification, datetime],
                    Awaitable["Occasion | None"]]


@dataclass(frozen=True)
class OpenItem:
    owner: str
    text: str
    due: str | None


@dataclass(frozen=True)
class Composed:
    subject: str
    text: str
    html: str
    name: str


# -- the rows ------------------------------------------------------------------------------


async def queue(db: AsyncSession, mentorship: Mentorship, kind: str, key: str,
                now: datetime) -> int:
    """One pending row per participant for the occasion, unless it has them already;
    returns how many rows were added (0 when the occasion was queued before)."""
    rows = [{"mentorship_id": mentorship.id, "kind": kind, "key": key, "role": role,
             "address": getattr(mentorship, f"{role}_email"), "status": "pending",
             "attempts": 0, "next_attempt_at": now, "created_at": now} for role in ROLES]
    insert = postgresql_insert if db.get_bind().dialect.name == "postgresql" else sqlite_insert
    statement = (insert(Notification).values(rows)
                 .on_conflict_do_nothing(index_elements=["mentorship_id", "kind", "key", "role"])
                 .returning(Notification.id))
    return len(list(await db.scalars(statement)))


async def claim_next(store: Store, now: datetime, *, message_domain: str) -> Notification | None:
    """Take the notification due longest ago for sending ("sending", attempt counted,
    Message-ID fixed at the first attempt); None when none is due."""
    while True:
        async with store.transaction() as db:
            candidate = await db.scalar(
                select(Notification)
                .where(Notification.status == "pending", Notification.next_attempt_at <= now)
                .order_by(Notification.next_attempt_at, Notification.id).limit(1)
                .with_for_update(skip_locked=True))
            if candidate is None:
                return None
            claimed = await db.scalar(
                update(Notification)
                .where(Notification.id == candidate.id, Notification.status == "pending")
                .values(status="sending", attempts=Notification.attempts + 1,
                        next_attempt_at=now, last_error=None,
                        message_id=func.coalesce(
                            Notification.message_id,
                            f"<{candidate.kind}.{candidate.id}@{message_domain}>"))
                .returning(Notification)
                .execution_options(populate_existing=True))
            if claimed is not None:
                return claimed


async def finish(store: Store, claimed: Notification, status: str, *, now: datetime,
                 error: str | None = None, retry_at: datetime | None = None,
                 channel: str | None = None) -> Notification | None:
    """Record how the claimed attempt ended; None when the claim was lost meanwhile (the
    mentorship was deleted, or another process gave the row up as stale)."""
    values: dict[str, object] = {"status": status, "last_error": error,
                                 "next_attempt_at": retry_at}
    if status == "sent":
        values.update(sent_at=now, channel=channel)
    async with store.transaction() as db:
        return await db.scalar(
            update(Notification)
            .where(Notification.id == claimed.id, Notification.status == "sending",
                   Notification.attempts == claimed.attempts)
            .values(**values).returning(Notification))


async def abandon_stale(store: Store, now: datetime) -> int:
    """Fail rows left "sending" for longer than any attempt lasts (see the docstring)."""
    async with store.transaction() as db:
        result = await db.execute(
            update(Notification)
            .where(Notification.status == "sending",
                   Notification.next_attempt_at < now - STALE_SENDING)
            .values(status="failed", last_error=ABANDONED, next_attempt_at=None))
        return result.rowcount


# -- sending one ---------------------------------------------------------------------------


async def deliver(store: Store, settings: Settings, claimed: Notification, now: datetime, *,
                  transport: Transport, retry: RetryPolicy,
                  still_due: StillDue) -> Notification | None:
    """Send a claimed notification if its occasion is still due; record the outcome."""
    async with store.transaction() as db:
        mentorship = await db.get(Mentorship, claimed.mentorship_id)
        if mentorship is None:
            return None
        occasion = await still_due(db, mentorship, claimed, now)
        items = await open_items(db, mentorship.id) if occasion is not None else []
    if occasion is None:
        return await finish(store, claimed, "skipped", now=now,
                            error=NO_LONGER_DUE.get(claimed.kind))
    composed = compose(claimed, mentorship, occasion, items, settings, now=now)
    assert claimed.message_id is not None, "claim_next sets it"
    message = to_message(composed, sender=settings.sender, address=claimed.address,
                         message_id=claimed.message_id, date=now)
    envelope = Envelope(f"{claimed.kind}-{claimed.id}", settings.sender, claimed.address)
    try:
        await transport.send(message, envelope)
    except DeliveryError as exc:
        if exc.unknown or exc.permanent:
            return await finish(store, claimed, "failed", now=now, error=str(exc))
        if claimed.attempts >= retry.attempts:
            return await finish(store, claimed, "failed", now=now,
                                error=f"gave up after {claimed.attempts} attempts: {exc}")
        return await finish(store, claimed, "pending", now=now, error=str(exc),
                            retry_at=now + retry.delay(claimed.attempts))
    return await finish(store, claimed, "sent", now=now, channel=transport.channel)


async def open_items(db: AsyncSession, mentorship_id: str) -> list[OpenItem]:
    """The mentorship's open action items, dated ones first (soonest first)."""
    when = func.coalesce(Session.started_at, Session.created_at)
    rows = await db.execute(
        select(Item.owner, Item.text, Item.due).join(Session, Session.id == Item.session_id)
        .where(Session.mentorship_id == mentorship_id, Item.kind == "action_item",
               Item.status == "open")
        .order_by(Item.due.is_(None), Item.due, when, Item.position))
    return [OpenItem(owner or "both", text, due) for owner, text, due in rows.all()]


def compose(row: Notification, mentorship: Mentorship, occasion: Occasion,
            items: Sequence[OpenItem], settings: Settings, *, now: datetime) -> Composed:
    """The email of a reminder or a nudge, for the row's participant."""
    names = {"mentor": one_line(mentorship.mentor_name),
             "mentee": one_line(mentorship.mentee_name)}
    names["both"] = f"{names['mentor']} and {names['mentee']}"
    other = names["mentee" if row.role == "mentor" else "mentor"]
    context: dict[str, Any] = {
        "name": names[row.role], "other": other,
        "link": f"{settings.public_url}/mentorships/{mentorship.id}"}
    if row.kind == "reminder":
        assert occasion.checkin is not None
        when = human_date(occasion.checkin.local if "T" in occasion.checkin.local
                          else f"{occasion.checkin.local}T09:00")
        by = occasion.checkin.local[:10]
        listed = [{"owner": names.get(i.owner, i.owner), "text": redact(i.text),
                   "due": human_date(i.due), "mine": i.owner in (row.role, "both")}
                  for i in items]
        due = [entry for entry, i in zip(listed, items) if i.due and i.due[:10] <= by]
        rest = [entry for entry, i in zip(listed, items) if not (i.due and i.due[:10] <= by)]
        context.update(when=when, due=due, rest=rest[:BRIEF_ITEMS],
                       more=max(0, len(rest) - BRIEF_ITEMS))
        subject = f"Reminder: your check-in with {other}, {when}"
    else:
        assert occasion.last_session_at is not None
        last = occasion.last_session_at.astimezone(settings.zone)
        context.update(last=human_date(last.date().isoformat()),
                       days=(now.astimezone(settings.zone).date() - last.date()).days,
                       cadence=occasion.cadence_days)
        subject = f"Time for a check-in with {other}?"
    subject = header_text(subject)
    context["subject"] = subject
    env = _environment()
    return Composed(subject=subject, name=names[row.role],
                    text=env.get_template(f"{row.kind}.txt.j2").render(context),
                    html=env.get_template(f"{row.kind}.html.j2").render(context))


def to_message(composed: Composed, *, sender: str, address: str, message_id: str,
               date: datetime) -> EmailMessage:
    """The email: a text part and an HTML alternative."""
    message = EmailMessage()
    message["From"] = header_address(SENDER_NAME, sender)
    message["To"] = header_address(composed.name, address)
    message["Subject"] = composed.subject
    message["Date"] = format_datetime(date)
    message["Message-ID"] = message_id
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no out-of-office replies
    message.set_content(composed.text)
    message.add_alternative(composed.html, subtype="html")
    return message


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    """The summaries templates, HTML ones escaped."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "html.j2"),
                                            default_for_string=False, default=False),
        undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
        keep_trailing_newline=True)
