"""Accountability across sessions: what was agreed last time, and what has been done since.

- ``carried_items(db, session)``: the open action items of the mentorship's earlier
  sessions (those that took place before this one, by ``started_at`` or else
  ``created_at``), each with a sentence for the top of the page and the live panel ("Last
  time: Sam to send the revised proposal by Monday"); the items closed since the previous
  session; and the proposals found in this session's transcript.
- ``propose_done(db, session_id)``: after a session is processed, its transcript is read
  for mentions of those open items as done (``companion/done_mentions.py`` says how and
  how it scores), and each becomes a ``DoneProposal`` with its evidence (segment, start,
  quote, score): at most one per item and session (a unique key), never for an item that is
  done already, and never again for an item that this session proposed once, even if that
  proposal was dismissed. ``proposing(then)`` makes it the ``Store``'s ``on_session_done``
  hook: it then runs in the transaction that finishes the session's last job, in the
  service's process, so a session is never done without its proposals.
- ``resolve(db, proposal_id, participant, confirm=...)``: a participant confirms (the item
  is ticked done as ``Store.update_action_item`` ticks it) or dismisses (it stays open).

A session's items are deleted and created again when it is re-processed
(``Store.save_results``): proposals about that session's *own* items cascade away with them,
while proposals that *this* session's transcript made about earlier items are kept, so
re-processing never duplicates them.

Sentences. The owner is named by first name ("both": "Sam and Dana"); the item's text
follows in lower case ("Send the revised proposal" → "to send the revised proposal"); the
due date is read relative to the day of the session where the item was agreed, since the
sentence retells what was agreed then: "today", "tomorrow", a weekday within the next six
days ("Monday"), "next Monday" for a later day of the following calendar week, else "Mon 23 Nov" (with the year
when it differs), and the time when one was given ("Monday at 10:00"). Items of the session
just before read "Last time: ...", older ones "On Mon 2 Nov: ...". An item is **overdue**
when its due date is before this session's day (or its due time before this session's
start).

Done since last time: action items of earlier sessions closed (``done_at``) from the
previous session's start until the next session's start (now, for the latest session),
and those whose proposal this session confirmed.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, timezone, tzinfo

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from companion import done_mentions
from companion.done_mentions import Line, OpenItem
from companion.models import (
    DoneProposal,
    Item,
    Job,
    Mentorship,
    Session,
    TranscriptSegment,
    utcnow,
)
from companion.recap import DoneItem
from companion.store import InvalidState, RecordNotFound, SessionDone
from companion.tokens import Participant

log = logging.getLogger(__name__)

_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_SHORT_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class CarriedItem:
    """An action item still open from an earlier session."""

    item: Item
    session: Session
    """The session where it was agreed."""
    owner_name: str
    overdue: bool
    sentence: str
    proposal: DoneProposal | None
    """This session's proposal to close it, if its transcript mentioned it as done."""


@dataclass(frozen=True)
class ClosedItem:
    """An action item of an earlier session closed since the previous session."""

    item: Item
    session: Session
    owner_name: str


@dataclass(frozen=True)
class Proposal:
    """A proposal found in this session's transcript, with the item it would close."""

    proposal: DoneProposal
    item: Item
    item_session: Session
    owner_name: str


@dataclass(frozen=True)
class Accountability:
    """What a session's page, live panel and recap say about earlier sessions."""

    session: Session
    previous: Session | None
    open: tuple[CarriedItem, ...]
    closed: tuple[ClosedItem, ...]
    proposals: tuple[Proposal, ...]


def moment(session: Session) -> datetime:
    """When a session took place: its start, or else when it was created."""
    return session.started_at or session.created_at


