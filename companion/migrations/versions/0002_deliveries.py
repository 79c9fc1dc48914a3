"""Recap email deliveries: one row per recipient and finalisation of a session.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = sa.String(16)


def _when(name: str, *, nullable: bool = True) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade() -> None:
    op.create_table(
        "deliveries",
        sa.Column("id", ID, nullable=False),
        sa.Column("session_id", ID, nullable=False),
        sa.Column("job_id", ID, nullable=True),
        sa.Column("finalisation", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(16), nullable=False),
        sa.Column("role", sa.String(8), nullable=False),
        sa.Column("address", sa.String(320), nullable=False),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        _when("next_attempt_at"),
        _when("claimed_at"),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("message_id", sa.String(255), nullable=True),
        sa.Column("link_hash", sa.String(64), nullable=True),
        _when("link_expires_at"),
        sa.Column("channel", sa.String(8), nullable=True),
        _when("created_at", nullable=False),
        _when("sent_at"),
        sa.PrimaryKeyConstraint("id", name="pk_deliveries"),
        sa.ForeignKeyConstraint(["session_id"], ["sessions.id"],
                                name="fk_deliveries_session_id_sessions", ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["job_id"], ["jobs.id"],
                                name="fk_deliveries_job_id_jobs", ondelete="CASCADE"),
        sa.UniqueConstraint("job_id", "role", name="uq_deliveries_job_id"),
        sa.UniqueConstraint("message_id", name="uq_deliveries_message_id"),
        sa.UniqueConstraint("link_hash", name="uq_deliveries_link_hash"),
        sa.CheckConstraint("role IN ('mentor', 'mentee')", name=op.f("ck_deliveries_role")),
        sa.CheckConstraint(
            "status IN ('pending', 'held', 'sending', 'sent', 'failed', 'skipped')",
            name=op.f("ck_deliveries_status")),
        sa.CheckConstraint("reason IN ('finalised', 'resend', 'manual')",
                           name=op.f("ck_deliveries_reason")),
        sa.CheckConstraint("channel IS NULL OR channel IN ('smtp', 'outbox')",
                           name=op.f("ck_deliveries_channel")),
    )
    op.create_index("ix_deliveries_session_id", "deliveries", ["session_id"])
    op.create_index("ix_deliveries_status_next_attempt_at", "deliveries",
                    ["status", "next_attempt_at"])


def downgrade() -> None:
    op.drop_table("deliveries")
