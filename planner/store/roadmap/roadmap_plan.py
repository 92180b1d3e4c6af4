"""A workspace's working roadmap: its settings, pins and exclusions, and the roadmap itself."""

from dataclasses import dataclass
from datetime import date

import pandas as pd
from sqlalchemy import delete, select
from sqlmodel import Session

from planner.models import Candidate, PlanItem, RoadmapPlan
from planner.roadmap.build import Roadmap, build_roadmap
from planner.roadmap.certainty import Certainty, plan_certainty
from planner.roadmap.settings import RoadmapSettings
from planner.store.journey.candidates import candidate_frame
from planner.store.roadmap.dependencies import needs_of
from planner.store.scoring.consensus import consensus_of, workspace_resampled
from planner.store.sql import upsert


def load_plan(*, db: Session, workspace_id: int, today: date) -> RoadmapSettings:
    """The workspace's roadmap settings; four quarters of 20 points from this quarter if unset."""
    plan = db.get(RoadmapPlan, workspace_id)
    return RoadmapSettings.default(today) if plan is None else RoadmapSettings.from_plan(plan)


def save_plan(*, db: Session, workspace_id: int, settings: RoadmapSettings) -> None:
    """Store the settings as the workspace's working plan."""
    values = {**settings.to_json(), "start": settings.start, "workspace_id": workspace_id}
    upsert(
        db,
        RoadmapPlan,
        values,
        keys=("workspace_id",),
        update_columns=tuple(k for k in values if k != "workspace_id"),
    )


def plan_items(*, db: Session, workspace_id: int) -> tuple[dict[int, int], set[int]]:
    """(pins: candidate -> period, excluded candidates)."""
    rows = db.execute(
        select(PlanItem.candidate_id, PlanItem.pinned_period, PlanItem.excluded)
        .join(Candidate, Candidate.id == PlanItem.candidate_id)
        .where(Candidate.workspace_id == workspace_id)
    ).all()
    return ({c: p for c, p, _ in rows if p is not None}, {c for c, _, x in rows if x})


def set_plan_item(
    *, db: Session, candidate_id: int, pinned_period: int | None, excluded: bool
) -> None:
    """Pin a candidate to a period (None: let the scheduler decide) and/or exclude it."""
    candidate_id = int(candidate_id)
    pinned_period = None if pinned_period is None else int(pinned_period)
    if pinned_period is None and not excluded:
        db.execute(delete(PlanItem).where(PlanItem.candidate_id == candidate_id))
        return
    upsert(
        db,
        PlanItem,
        {"candidate_id": candidate_id, "pinned_period": pinned_period, "excluded": excluded},
        keys=("candidate_id",),
        update_columns=("pinned_period", "excluded"),
    )


@dataclass(frozen=True)
class WorkingRoadmap:
    """The working roadmap and what it was made from (each read once)."""

    candidates: pd.DataFrame  # candidate_frame
    consensus: pd.DataFrame  # workspace_consensus
    settings: RoadmapSettings
    roadmap: Roadmap


def working_roadmap(
    *, db: Session, workspace_id: int, today: date, settings: RoadmapSettings | None = None
) -> WorkingRoadmap:
    """The roadmap as it stands now, with the stored settings (or `settings`, to see what
    others would make): the one way to get it. Reads the candidates, their consensus, the
    settings, pins, exclusions and dependencies, each once."""
    candidates = candidate_frame(db=db, workspace_id=workspace_id)
    consensus = consensus_of(db=db, workspace_id=workspace_id, pre_scores=candidates)
    pins, excluded = plan_items(db=db, workspace_id=workspace_id)
    settings = settings or load_plan(db=db, workspace_id=workspace_id, today=today)
    needs = needs_of(db=db, workspace_id=workspace_id)
    roadmap = build_roadmap(candidates, consensus, settings, needs, pins, excluded)
    return WorkingRoadmap(candidates, consensus, settings, roadmap)


def roadmap_certainty(
    *,
    db: Session,
    workspace_id: int,
    settings: RoadmapSettings,
    first: set[int],
    consensus: pd.DataFrame,
) -> Certainty:
    """How sure the current roadmap (made with `settings`, starting `first`) is: its
    stakeholders resampled, each draw put through the same settings, pins, exclusions
    and dependencies."""
    drawn = workspace_resampled(db=db, workspace_id=workspace_id, settled=consensus)
    pins, excluded = plan_items(db=db, workspace_id=workspace_id)
    needs = needs_of(db=db, workspace_id=workspace_id)
    return plan_certainty(drawn, settings, first, needs, pins, excluded)
