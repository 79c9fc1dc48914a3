"""Recap email deliveries in the database: queued, claimed, marked, looked at.

A delivery is one email to one participant. Its life::

    held ──(hold ends, or someone releases it)──┐
    pending ──(due: the mailer claims it)──> sending ──> sent
       ^                                        │──> failed  (refused, gave up, or unknown)
       └──────(a failure worth retrying)────────┘
    skipped  (the recipient turned recap emails off)

Finalising a session queues one delivery per participant *inside the transaction that
finishes the job* (``queue_finalisation``, passed to ``Store`` as its ``on_session_done``):
a session is never done without its recap queued, nor queued twice, and a unique
(job, role) pair says so in the schema too. A participant asking again ("resend") or an
operator running ``companion recap --send`` adds new deliveries; nothing is ever sent
again by re-using an old row.

How a delivery is sent exactly once is the mailer's part (companion/mailer.py); here, a
claim is a conditional UPDATE (PostgreSQL also skips rows another claimer has locked), so
two mailers never hold the same delivery, and marking the outcome is conditional on the
same claim, so a late mailer cannot overwrite what another decided.

Each attempt also issues the email's **sign-in link**: tokens are stored hashed, so the
personal link cannot be put in an email after the fact, and rotating it to get a fresh one
would break the link the participant already uses. Instead each email carries a token of
its own (256 random bits, stored as its SHA-256, like personal tokens) that is good for one
thing, opening that session's page as that participant, for ``LINK_LIFETIME``. Following it
signs the browser in with a new personal token of that participant (``/recap/{token}``,
web/views/recap.py). It dies early when the participant rotates their personal link
(a leaked link revokes what was mailed before it too).
"""
from __future__ import annotations

from collections.abc import AsyncIterator, Collection, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from typing import Final

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from companion import accountability, results, tokens
from companion.db import session_factory
from companion.models import (
    ROLES,
    AccessToken,
    Delivery,
    Item,
    Job,
    Mentorship,
    Session,
    TranscriptSegment,
    utcnow,
)
from companion.recap import CarriedItem, RecapSource
from companion.store import EXTRACTION_LISTS, InvalidState, RecordNotFound, SessionDone
from companion.tokens import Participant

LINK_LIFETIME: Final = timedelta(days=30)
"""How long the link in a recap email signs its reader in."""
TURNED_OFF: Final = "the recipient turned recap emails off for this mentorship"
_DUE: Final = ("pending", "held")


@dataclass(frozen=True)
class Claim:
    """A delivery the caller now holds ("sending"), with its link's token in plaintext."""

    delivery: Delivery
    link_token: str


@dataclass(frozen=True)
class LinkTarget:
    """Where a valid recap link leads, and as whom."""

    mentorship_id: str
    role: str
    session_id: str


def recap_queue(hold: timedelta) -> SessionDone:
    """The ``Store(on_session_done=...)`` hook that queues a finalised session's recaps."""

    async def queue(db: AsyncSession, job: Job) -> None:
        await queue_finalisation(db, job, hold=hold, now=utcnow())

    return queue


async def queue_finalisation(db: AsyncSession, job: Job, *, hold: timedelta,
                             now: datetime) -> list[Delivery]:
    """One delivery per participant for the finalisation ``job`` just completed, in the
    caller's transaction: held for ``hold`` when that is positive, skipped for a
    participant who turned recap emails off."""
    session = await db.get_one(Session, job.session_id)
    mentorship = await db.get_one(Mentorship, session.mentorship_id)
    finalisation = await _latest_finalisation(db, session.id) + 1
    rows = []
    for role in ROLES:
        row = Delivery(session_id=session.id, job_id=job.id, finalisation=finalisation,
                       reason="finalised", role=role,
                       address=getattr(mentorship, f"{role}_email"), attempts=0)
        if not getattr(mentorship, f"{role}_recaps"):
            row.status, row.last_error = "skipped", TURNED_OFF
        else:
            row.status = "held" if hold > timedelta(0) else "pending"
            row.next_attempt_at = now + hold
        rows.append(row)
    db.add_all(rows)
    await db.flush()
    return rows


