"""sign-off of roadmap versions, commitments and their history

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("roadmap_version", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("signoff_requested_at", sa.DateTime(timezone=True), nullable=True)
        )
        batch_op.add_column(sa.Column("signoff_requested_by", sa.String(length=80), nullable=True))
    op.create_table(
        "signoff",
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("stakeholder_id", sa.Integer(), nullable=False),
        sa.Column("decision", sa.String(length=7), nullable=False),
        sa.Column("comment", sa.String(length=1000), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["version_id"], ["roadmap_version.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["stakeholder_id"], ["stakeholder.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("version_id", "stakeholder_id"),
    )
    op.create_table(
        "commitment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("phase", sa.String(length=80), nullable=False),
        sa.Column("channels", sa.JSON(), nullable=False),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("effort", sa.Float(), nullable=True),
        sa.Column("owner", sa.String(length=80), nullable=False),
        sa.Column("period", sa.Integer(), nullable=True),
        sa.Column("due", sa.Date(), nullable=False),
        sa.Column("kpi_name", sa.String(length=200), nullable=False),
        sa.Column("kpi_baseline", sa.Float(), nullable=True),
        sa.Column("kpi_target", sa.Float(), nullable=True),
        sa.Column("kpi_result", sa.Float(), nullable=True),
        sa.Column("learnings", sa.String(length=2000), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("rescore_requested_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["workspace_id"], ["workspace.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["version_id"], ["roadmap_version.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["candidate_id"], ["candidate.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("commitment", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_commitment_workspace_id"), ["workspace_id"])
        batch_op.create_index(batch_op.f("ix_commitment_version_id"), ["version_id"])
        batch_op.create_index(batch_op.f("ix_commitment_candidate_id"), ["candidate_id"])
    op.create_table(
        "commitment_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("commitment_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("from_status", sa.String(length=12), nullable=True),
        sa.Column("to_status", sa.String(length=12), nullable=False),
        sa.Column("by", sa.String(length=80), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("comment", sa.String(length=1000), nullable=False),
        sa.ForeignKeyConstraint(["commitment_id"], ["commitment.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("commitment_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_commitment_event_commitment_id"), ["commitment_id"])


def downgrade() -> None:
    op.drop_table("commitment_event")
    op.drop_table("commitment")
    op.drop_table("signoff")
    with op.batch_alter_table("roadmap_version", schema=None) as batch_op:
        batch_op.drop_column("signoff_requested_by")
        batch_op.drop_column("signoff_requested_at")
