"""Workspaces: one customer journey each."""

from sqlalchemy import delete, func, update
from sqlmodel import Session, select

from planner.core.errors import Conflict, NotFound, validated
from planner.journey.journey import Journey
from planner.journey.naming import name_key, workspace_key
from planner.journey.templates import default_channels, template_phases
from planner.models import (
    Candidate,
    Channel,
    DimensionCreate,
    Persona,
    Phase,
    Workspace,
    WorkspaceCreate,
    WorkspaceUpdate,
    utcnow,
)
from planner.store.access.links import new_access
from planner.store.scoring.scoring_model import create_default_model


def list_workspaces(*, db: Session, include_archived: bool = False) -> list[Workspace]:
    query = (
        select(Workspace)
        .where(Workspace.restoring == False)  # noqa: E712
        .order_by(func.lower(Workspace.name))
    )
    if not include_archived:
        query = query.where(Workspace.archived == False)  # noqa: E712 (SQL, not Python)
    return list(db.exec(query))


def get_workspace(*, db: Session, workspace_id: int) -> Workspace:
    workspace = db.get(Workspace, workspace_id)
    if workspace is None:
        raise NotFound("error.workspace_not_found", name=workspace_id)
    return workspace


def find_workspace(*, db: Session, name: str) -> Workspace:
    """The workspace called `name` (any case, any dash: "-" finds "–"); raises `NotFound`.
    A name spelled exactly so comes first (two older workspaces may differ in a dash)."""
    workspaces = list(db.exec(select(Workspace).where(Workspace.restoring == False)))  # noqa: E712
    for key in (name_key, workspace_key):
        for workspace in workspaces:
            if key(workspace.name) == key(name):
                return workspace
    raise NotFound("error.workspace_not_found", name=name)


def _check_name_free(db: Session, name: str, *, except_id: int | None = None) -> None:
    """Refuse a name in use (any case, any dash); the message repeats the name as typed,
    never the stored one (a stranger learns no more than that the name is taken)."""
    for workspace in db.exec(select(Workspace)):
        if workspace.id != except_id and workspace_key(workspace.name) == workspace_key(name):
            raise Conflict("error.workspace_exists", name=name)


def _names(names: list[str]) -> list[str]:
    """Phase or channel names as the one text rule stores them (planner.core.text)."""
    return [validated(DimensionCreate, name=name).name for name in names]


def create_workspace(
    *,
    db: Session,
    workspace_in: WorkspaceCreate,
    phases: list[str] | None = None,
    channels: list[str] | None = None,
) -> Workspace:
    """A new workspace with the template's phases and channels (or the ones given)."""
    _check_name_free(db, workspace_in.name)
    workspace = Workspace(
        name=workspace_in.name,
        description=workspace_in.description,
        language=workspace_in.language,
    )
    db.add(workspace)
    db.flush()
    lang = workspace_in.language
    if phases is None:
        phases = template_phases(workspace_in.template, lang)
    if channels is None:
        channels = default_channels(workspace_in.template, lang)
    phases, channels = _names(phases), _names(channels)
    db.add_all(
        Phase(workspace_id=workspace.id, name=name, position=i) for i, name in enumerate(phases)
    )
    db.add_all(
        Channel(workspace_id=workspace.id, name=name, position=i) for i, name in enumerate(channels)
    )
    create_default_model(db=db, workspace_id=workspace.id, language=lang)
    db.add(new_access(workspace.id))
    return workspace


def update_workspace(*, db: Session, workspace_id: int, workspace_in: WorkspaceUpdate) -> Workspace:
    """Rename, describe, switch language, archive or restore a workspace."""
    workspace = get_workspace(db=db, workspace_id=workspace_id)
    changes = workspace_in.model_dump(exclude_unset=True, exclude_none=True)
    if "name" in changes:
        _check_name_free(db, changes["name"], except_id=workspace_id)
    for field, value in changes.items():
        setattr(workspace, field, value)
    workspace.updated_at = utcnow()
    db.add(workspace)
    db.flush()
    return workspace


def delete_workspace(*, db: Session, workspace_id: int) -> None:
    """Delete a workspace and everything in it."""
    get_workspace(db=db, workspace_id=workspace_id)
    # Candidates first: their links to phases and channels do not cascade (a phase or
    # channel in use cannot be deleted), and PostgreSQL checks them within the statement.
    db.execute(delete(Candidate).where(Candidate.workspace_id == workspace_id))
    db.execute(delete(Workspace).where(Workspace.id == workspace_id))


def touch_workspace(*, db: Session, workspace_id: int) -> None:
    """Mark the workspace as changed, so cached views of it are refreshed."""
    db.execute(update(Workspace).where(Workspace.id == workspace_id).values(updated_at=utcnow()))


def load_journey(*, db: Session, workspace_id: int) -> Journey:
    """The workspace with its phases, channels and personas in their order."""

    def ordered(model):
        return list(
            db.exec(
                select(model).where(model.workspace_id == workspace_id).order_by(model.position)
            )
        )

    return Journey(
        workspace=get_workspace(db=db, workspace_id=workspace_id),
        phases=ordered(Phase),
        channels=ordered(Channel),
        personas=ordered(Persona),
    )
