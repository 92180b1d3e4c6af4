"""The audit log: facilitator actions with who and when, newest first."""

import pandas as pd
from sqlalchemy import select
from sqlmodel import Session

from planner.models import AuditEvent
from planner.store.frames import read_frame

ACTION_MAX = 500


def record(*, db: Session, workspace_id: int, actor: str, action: str) -> None:
    db.add(AuditEvent(workspace_id=workspace_id, actor=actor, action=action[:ACTION_MAX]))
    db.flush()


def audit_log(*, db: Session, workspace_id: int) -> pd.DataFrame:
    return read_frame(
        db,
        select(AuditEvent.at, AuditEvent.actor, AuditEvent.action)
        .where(AuditEvent.workspace_id == workspace_id)
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc()),
    )
