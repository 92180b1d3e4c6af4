"""Scoring: the workspace's scoring model, sessions, rounds, stakeholders, votes, overrides."""

from datetime import datetime

from pydantic import StrictInt
from sqlalchemy import JSON, Column, DateTime, ForeignKey, Integer, UniqueConstraint
from sqlmodel import Field, SQLModel

from planner.core.ids import RowId
from planner.core.limits import COMMENT_MAX, JOIN_CODE_MAX, REASON_MAX
from planner.core.text import text_field
from planner.models.columns import EnumText
from planner.models.journey import NAME_MAX, Name, _owner, _timestamp
from planner.scoring.consensus import ConsensusMethod, Dimension
from planner.scoring.lifecycle import RoundStatus, SessionStatus
from planner.scoring.scales import ScaleKey

Comment = text_field(COMMENT_MAX, lines=True)
Reason = text_field(REASON_MAX, min_length=3, lines=True)
Role = text_field(NAME_MAX, name=True)


def _key(table: str, *, primary: bool = False) -> Column:
    """A foreign key to `table` whose rows go when the row referred to goes."""
    return Column(
        Integer,
        ForeignKey(f"{table}.id", ondelete="CASCADE"),
        nullable=False,
        primary_key=primary,
        index=not primary,
    )


def _moment() -> Column:
    """A time that may not have come yet."""
    return Column(DateTime(timezone=True), nullable=True)


# --- the scoring model of a workspace -----------------------------------------


class ScoringModelUpdate(SQLModel):
    scale: ScaleKey | None = None
    consensus_method: ConsensusMethod | None = None
    disagreement: float | None = Field(default=None, ge=0.05, le=1)
    min_votes: int | None = Field(default=None, ge=1, le=100)


class ScoringModel(SQLModel, table=True):
    __tablename__ = "scoring_model"
    workspace_id: int = Field(sa_column=_key("workspace", primary=True))
    scale: ScaleKey = Field(default=ScaleKey.ONE_TO_FIVE, sa_type=EnumText(ScaleKey))
    consensus_method: ConsensusMethod = Field(
        default=ConsensusMethod.MEDIAN, sa_type=EnumText(ConsensusMethod)
    )
    # A candidate is flagged "discuss" when the standard deviation of its scores is
    # over this share of the 0–10 range, or when it has votes at both ends.
    disagreement: float = 0.25
    min_votes: int = 3


class CriterionCreate(SQLModel):
    name: Name
    dimension: Dimension
    weight: float = Field(default=1.0, gt=0, le=100)
    # Rated only by stakeholders of these roles (of the workspace's list); none: everyone.
    roles: list[Name] = Field(default=[], max_length=50)


class Criterion(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("workspace_id", "name"),)
    id: int | None = Field(default=None, primary_key=True)
    workspace_id: int = Field(sa_column=_owner("workspace"))
    name: str = Field(max_length=NAME_MAX)
    dimension: Dimension = Field(sa_type=EnumText(Dimension, 6))
    weight: float = 1.0
    position: int = 0


class CriterionRole(SQLModel, table=True):
    """A criterion limited to a role: only stakeholders of its roles rate it."""

    __tablename__ = "criterion_role"
    criterion_id: int = Field(sa_column=_key("criterion", primary=True))
    role: str = Field(primary_key=True, max_length=NAME_MAX)  # as the workspace lists it


class ReferenceSet(SQLModel):
    """A calibration reference: this candidate is agreed to score `label` on a dimension."""

    candidate_id: StrictInt
    label: str = Field(min_length=1, max_length=12)


class CalibrationReference(SQLModel, table=True):
    """A yardstick the room agreed on ("effort 3 = like *Welcome mail*"): ballots show it
    beside the scale. At most three per dimension (planner.scoring.calibration)."""

    __tablename__ = "calibration_reference"
    __table_args__ = (UniqueConstraint("workspace_id", "dimension", "candidate_id"),)
    id: int | None = Field(default=None, primary_key=True)
    workspace_id: int = Field(sa_column=_owner("workspace"))
    dimension: Dimension = Field(sa_type=EnumText(Dimension, 6))
    candidate_id: int = Field(sa_column=_key("candidate"))
    label: str = Field(max_length=12)


class RoleWeightCreate(SQLModel):
    role: Name
    weight: float = Field(gt=0, le=100)


class RoleWeight(SQLModel, table=True):
    __tablename__ = "role_weight"
    __table_args__ = (UniqueConstraint("workspace_id", "role"),)
    id: int | None = Field(default=None, primary_key=True)
    workspace_id: int = Field(sa_column=_owner("workspace"))
    role: str = Field(max_length=NAME_MAX)
    weight: float = 1.0


# --- stakeholders and sessions --------------------------------------------------


class StakeholderJoin(SQLModel):
    name: Name
    role: Role = ""


class Stakeholder(SQLModel, table=True):
    """A person who scores; a name is taken once per workspace.

    `link_hash` is the SHA-256 of their personal link's token: the link, not the name,
    says who they are.
    """

    __table_args__ = (UniqueConstraint("workspace_id", "name_key"),)
    id: int | None = Field(default=None, primary_key=True)
    workspace_id: int = Field(sa_column=_owner("workspace"))
    name: str = Field(max_length=NAME_MAX)
    name_key: str = Field(max_length=NAME_MAX)
    role: str = Field(default="", max_length=NAME_MAX)
    link_hash: str | None = Field(default=None, max_length=64, unique=True, index=True)
    created_at: datetime = Field(sa_column=_timestamp())


