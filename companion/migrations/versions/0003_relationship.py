"""The mentoring relationship: agreement history, goals and their linked items, done
proposals, reminder and nudge notifications, surveys, private notes, and a check-in set
by hand on the mentorship.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ID = sa.String(16)
ISO = sa.String(16)


def _when(name: str, *, nullable: bool = True) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _check(table: str, name: str, sql: str) -> sa.CheckConstraint:
    return sa.CheckConstraint(sql, name=op.f(f"ck_{table}_{name}"))


def _fk(table: str, column: str, target: str, ondelete: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{target}.id"],
                                   name=f"fk_{table}_{column}_{target}", ondelete=ondelete)


ROLES = "('mentor', 'mentee')"
AUTHORS = "('mentor', 'mentee', 'extraction')"


def upgrade() -> None:
    with op.batch_alter_table("mentorships") as batch:
        batch.add_column(sa.Column("next_checkin", ISO, nullable=True))
        batch.add_column(_when("next_checkin_set_at"))
        batch.add_column(sa.Column("next_checkin_set_by", sa.String(8), nullable=True))

    op.create_table(
        "agreement_revisions",
        sa.Column("id", ID, nullable=False),
        sa.Column("mentorship_id", ID, nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("author", sa.String(16), nullable=False),
        sa.Column("terms", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        _when("created_at", nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_agreement_revisions"),
        _fk("agreement_revisions", "mentorship_id", "mentorships", "CASCADE"),
        sa.UniqueConstraint("mentorship_id", "version",
                            name="uq_agreement_revisions_mentorship_id"),
        _check("agreement_revisions", "author", f"author IN {AUTHORS}"),
    )
    op.create_index("ix_agreement_revisions_mentorship_id", "agreement_revisions",
                    ["mentorship_id"])

    op.create_table(
        "goals",
        sa.Column("id", ID, nullable=False),
        sa.Column("mentorship_id", ID, nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("owner", sa.String(8), nullable=False),
        sa.Column("target", ISO, nullable=True),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("source_item_id", ID, nullable=True),
        sa.Column("source_session_id", ID, nullable=True),
        sa.Column("created_by", sa.String(16), nullable=False),
        _when("created_at", nullable=False),
        _when("updated_at", nullable=False),
        _when("achieved_at"),
        sa.PrimaryKeyConstraint("id", name="pk_goals"),
        _fk("goals", "mentorship_id", "mentorships", "CASCADE"),
        _fk("goals", "source_item_id", "items", "SET NULL"),
        _fk("goals", "source_session_id", "sessions", "SET NULL"),
        _check("goals", "owner", "owner IN ('mentor', 'mentee', 'both')"),
        _check("goals", "status", "status IN ('open', 'achieved', 'dropped')"),
        _check("goals", "created_by", f"created_by IN {AUTHORS}"),
    )
    op.create_index("ix_goals_mentorship_id", "goals", ["mentorship_id"])

    op.create_table(
        "goal_links",
        sa.Column("goal_id", ID, nullable=False),
        sa.Column("item_id", ID, nullable=False),
        sa.Column("created_by", sa.String(8), nullable=False),
        _when("created_at", nullable=False),
        sa.PrimaryKeyConstraint("goal_id", "item_id", name="pk_goal_links"),
        _fk("goal_links", "goal_id", "goals", "CASCADE"),
        _fk("goal_links", "item_id", "items", "CASCADE"),
    )
    op.create_index("ix_goal_links_item_id", "goal_links", ["item_id"])

    op.create_table(
        "done_proposals",
        sa.Column("id", ID, nullable=False),
        sa.Column("item_id", ID, nullable=False),
        sa.Column("session_id", ID, nullable=False),
        sa.Column("segment", sa.Integer(), nullable=True),
        sa.Column("start", sa.Float(), nullable=True),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        _when("created_at", nullable=False),
        _when("resolved_at"),
        sa.Column("resolved_by", sa.String(8), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_done_proposals"),
        _fk("done_proposals", "item_id", "items", "CASCADE"),
        _fk("done_proposals", "session_id", "sessions", "CASCADE"),
        sa.UniqueConstraint("item_id", "session_id", name="uq_done_proposals_item_id"),
        _check("done_proposals", "status", "status IN ('proposed', 'confirmed', 'dismissed')"),
    )
    op.create_index("ix_done_proposals_session_id", "done_proposals", ["session_id"])

    op.create_table(
        "notifications",
        sa.Column("id", ID, nullable=False),
        sa.Column("mentorship_id", ID, nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("role", sa.String(8), nullable=False),
        sa.Column("address", sa.String(320), nullable=False),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        _when("next_attempt_at"),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("message_id", sa.String(255), nullable=True),
        sa.Column("channel", sa.String(8), nullable=True),
        _when("created_at", nullable=False),
        _when("sent_at"),
        sa.PrimaryKeyConstraint("id", name="pk_notifications"),
        _fk("notifications", "mentorship_id", "mentorships", "CASCADE"),
        sa.UniqueConstraint("mentorship_id", "kind", "key", "role",
                            name="uq_notifications_mentorship_id"),
        sa.UniqueConstraint("message_id", name="uq_notifications_message_id"),
        _check("notifications", "kind", "kind IN ('reminder', 'nudge')"),
        _check("notifications", "role", f"role IN {ROLES}"),
        _check("notifications", "status",
               "status IN ('pending', 'sending', 'sent', 'failed', 'skipped')"),
    )
    op.create_index("ix_notifications_mentorship_id", "notifications", ["mentorship_id"])
    op.create_index("ix_notifications_status_next_attempt_at", "notifications",
                    ["status", "next_attempt_at"])

    op.create_table(
        "surveys",
        sa.Column("id", ID, nullable=False),
        sa.Column("session_id", ID, nullable=False),
        sa.Column("role", sa.String(8), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=True),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("answers", sa.JSON(), nullable=False),
        _when("created_at", nullable=False),
        _when("updated_at", nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_surveys"),
        _fk("surveys", "session_id", "sessions", "CASCADE"),
        sa.UniqueConstraint("session_id", "role", name="uq_surveys_session_id"),
        _check("surveys", "role", f"role IN {ROLES}"),
        _check("surveys", "rating", "rating IS NULL OR (rating >= 1 AND rating <= 5)"),
    )
    op.create_index("ix_surveys_session_id", "surveys", ["session_id"])

    op.create_table(
        "notes",
        sa.Column("id", ID, nullable=False),
        sa.Column("mentorship_id", ID, nullable=False),
        sa.Column("session_id", ID, nullable=True),
        sa.Column("author", sa.String(8), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        _when("created_at", nullable=False),
        _when("updated_at", nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_notes"),
        _fk("notes", "mentorship_id", "mentorships", "CASCADE"),
        _fk("notes", "session_id", "sessions", "CASCADE"),
        _check("notes", "author", f"author IN {ROLES}"),
    )
    op.create_index("ix_notes_session_id", "notes", ["session_id"])
    op.create_index("ix_notes_mentorship_id_author", "notes", ["mentorship_id", "author"])


def downgrade() -> None:
    for table in ("notes", "surveys", "notifications", "done_proposals", "goal_links",
                  "goals", "agreement_revisions"):
        op.drop_table(table)
    with op.batch_alter_table("mentorships") as batch:
        batch.drop_column("next_checkin_set_by")
        batch.drop_column("next_checkin_set_at")
        batch.drop_column("next_checkin")
