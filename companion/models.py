"""The ORM models: what the service persists, portable across SQLite and PostgreSQL.

Portability choices: ids are random hex strings (they appear in URLs, but the personal
token is the secret, not the id); timestamps are timezone-aware UTC on the Python side and
stored as ``TIMESTAMP WITH TIME ZONE`` on PostgreSQL and as UTC text on SQLite; enumerations
are strings guarded by CHECK constraints (no native ENUM types to migrate); free-form
structures are ``sqlalchemy.JSON``.

Extracted items live in one ``items`` table with a ``kind`` column rather than six tables:
every kind shares the text, the provenance (segment, start, quote) and the edited flag, and
a session's items are always replaced together. The only fields queried across sessions
(owner, status, due of action items) are real indexed columns; what differs per kind and
is only ever displayed (feedback's from/to, a question's speaker, a decision's topic...)
sits in the ``data`` JSON column.

Recap emails are one ``deliveries`` row per recipient and finalisation (companion/deliveries.py
explains their life); they arrived with the migration ``0002_deliveries``.

The mentoring relationship across sessions arrived with ``0003_relationship``: the
agreement's history (``agreement_revisions``; the current terms stay in
``mentorships.agreement``), goals with timelines and the action items linked to them,
proposals to close an open item that a later session mentions as done, reminder and nudge
emails (``notifications``, one row per recipient and occasion: the unique key is what makes
the scheduler send once), post-session surveys and private notes.

The migrations in ``companion/migrations/versions`` spell this schema out; a test checks
that they agree with it.
"""
from __future__ import annotations

import secrets
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

ROLES = ("mentor", "mentee")
SPEAKERS = ("mentor", "mentee", "unknown")
OWNERS = ("mentor", "mentee", "both")
SESSION_STATUSES = ("created", "live", "queued", "processing", "done", "failed")
JOB_KINDS = ("transcribe", "extract", "finalize")
JOB_STATUSES = ("queued", "running", "done", "failed")
ITEM_KINDS = ("action_item", "feedback", "question", "challenge", "goal", "decision")
ITEM_STATUSES = ("open", "done")
DELIVERY_STATUSES = ("pending", "held", "sending", "sent", "failed", "skipped")
DELIVERY_REASONS = ("finalised", "resend", "manual")
DELIVERY_CHANNELS = ("smtp", "outbox")
AUTHORS = ("mentor", "mentee", "extraction")
GOAL_STATUSES = ("open", "achieved", "dropped")
PROPOSAL_STATUSES = ("proposed", "confirmed", "dismissed")
NOTIFICATION_KINDS = ("reminder", "nudge")
NOTIFICATION_STATUSES = ("pending", "sending", "sent", "failed", "skipped")

