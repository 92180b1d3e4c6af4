"""own-pace rounds: a session's due date, invitees by e-mail, the outbox of their mails

Revision ID: 0021
Revises: 0020
"""

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def _key(table: str) -> sa.ForeignKeyConstraint:
    column = table if table == "stakeholder" else "session"
    return sa.ForeignKeyConstraint([f"{column}_id"], [f"{table}.id"], ondelete="CASCADE")


def upgrade() -> None:
    op.create_table(
        "own_pace",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("open_until", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reminder_hours", sa.JSON(), nullable=False),
        sa.Column("app_url", sa.String(length=500), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        _key("scoring_session"),
        sa.PrimaryKeyConstraint("session_id"),
    )
    op.create_table(
        "invitee",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("stakeholder_id", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("invited_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reminders_off_at", sa.DateTime(timezone=True), nullable=True),
        _key("scoring_session"),
        _key("stakeholder"),
        sa.PrimaryKeyConstraint("session_id", "stakeholder_id"),
    )
    op.create_table(
        "outbox_mail",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("stakeholder_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.String(length=500), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("claimed_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        _key("scoring_session"),
        _key("stakeholder"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("session_id", "stakeholder_id", "kind"),
    )
    with op.batch_alter_table("outbox_mail", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_outbox_mail_session_id"), ["session_id"])
        batch_op.create_index(batch_op.f("ix_outbox_mail_stakeholder_id"), ["stakeholder_id"])


def downgrade() -> None:
    op.drop_table("outbox_mail")
    op.drop_table("invitee")
    op.drop_table("own_pace")
