"""a commitment's due date can be moved: the history keeps the old and the new date

Revision ID: 0019
Revises: 0018
"""

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ADD COLUMNs (see 0008: a batch copy would cascade deletes).
    op.add_column("commitment_event", sa.Column("from_due", sa.Date(), nullable=True))
    op.add_column("commitment_event", sa.Column("to_due", sa.Date(), nullable=True))


def downgrade() -> None:
    op.drop_column("commitment_event", "to_due")
    op.drop_column("commitment_event", "from_due")