async def carried_items(db: AsyncSession, session: Session, *,
                        zone: tzinfo = timezone.utc) -> Accountability:
    """The open items of earlier sessions, the items closed since the previous session and
    this session's proposals (see the module docstring); ``zone`` gives the local days."""
    mentorship = await db.get_one(Mentorship, session.mentorship_id)
    sessions = list(await db.scalars(
        select(Session).where(Session.mentorship_id == session.mentorship_id)
        .order_by(func.coalesce(Session.started_at, Session.created_at), Session.id)))
    this = moment(session)
    earlier = [s for s in sessions if s.id != session.id and moment(s) < this]
    later = [s for s in sessions if s.id != session.id and moment(s) > this]
    previous = earlier[-1] if earlier else None
    by_id = {s.id: s for s in sessions}
    items = list(await db.scalars(
        select(Item).where(Item.session_id.in_([s.id for s in earlier]),
                           Item.kind == "action_item")
        .order_by(Item.due.is_(None), Item.due, Item.position))) if earlier else []
    rows = (await db.execute(
        select(DoneProposal, Item).join(Item, Item.id == DoneProposal.item_id)
        .where(DoneProposal.session_id == session.id)
        .order_by(DoneProposal.start.is_(None), DoneProposal.start,
                  DoneProposal.created_at))).all()
    names = _first_names(mentorship)
    proposals = tuple(Proposal(p, item, by_id[item.session_id], names[item.owner or "both"])
                      for p, item in rows if item.session_id in by_id)
    pending = {p.item.id: p.proposal for p in proposals if p.proposal.status == "proposed"}
    confirmed = {p.item.id for p in proposals if p.proposal.status == "confirmed"}
    order = {s.id: n for n, s in enumerate(earlier)}
    open_items = sorted((i for i in items if i.status == "open"),
                        key=lambda i: (i.due is None, i.due or "", order[i.session_id],
                                       i.position))
    since = moment(previous) if previous else None
    until = moment(later[0]) if later else None
    closed = [i for i in items if i.status == "done" and (i.id in confirmed or (
        since is not None and i.done_at is not None and i.done_at >= since
        and (until is None or i.done_at < until)))]
    local_day = this.astimezone(zone)
    return Accountability(
        session=session, previous=previous,
        open=tuple(CarriedItem(
            item=i, session=by_id[i.session_id], owner_name=names[i.owner or "both"],
            overdue=is_overdue(i.due, local_day),
            sentence=sentence(i, names[i.owner or "both"], by_id[i.session_id],
                              last=by_id[i.session_id] is previous, zone=zone,
                              today=local_day.date()),
            proposal=pending.get(i.id)) for i in open_items),
        closed=tuple(ClosedItem(i, by_id[i.session_id], names[i.owner or "both"])
                     for i in sorted(closed, key=lambda i: (i.done_at or this, i.position))),
        proposals=proposals)


async def recap_done(db: AsyncSession, session: Session) -> tuple[DoneItem, ...]:
    """"Done since last time" for the recap email: the items closed since the previous
    session, then those this session mentioned as done that wait for a confirmation."""
    found = await carried_items(db, session)
    done = [DoneItem(owner=c.item.owner or "both", text=c.item.text,
                     session_title=c.session.title, pending=False) for c in found.closed]
    done += [DoneItem(owner=p.item.owner or "both", text=p.item.text,
                      session_title=p.item_session.title, pending=True)
             for p in found.proposals
             if p.proposal.status == "proposed" and p.item.status == "open"]
    return tuple(done)


# -- sentences ---------------------------------------------------------------------------


def sentence(item: Item, owner_name: str, agreed_in: Session, *, last: bool,
             zone: tzinfo = timezone.utc, today: date | None = None) -> str:
    """ "Last time: Sam to send the revised proposal by Monday" (module docstring);
    ``today`` is the day of the session that shows it (an older session's date has its
    year when it differs)."""
    agreed_day = moment(agreed_in).astimezone(zone).date()
    prefix = "Last time" if last else f"On {_short_date(agreed_day, today or agreed_day)}"
    text = " ".join(item.text.split()).rstrip(".")
    first, _, rest = text.partition(" ")
    if first[1:].islower() or len(first) == 1:  # "Send" → "send"; "PR", "iOS" stay
        first = first.lower()
    task = f"{first} {rest}".strip()
    due = f" by {due_phrase(item.due, agreed_day)}" if item.due else ""
    return f"{prefix}: {owner_name} to {task}{due}"


def due_phrase(due: str, reference: date) -> str:
    """A due date read from ``reference``'s day: "today", "tomorrow", "Monday", "next
    Monday", "Mon 23 Nov"; with ", 10:00"-style times as " at 10:00"."""
    moment_ = datetime.fromisoformat(due)
    day = moment_.date()
    ahead = (day - reference).days
    if ahead == 0:
        words = "today"
    elif ahead == 1:
        words = "tomorrow"
    elif 1 < ahead < 7:
        words = _DAYS[day.weekday()]
    elif ahead >= 7 and _week(day) == _week(reference) + 1:
        words = f"next {_DAYS[day.weekday()]}"
    else:
        words = _short_date(day, reference)
    return f"{words} at {moment_:%H:%M}" if "T" in due else words


