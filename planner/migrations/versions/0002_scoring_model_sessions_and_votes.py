"""scoring model sessions and votes

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

DEFAULT_CRITERIA_EN = [
    ("Customer value", "value"),
    ("Business value", "value"),
    ("Effort", "effort"),
]
DEFAULT_CRITERIA_NL = [
    ("Klantwaarde", "value"),
    ("Bedrijfswaarde", "value"),
    ("Inspanning", "effort"),
]


def upgrade() -> None:
    op.create_table(
        "criterion",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("dimension", sa.String(length=6), nullable=False),
        sa.Column("weight", sa.Float(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["workspace_id"], ["workspace.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("workspace_id", "name"),
    )
    with op.batch_alter_table("criterion", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_criterion_workspace_id"), ["workspace_id"], unique=False
        )

    op.create_table(
        "role_weight",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=80), nullable=False),
        sa.Column("weight", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(["workspace_id"], ["workspace.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("workspace_id", "role"),
    )
    with op.batch_alter_table("role_weight", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_role_weight_workspace_id"), ["workspace_id"], unique=False
        )

    op.create_table(
        "scoring_model",
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("scale", sa.String(), nullable=False),
        sa.Column("consensus_method", sa.String(), nullable=False),
        sa.Column("disagreement", sa.Float(), nullable=False),
        sa.Column("min_votes", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["workspace_id"], ["workspace.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("workspace_id"),
    )
    op.create_table(
        "scoring_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("code", sa.String(length=12), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["workspace_id"], ["workspace.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("code"),
    )
    with op.batch_alter_table("scoring_session", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_scoring_session_workspace_id"), ["workspace_id"], unique=False
        )

    op.create_table(
        "stakeholder",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("name_key", sa.String(length=80), nullable=False),
        sa.Column("role", sa.String(length=80), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["workspace_id"], ["workspace.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("workspace_id", "name_key"),
    )
    with op.batch_alter_table("stakeholder", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_stakeholder_workspace_id"), ["workspace_id"], unique=False
        )

    op.create_table(
        "participant",
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("stakeholder_id", sa.Integer(), nullable=False),
        sa.Column("joined_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["session_id"], ["scoring_session.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["stakeholder_id"], ["stakeholder.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("session_id", "stakeholder_id"),
    )
    op.create_table(
        "scoring_round",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revealed_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["session_id"], ["scoring_session.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("session_id", "number"),
    )
    with op.batch_alter_table("scoring_round", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_scoring_round_session_id"), ["session_id"], unique=False
        )

    op.create_table(
        "ballot_comment",
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("stakeholder_id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("comment", sa.String(length=1000), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["candidate_id"], ["candidate.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["round_id"], ["scoring_round.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["stakeholder_id"], ["stakeholder.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("round_id", "stakeholder_id", "candidate_id"),
    )
    op.create_table(
        "consensus_override",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("effort", sa.Float(), nullable=True),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("decided_by", sa.String(length=80), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["candidate_id"], ["candidate.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("consensus_override", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_consensus_override_candidate_id"), ["candidate_id"], unique=False
        )

    op.create_table(
        "round_candidate",
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["candidate_id"], ["candidate.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["round_id"], ["scoring_round.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("round_id", "candidate_id"),
    )
    op.create_table(
        "vote",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("stakeholder_id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("criterion_id", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("label", sa.String(length=12), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["candidate_id"], ["candidate.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["criterion_id"], ["criterion.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["round_id"], ["scoring_round.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["stakeholder_id"], ["stakeholder.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("round_id", "stakeholder_id", "candidate_id", "criterion_id"),
    )
    with op.batch_alter_table("vote", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_vote_candidate_id"), ["candidate_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_vote_criterion_id"), ["criterion_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_vote_round_id"), ["round_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_vote_stakeholder_id"), ["stakeholder_id"], unique=False
        )

    # Existing workspaces get the default scoring model, criteria named in their language.
    connection = op.get_bind()
    for workspace_id, language in connection.execute(sa.text("SELECT id, language FROM workspace")):
        connection.execute(
            sa.text(
                "INSERT INTO scoring_model (workspace_id, scale, consensus_method, disagreement,"
                " min_votes) VALUES (:id, '1-5', 'median', 0.25, 3)"
            ),
            {"id": workspace_id},
        )
        names = DEFAULT_CRITERIA_NL if language == "nl" else DEFAULT_CRITERIA_EN
        for position, (name, dimension) in enumerate(names):
            connection.execute(
                sa.text(
                    "INSERT INTO criterion (workspace_id, name, dimension, weight, position)"
                    " VALUES (:id, :name, :dimension, 1.0, :position)"
                ),
                {"id": workspace_id, "name": name, "dimension": dimension, "position": position},
            )


def downgrade() -> None:
    with op.batch_alter_table("vote", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_vote_stakeholder_id"))
        batch_op.drop_index(batch_op.f("ix_vote_round_id"))
        batch_op.drop_index(batch_op.f("ix_vote_criterion_id"))
        batch_op.drop_index(batch_op.f("ix_vote_candidate_id"))

    op.drop_table("vote")
    op.drop_table("round_candidate")
    with op.batch_alter_table("consensus_override", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_consensus_override_candidate_id"))

    op.drop_table("consensus_override")
    op.drop_table("ballot_comment")
    with op.batch_alter_table("scoring_round", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_scoring_round_session_id"))

    op.drop_table("scoring_round")
    op.drop_table("participant")
    with op.batch_alter_table("stakeholder", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stakeholder_workspace_id"))

    op.drop_table("stakeholder")
    with op.batch_alter_table("scoring_session", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_scoring_session_workspace_id"))

    op.drop_table("scoring_session")
    op.drop_table("scoring_model")
    with op.batch_alter_table("role_weight", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_role_weight_workspace_id"))

    op.drop_table("role_weight")
    with op.batch_alter_table("criterion", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_criterion_workspace_id"))

    op.drop_table("criterion")
