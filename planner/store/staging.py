"""Large writes without holding up the workshop: a workspace nobody sees yet.

A restore or a large import writes in short transactions into a *staging* workspace
(`Workspace.restoring`: not listed, not found by name, no way in), then makes the result
visible in one short transaction. A vote waits at most one batch, never the whole job;
a job that fails deletes its staging workspace, so nothing half-written is ever seen.
"""

import secrets
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from itertools import islice
from typing import TypeVar

from sqlalchemy import delete, update
from sqlmodel import Session

from planner.journey.naming import name_key
from planner.journey.templates import Template
from planner.models import Candidate, Persona, Workspace, WorkspaceCreate
from planner.store.workspaces import create_workspace, delete_workspace, list_workspaces

BATCH = 2_000  # rows per transaction
Begin = Callable[[], AbstractContextManager[Session]]
T = TypeVar("T")


def chunks(rows: Sequence[T], size: int) -> Iterator[list[T]]:
    iterator = iter(rows)
    while chunk := list(islice(iterator, size)):
        yield chunk


def staging_workspace(
    db: Session,
    *,
    language: str,
    phases: list[str],
    channels: list[str],
    personas: list[str],
    description: str = "",
) -> Workspace:
    """A workspace under a random name that nobody can see or reach."""
    workspace = create_workspace(
        db=db,
        workspace_in=WorkspaceCreate(
            name=f"staging {secrets.token_hex(8)}",
            description=description,
            language=language,
            template=Template.BLANK,
        ),
        phases=phases,
        channels=channels,
    )
    workspace.restoring = True
    db.add_all(
        Persona(workspace_id=workspace.id, name=name, position=i) for i, name in enumerate(personas)
    )
    db.flush()
    return workspace


def name_taken(db: Session, name: str) -> bool:
    return any(
        name_key(w.name) == name_key(name) for w in list_workspaces(db=db, include_archived=True)
    )


def publish(db: Session, *, workspace_id: int, name: str, archived: bool = False) -> Workspace:
    """Give the staging workspace its name and make it visible (call `name_taken` first)."""
    db.execute(
        update(Workspace)
        .where(Workspace.id == workspace_id)
        .values(name=name, archived=archived, restoring=False)
    )
    db.flush()
    workspace = db.get(Workspace, workspace_id)
    assert workspace is not None
    db.refresh(workspace)
    return workspace


def discard(begin: Begin, workspace_id: int | None, batch: int = BATCH) -> None:
    """Delete a staging workspace, its candidates a batch at a time."""
    if workspace_id is None:
        return
    while True:
        with begin() as db:
            ids = list(
                db.scalars(
                    Candidate.__table__.select()
                    .with_only_columns(Candidate.__table__.c.id)
                    .where(Candidate.__table__.c.workspace_id == workspace_id)
                    .limit(batch)
                )
            )
            if not ids:
                break
            db.execute(delete(Candidate).where(Candidate.id.in_(ids)))
    with begin() as db:
        if db.get(Workspace, workspace_id) is not None:
            delete_workspace(db=db, workspace_id=workspace_id)