def is_overdue(due: str | None, now: datetime) -> bool:
    """Whether ``due`` (an ISO date or local date-time) has passed at ``now`` (local)."""
    if due is None:
        return False
    if "T" in due:
        return datetime.fromisoformat(due) < now.replace(tzinfo=None)
    return date.fromisoformat(due) < now.date()


def _week(day: date) -> int:
    """A count of Monday-to-Sunday weeks."""
    return (day.toordinal() - day.weekday()) // 7


def _short_date(day: date, reference: date | None) -> str:
    text = f"{_SHORT_DAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]}"
    return text if reference is not None and day.year == reference.year else f"{text} {day.year}"


def _first_names(mentorship: Mentorship) -> dict[str, str]:
    mentor = mentorship.mentor_name.split()[0]
    mentee = mentorship.mentee_name.split()[0]
    return {"mentor": mentor, "mentee": mentee, "both": f"{mentee} and {mentor}"}


# -- proposals ---------------------------------------------------------------------------


async def propose_done(db: AsyncSession, session_id: str) -> list[DoneProposal]:
    """Read the session's transcript for earlier open items mentioned as done and record
    a proposal for each new one (module docstring); returns the proposals added."""
    session = await db.get(Session, session_id)
    if session is None:
        return []
    found = await carried_items(db, session)
    proposed_before = {p.item.id for p in found.proposals}
    candidates = [OpenItem(c.item.id, c.item.owner or "both", c.item.text)
                  for c in found.open if c.item.id not in proposed_before]
    if not candidates:
        return []
    segments = list(await db.scalars(
        select(TranscriptSegment).where(TranscriptSegment.session_id == session_id)
        .order_by(TranscriptSegment.idx)))
    mentorship = await db.get_one(Mentorship, session.mentorship_id)
    try:
        mentions = done_mentions.find_mentions(
            candidates, [Line(s.idx, s.speaker, s.start, s.text) for s in segments],
            names=(mentorship.mentor_name, mentorship.mentee_name))
    except Exception:  # a bug in the detector must not keep a session from finishing
        log.exception("looking for done items in session %s failed", session_id)
        return []
    rows = [DoneProposal(item_id=m.item_id, session_id=session_id, segment=m.segment,
                         start=m.start, quote=m.quote, score=m.score, status="proposed")
            for m in mentions]
    db.add_all(rows)
    await db.flush()
    return rows


def proposing(then: SessionDone | None = None) -> SessionDone:
    """A ``Store(on_session_done=...)`` hook: propose done items, then run ``then`` (the
    recap queue), all in the transaction that finishes the session."""

    async def on_session_done(db: AsyncSession, job: Job) -> None:
        await propose_done(db, job.session_id)
        if then is not None:
            await then(db, job)

    return on_session_done


async def resolve(db: AsyncSession, proposal_id: str, participant: Participant, *,
                  confirm: bool) -> tuple[DoneProposal, Item]:
    """Confirm (the item is ticked done) or dismiss (it stays open) a proposal of the
    participant's mentorship. A proposal is resolved once; a dismissed one can still be
    confirmed (a "not yet" that has become true)."""
    row = (await db.execute(
        select(DoneProposal, Item).join(Item, Item.id == DoneProposal.item_id)
        .join(Session, Session.id == DoneProposal.session_id)
        .where(DoneProposal.id == proposal_id,
               Session.mentorship_id == participant.mentorship_id))).one_or_none()
    if row is None:
        raise RecordNotFound(f"proposal {proposal_id} not found")
    proposal, item = row
    allowed = ("proposed", "dismissed") if confirm else ("proposed",)
    if proposal.status not in allowed:
        raise InvalidState(f"proposal {proposal_id} is {proposal.status} already")
    now = utcnow()
    proposal.status = "confirmed" if confirm else "dismissed"
    proposal.resolved_at, proposal.resolved_by = now, participant.role
    if confirm and item.status != "done":
        item.status, item.done_at = "done", now
    await db.flush()
    return proposal, item