ID_LENGTH = 16
NAME_LENGTH = 200
EMAIL_LENGTH = 320
ISO_LENGTH = 16  # YYYY-MM-DDTHH:MM

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    """A random 64-bit id in hex: unique in practice, short enough for a URL."""
    return secrets.token_hex(ID_LENGTH // 2)


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class UTCDateTime(TypeDecorator[datetime]):
    """An aware UTC datetime on both backends.

    SQLite has no time zone type, so the value is stored as naive UTC and read back as
    aware UTC; a naive datetime is refused on the way in, because its zone is a guess.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: give a time zone (timestamps are stored as UTC)")
        value = value.astimezone(timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON(), list[Any]: JSON()}


class Mentorship(Base):
    """A mentor and a mentee, their agreement and their long-term goals."""

    __tablename__ = "mentorships"

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True, default=new_id)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    mentor_name: Mapped[str] = mapped_column(String(NAME_LENGTH))
    mentor_email: Mapped[str] = mapped_column(String(EMAIL_LENGTH))
    mentor_recaps: Mapped[bool] = mapped_column(Boolean, default=True)
    mentee_name: Mapped[str] = mapped_column(String(NAME_LENGTH))
    mentee_email: Mapped[str] = mapped_column(String(EMAIL_LENGTH))
    mentee_recaps: Mapped[bool] = mapped_column(Boolean, default=True)
    agreement: Mapped[dict[str, Any]] = mapped_column(default=dict)
    """The current terms (companion/agreement.py); their history is ``agreement_revisions``."""
    goals: Mapped[list[Any]] = mapped_column(default=list)
    """Free-form goals given when the mentorship was created (API); tracked goals are rows
    of ``goals``."""
    next_checkin: Mapped[str | None] = mapped_column(String(ISO_LENGTH))
    """A check-in set by hand; it wins over an extracted one agreed before it was set."""
    next_checkin_set_at: Mapped[datetime | None]
    next_checkin_set_by: Mapped[str | None] = mapped_column(String(8))


class AccessToken(Base):
    """A participant's personal link token, kept only as its SHA-256 hash."""

    __tablename__ = "access_tokens"
    __table_args__ = (CheckConstraint(_one_of("role", ROLES), name="role"),)

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True, default=new_id)
    mentorship_id: Mapped[str] = mapped_column(
        ForeignKey("mentorships.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(8))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[datetime | None]


class Session(Base):
    """One mentoring call: its processing state and the session-wide extraction results."""

    __tablename__ = "sessions"
    __table_args__ = (
        CheckConstraint(_one_of("status", SESSION_STATUSES), name="status"),
        CheckConstraint("progress >= 0 AND progress <= 1", name="progress"),
    )

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True, default=new_id)
    mentorship_id: Mapped[str] = mapped_column(
        ForeignKey("mentorships.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(NAME_LENGTH))
    started_at: Mapped[datetime | None]
    status: Mapped[str] = mapped_column(String(16), default="created")
    progress: Mapped[float] = mapped_column(Float, default=0.0)
    stage: Mapped[str] = mapped_column(Text, default="")
    error: Mapped[str | None] = mapped_column(Text)
    next_checkin: Mapped[str | None] = mapped_column(String(ISO_LENGTH))
    next_checkin_source: Mapped[dict[str, Any] | None]
    metrics: Mapped[dict[str, Any] | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Recording(Base):
    """An uploaded recording; the row exists only once the file is fully written."""

    __tablename__ = "recordings"

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True, default=new_id)
    session_id: Mapped[str] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), index=True)
    stored_name: Mapped[str] = mapped_column(String(255), unique=True)
    original_filename: Mapped[str] = mapped_column(String(255))
    content_type: Mapped[str] = mapped_column(String(255))
    size_bytes: Mapped[int] = mapped_column(BigInteger)
    duration: Mapped[float | None] = mapped_column(Float)
    sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class TranscriptSegment(Base):
    """One transcript segment; ``idx`` is its position, the ``segment`` items point to."""

    __tablename__ = "segments"
    __table_args__ = (CheckConstraint(_one_of("speaker", SPEAKERS), name="speaker"),)

    session_id: Mapped[str] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True)
    idx: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    speaker: Mapped[str] = mapped_column(String(8))
    start: Mapped[float | None] = mapped_column(Float)
    end: Mapped[float | None] = mapped_column(Float)
    text: Mapped[str] = mapped_column(Text)
    words: Mapped[list[Any] | None]
    edited: Mapped[bool] = mapped_column(Boolean, default=False)

    def to_json(self) -> dict[str, Any]:
        """The segment in the transcript JSON of CONTRACT.md, plus its edited flag."""
        out: dict[str, Any] = {"speaker": self.speaker, "start": self.start, "end": self.end,
                               "text": self.text, "edited": self.edited}
        if self.words is not None:
            out["words"] = self.words
        return out


class Item(Base):
    """One extracted item of any kind (see the module docstring for why one table)."""

    __tablename__ = "items"
    __table_args__ = (
        CheckConstraint(_one_of("kind", ITEM_KINDS), name="kind"),
        CheckConstraint(
            f"(kind = 'action_item' AND {_one_of('status', ITEM_STATUSES)})"
            " OR (kind <> 'action_item' AND status IS NULL)", name="status"),
        Index(None, "session_id", "kind", "position"),
        Index(None, "kind", "status", "due"),
    )

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True, default=new_id)
    session_id: Mapped[str] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    position: Mapped[int] = mapped_column(Integer)
    owner: Mapped[str | None] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)
    due: Mapped[str | None] = mapped_column(String(ISO_LENGTH))
    """An action item's due date, or a goal's target date."""
    segment: Mapped[int | None] = mapped_column(Integer)
    start: Mapped[float | None] = mapped_column(Float)
    quote: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str | None] = mapped_column(String(8))
    done_at: Mapped[datetime | None]
    edited: Mapped[bool] = mapped_column(Boolean, default=False)
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)

    def to_json(self) -> dict[str, Any]:
        """The item as in the extraction JSON of CONTRACT.md, plus its id, edited flag and,
        for an action item, its status."""
        out: dict[str, Any] = {}
        if self.kind in ("action_item", "goal"):
            out["owner"] = self.owner
        out.update(self.data)
        out["text"] = self.text
        if self.kind == "action_item":
            out.update(due=self.due, status=self.status,
                       done_at=self.done_at.isoformat() if self.done_at else None)
        elif self.kind == "goal":
            out["target"] = self.due
        out.update(segment=self.segment, start=self.start, quote=self.quote, id=self.id,
                   edited=self.edited)
        return out


