"""a sign-in's language: one of the app's languages or none (NULL), no longer ""

Revision ID: 0022
Revises: 0021

The column holds planner.core.i18n.Language (EnumText, same VARCHAR(8)). "" meant no
language kept; so does NULL now. A code the app does not speak (none was ever written)
would fail the read as a Language, so it goes to NULL too: that browser gets the
workspace's language, as with none kept. Downgrade: NULL back to "".
"""

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None

SPOKEN = ("en", "nl")  # planner.core.i18n.Language at this revision


def upgrade() -> None:
    with op.batch_alter_table("sign_in", schema=None) as batch_op:
        batch_op.alter_column("lang", existing_type=sa.String(length=8), nullable=True)
    sign_in = sa.table("sign_in", sa.column("lang", sa.String(length=8)))
    op.execute(sign_in.update().where(sign_in.c.lang.not_in(SPOKEN)).values(lang=sa.null()))


def downgrade() -> None:
    sign_in = sa.table("sign_in", sa.column("lang", sa.String(length=8)))
    op.execute(sign_in.update().where(sign_in.c.lang.is_(None)).values(lang=""))
    with op.batch_alter_table("sign_in", schema=None) as batch_op:
        batch_op.alter_column("lang", existing_type=sa.String(length=8), nullable=False)
