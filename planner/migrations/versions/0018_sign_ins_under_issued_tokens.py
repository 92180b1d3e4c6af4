"""sign-ins only under tokens the server issued, with a lineage per browser

Revision ID: 0018
Revises: 0017

Records made before this version may sit under a token a browser brought along (a
planted cookie); they are ended, and everyone signs in once more.
"""

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("DELETE FROM sign_in")
    with op.batch_alter_table("sign_in", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("lineage", sa.String(length=64), nullable=False, server_default="")
        )
        batch_op.create_index("ix_sign_in_lineage", ["lineage"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("sign_in", schema=None) as batch_op:
        batch_op.drop_index("ix_sign_in_lineage")
        batch_op.drop_column("lineage")
