"""workspace access (passphrase hash, links), audit log, sign-in attempts

Revision ID: 0005
Revises: 0004

Workspaces made before this version get their links now and no passphrase: a facilitator
sets one with `python -m planner passphrase` before anyone can open them as facilitator.
"""

import secrets

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    access = op.create_table(
        "workspace_access",
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("facilitator_hash", sa.String(length=200), nullable=True),
        sa.Column("viewer_token", sa.String(length=43), nullable=False),
        sa.Column("owner_token", sa.String(length=43), nullable=False),
        sa.ForeignKeyConstraint(["workspace_id"], ["workspace.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("workspace_id"),
        sa.UniqueConstraint("viewer_token"),
        sa.UniqueConstraint("owner_token"),
    )
    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=80), nullable=False),
        sa.Column("action", sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(["workspace_id"], ["workspace.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_event_workspace_id"), ["workspace_id"])
    op.create_table(
        "access_attempt",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("bucket", sa.String(length=200), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("ok", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("access_attempt", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_access_attempt_bucket"), ["bucket"])
    existing = op.get_bind().execute(sa.text("SELECT id FROM workspace")).scalars().all()
    if existing:
        op.bulk_insert(
            access,
            [
                {
                    "workspace_id": workspace_id,
                    "facilitator_hash": None,
                    "viewer_token": secrets.token_urlsafe(32),
                    "owner_token": secrets.token_urlsafe(32),
                }
                for workspace_id in existing
            ],
        )


def downgrade() -> None:
    op.drop_table("access_attempt")
    op.drop_table("audit_event")
    op.drop_table("workspace_access")
