"""The audit log: facilitator actions with who and when, newest first."""

import pandas as pd
from sqlalchemy import select
from sqlmodel import Session

from planner.core.text import clean_text
from planner.models import NAME_MAX, AuditEvent
from planner.store.frames import read_frame

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