class DeliveryStore:
    """Delivery queries for the mailer, the API and the command line (one transaction
    each). Methods taking a ``Participant`` are scoped to their mentorship, like
    ``Store``'s; the others are the mailer's, which is trusted."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._sessions = session_factory(engine)

    @asynccontextmanager
    async def _transaction(self) -> AsyncIterator[AsyncSession]:
        async with self._sessions() as db, db.begin():
            yield db

    # -- asking -----------------------------------------------------------------------

    async def request(self, session_id: str, roles: Sequence[str], reason: str, *,
                      now: datetime, asked_by: Participant | None = None) -> list[Delivery]:
        """New deliveries of a finalised session's recap ("resend" from the page, "manual"
        from the command line), due now. A participant's own request is sent even with
        their recap emails off; anyone else's is skipped for them."""
        async with self._transaction() as db:
            session = await _session(db, session_id, asked_by)
            if session.status != "done":
                raise InvalidState(f"session {session_id} is {session.status}: its recap is "
                                   "sent once it has been processed")
            mentorship = await db.get_one(Mentorship, session.mentorship_id)
            finalisation = await _latest_finalisation(db, session.id)
            rows = []
            for role in dict.fromkeys(roles):
                own = asked_by is not None and asked_by.role == role
                row = Delivery(session_id=session.id, job_id=None, finalisation=finalisation,
                               reason=reason, role=role,
                               address=getattr(mentorship, f"{role}_email"), attempts=0)
                if getattr(mentorship, f"{role}_recaps") or own:
                    row.status, row.next_attempt_at = "pending", now
                else:
                    row.status, row.last_error = "skipped", TURNED_OFF
                rows.append(row)
            db.add_all(rows)
            return rows

    async def release(self, session_id: str, participant: Participant, now: datetime) -> int:
        """Send the session's held recaps now; returns how many were held."""
        async with self._transaction() as db:
            await _session(db, session_id, participant)
            result = await db.execute(
                update(Delivery).where(Delivery.session_id == session_id,
                                       Delivery.status == "held")
                .values(status="pending", next_attempt_at=now))
            return result.rowcount

    # -- the mailer's -----------------------------------------------------------------

    async def claim_next(self, now: datetime, *, message_domain: str,
                         only: Collection[str] | None = None) -> Claim | None:
        """Take the delivery due longest ago (among ``only``, when given) for sending.

        The row goes to "sending" with its attempt counted, its Message-ID fixed at the
        first attempt and a new sign-in link. A due finalisation recap whose recipient has
        since turned recap emails off is marked skipped on the way.
        """
        while True:
            async with self._transaction() as db:
                query = (select(Delivery, Mentorship)
                         .join(Session, Session.id == Delivery.session_id)
                         .join(Mentorship, Mentorship.id == Session.mentorship_id)
                         .where(Delivery.status.in_(_DUE), Delivery.next_attempt_at <= now)
                         .order_by(Delivery.next_attempt_at, Delivery.id).limit(1)
                         .with_for_update(skip_locked=True, of=Delivery))
                if only is not None:
                    query = query.where(Delivery.id.in_(list(only)))
                row = (await db.execute(query)).one_or_none()
                if row is None:
                    return None
                candidate, mentorship = row
                due = (Delivery.id == candidate.id, Delivery.status.in_(_DUE))
                if candidate.reason == "finalised" \
                        and not getattr(mentorship, f"{candidate.role}_recaps"):
                    await db.execute(update(Delivery).where(*due).values(
                        status="skipped", last_error=TURNED_OFF, next_attempt_at=None))
                    continue
                token = tokens.new_token()
                claimed = await db.scalar(
                    update(Delivery).where(*due)
                    .values(status="sending", claimed_at=now, attempts=Delivery.attempts + 1,
                            message_id=func.coalesce(
                                Delivery.message_id,
                                f"<recap.{candidate.id}@{message_domain}>"),
                            link_hash=tokens.hash_token(token),
                            link_expires_at=now + LINK_LIFETIME, last_error=None)
                    .returning(Delivery))
                if claimed is not None:
                    return Claim(claimed, token)

    async def finish(self, claim: Claim, status: str, *, now: datetime,
                     error: str | None = None, retry_at: datetime | None = None,
                     channel: str | None = None) -> Delivery | None:
        """Record how the claimed attempt ended: "sent" (by ``channel``), "failed" (with
        ``error``) or "pending" again (with ``error``, due at ``retry_at``). None when the
        claim was lost meanwhile (the session was deleted, or the row was given up as
        stale by another mailer)."""
        values: dict[str, object] = {"status": status, "last_error": error,
                                     "next_attempt_at": retry_at}
        if status == "sent":
            values.update(sent_at=now, channel=channel)
        async with self._transaction() as db:
            return await db.scalar(
                update(Delivery)
                .where(Delivery.id == claim.delivery.id, Delivery.status == "sending",
                       Delivery.attempts == claim.delivery.attempts)
                .values(**values).returning(Delivery))

    async def abandon_stale(self, claimed_before: datetime, reason: str) -> int:
        """Fail deliveries left "sending" since before ``claimed_before``: their mailer
        stopped mid-attempt, and whether the server took the email is unknown."""
        async with self._transaction() as db:
            result = await db.execute(
                update(Delivery).where(Delivery.status == "sending",
                                       Delivery.claimed_at < claimed_before)
                .values(status="failed", last_error=reason, next_attempt_at=None))
            return result.rowcount

    async def get(self, delivery_ids: Collection[str]) -> list[Delivery]:
        async with self._transaction() as db:
            return list(await db.scalars(
                select(Delivery).where(Delivery.id.in_(list(delivery_ids)))
                .order_by(Delivery.created_at, Delivery.role)))

    async def counts(self) -> dict[str, int]:
        """How many deliveries are in each status (for /healthz)."""
        async with self._transaction() as db:
            rows = await db.execute(select(Delivery.status, func.count())
                                    .group_by(Delivery.status))
            return {status: n for status, n in rows.all()}

    # -- reading ----------------------------------------------------------------------

    async def for_session(self, session_id: str, participant: Participant) -> list[Delivery]:
        """The session's deliveries, newest first."""
        async with self._transaction() as db:
            await _session(db, session_id, participant)
            return list(await db.scalars(
                select(Delivery).where(Delivery.session_id == session_id)
                .order_by(Delivery.created_at.desc(), Delivery.finalisation.desc(),
                          Delivery.role)))

    async def source(self, session_id: str, participant: Participant | None = None, *,
                     zone: tzinfo) -> RecapSource:
        """What the session's recap is made of, read in one transaction."""
        async with self._transaction() as db:
            session = await _session(db, session_id, participant)
            mentorship = await db.get_one(Mentorship, session.mentorship_id)
            segments = list(await db.scalars(
                select(TranscriptSegment).where(TranscriptSegment.session_id == session.id)
                .order_by(TranscriptSegment.idx)))
            if not segments:
                raise InvalidState(f"session {session_id} has no transcript yet, so no recap")
            items = list(await db.scalars(select(Item).where(Item.session_id == session.id)
                                          .order_by(Item.kind, Item.position)))
            earlier = await _carried_items(db, session)
            done_since = await accountability.recap_done(db, session)
            finalisation = await _latest_finalisation(db, session.id)
        summary: dict[str, object] = {
            key: [item.to_json() for item in items if item.kind == kind]
            for key, kind in EXTRACTION_LISTS}
        summary.update(next_checkin=session.next_checkin,
                       next_checkin_source=session.next_checkin_source,
                       metrics=session.metrics or {})
        return RecapSource(
            session_id=session.id, mentorship_id=mentorship.id, title=session.title,
            changed_at=session.updated_at, finalisation=finalisation,
            transcript=results.transcript_json(segments, started_at=session.started_at,
                                               zone=zone, mentorship=mentorship),
            summary=summary, earlier=earlier, done_since=done_since)

    # -- links ------------------------------------------------------------------------

    async def follow_link(self, token: str, now: datetime) -> LinkTarget | None:
        """Where a recap link's token leads, or None: unknown, expired, or issued before
        the participant's personal link was last rotated."""
        if not token or len(token) > 128:
            return None
        async with self._transaction() as db:
            row = (await db.execute(
                select(Delivery, Session.mentorship_id)
                .join(Session, Session.id == Delivery.session_id)
                .where(Delivery.link_hash == tokens.hash_token(token),
                       Delivery.link_expires_at > now))).one_or_none()
            if row is None:
                return None
            delivery, mentorship_id = row
            rotated_since = await db.scalar(
                select(func.count()).select_from(AccessToken)
                .where(AccessToken.mentorship_id == mentorship_id,
                       AccessToken.role == delivery.role,
                       AccessToken.revoked_at >= delivery.claimed_at))
            if rotated_since:
                return None
            return LinkTarget(mentorship_id, delivery.role, delivery.session_id)

    async def sign_in(self, target: LinkTarget) -> str:
        """A new personal token for the link's participant (the browser's cookie)."""
        async with self._transaction() as db:
            return await tokens.issue_token(db, target.mentorship_id, target.role)


