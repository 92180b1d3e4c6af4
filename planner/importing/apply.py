"""Write a checked import: everything in one transaction, or nothing."""

from sqlmodel import Session, select

from planner.importing.preview import ImportPreview, ImportRow
from planner.importing.reading import ImportFailed
from planner.journey.journey import Journey
from planner.journey.naming import name_key
from planner.models import (
    Candidate,
    CandidateCreate,
)
from planner.store.journey.aliases import save_aliases
from planner.store.journey.candidates import create_candidates
from planner.store.journey.dimensions import MODELS, add_item
from planner.store.journey.workspaces import load_journey
from planner.store.roadmap.dependencies import add_dependencies


def import_candidates(
    *, db: Session, workspace_id: int, preview: ImportPreview, valid_only: bool = False
) -> int:
    """Create the accepted new names and the candidates and keep the names mapped to
    known ones as aliases; returns how many were imported.

    Refuses (writing nothing) when any row has errors, unless `valid_only`.
    """
    check_importable(preview, valid_only)
    add_new_names(db, workspace_id, preview)
    save_aliases(db=db, workspace_id=workspace_id, mapped=preview.mapped)
    journey = load_journey(db=db, workspace_id=workspace_id)
    candidates_in = [candidate_in(row, journey) for row in preview.rows]
    created = create_candidates(db=db, workspace_id=workspace_id, candidates_in=candidates_in)
    add_needs(db, workspace_id, preview, created)
    return len(candidates_in)


def check_importable(preview: ImportPreview, valid_only: bool) -> None:
    """Refuse a preview with errors (unless `valid_only`) or without rows."""
    if preview.errors and not valid_only:
        raise ImportFailed("error.import_has_errors", count=len(preview.errors))
    if not preview.rows:
        raise ImportFailed("error.import_nothing")


def add_new_names(db: Session, workspace_id: int, preview: ImportPreview) -> None:
    for kind, names in preview.new_items.items():
        for name in names:
            add_item(db=db, model=MODELS[kind], workspace_id=workspace_id, name=name)


def candidate_in(row: ImportRow, journey: Journey) -> CandidateCreate:
    """A previewed row as a new candidate of `journey` (its names as that journey's ids)."""
    return CandidateCreate(
        title=row.title,
        description=row.description,
        proposer=row.proposer,
        touchpoint=row.touchpoint,
        channel_switch=row.channel_switch,
        phase_id=journey.phase_id(row.phase),
        channel_ids=[journey.channel_id(channel) for channel in row.channels],
        persona_id=journey.persona_id(row.persona) if row.persona else None,
        tags=list(row.tags),
        pre_value=row.value,
        pre_effort=row.effort,
    )


def add_needs(db: Session, workspace_id: int, preview: ImportPreview, created: list[int]) -> None:
    """Dependencies by title: the file's own candidates first, then the workspace's."""
    if not any(row.needs for row in preview.rows):
        return
    ids = {
        name_key(title): candidate_id
        for candidate_id, title in db.execute(
            select(Candidate.id, Candidate.title).where(Candidate.workspace_id == workspace_id)
        )
    }
    ids |= {name_key(row.title): c for row, c in zip(preview.rows, created, strict=True)}
    pairs = [
        (candidate_id, ids[name_key(title)])
        for row, candidate_id in zip(preview.rows, created, strict=True)
        for title in row.needs
    ]
    if pairs:
        add_dependencies(db=db, workspace_id=workspace_id, pairs=pairs)
