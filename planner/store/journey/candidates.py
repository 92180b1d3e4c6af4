"""Candidate improvements: create, change, delete, and read as one DataFrame."""

from collections import defaultdict

import pandas as pd
from sqlalchemy import delete, func, insert, select
from sqlmodel import Session

from planner.core.errors import FieldName, InvalidInput, NotFound
from planner.models import (
    Candidate,
    CandidateChannel,
    CandidateCreate,
    CandidateUpdate,
    Channel,
    Persona,
    Phase,
    utcnow,
)
from planner.store.journey.workspaces import touch_workspace
from planner.store.sql import read_frame

COLUMNS = [
    "id",
    "title",
    "description",
    "phase",
    "channels",
    "persona",
    "proposer",
    "tags",
    "touchpoint",
    "channel_switch",
    "pre_value",
    "pre_effort",
    "created_at",
    "updated_at",
]


def _check_references(db: Session, workspace_id: int, items: list[dict]) -> None:
    """Phases, channels and personas must belong to the candidates' workspace."""

    def owned(model) -> set[int]:
        return set(db.scalars(select(model.id).where(model.workspace_id == workspace_id)))

    phases, channels, personas = owned(Phase), owned(Channel), owned(Persona)
    for data in items:
        if data.get("phase_id") is not None and data["phase_id"] not in phases:
            raise InvalidInput("error.unknown_reference", field=FieldName("phase"))
        if data.get("channel_ids") and not set(data["channel_ids"]) <= channels:
            raise InvalidInput("error.unknown_reference", field=FieldName("channel"))
        if data.get("persona_id") is not None and data["persona_id"] not in personas:
            raise InvalidInput("error.unknown_reference", field=FieldName("persona"))


def create_candidates(
    *, db: Session, workspace_id: int, candidates_in: list[CandidateCreate]
) -> list[int]:
    """Store many candidates at once: two bulk inserts (candidates, then their channel
    links), no ORM objects, so an import of 20,000 holds the write lock briefly.
    Returns their ids in the order given."""
    _check_references(db, workspace_id, [c.model_dump() for c in candidates_in])
    now = utcnow()
    rows = [
        {
            "workspace_id": workspace_id,
            "created_at": now,
            "updated_at": now,
            **candidate_in.model_dump(exclude={"channel_ids"}),
        }
        for candidate_in in candidates_in
    ]
    table = Candidate.__table__  # Core, not the ORM: no object per row
    inserted = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    ids = list(db.execute(inserted, rows).scalars()) if rows else []
    links = [
        {"candidate_id": candidate_id, "channel_id": channel_id}
        for candidate_id, candidate_in in zip(ids, candidates_in, strict=True)
        for channel_id in dict.fromkeys(candidate_in.channel_ids)
    ]
    if links:
        db.execute(insert(CandidateChannel), links)
    touch_workspace(db=db, workspace_id=workspace_id)
    return ids


def create_candidate(*, db: Session, workspace_id: int, candidate_in: CandidateCreate) -> Candidate:
    [candidate_id] = create_candidates(
        db=db, workspace_id=workspace_id, candidates_in=[candidate_in]
    )
    return get_candidate(db=db, candidate_id=candidate_id)


def get_candidate(*, db: Session, candidate_id: int) -> Candidate:
    candidate = db.get(Candidate, candidate_id)
    if candidate is None:
        raise NotFound("error.candidate_not_found", id=candidate_id)
    return candidate


def update_candidate(*, db: Session, candidate_id: int, candidate_in: CandidateUpdate) -> Candidate:
    """Change the fields that are set in `candidate_in`."""
    candidate = get_candidate(db=db, candidate_id=candidate_id)
    changes = candidate_in.model_dump(exclude_unset=True, exclude_none=True)
    _check_references(db, candidate.workspace_id, [changes])
    channel_ids = changes.pop("channel_ids", None)
    if changes.pop("clear_persona", False):
        candidate.persona_id = None
    for field, value in changes.items():
        setattr(candidate, field, value)
    candidate.updated_at = utcnow()
    db.add(candidate)
    if channel_ids is not None:
        db.execute(delete(CandidateChannel).where(CandidateChannel.candidate_id == candidate_id))
        db.execute(
            insert(CandidateChannel),
            [
                {"candidate_id": candidate_id, "channel_id": cid}
                for cid in dict.fromkeys(channel_ids)
            ],
        )
    touch_workspace(db=db, workspace_id=candidate.workspace_id)
    db.flush()
    return candidate


def delete_candidates(*, db: Session, workspace_id: int, candidate_ids: list[int]) -> int:
    """Delete these candidates of the workspace; returns how many went."""
    result = db.execute(
        delete(Candidate).where(
            Candidate.workspace_id == workspace_id, Candidate.id.in_(candidate_ids)
        )
    )
    touch_workspace(db=db, workspace_id=workspace_id)
    return result.rowcount


def candidate_frame(*, db: Session, workspace_id: int) -> pd.DataFrame:
    """All candidates of a workspace, names resolved, channels as lists, oldest first."""
    frame = read_frame(
        db,
        select(
            Candidate.id,
            Candidate.title,
            Candidate.description,
            Phase.name.label("phase"),
            Persona.name.label("persona"),
            Candidate.proposer,
            Candidate.tags,
            Candidate.touchpoint,
            Candidate.channel_switch,
            Candidate.pre_value,
            Candidate.pre_effort,
            Candidate.created_at,
            Candidate.updated_at,
        )
        .join(Phase, Phase.id == Candidate.phase_id)
        .outerjoin(Persona, Persona.id == Candidate.persona_id)
        .where(Candidate.workspace_id == workspace_id)
        .order_by(Candidate.id),
    )
    channels: dict[int, list[str]] = defaultdict(list)
    links = db.execute(
        select(CandidateChannel.candidate_id, Channel.name)
        .join(Channel, Channel.id == CandidateChannel.channel_id)
        .where(Channel.workspace_id == workspace_id)
        .order_by(Channel.position)
    )
    for candidate_id, channel in links:
        channels[candidate_id].append(channel)
    frame["channels"] = [channels[candidate_id] for candidate_id in frame["id"]]
    frame["persona"] = frame["persona"].astype(object).where(frame["persona"].notna(), None)
    return frame[COLUMNS]


def candidate_counts(*, db: Session) -> dict[int, int]:
    """workspace id -> number of candidates."""
    query = select(Candidate.workspace_id, func.count()).group_by(Candidate.workspace_id)
    return dict(db.execute(query).all())
