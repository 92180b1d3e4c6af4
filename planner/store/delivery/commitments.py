"""Commitments: a product owner commits to a version's item and moves it to done."""

from datetime import date

import pandas as pd
from sqlalchemy import exists, select
from sqlmodel import Session

from planner.core.errors import Conflict, FieldName, InvalidInput, KindName, NotFound
from planner.core.numbers import few_decimals
from planner.delivery.tracking import flag_deadlines
from planner.delivery.workflow import OPEN, EventKind, Status, check_due_move, check_transition
from planner.journey.naming import name_key
from planner.models import (
    Candidate,
    Commitment,
    CommitmentCreate,
    CommitmentEvent,
    DueMove,
    ResultRecord,
    RoadmapVersion,
    RoadmapVersionItem,
    RoundCandidate,
    ScoringRound,
    StatusChange,
    utcnow,
)
from planner.roadmap.periods import make_periods, period_of
from planner.store.journey.workspaces import get_workspace
from planner.store.roadmap.versions import find_version, get_version
from planner.store.sql import read_frame

COLUMNS = [
    "id",
    "version_id",
    "version",
    "candidate_id",
    "title",
    "phase",
    "channels",
    "value",
    "effort",
    "owner",
    "period",
    "due",
    "kpi_name",
    "kpi_baseline",
    "kpi_target",
    "kpi_result",
    "actual_effort",
    "learnings",
    "status",
    "done_on",
    "rescore_requested_at",
    "updated_at",
]


def version_periods(version: RoadmapVersion):
    settings = version.settings
    return make_periods(
        date.fromisoformat(settings["start"]), settings["period_kind"], settings["periods"]
    )


def commit(
    *, db: Session, version_id: int, position: int, commitment_in: CommitmentCreate
) -> Commitment:
    """Commit to the item at `position` of a version: owner, period or due date, KPI.

    Without a due date the deadline is the last day of the committed period; an item
    has at most one open commitment per version.
    """
    version = get_version(db=db, version_id=version_id)
    item = db.get(RoadmapVersionItem, (version_id, position))
    if item is None:
        raise NotFound("error.item_not_found", kind=KindName("roadmap_item"), name=position)
    periods = version_periods(version)
    period, due = commitment_in.period, commitment_in.due
    if period is None and due is None:
        raise InvalidInput("error.required", field=FieldName("due"))
    if period is not None and period >= len(periods):
        raise InvalidInput(
            "error.too_large", field=FieldName("committed_period"), limit=len(periods) - 1
        )
    if due is None:
        due = periods[period].end
    elif period is None:
        period = period_of(periods, due)
    taken = db.scalars(
        select(Commitment).where(
            Commitment.version_id == version_id,
            Commitment.candidate_id == item.candidate_id,
            Commitment.title == item.title,
            Commitment.status.in_(OPEN),
        )
    ).first()
    if taken is not None:
        raise Conflict("error.already_committed", title=item.title, owner=taken.owner)
    commitment = Commitment(
        workspace_id=version.workspace_id,
        version_id=version_id,
        candidate_id=item.candidate_id,
        title=item.title,
        phase=item.phase,
        channels=item.channels,
        value=item.value,
        effort=item.effort,
        owner=commitment_in.owner,
        period=period,
        due=due,
        kpi_name=commitment_in.kpi_name,
        kpi_baseline=commitment_in.kpi_baseline,
        kpi_target=commitment_in.kpi_target,
        status=commitment_in.status,
    )
    db.add(commitment)
    db.flush()
    db.add(
        CommitmentEvent(
            commitment_id=commitment.id,
            kind=EventKind.STATUS,
            from_status=None,
            to_status=commitment.status,
            by=commitment_in.committed_by,
            comment=commitment_in.comment,
        )
    )
    db.flush()
    return commitment


def get_commitment(*, db: Session, commitment_id: int) -> Commitment:
    commitment = db.get(Commitment, commitment_id)
    if commitment is None:
        raise NotFound("error.commitment_not_found", id=commitment_id)
    return commitment


def change_status(
    *, db: Session, commitment_id: int, change: StatusChange, today: date
) -> Commitment:
    """Move a commitment along the workflow; the change is kept in its history."""
    commitment = get_commitment(db=db, commitment_id=commitment_id)
    check_transition(commitment.status, change.status, change.comment)
    db.add(
        CommitmentEvent(
            commitment_id=commitment.id,
            kind=EventKind.STATUS,
            from_status=commitment.status,
            to_status=change.status,
            by=change.by,
            comment=change.comment,
        )
    )
    commitment.status = change.status
    commitment.done_on = today if change.status == Status.DONE else None
    commitment.updated_at = utcnow()
    db.flush()
    return commitment


