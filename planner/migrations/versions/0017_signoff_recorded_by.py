"""sign-off answers say who entered them; a workspace may forbid answers on someone's behalf

Revision ID: 0017
Revises: 0016
"""

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

# What the Sign-off page logged when a facilitator recorded an answer (the catalog's
# "signoff.sent" until now, in both languages): a stakeholder's own answer was never logged.
LOGGED = ("Thank you, {name}: your answer is saved.", "Dank je, {name}: je antwoord is opgeslagen.")
SAME_CHANGE = timedelta(seconds=60)  # the log entry is written in the answer's transaction

signoff = sa.table(
    "signoff",
    sa.column("version_id", sa.Integer),
    sa.column("stakeholder_id", sa.Integer),
    sa.column("decided_at", sa.DateTime(timezone=True)),
    sa.column("recorded_by", sa.String),
)
stakeholder = sa.table(
    "stakeholder",
    sa.column("id", sa.Integer),
    sa.column("workspace_id", sa.Integer),
    sa.column("name", sa.String),
)
audit_event = sa.table(
    "audit_event",
    sa.column("workspace_id", sa.Integer),
    sa.column("at", sa.DateTime(timezone=True)),
    sa.column("actor", sa.String),
    sa.column("action", sa.String),
)


def upgrade() -> None:
    # Plain ADD COLUMNs (see 0008: a batch copy would cascade deletes).
    op.add_column("signoff", sa.Column("recorded_by", sa.String(length=80), nullable=True))
    op.add_column(
        "workspace",
        sa.Column("signoff_on_behalf", sa.Boolean(), nullable=False, server_default=sa.true()),
    )
    _recorded_by_from_the_audit_log(op.get_bind())


def _recorded_by_from_the_audit_log(connection) -> None:
    """Answers a facilitator recorded before now: the audit log knows who, from the
    message it logged in the same transaction, for that stakeholder, in that workspace."""
    answers = connection.execute(
        sa.select(
            signoff.c.version_id,
            signoff.c.stakeholder_id,
            signoff.c.decided_at,
            stakeholder.c.workspace_id,
            stakeholder.c.name,
        ).join(stakeholder, stakeholder.c.id == signoff.c.stakeholder_id)
    ).all()
    for version_id, stakeholder_id, decided_at, workspace_id, name in answers:
        logged = connection.execute(
            sa.select(audit_event.c.actor, audit_event.c.at)
            .where(
                audit_event.c.workspace_id == workspace_id,
                audit_event.c.action.in_([text.format(name=name) for text in LOGGED]),
            )
            .order_by(audit_event.c.at)
        ).all()
        answered = _utc(decided_at)
        by = next(
            (
                actor
                for actor, at in logged
                if timedelta(seconds=-1) <= _utc(at) - answered <= SAME_CHANGE
            ),
            None,
        )
        if by is not None:
            connection.execute(
                signoff.update()
                .where(
                    signoff.c.version_id == version_id,
                    signoff.c.stakeholder_id == stakeholder_id,
                )
                .values(recorded_by=by[:80])
            )


def _utc(moment: datetime) -> datetime:
    """SQLite gives moments without a zone: they are UTC."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def downgrade() -> None:
    op.drop_column("workspace", "signoff_on_behalf")
    op.drop_column("signoff", "recorded_by")
