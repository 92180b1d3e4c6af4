"""Merges of duplicate candidates, kept so that each can be undone."""

from datetime import datetime

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel

from planner.models.journey import NAME_MAX, TITLE_MAX, _owner, _timestamp
from planner.models.scoring import _moment


class CandidateMerge(SQLModel, table=True):
    """Candidates merged into `kept_id` by `actor`; `snapshot` holds every row the merge
    changed or removed, as it was (planner.store.journey.merges), for the undo."""

    __tablename__ = "candidate_merge"
    id: int | None = Field(default=None, primary_key=True)
    workspace_id: int = Field(sa_column=_owner("workspace"))
    kept_id: int  # no foreign key: the record outlives a later deletion of the candidate
    kept_title: str = Field(max_length=TITLE_MAX)
    merged_titles: list[str] = Field(sa_column=Column(JSON, nullable=False))
    actor: str = Field(max_length=NAME_MAX)
    merged_at: datetime = Field(sa_column=_timestamp())
    snapshot: dict = Field(sa_column=Column(JSON, nullable=False))
    undone_at: datetime | None = Field(default=None, sa_column=_moment())
    undone_by: str | None = Field(default=None, max_length=NAME_MAX)