class Job(Base):
    """A unit of background work, claimed by one worker at a time."""

    __tablename__ = "jobs"
    __table_args__ = (
        CheckConstraint(_one_of("kind", JOB_KINDS), name="kind"),
        CheckConstraint(_one_of("status", JOB_STATUSES), name="status"),
        CheckConstraint("progress >= 0 AND progress <= 1", name="progress"),
        Index(None, "status", "created_at"),
    )

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True, default=new_id)
    session_id: Mapped[str] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), index=True)
    recording_id: Mapped[str | None] = mapped_column(
        ForeignKey("recordings.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16), default="queued")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    progress: Mapped[float] = mapped_column(Float, default=0.0)
    stage: Mapped[str] = mapped_column(Text, default="")
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    heartbeat_at: Mapped[datetime | None]
    lease_owner: Mapped[str | None] = mapped_column(String(NAME_LENGTH))


class Delivery(Base):
    """One recap email to one participant: queued when a session is finalised (or when
    someone asks again), then claimed, sent and marked by the mailer."""

    __tablename__ = "deliveries"
    __table_args__ = (
        CheckConstraint(_one_of("role", ROLES), name="role"),
        CheckConstraint(_one_of("status", DELIVERY_STATUSES), name="status"),
        CheckConstraint(_one_of("reason", DELIVERY_REASONS), name="reason"),
        CheckConstraint(f"channel IS NULL OR {_one_of('channel', DELIVERY_CHANNELS)}",
                        name="channel"),
        UniqueConstraint("job_id", "role"),
        Index(None, "status", "next_attempt_at"),
    )

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True, default=new_id)
    session_id: Mapped[str] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), index=True)
    job_id: Mapped[str | None] = mapped_column(ForeignKey("jobs.id", ondelete="CASCADE"))
    """The job whose success finalised the session; None for a resend or a manual send."""
    finalisation: Mapped[int] = mapped_column(Integer)
    """Which finalisation of the session this recap reports: 1, 2, ... (the invitation's
    SEQUENCE, so that a calendar replaces the event it got from an earlier one)."""
    reason: Mapped[str] = mapped_column(String(16))
    role: Mapped[str] = mapped_column(String(8))
    address: Mapped[str] = mapped_column(String(EMAIL_LENGTH))
    status: Mapped[str] = mapped_column(String(8), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None]
    """When a pending delivery is due, or when a held one's hold ends."""
    claimed_at: Mapped[datetime | None]
    """When the latest attempt began (the row went to "sending")."""
    last_error: Mapped[str | None] = mapped_column(Text)
    message_id: Mapped[str | None] = mapped_column(String(255), unique=True)
    """Set at the first attempt and kept for every later one."""
    link_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    """SHA-256 of the sign-in token in the email's link (never the token itself)."""
    link_expires_at: Mapped[datetime | None]
    channel: Mapped[str | None] = mapped_column(String(8))
    """How it left: "smtp", or "outbox" (an .eml file in the data directory)."""
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None]


