"""roadmap plans dependencies and versions

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "roadmap_plan",
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("strategy", sa.String(), nullable=False),
        sa.Column("period_kind", sa.String(), nullable=False),
        sa.Column("periods", sa.Integer(), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("capacities", sa.JSON(), nullable=False),
        sa.Column("threshold_mode", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["workspace_id"], ["workspace.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("workspace_id"),
    )
    op.create_table(
        "roadmap_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("created_by", sa.String(length=80), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("settings", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["workspace_id"], ["workspace.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("workspace_id", "name"),
    )
    with op.batch_alter_table("roadmap_version", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_roadmap_version_workspace_id"), ["workspace_id"], unique=False
        )

    op.create_table(
        "dependency",
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("needs_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["candidate_id"], ["candidate.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["needs_id"], ["candidate.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("candidate_id", "needs_id"),
    )
    op.create_table(
        "plan_item",
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("pinned_period", sa.Integer(), nullable=True),
        sa.Column("excluded", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["candidate_id"], ["candidate.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("candidate_id"),
    )
    op.create_table(
        "roadmap_version_item",
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=True),
        sa.Column("rank", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("phase", sa.String(length=80), nullable=False),
        sa.Column("channels", sa.JSON(), nullable=False),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("effort", sa.Float(), nullable=True),
        sa.Column("quadrant", sa.String(), nullable=True),
        sa.Column("start_period", sa.Integer(), nullable=True),
        sa.Column("end_period", sa.Integer(), nullable=True),
        sa.Column("reason", sa.String(), nullable=True),
        sa.Column("load", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(["candidate_id"], ["candidate.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["version_id"], ["roadmap_version.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("version_id", "position"),
    )
    with op.batch_alter_table("roadmap_version_item", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_roadmap_version_item_candidate_id"), ["candidate_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("roadmap_version_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_roadmap_version_item_candidate_id"))

    op.drop_table("roadmap_version_item")
    op.drop_table("plan_item")
    op.drop_table("dependency")
    with op.batch_alter_table("roadmap_version", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_roadmap_version_workspace_id"))

    op.drop_table("roadmap_version")
    op.drop_table("roadmap_plan")
