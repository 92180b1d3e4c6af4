"""calibration references per dimension; the actual effort of a delivered commitment

Revision ID: 0013
Revises: 0012
"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "calibration_reference",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("dimension", sa.String(length=6), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=12), nullable=False),
        sa.ForeignKeyConstraint(["workspace_id"], ["workspace.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["candidate_id"], ["candidate.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("workspace_id", "dimension", "candidate_id"),
    )
    with op.batch_alter_table("calibration_reference", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_calibration_reference_workspace_id"), ["workspace_id"])
        batch_op.create_index(batch_op.f("ix_calibration_reference_candidate_id"), ["candidate_id"])
    # A plain ADD COLUMN (see 0008: a batch copy would cascade deletes).
    op.add_column("commitment", sa.Column("actual_effort", sa.Float(), nullable=True))


def downgrade() -> None:
    op.drop_column("commitment", "actual_effort")
    op.drop_table("calibration_reference")
