"""criteria limited to roles (e.g. IT rates effort only)

Revision ID: 0012
Revises: 0011
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "criterion_role",
        sa.Column("criterion_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=80), nullable=False),
        sa.ForeignKeyConstraint(["criterion_id"], ["criterion.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("criterion_id", "role"),
    )


def downgrade() -> None:
    op.drop_table("criterion_role")
