"""A whole workspace as one JSON document (its schema: planner.backup.schema; the way
back: planner.backup.restore).

Candidates carry a `key` (their id when saved); everything else refers to them by key
and to stakeholders, criteria, phases and channels by name, so a document restores
into any database.
"""

import json
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlmodel import Session

from planner.backup.merges import dump_merges
from planner.backup.schema import FORMAT, VERSION, DocumentInvalid
from planner.models import (
    BallotComment,
    Commitment,
    CommitmentEvent,
    ConsensusOverride,
    Criterion,
    Invitee,
    OutboxMail,
    OwnPace,
    Participant,
    PlanItem,
    RoadmapPlan,
    RoadmapVersion,
    RoadmapVersionItem,
    RoleWeight,
    RoundCandidate,
    ScoringModel,
    ScoringRound,
    ScoringSession,
    Signoff,
    Stakeholder,
    Vote,
)
from planner.scoring.lifecycle import RoundStatus
from planner.store.journey.aliases import list_aliases
from planner.store.journey.candidates import COLUMNS as CANDIDATE_COLUMNS
from planner.store.journey.candidates import candidate_frame
from planner.store.journey.workspaces import get_workspace, load_journey
from planner.store.roadmap.dependencies import needs_of
from planner.store.scoring.scoring_model import load_scoring_setup
from planner.store.sql import plain_records

EVENT_IDS = {"id", "commitment_id"}
CANDIDATE_FIELDS = [column for column in CANDIDATE_COLUMNS if column != "id"]


MAX_DIGITS = 20  # an integer of a backup (keys, counts, scores) has at most 16 digits


class _TooLong:
    """In place of a JSON integer of more than MAX_DIGITS digits, until its field is named."""

    def __init__(self, text: str) -> None:
        self.digits = len(text.lstrip("-"))


def read_document(data: bytes) -> dict:
    """A document from the bytes of a file; raises `DocumentInvalid` with the reason. An
    integer longer than any the app writes is refused naming its field (Python itself
    would raise a ValueError at 4,300 digits, and convert a few thousand slowly)."""
    too_long: list[_TooLong] = []

    def integer(text: str) -> int | _TooLong:
        if len(text.lstrip("-")) <= MAX_DIGITS:
            return int(text)
        too_long.append(_TooLong(text))
        return too_long[-1]

    try:
        document = json.loads(data.decode("utf-8-sig"), parse_int=integer)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise DocumentInvalid("error.document_invalid", detail=str(error)) from None
    except RecursionError:  # brackets nested thousands deep
        raise DocumentInvalid("error.document_invalid", detail="nested too deeply") from None
    if too_long:
        raise DocumentInvalid(
            "error.document_number_too_long",
            field=_path_to(document, too_long[0]),
            digits=too_long[0].digits,
            limit=MAX_DIGITS,
        )
    return document


def _path_to(document: Any, wanted: object) -> str:
    """Where `wanted` is in `document`, as the schema's messages say it ("candidates.0.key")."""
    stack: list[tuple[str, Any]] = [("", document)]
    while stack:  # a loop, not recursion: the document may nest deeply
        path, value = stack.pop()
        if value is wanted:
            return path or "document"
        if isinstance(value, dict):
            stack += [(f"{path}.{key}".lstrip("."), item) for key, item in value.items()]
        elif isinstance(value, list):
            stack += [(f"{path}.{index}".lstrip("."), item) for index, item in enumerate(value)]
    return "document"


def _iso(value: Any) -> Any:
    """Dates as ISO text; moments in UTC (SQLite returns them without a zone: they are UTC)."""
    if isinstance(value, datetime):
        zoned = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
        return zoned.isoformat()
    return value.isoformat() if isinstance(value, date) else value


def _rows(db: Session, query, **swaps: tuple[str, dict]) -> list[dict]:
    """The rows `query` selects as plain values, id columns swapped for names:
    _rows(db, query, stakeholder=("stakeholder_id", names)) gives each row the name as
    "stakeholder" in place of its "stakeholder_id"."""
    ids = {column for column, _ in swaps.values()}
    return [
        {k: _iso(v) for k, v in row.items() if k not in ids}
        | {field: mapping[row[column]] for field, (column, mapping) in swaps.items()}
        for row in db.execute(query).mappings()
    ]


