"""Roadmap tables: dependencies, the workspace's plan (settings, pins, exclusions), versions."""

from datetime import date, datetime

from sqlalchemy import JSON, Column, Date, ForeignKey, Integer, UniqueConstraint
from sqlmodel import Field, SQLModel

from planner.core.limits import TITLE_MAX
from planner.models.columns import EnumText
from planner.models.journey import NAME_MAX, Name, _owner, _timestamp
from planner.models.scoring import _key, _moment
from planner.roadmap.periods import PeriodKind
from planner.roadmap.quadrants import ThresholdMode
from planner.roadmap.ranking import Strategy
from planner.roadmap.settings import DEFAULT_PERIODS, DEFAULT_TIME_LIMIT


class Dependency(SQLModel, table=True):
    """`candidate_id` needs `needs_id` to be done first."""

    candidate_id: int = Field(sa_column=_key("candidate", primary=True))
    needs_id: int = Field(sa_column=_key("candidate", primary=True))


class RoadmapPlan(SQLModel, table=True):
    """The settings of a workspace's working roadmap (what a version saves a copy of)."""

    __tablename__ = "roadmap_plan"
    workspace_id: int = Field(sa_column=_key("workspace", primary=True))
    strategy: Strategy = Field(default=Strategy.QUICK_WINS, sa_type=EnumText(Strategy))
    period_kind: PeriodKind = Field(default=PeriodKind.QUARTER, sa_type=EnumText(PeriodKind))
    periods: int = DEFAULT_PERIODS
    start: date = Field(sa_column=Column(Date, nullable=False))
    capacities: list[float] = Field(sa_column=Column(JSON, nullable=False))
    threshold_mode: ThresholdMode = Field(
        default=ThresholdMode.MIDDLE, sa_type=EnumText(ThresholdMode)
    )
    time_limit: float = DEFAULT_TIME_LIMIT  # seconds the best plan's solver may take


class PlanItem(SQLModel, table=True):
    """A candidate pinned to a period, or left out of the roadmap."""

    __tablename__ = "plan_item"
    candidate_id: int = Field(sa_column=_key("candidate", primary=True))
    pinned_period: int | None = None
    excluded: bool = False


class VersionCreate(SQLModel):
    name: Name
    created_by: Name


class RoadmapVersion(SQLModel, table=True):
    __tablename__ = "roadmap_version"
    __table_args__ = (UniqueConstraint("workspace_id", "name"),)
    id: int | None = Field(default=None, primary_key=True)
    workspace_id: int = Field(sa_column=_owner("workspace"))
    name: str = Field(max_length=NAME_MAX)
    created_by: str = Field(max_length=NAME_MAX)
    created_at: datetime = Field(sa_column=_timestamp())
    settings: dict = Field(sa_column=Column(JSON, nullable=False))
    # Once sign-off is requested the version is frozen: changes make a new version.
    signoff_requested_at: datetime | None = Field(default=None, sa_column=_moment())
    signoff_requested_by: str | None = Field(default=None, max_length=NAME_MAX)


class RoadmapVersionItem(SQLModel, table=True):
    """A candidate as it stood in a saved version: a copy, unmoved by later changes."""

    __tablename__ = "roadmap_version_item"
    version_id: int = Field(sa_column=_key("roadmap_version", primary=True))
    position: int = Field(primary_key=True)
    candidate_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("candidate.id", ondelete="SET NULL"), index=True),
    )
    rank: int | None = None
    title: str = Field(max_length=TITLE_MAX)
    phase: str = Field(max_length=NAME_MAX)
    channels: list[str] = Field(sa_column=Column(JSON, nullable=False))
    value: float | None = None
    effort: float | None = None
    quadrant: str | None = None
    start_period: int | None = None
    end_period: int | None = None
    reason: str | None = None
    load: dict | None = Field(default=None, sa_column=Column(JSON, nullable=True))
