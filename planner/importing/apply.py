"""Write a checked import: everything in one transaction, or nothing."""

from dataclasses import replace

from sqlmodel import Session, select

from planner.importing.preview import ImportPreview
from planner.importing.reading import ImportFailed
from planner.journey.naming import name_key
from planner.models import (
    Candidate,
    CandidateCreate,
    Channel,
    Persona,
    Phase,
    Workspace,
    WorkspaceCreate,
)
from planner.store.candidates import create_candidates
from planner.store.dependencies import add_dependencies
from planner.store.dimensions import add_item
from planner.store.workspaces import create_workspace, load_journey

MODELS = {"phase": Phase, "channel": Channel, "persona": Persona}


def import_candidates(
    *, db: Session, workspace_id: int, preview: ImportPreview, valid_only: bool = False
) -> int:
    """Create the accepted new names and the candidates; returns how many were imported.

    Refuses (writing nothing) when any row has errors, unless `valid_only`.
    """
    if preview.errors and not valid_only:
        raise ImportFailed("error.import_has_errors", count=len(preview.errors))
    if not preview.rows:
        raise ImportFailed("error.import_nothing")
    for kind, names in preview.new_items.items():
        for name in names:
            add_item(db=db, model=MODELS[kind], workspace_id=workspace_id, name=name)
    journey = load_journey(db=db, workspace_id=workspace_id)
    candidates_in = [
        CandidateCreate(
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
        for row in preview.rows
    ]
    created = create_candidates(db=db, workspace_id=workspace_id, candidates_in=candidates_in)
    _add_needs(db, workspace_id, preview, created)
    return len(candidates_in)


def _add_needs(db: Session, workspace_id: int, preview: ImportPreview, created) -> None:
    """Dependencies by title: the file's own candidates first, then the workspace's."""
    ids = {
        name_key(c.title): c.id
        for c in db.exec(select(Candidate).where(Candidate.workspace_id == workspace_id))
    }
    ids |= {name_key(row.title): c.id for row, c in zip(preview.rows, created, strict=True)}
    pairs = [
        (candidate.id, ids[name_key(title)])
        for row, candidate in zip(preview.rows, created, strict=True)
        for title in row.needs
    ]
    if pairs:
        add_dependencies(db=db, workspace_id=workspace_id, pairs=pairs)


def import_as_new_workspace(
    *,
    db: Session,
    workspace_in: WorkspaceCreate,
    preview: ImportPreview,
    valid_only: bool = False,
) -> tuple[Workspace, int]:
    """A new workspace whose phases and channels are those the file uses, with its rows."""
    workspace = create_workspace(
        db=db,
        workspace_in=workspace_in,
        phases=preview.new_items.get("phase", []),
        channels=preview.new_items.get("channel", []),
    )
    personas_only = {k: v for k, v in preview.new_items.items() if k == "persona"}
    count = import_candidates(
        db=db,
        workspace_id=workspace.id,
        preview=replace(preview, new_items=personas_only),
        valid_only=valid_only,
    )
    return workspace, count
