"""focus mode: a session's candidates in the order the room takes them, one at a time

Revision ID: 0014
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN (see 0008: a batch copy would cascade deletes).
    op.add_column("scoring_session", sa.Column("focus_queue", sa.JSON(), nullable=True))


def downgrade() -> None:
    op.drop_column("scoring_session", "focus_queue")