class SessionCreate(SQLModel):
    name: Name
    focus: bool = False  # everyone on one candidate at a time (planner.store.scoring.focus)


class SessionSettings(SQLModel):
    """How a session runs; what is left out stays as it is."""

    auto_advance: bool | None = None
    reveal_at_zero: bool | None = None
    reveal_when_done: bool | None = None
    comments_named: bool | None = None


class ScoringSession(SQLModel, table=True):
    __tablename__ = "scoring_session"
    id: int | None = Field(default=None, primary_key=True)
    workspace_id: int = Field(sa_column=_owner("workspace"))
    name: str = Field(max_length=NAME_MAX)
    code: str = Field(max_length=JOIN_CODE_MAX, unique=True)
    status: SessionStatus = Field(default=SessionStatus.OPEN, sa_type=EnumText(SessionStatus))
    # A stakeholder's ballot moves on to the next unscored candidate once one is complete.
    auto_advance: bool = True
    # A round reveals itself when its time box ends / once everyone finished (see
    # planner.scoring.time_box); off: the facilitator reveals.
    reveal_at_zero: bool = False
    reveal_when_done: bool = False
    # The presenter view shows who wrote each comment (else anonymous).
    comments_named: bool = False
    # Focus mode: the candidates in the order the room takes them, one round each (see
    # planner.store.scoring.focus); None: every round scores its candidates side by side.
    focus_queue: list[int] | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    created_at: datetime = Field(sa_column=_timestamp())
    closed_at: datetime | None = Field(default=None, sa_column=_moment())


class Participant(SQLModel, table=True):
    session_id: int = Field(sa_column=_key("scoring_session", primary=True))
    stakeholder_id: int = Field(sa_column=_key("stakeholder", primary=True))
    joined_at: datetime = Field(sa_column=_timestamp())
    nudged_at: datetime | None = Field(default=None, sa_column=_moment())


class ScoringRound(SQLModel, table=True):
    """Round 1 scores the session's candidates; a re-vote round the flagged ones again."""

    __tablename__ = "scoring_round"
    __table_args__ = (UniqueConstraint("session_id", "number"),)
    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(sa_column=_key("scoring_session"))
    number: int = 1
    status: RoundStatus = Field(default=RoundStatus.VOTING, sa_type=EnumText(RoundStatus))
    opened_at: datetime = Field(sa_column=_timestamp())
    deadline: datetime | None = Field(default=None, sa_column=_moment())  # its time box
    revealed_at: datetime | None = Field(default=None, sa_column=_moment())


class RoundCandidate(SQLModel, table=True):
    __tablename__ = "round_candidate"
    round_id: int = Field(sa_column=_key("scoring_round", primary=True))
    candidate_id: int = Field(sa_column=_key("candidate", primary=True))


# --- votes ---------------------------------------------------------------------------


class Vote(SQLModel, table=True):
    """One stakeholder's answer on one criterion of one candidate in one round.

    `score` is 0–10 (see planner.scoring.scales); `None` means "don't know".
    """

    __table_args__ = (
        UniqueConstraint("round_id", "stakeholder_id", "candidate_id", "criterion_id"),
    )
    id: int | None = Field(default=None, primary_key=True)
    round_id: int = Field(sa_column=_key("scoring_round"))
    stakeholder_id: int = Field(sa_column=_key("stakeholder"))
    candidate_id: int = Field(sa_column=_key("candidate"))
    criterion_id: int = Field(sa_column=_key("criterion"))
    score: float | None = None
    label: str = Field(default="", max_length=12)
    updated_at: datetime = Field(sa_column=_timestamp())


class VoteCast(SQLModel):
    """One click on the ballot: an answer (a scale label, or "?" for don't know) to one
    criterion of one candidate in one round."""

    round: RowId
    candidate: RowId
    criterion: RowId
    answer: str = Field(min_length=1, max_length=12)


class CommentSet(SQLModel):
    round: RowId
    candidate: RowId
    comment: Comment


class BallotComment(SQLModel, table=True):
    __tablename__ = "ballot_comment"
    round_id: int = Field(sa_column=_key("scoring_round", primary=True))
    stakeholder_id: int = Field(sa_column=_key("stakeholder", primary=True))
    candidate_id: int = Field(sa_column=_key("candidate", primary=True))
    comment: str = Field(default="", max_length=COMMENT_MAX)
    updated_at: datetime = Field(sa_column=_timestamp())


# --- consensus decided by the facilitator ----------------------------------------------


class OverrideCreate(SQLModel):
    value: float | None = Field(default=None, ge=0, le=10)
    effort: float | None = Field(default=None, ge=0, le=10)
    reason: Reason
    decided_by: Name


class ConsensusOverride(SQLModel, table=True):
    """A facilitator's consensus for a candidate; the newest one counts, all are kept."""

    __tablename__ = "consensus_override"
    id: int | None = Field(default=None, primary_key=True)
    candidate_id: int = Field(sa_column=_key("candidate"))
    value: float | None = None
    effort: float | None = None
    reason: str = Field(max_length=REASON_MAX)
    decided_by: str = Field(max_length=NAME_MAX)
    decided_at: datetime = Field(sa_column=_timestamp())
