"""personal links for stakeholders, auto-advance setting of a scoring session

Revision ID: 0006
Revises: 0005

A stakeholder's personal link is stored as the SHA-256 of its random token, never the
token. Stakeholders who joined before this version have none until the facilitator
issues one from the live view.
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("stakeholder", schema=None) as batch_op:
        batch_op.add_column(sa.Column("link_hash", sa.String(length=64), nullable=True))
        batch_op.create_index("ix_stakeholder_link_hash", ["link_hash"], unique=True)
    with op.batch_alter_table("scoring_session", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("auto_advance", sa.Boolean(), nullable=False, server_default=sa.true())
        )


def downgrade() -> None:
    with op.batch_alter_table("scoring_session", schema=None) as batch_op:
        batch_op.drop_column("auto_advance")
    with op.batch_alter_table("stakeholder", schema=None) as batch_op:
        batch_op.drop_index("ix_stakeholder_link_hash")
        batch_op.drop_column("link_hash")
