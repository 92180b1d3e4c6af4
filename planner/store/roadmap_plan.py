"""A workspace's working roadmap: its settings, pins and exclusions, and the roadmap itself."""

from datetime import date

import pandas as pd
from sqlalchemy import delete, select
from sqlmodel import Session

from planner.models import Candidate, PlanItem, RoadmapPlan
from planner.roadmap.build import Roadmap, build_roadmap
from planner.roadmap.certainty import Certainty, plan_certainty
from planner.roadmap.settings import RoadmapSettings
from planner.store.candidates import candidate_frame
from planner.store.consensus import workspace_consensus, workspace_resampled
from planner.store.dependencies import needs_of
from planner.store.upsert import upsert


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


def current_roadmap(
    *,
    db: Session,
    workspace_id: int,
    today: date,
    settings: RoadmapSettings | None = None,
    consensus: pd.DataFrame | None = None,
    candidates: pd.DataFrame | None = None,
) -> Roadmap:
    """The roadmap as it stands now (with the stored settings unless others are given).

    `consensus` and `candidates` may be passed in when the caller has them already.
    """
    if candidates is None:
        candidates = candidate_frame(db=db, workspace_id=workspace_id)
    if consensus is None:
        consensus = workspace_consensus(db=db, workspace_id=workspace_id)
    pins, excluded = plan_items(db=db, workspace_id=workspace_id)
    settings = settings or load_plan(db=db, workspace_id=workspace_id, today=today)
    needs = needs_of(db=db, workspace_id=workspace_id)
    return build_roadmap(candidates, consensus, settings, needs, pins, excluded)


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
