"""Audited changes: one transaction that writes and logs who did what and where.

Every writer goes through here — the pages (planner.ui.shell.changes.run_change) and the
command line alike — so the audit log holds every change to a workspace, whoever made it.

    with audited(engine, actor="Eva", action="Import of 12 candidates") as change:
        ...write with change.db...
        change.workspace_id = workspace.id   # when it is only known inside
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlmodel import Session

from planner.core.db import writing
from planner.models import Workspace
from planner.store.audit import record


@dataclass
class Change:
    db: Session
    workspace_id: int | None
    action: str


@contextmanager
def audited(
    engine: Engine, *, actor: str, action: str, workspace_id: int | None = None
) -> Iterator[Change]:
    """A write transaction whose change is logged in it, for `change.workspace_id` (not
    when there is none, nor when the change deleted the workspace and its log)."""
    with writing(engine) as db:
        change = Change(db, workspace_id, action)
        yield change
        if change.workspace_id is not None and db.get(Workspace, change.workspace_id):
            record(
                db=db,
                workspace_id=change.workspace_id,
                actor=actor or "?",
                action=change.action,
            )
