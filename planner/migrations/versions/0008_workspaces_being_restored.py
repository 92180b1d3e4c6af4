"""workspaces being restored in batches: invisible until published

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN: a batch copy of the workspace table would, with foreign keys
    # on, delete every row that belongs to a workspace (ON DELETE CASCADE).
    op.add_column(
        "workspace",
        sa.Column("restoring", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    op.drop_column("workspace", "restoring")  # SQLite 3.35+ drops a column in place
