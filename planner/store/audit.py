"""The audit log (facilitator actions with who and when, newest first) and audited
changes: one transaction that writes and logs who did what and where.

Every writer goes through `audited` — the pages (planner.ui.shell.changes.run_change)
and the command line alike — so the audit log holds every change to a workspace,
whoever made it.

    with audited(engine, actor="Eva", action="Import of 12 candidates") as change:
        ...write with change.db...
        change.workspace_id = workspace.id   # when it is only known inside
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Engine, select
from sqlmodel import Session

from planner.core.db import writing
from planner.core.text import clean_text
from planner.models import NAME_MAX, AuditEvent, Workspace
from planner.store.sql import read_frame

ACTION_MAX = 500


def record(*, db: Session, workspace_id: int, actor: str, action: str) -> None:
    """Log `action` by `actor`; both as the one text rule keeps text, cut to their size
    (the actor as a name, cleaned again after the cut: no joiner or space left at its end,
    so a restore reads the same name)."""
    actor = clean_text(clean_text(actor, name=True)[:NAME_MAX], name=True)
    action = clean_text(action)[:ACTION_MAX]
    db.add(AuditEvent(workspace_id=workspace_id, actor=actor, action=action))
    db.flush()


def audit_log(*, db: Session, workspace_id: int) -> pd.DataFrame:
    return read_frame(
        db,
        select(AuditEvent.at, AuditEvent.actor, AuditEvent.action)
        .where(AuditEvent.workspace_id == workspace_id)
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc()),
    )


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
