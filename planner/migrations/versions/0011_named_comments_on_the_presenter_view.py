"""whether the presenter view names who wrote each comment

Revision ID: 0011
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN (see 0008: a batch copy would cascade deletes).
    op.add_column(
        "scoring_session",
        sa.Column("comments_named", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    op.drop_column("scoring_session", "comments_named")
