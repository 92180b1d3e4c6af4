"""time boxes, automatic reveals and nudges of a scoring session

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMNs (see 0008: a batch copy would cascade deletes).
    for name in ("reveal_at_zero", "reveal_when_done"):
        op.add_column(
            "scoring_session",
            sa.Column(name, sa.Boolean(), nullable=False, server_default=sa.false()),
        )
    op.add_column("scoring_round", sa.Column("deadline", sa.DateTime(timezone=True)))
    op.add_column("participant", sa.Column("nudged_at", sa.DateTime(timezone=True)))


def downgrade() -> None:
    op.drop_column("participant", "nudged_at")
    op.drop_column("scoring_round", "deadline")
    for name in ("reveal_when_done", "reveal_at_zero"):
        op.drop_column("scoring_session", name)