def move_due(*, db: Session, commitment_id: int, move: DueMove) -> Commitment:
    """Move an open commitment's due date, for a reason, kept in its history with the old
    and the new date; the committed period follows the new date (none when it lies beyond
    the version's periods). Progress counts the moves (tracking.moved_due_dates)."""
    commitment = get_commitment(db=db, commitment_id=commitment_id)
    check_due_move(commitment.status, commitment.due, move.due, move.reason)
    assert move.due is not None  # checked: a move names its day
    db.add(
        CommitmentEvent(
            commitment_id=commitment.id,
            kind=EventKind.DUE,
            from_status=commitment.status,
            to_status=commitment.status,
            by=move.by,
            comment=move.reason,
            from_due=commitment.due,
            to_due=move.due,
        )
    )
    version = get_version(db=db, version_id=commitment.version_id)
    commitment.period = period_of(version_periods(version), move.due)
    commitment.due = move.due
    commitment.updated_at = utcnow()
    db.flush()
    return commitment


def due_moves(*, db: Session, workspace_id: int) -> pd.DataFrame:
    """Every due date move of the workspace's commitments, oldest first."""
    return read_frame(
        db,
        select(
            CommitmentEvent.commitment_id,
            CommitmentEvent.from_due,
            CommitmentEvent.to_due,
            CommitmentEvent.at,
            CommitmentEvent.by,
            CommitmentEvent.comment,
        )
        .join(Commitment, Commitment.id == CommitmentEvent.commitment_id)
        .where(Commitment.workspace_id == workspace_id, CommitmentEvent.kind == EventKind.DUE)
        .order_by(CommitmentEvent.at, CommitmentEvent.id),
    )


def find_done_commitment(
    *, db: Session, workspace_id: int, title: str, version: str | None = None
) -> Commitment:
    """The done commitment to the item called `title` (any case), in the version called
    `version` when given; the newest when one version holds several. Refused when none
    is done, or when it is done in several versions and none was named."""
    return _find_commitment(db, workspace_id, title, version, [Status.DONE], "done")


def find_open_commitment(
    *, db: Session, workspace_id: int, title: str, version: str | None = None
) -> Commitment:
    """The open commitment to the item called `title` (any case), in the version called
    `version` when given. Refused when none is open, or when it is open in several
    versions and none was named."""
    return _find_commitment(db, workspace_id, title, version, list(OPEN), "open")


def _find_commitment(
    db: Session,
    workspace_id: int,
    title: str,
    version: str | None,
    statuses: list[str],
    which: str,
) -> Commitment:
    """The newest commitment in one of `statuses` to the item called `title`; the
    refusals say `which` ones were looked for (error.done_…, error.open_…)."""
    query = select(Commitment, RoadmapVersion.name).join(
        RoadmapVersion, RoadmapVersion.id == Commitment.version_id
    )
    if version is not None:
        query = query.where(
            RoadmapVersion.id == find_version(db=db, workspace_id=workspace_id, name=version).id
        )
    found = [
        (commitment, name)
        for commitment, name in db.execute(
            query.where(
                Commitment.workspace_id == workspace_id, Commitment.status.in_(statuses)
            ).order_by(Commitment.id.desc())
        )
        if name_key(commitment.title) == name_key(title)
    ]
    if not found:
        raise NotFound(f"error.{which}_commitment_not_found", title=title)
    versions = sorted({name for _, name in found}, key=str.casefold)
    if len(versions) > 1:
        raise InvalidInput(f"error.{which}_in_versions", title=title, versions=", ".join(versions))
    return found[0][0]


def record_result(*, db: Session, commitment_id: int, result: ResultRecord) -> Commitment:
    """The measured KPI, the actual effort and the learnings of a done item, each one
    as it becomes known (what is not given stays as recorded); `rescore` sends its
    candidate back to be scored again in a next session.

    The one place an actual effort is stored (the page and the CLI come here; a restored
    backup carries it as it was): `planner.store.scoring.consensus.effort_estimates` reads it."""
    commitment = get_commitment(db=db, commitment_id=commitment_id)
    if commitment.status != Status.DONE:
        raise InvalidInput("error.result_needs_done", field=FieldName("kpi_result"))
    if (
        result.kpi_result is None
        and result.actual_effort is None
        and not result.learnings
        and not result.rescore
    ):
        raise InvalidInput("error.result_empty")
    if result.kpi_result is not None:
        commitment.kpi_result = result.kpi_result
    if result.actual_effort is not None:
        commitment.actual_effort = result.actual_effort
    if result.learnings is not None:
        commitment.learnings = result.learnings
    if result.rescore:
        commitment.rescore_requested_at = utcnow()
    commitment.updated_at = utcnow()
    # the history reads as the workspace's language writes numbers ("17,5" in Dutch)
    language = get_workspace(db=db, workspace_id=commitment.workspace_id).language
    measured = None if result.kpi_result is None else few_decimals(result.kpi_result, language, 3)
    db.add(
        CommitmentEvent(
            commitment_id=commitment.id,
            kind=EventKind.RESULT,
            from_status=Status.DONE,
            to_status=Status.DONE,
            by=result.by,
            comment=" · ".join(part for part in (measured, result.learnings) if part),
        )
    )
    db.flush()
    return commitment