class AgreementRevision(Base):
    """One version of a mentorship's agreement: who changed it, when, and the full terms."""

    __tablename__ = "agreement_revisions"
    __table_args__ = (
        CheckConstraint(_one_of("author", AUTHORS), name="author"),
        UniqueConstraint("mentorship_id", "version"),
    )

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True, default=new_id)
    mentorship_id: Mapped[str] = mapped_column(
        ForeignKey("mentorships.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    author: Mapped[str] = mapped_column(String(16))
    terms: Mapped[dict[str, Any]] = mapped_column(default=dict)
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Goal(Base):
    """A goal with a timeline, made by hand or from an extracted goal."""

    __tablename__ = "goals"
    __table_args__ = (
        CheckConstraint(_one_of("owner", OWNERS), name="owner"),
        CheckConstraint(_one_of("status", GOAL_STATUSES), name="status"),
        CheckConstraint(_one_of("created_by", AUTHORS), name="created_by"),
    )

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True, default=new_id)
    mentorship_id: Mapped[str] = mapped_column(
        ForeignKey("mentorships.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(Text)
    owner: Mapped[str] = mapped_column(String(8), default="mentee")
    target: Mapped[str | None] = mapped_column(String(ISO_LENGTH))
    status: Mapped[str] = mapped_column(String(8), default="open")
    source_item_id: Mapped[str | None] = mapped_column(
        ForeignKey("items.id", ondelete="SET NULL"))
    source_session_id: Mapped[str | None] = mapped_column(
        ForeignKey("sessions.id", ondelete="SET NULL"))
    created_by: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    achieved_at: Mapped[datetime | None]


class GoalLink(Base):
    """An action item confirmed as serving a goal."""

    __tablename__ = "goal_links"

    goal_id: Mapped[str] = mapped_column(
        ForeignKey("goals.id", ondelete="CASCADE"), primary_key=True)
    item_id: Mapped[str] = mapped_column(
        ForeignKey("items.id", ondelete="CASCADE"), primary_key=True, index=True)
    created_by: Mapped[str] = mapped_column(String(8))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class DoneProposal(Base):
    """A later session's mention of an open action item as done, waiting for a participant
    to confirm (the item is then ticked off) or dismiss it."""

    __tablename__ = "done_proposals"
    __table_args__ = (
        CheckConstraint(_one_of("status", PROPOSAL_STATUSES), name="status"),
        UniqueConstraint("item_id", "session_id"),
    )

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True, default=new_id)
    item_id: Mapped[str] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"))
    session_id: Mapped[str] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), index=True)
    """The session whose transcript holds the evidence."""
    segment: Mapped[int | None] = mapped_column(Integer)
    start: Mapped[float | None] = mapped_column(Float)
    quote: Mapped[str] = mapped_column(Text)
    score: Mapped[float] = mapped_column(Float, default=0.0)
    status: Mapped[str] = mapped_column(String(12), default="proposed")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[datetime | None]
    resolved_by: Mapped[str | None] = mapped_column(String(8))


class Notification(Base):
    """A check-in reminder or a missed-cadence nudge to one participant. ``key`` names the
    occasion (e.g. the check-in's time); (kind, key, role) is unique, so an occasion is
    mailed at most once to each participant, whatever restarts in between."""

    __tablename__ = "notifications"
    __table_args__ = (
        CheckConstraint(_one_of("kind", NOTIFICATION_KINDS), name="kind"),
        CheckConstraint(_one_of("role", ROLES), name="role"),
        CheckConstraint(_one_of("status", NOTIFICATION_STATUSES), name="status"),
        UniqueConstraint("mentorship_id", "kind", "key", "role"),
        Index(None, "status", "next_attempt_at"),
    )

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True, default=new_id)
    mentorship_id: Mapped[str] = mapped_column(
        ForeignKey("mentorships.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(8))
    key: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(8))
    address: Mapped[str] = mapped_column(String(EMAIL_LENGTH))
    status: Mapped[str] = mapped_column(String(8), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    message_id: Mapped[str | None] = mapped_column(String(255), unique=True)
    channel: Mapped[str | None] = mapped_column(String(8))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None]


class Survey(Base):
    """A participant's rating (1-5) and comment on one session."""

    __tablename__ = "surveys"
    __table_args__ = (
        CheckConstraint(_one_of("role", ROLES), name="role"),
        CheckConstraint("rating IS NULL OR (rating >= 1 AND rating <= 5)", name="rating"),
        UniqueConstraint("session_id", "role"),
    )

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True, default=new_id)
    session_id: Mapped[str] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(8))
    rating: Mapped[int | None] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")
    answers: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Note(Base):
    """A private note: only its author's role ever reads it."""

    __tablename__ = "notes"
    __table_args__ = (CheckConstraint(_one_of("author", ROLES), name="author"),
                      Index(None, "mentorship_id", "author"))

    id: Mapped[str] = mapped_column(String(ID_LENGTH), primary_key=True, default=new_id)
    mentorship_id: Mapped[str] = mapped_column(
        ForeignKey("mentorships.id", ondelete="CASCADE"))
    session_id: Mapped[str | None] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), index=True)
    author: Mapped[str] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
