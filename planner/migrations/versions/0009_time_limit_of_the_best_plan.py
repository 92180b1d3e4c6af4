"""time limit of the optimised roadmap strategy

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN (see 0008: a batch copy would cascade deletes).
    op.add_column(
        "roadmap_plan",
        sa.Column("time_limit", sa.Float(), nullable=False, server_default="10"),
    )


def downgrade() -> None:
    op.drop_column("roadmap_plan", "time_limit")