def commitment_frame(*, db: Session, workspace_id: int) -> pd.DataFrame:
    """Every commitment of the workspace with its version's name, newest version first."""
    columns = [getattr(Commitment, c) for c in COLUMNS if c != "version"]
    frame = read_frame(
        db,
        select(*columns, RoadmapVersion.name.label("version"))
        .join(RoadmapVersion, RoadmapVersion.id == Commitment.version_id)
        .where(Commitment.workspace_id == workspace_id)
        .order_by(Commitment.due, Commitment.id),
    )
    return frame[COLUMNS].astype(
        {"value": float, "effort": float, "kpi_result": float, "actual_effort": float}
    )


def handoff_items(*, db: Session, workspace_id: int) -> pd.DataFrame:
    """The commitments with their candidate's description (empty if it is gone): what
    planner.delivery.handoff writes for delivery tools."""
    frame = commitment_frame(db=db, workspace_id=workspace_id)
    descriptions = dict(
        db.execute(
            select(Candidate.id, Candidate.description).where(
                Candidate.workspace_id == workspace_id
            )
        ).all()
    )
    frame["description"] = [
        descriptions.get(int(c), "") if c == c and c is not None else ""
        for c in frame["candidate_id"]
    ]
    return frame


def version_calendars(*, db: Session, workspace_id: int) -> dict[int, tuple[date, str]]:
    """version id -> (first day, period kind) of the calendar it was planned on."""
    return {
        version.id: (date.fromisoformat(version.settings["start"]), version.settings["period_kind"])
        for version in db.scalars(
            select(RoadmapVersion).where(RoadmapVersion.workspace_id == workspace_id)
        )
    }


def tracked_commitments(*, db: Session, workspace_id: int, today: date) -> pd.DataFrame:
    """The commitments with their committed period's label and today's deadline flags."""
    frame = commitment_frame(db=db, workspace_id=workspace_id)
    versions = {
        v.id: version_periods(v)
        for v in db.scalars(
            select(RoadmapVersion).where(RoadmapVersion.workspace_id == workspace_id)
        )
    }
    frame["period_label"] = [
        versions[version][int(period)].label if period == period and period is not None else ""
        for version, period in zip(frame["version_id"], frame["period"], strict=True)
    ]
    return flag_deadlines(frame, today)


def history(*, db: Session, commitment_id: int) -> pd.DataFrame:
    """What happened to a commitment, oldest first: status changes, results and due dates
    moved."""
    return read_frame(
        db,
        select(
            CommitmentEvent.at,
            CommitmentEvent.by,
            CommitmentEvent.kind,
            CommitmentEvent.from_status,
            CommitmentEvent.to_status,
            CommitmentEvent.comment,
            CommitmentEvent.from_due,
            CommitmentEvent.to_due,
        )
        .where(CommitmentEvent.commitment_id == commitment_id)
        .order_by(CommitmentEvent.at, CommitmentEvent.id),
    )


def rescore_requests(*, db: Session, workspace_id: int) -> list[int]:
    """Candidates a result sent back for re-scoring and no session has scored since."""
    scored_since = exists().where(
        RoundCandidate.candidate_id == Commitment.candidate_id,
        RoundCandidate.round_id == ScoringRound.id,
        ScoringRound.opened_at > Commitment.rescore_requested_at,
    )
    return sorted(
        set(
            db.scalars(
                select(Commitment.candidate_id).where(
                    Commitment.workspace_id == workspace_id,
                    Commitment.rescore_requested_at.is_not(None),
                    Commitment.candidate_id.is_not(None),
                    ~scored_since,
                )
            )
        )
    )


def latest_commitments(
    *, db: Session, workspace_id: int, version_id: int | None = None
) -> pd.DataFrame:
    """Per candidate, its newest commitment's owner and status (for roadmap tables), on one
    version or on any."""
    frame = commitment_frame(db=db, workspace_id=workspace_id)
    if version_id is not None:
        frame = frame[frame["version_id"] == version_id]
    frame = frame.dropna(subset=["candidate_id"]).sort_values("id")
    return frame.drop_duplicates("candidate_id", keep="last")[
        ["candidate_id", "version_id", "owner", "status"]
    ]