async def _session(db: AsyncSession, session_id: str,
                   participant: Participant | None) -> Session:
    query = select(Session).where(Session.id == session_id)
    if participant is not None:
        query = query.where(Session.mentorship_id == participant.mentorship_id)
    session = await db.scalar(query)
    if session is None:
        raise RecordNotFound(f"session {session_id} not found")
    return session


async def _latest_finalisation(db: AsyncSession, session_id: str) -> int:
    return await db.scalar(select(func.coalesce(func.max(Delivery.finalisation), 0))
                           .where(Delivery.session_id == session_id)) or 0


async def _carried_items(db: AsyncSession, session: Session) -> tuple[CarriedItem, ...]:
    """Open action items of the mentorship's sessions that took place before this one,
    dated ones first (soonest first), as ``Store.open_action_items`` orders them."""
    when = func.coalesce(Session.started_at, Session.created_at)
    this = session.started_at or session.created_at
    rows = await db.execute(
        select(Item, Session.title).join(Session)
        .where(Session.mentorship_id == session.mentorship_id, Session.id != session.id,
               when < this, Item.kind == "action_item", Item.status == "open")
        .order_by(Item.due.is_(None), Item.due, when, Item.position))
    return tuple(CarriedItem(owner=item.owner or "both", text=item.text, due=item.due,
                             session_title=title) for item, title in rows.all())
