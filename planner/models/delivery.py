"""Delivery tables: stakeholders' sign-off of a version, commitments and their history."""

from datetime import date, datetime
from typing import Annotated, Literal

from annotated_types import Ge, Le
from pydantic import FiniteFloat
from sqlalchemy import JSON, Column, Date, ForeignKey, Integer
from sqlmodel import Field, SQLModel

from planner.core.limits import KPI_NAME_MAX, LEARNINGS_MAX
from planner.core.text import text_field
from planner.delivery.signoff import Decision
from planner.delivery.workflow import EventKind, Status
from planner.models.columns import EnumText
from planner.models.journey import NAME_MAX, TITLE_MAX, Name, ShortText, _owner, _timestamp
from planner.models.scoring import COMMENT_MAX, Comment, Reason, _key, _moment

KPI_LIMIT = 10**12  # a KPI is a finite number within this either way, as a backup holds it
Kpi = Annotated[FiniteFloat, Ge(-KPI_LIMIT), Le(KPI_LIMIT)]
Learnings = text_field(LEARNINGS_MAX, lines=True)


# --- sign-off of a roadmap version ------------------------------------------------------


class SignoffRequest(SQLModel):
    by: Name


class SignoffCreate(SQLModel):
    decision: Decision
    comment: Comment = ""


class Signoff(SQLModel, table=True):
    """A stakeholder's answer to a version's sign-off request; a new answer replaces it."""

    version_id: int = Field(sa_column=_key("roadmap_version", primary=True))
    stakeholder_id: int = Field(sa_column=_key("stakeholder", primary=True))
    decision: Decision = Field(sa_type=EnumText(Decision, 7))
    comment: str = Field(default="", max_length=COMMENT_MAX)
    decided_at: datetime = Field(sa_column=_timestamp())
    # None: the stakeholder answered through their own link; else the facilitator who
    # recorded the answer given in the room (see planner.delivery.signoff)
    recorded_by: str | None = Field(default=None, max_length=NAME_MAX)


# --- commitments -------------------------------------------------------------------------


class CommitmentCreate(SQLModel):
    """A product owner's promise on one item of a version: who, by when, measured how."""

    owner: Name
    committed_by: Name
    period: int | None = Field(default=None, ge=0)  # an index into the version's periods
    due: date | None = None
    kpi_name: ShortText = ""
    kpi_baseline: Kpi | None = None
    kpi_target: Kpi | None = None
    status: Literal[Status.COMMITTED, Status.PROPOSED] = Status.COMMITTED  # INITIAL
    comment: Comment = ""


class StatusChange(SQLModel):
    status: Status
    by: Name
    comment: Comment = ""


class DueMove(SQLModel):
    """A new due date for an open commitment, and why: re-planning keeps the promise's
    history (planner.delivery.workflow.check_due_move)."""

    due: date | None = None  # required: left empty, the move says so naming the field
    reason: Reason
    by: Name


class ResultRecord(SQLModel):
    """The check of plan-do-check-act: what the KPI measured, what it took, what was learnt.

    A field left out (None) keeps what was recorded before: the actual effort is known
    when the item is delivered, the KPI often weeks later."""

    kpi_result: Kpi | None = None
    # what it took, in the effort points the roadmap counts (0-10, like the scores): the
    # Progress page sets it against the scores given (estimating bias)
    actual_effort: float | None = Field(default=None, ge=0, le=10)
    learnings: Learnings | None = None
    by: Name
    rescore: bool = False


class Commitment(SQLModel, table=True):
    """An item of a roadmap version that someone owns until it is delivered and measured.

    Title, phase, channels and value are copied from the version so a commitment reads the
    same whatever happens to the candidate later.
    """

    id: int | None = Field(default=None, primary_key=True)
    workspace_id: int = Field(sa_column=_owner("workspace"))
    version_id: int = Field(sa_column=_key("roadmap_version"))
    candidate_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("candidate.id", ondelete="SET NULL"), index=True),
    )
    title: str = Field(max_length=TITLE_MAX)
    phase: str = Field(max_length=NAME_MAX)
    channels: list[str] = Field(sa_column=Column(JSON, nullable=False))
    value: float | None = None
    effort: float | None = None
    owner: str = Field(max_length=NAME_MAX)
    period: int | None = None
    due: date = Field(sa_column=Column(Date, nullable=False))
    kpi_name: str = Field(default="", max_length=KPI_NAME_MAX)
    kpi_baseline: float | None = None
    kpi_target: float | None = None
    kpi_result: float | None = None
    actual_effort: float | None = None
    learnings: str = Field(default="", max_length=LEARNINGS_MAX)
    status: Status = Field(default=Status.COMMITTED, sa_type=EnumText(Status, 12))
    done_on: date | None = Field(default=None, sa_column=Column(Date, nullable=True))
    rescore_requested_at: datetime | None = Field(default=None, sa_column=_moment())
    created_at: datetime = Field(sa_column=_timestamp())
    updated_at: datetime = Field(sa_column=_timestamp())


class CommitmentEvent(SQLModel, table=True):
    """One line of a commitment's history: a status change, a recorded result or a due
    date moved (from `from_due` to `to_due`, the reason in `comment`)."""

    __tablename__ = "commitment_event"
    id: int | None = Field(default=None, primary_key=True)
    commitment_id: int = Field(sa_column=_key("commitment"))
    kind: EventKind = Field(sa_type=EnumText(EventKind, 8))
    from_status: Status | None = Field(default=None, sa_type=EnumText(Status, 12))
    to_status: Status = Field(sa_type=EnumText(Status, 12))
    by: str = Field(max_length=NAME_MAX)
    at: datetime = Field(sa_column=_timestamp())
    comment: str = Field(default="", max_length=COMMENT_MAX)
    from_due: date | None = Field(default=None, sa_column=Column(Date, nullable=True))
    to_due: date | None = Field(default=None, sa_column=Column(Date, nullable=True))