def dump_workspace(*, db: Session, workspace_id: int) -> dict:
    """Everything of a workspace: journey, candidates, scoring, sessions, votes, roadmap."""
    workspace = get_workspace(db=db, workspace_id=workspace_id)
    journey = load_journey(db=db, workspace_id=workspace_id)
    frame = candidate_frame(db=db, workspace_id=workspace_id)
    needs = needs_of(db=db, workspace_id=workspace_id)
    candidates = [
        {
            "key": row["id"],
            **{f: _iso(row[f]) for f in CANDIDATE_FIELDS},
            "needs": sorted(needs.get(row["id"], ())),
        }
        for row in plain_records(frame)
    ]
    keys = {c["key"] for c in candidates}
    names = dict(
        db.execute(
            select(Stakeholder.id, Stakeholder.name).where(Stakeholder.workspace_id == workspace_id)
        ).all()
    )
    criteria = dict(
        db.execute(
            select(Criterion.id, Criterion.name).where(Criterion.workspace_id == workspace_id)
        ).all()
    )
    sessions = []
    for scoring in db.scalars(
        select(ScoringSession)
        .where(ScoringSession.workspace_id == workspace_id)
        .order_by(ScoringSession.id)
    ):
        rounds = []
        for scoring_round in db.scalars(
            select(ScoringRound)
            .where(ScoringRound.session_id == scoring.id)
            .order_by(ScoringRound.number)
        ):
            rounds.append(
                {
                    "number": scoring_round.number,
                    "status": scoring_round.status,
                    "opened_at": _iso(scoring_round.opened_at),
                    "deadline": _iso(scoring_round.deadline),
                    "revealed_at": _iso(scoring_round.revealed_at),
                    "candidates": sorted(
                        db.scalars(
                            select(RoundCandidate.candidate_id).where(
                                RoundCandidate.round_id == scoring_round.id
                            )
                        )
                    ),
                    # Blind until the reveal: a round still voting keeps its votes and
                    # comments out of every backup, the facilitator's included.
                    "votes": []
                    if scoring_round.status == RoundStatus.VOTING
                    else _rows(
                        db,
                        select(
                            Vote.stakeholder_id,
                            Vote.candidate_id,
                            Vote.criterion_id,
                            Vote.score,
                            Vote.label,
                            Vote.updated_at,
                        )
                        .where(Vote.round_id == scoring_round.id)
                        .order_by(Vote.id),
                        stakeholder=("stakeholder_id", names),
                        criterion=("criterion_id", criteria),
                    ),
                    "comments": []
                    if scoring_round.status == RoundStatus.VOTING
                    else _rows(
                        db,
                        select(
                            BallotComment.stakeholder_id,
                            BallotComment.candidate_id,
                            BallotComment.comment,
                            BallotComment.updated_at,
                        ).where(BallotComment.round_id == scoring_round.id),
                        stakeholder=("stakeholder_id", names),
                    ),
                }
            )
        sessions.append(
            {
                "name": scoring.name,
                "code": scoring.code,
                "status": scoring.status,
                "created_at": _iso(scoring.created_at),
                "closed_at": _iso(scoring.closed_at),
                **{
                    setting: getattr(scoring, setting)
                    for setting in (
                        "auto_advance",
                        "reveal_at_zero",
                        "reveal_when_done",
                        "comments_named",
                        "focus_queue",
                    )
                },
                "participants": _rows(
                    db,
                    select(Participant.stakeholder_id, Participant.joined_at).where(
                        Participant.session_id == scoring.id
                    ),
                    stakeholder=("stakeholder_id", names),
                ),
                "rounds": rounds,
                **_dump_own_pace(db, scoring.id, names),
            }
        )
    model = db.get(ScoringModel, workspace_id)
    setup = load_scoring_setup(db=db, workspace_id=workspace_id)
    plan = db.get(RoadmapPlan, workspace_id)
    versions = list(
        db.scalars(
            select(RoadmapVersion)
            .where(RoadmapVersion.workspace_id == workspace_id)
            .order_by(RoadmapVersion.id)
        )
    )
    return {
        "format": FORMAT,
        "version": VERSION,
        "workspace": {
            "name": workspace.name,
            "description": workspace.description,
            "language": workspace.language,
            "archived": workspace.archived,
            "signoff_on_behalf": workspace.signoff_on_behalf,
        },
        "phases": journey.phase_names,
        "channels": journey.channel_names,
        "personas": journey.persona_names,
        "aliases": [
            {"kind": a.kind, "name": a.name, "target": a.target}
            for a in list_aliases(db=db, workspace_id=workspace_id)
        ],
        "candidates": candidates,
        "scoring_model": {
            "scale": model.scale,
            "consensus_method": model.consensus_method,
            "disagreement": model.disagreement,
            "min_votes": model.min_votes,
        },
        "criteria": [
            {"name": c.name, "dimension": c.dimension, "weight": c.weight}
            | ({"roles": list(setup.roles_of(c.id))} if setup.roles_of(c.id) else {})
            for c in setup.criteria
        ],
        "role_weights": _rows(
            db,
            select(RoleWeight.role, RoleWeight.weight)
            .where(RoleWeight.workspace_id == workspace_id)
            .order_by(RoleWeight.id),
        ),
        "stakeholders": _rows(
            db,
            select(Stakeholder.name, Stakeholder.role, Stakeholder.created_at)
            .where(Stakeholder.workspace_id == workspace_id)
            .order_by(Stakeholder.id),
        ),
        "sessions": sessions,
        "overrides": _rows(
            db,
            select(
                ConsensusOverride.candidate_id,
                ConsensusOverride.value,
                ConsensusOverride.effort,
                ConsensusOverride.reason,
                ConsensusOverride.decided_by,
                ConsensusOverride.decided_at,
            )
            .where(ConsensusOverride.candidate_id.in_(keys))
            .order_by(ConsensusOverride.id),
        ),
        "plan": None
        if plan is None
        else {
            "strategy": plan.strategy,
            "period_kind": plan.period_kind,
            "periods": plan.periods,
            "start": _iso(plan.start),
            "capacities": plan.capacities,
            "threshold_mode": plan.threshold_mode,
        },
        "plan_items": _rows(
            db,
            select(PlanItem.candidate_id, PlanItem.pinned_period, PlanItem.excluded)
            .where(PlanItem.candidate_id.in_(keys))
            .order_by(PlanItem.candidate_id),
        ),
        "versions": [
            {
                "name": v.name,
                "created_by": v.created_by,
                "created_at": _iso(v.created_at),
                "settings": v.settings,
                "signoff_requested_at": _iso(v.signoff_requested_at),
                "signoff_requested_by": v.signoff_requested_by,
                "signoffs": _rows(
                    db,
                    select(
                        Signoff.stakeholder_id,
                        Signoff.decision,
                        Signoff.comment,
                        Signoff.decided_at,
                        Signoff.recorded_by,
                    ).where(Signoff.version_id == v.id),
                    stakeholder=("stakeholder_id", names),
                ),
                "items": _rows(
                    db,
                    select(
                        *(c for c in RoadmapVersionItem.__table__.columns if c.name != "version_id")
                    )
                    .where(RoadmapVersionItem.version_id == v.id)
                    .order_by(RoadmapVersionItem.position),
                ),
            }
            for v in versions
        ],
        "commitments": _dump_commitments(db, workspace_id),
        "merges": dump_merges(
            db=db,
            workspace_id=workspace_id,
            candidate_keys=keys,
            commitment_ids=list(
                db.scalars(
                    select(Commitment.id)
                    .where(Commitment.workspace_id == workspace_id)
                    .order_by(Commitment.id)
                )
            ),
        ),
    }


