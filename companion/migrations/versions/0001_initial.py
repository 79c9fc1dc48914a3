"""The initial schema: mentorships, access tokens, sessions, recordings, transcript
segments, extracted items and processing jobs.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = sa.String(16)
NAME = sa.String(200)
ISO = sa.String(16)
# Names are given in full. Check constraint names go through op.f(): the models' naming
# convention would otherwise prefix "ck_<table>_" a second time.


def _when(name: str, *, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _id() -> sa.Column:
    return sa.Column("id", ID, nullable=False)


def _parent(name: str, table: str, fk_name: str, *, nullable: bool = False) -> list[sa.SchemaItem]:
    return [sa.Column(name, ID, nullable=nullable),
            sa.ForeignKeyConstraint([name], [f"{table}.id"], name=fk_name, ondelete="CASCADE")]


def upgrade() -> None:
    op.create_table(
        "mentorships",
        _id(),
        _when("created_at"),
        sa.Column("mentor_name", NAME, nullable=False),
        sa.Column("mentor_email", sa.String(320), nullable=False),
        sa.Column("mentor_recaps", sa.Boolean(), nullable=False),
        sa.Column("mentee_name", NAME, nullable=False),
        sa.Column("mentee_email", sa.String(320), nullable=False),
        sa.Column("mentee_recaps", sa.Boolean(), nullable=False),
        sa.Column("agreement", sa.JSON(), nullable=False),
        sa.Column("goals", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_mentorships"),
    )

    op.create_table(
        "access_tokens",
        _id(),
        *_parent("mentorship_id", "mentorships", "fk_access_tokens_mentorship_id_mentorships"),
        sa.Column("role", sa.String(8), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        _when("created_at"),
        _when("revoked_at", nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_access_tokens"),
        sa.UniqueConstraint("token_hash", name="uq_access_tokens_token_hash"),
        sa.CheckConstraint("role IN ('mentor', 'mentee')", name=op.f("ck_access_tokens_role")),
    )
    op.create_index("ix_access_tokens_mentorship_id", "access_tokens", ["mentorship_id"])

    op.create_table(
        "sessions",
        _id(),
        *_parent("mentorship_id", "mentorships", "fk_sessions_mentorship_id_mentorships"),
        sa.Column("title", NAME, nullable=False),
        _when("started_at", nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("progress", sa.Float(), nullable=False),
        sa.Column("stage", sa.Text(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("next_checkin", ISO, nullable=True),
        sa.Column("next_checkin_source", sa.JSON(), nullable=True),
        sa.Column("metrics", sa.JSON(), nullable=True),
        _when("created_at"),
        _when("updated_at"),
        sa.PrimaryKeyConstraint("id", name="pk_sessions"),
        sa.CheckConstraint(
            "status IN ('created', 'live', 'queued', 'processing', 'done', 'failed')",
            name=op.f("ck_sessions_status")),
        sa.CheckConstraint("progress >= 0 AND progress <= 1", name=op.f("ck_sessions_progress")),
    )
    op.create_index("ix_sessions_mentorship_id", "sessions", ["mentorship_id"])

    op.create_table(
        "recordings",
        _id(),
        *_parent("session_id", "sessions", "fk_recordings_session_id_sessions"),
        sa.Column("stored_name", sa.String(255), nullable=False),
        sa.Column("original_filename", sa.String(255), nullable=False),
        sa.Column("content_type", sa.String(255), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("duration", sa.Float(), nullable=True),
        sa.Column("sha256", sa.String(64), nullable=False),
        _when("created_at"),
        sa.PrimaryKeyConstraint("id", name="pk_recordings"),
        sa.UniqueConstraint("stored_name", name="uq_recordings_stored_name"),
    )
    op.create_index("ix_recordings_session_id", "recordings", ["session_id"])

    op.create_table(
        "segments",
        *_parent("session_id", "sessions", "fk_segments_session_id_sessions"),
        sa.Column("idx", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("speaker", sa.String(8), nullable=False),
        sa.Column("start", sa.Float(), nullable=True),
        sa.Column("end", sa.Float(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("words", sa.JSON(), nullable=True),
        sa.Column("edited", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("session_id", "idx", name="pk_segments"),
        sa.CheckConstraint("speaker IN ('mentor', 'mentee', 'unknown')",
                           name=op.f("ck_segments_speaker")),
    )

    op.create_table(
        "items",
        _id(),
        *_parent("session_id", "sessions", "fk_items_session_id_sessions"),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("owner", sa.String(8), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("due", ISO, nullable=True),
        sa.Column("segment", sa.Integer(), nullable=True),
        sa.Column("start", sa.Float(), nullable=True),
        sa.Column("quote", sa.Text(), nullable=True),
        sa.Column("status", sa.String(8), nullable=True),
        _when("done_at", nullable=True),
        sa.Column("edited", sa.Boolean(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_items"),
        sa.CheckConstraint(
            "kind IN ('action_item', 'feedback', 'question', 'challenge', 'goal', 'decision')",
            name=op.f("ck_items_kind")),
        sa.CheckConstraint(
            "(kind = 'action_item' AND status IN ('open', 'done'))"
            " OR (kind <> 'action_item' AND status IS NULL)",
            name=op.f("ck_items_status")),
    )
    op.create_index("ix_items_session_id_kind_position", "items",
                    ["session_id", "kind", "position"])
    op.create_index("ix_items_kind_status_due", "items", ["kind", "status", "due"])

    op.create_table(
        "jobs",
        _id(),
        *_parent("session_id", "sessions", "fk_jobs_session_id_sessions"),
        *_parent("recording_id", "recordings", "fk_jobs_recording_id_recordings",
                 nullable=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("progress", sa.Float(), nullable=False),
        sa.Column("stage", sa.Text(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        _when("created_at"),
        _when("started_at", nullable=True),
        _when("finished_at", nullable=True),
        _when("heartbeat_at", nullable=True),
        sa.Column("lease_owner", NAME, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_jobs"),
        sa.CheckConstraint("kind IN ('transcribe', 'extract', 'finalize')",
                           name=op.f("ck_jobs_kind")),
        sa.CheckConstraint("status IN ('queued', 'running', 'done', 'failed')",
                           name=op.f("ck_jobs_status")),
        sa.CheckConstraint("progress >= 0 AND progress <= 1", name=op.f("ck_jobs_progress")),
    )
    op.create_index("ix_jobs_session_id", "jobs", ["session_id"])
    op.create_index("ix_jobs_recording_id", "jobs", ["recording_id"])
    op.create_index("ix_jobs_status_created_at", "jobs", ["status", "created_at"])


def downgrade() -> None:
    for table in ("jobs", "items", "segments", "recordings", "sessions", "access_tokens",
                  "mentorships"):
        op.drop_table(table)