def _dump_own_pace(db: Session, session_id: int, names: dict[int, str]) -> dict:
    """An own-pace session's settings, invitees and outbox (none for a live one). The
    outbox as it is: planner.scoring.own_pace.restored_status decides what a restore
    sends again."""
    pace = db.get(OwnPace, session_id)
    if pace is None:
        return {"own_pace": None, "invitees": [], "mails": []}
    return {
        "own_pace": {
            "open_until": _iso(pace.open_until),
            "reminder_hours": list(pace.reminder_hours),
            "app_url": pace.app_url,
            "timezone": pace.timezone,
            "created_at": _iso(pace.created_at),
        },
        "invitees": _rows(
            db,
            select(
                Invitee.stakeholder_id,
                Invitee.email,
                Invitee.invited_at,
                Invitee.reminders_off_at,
            )
            .where(Invitee.session_id == session_id)
            .order_by(Invitee.invited_at, Invitee.stakeholder_id),
            stakeholder=("stakeholder_id", names),
        ),
        "mails": _rows(
            db,
            select(
                OutboxMail.stakeholder_id,
                OutboxMail.kind,
                OutboxMail.status,
                OutboxMail.attempts,
                OutboxMail.last_error,
                OutboxMail.created_at,
                OutboxMail.sent_at,
            )
            .where(OutboxMail.session_id == session_id)
            .order_by(OutboxMail.id),
            stakeholder=("stakeholder_id", names),
        ),
    }


def _dump_commitments(db: Session, workspace_id: int) -> list[dict]:
    """Commitments with their version by name, their candidate by key, and their history."""
    fields = [c for c in Commitment.__table__.columns if c.name not in {"id", "workspace_id"}]
    versions = dict(
        db.execute(
            select(RoadmapVersion.id, RoadmapVersion.name).where(
                RoadmapVersion.workspace_id == workspace_id
            )
        ).all()
    )
    dumped = []
    for row in _rows(
        db,
        select(Commitment.id, *fields)
        .where(Commitment.workspace_id == workspace_id)
        .order_by(Commitment.id),
        version=("version_id", versions),
    ):
        events = _rows(
            db,
            select(*(c for c in CommitmentEvent.__table__.columns if c.name not in EVENT_IDS))
            .where(CommitmentEvent.commitment_id == row.pop("id"))
            .order_by(CommitmentEvent.id),
        )
        dumped.append(row | {"events": events})
    return dumped
