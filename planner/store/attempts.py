"""Rate limiting, the one place: attempts per bucket in the database (so every app
instance sees the same count), checked and recorded around whatever is guessed at —
a facilitator's sign-in, a join code, a restore. The rule: planner.access.rate_limit.
"""

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TypeVar

from sqlalchemy import Engine, delete, func, select
from sqlmodel import Session

from planner.access.rate_limit import WINDOW, wait_needed
from planner.core.db import reading, writing
from planner.core.errors import PlannerError
from planner.models import AccessAttempt

T = TypeVar("T")


class TooManyAttempts(PlannerError):
    """Too many wrong passphrases or codes: wait before the next try."""


def check_allowed(*, db: Session, bucket: str, now: datetime) -> None:
    """Raise `TooManyAttempts` (with the seconds to wait) while the bucket must wait."""
    failures, last = db.execute(
        select(func.count(), func.max(AccessAttempt.at)).where(
            AccessAttempt.bucket == bucket,
            AccessAttempt.ok.is_(False),
            AccessAttempt.at > now - WINDOW,
        )
    ).one()
    if last is not None and last.tzinfo is None:
        last = last.replace(tzinfo=now.tzinfo)  # SQLite hands times back without their zone
    wait = wait_needed(failures, last, now)
    if wait > timedelta(0):
        raise TooManyAttempts("error.too_many_attempts", seconds=int(wait.total_seconds()) + 1)


def record_attempt(*, db: Session, bucket: str, ok: bool, now: datetime) -> None:
    """Remember an attempt; a success wipes the bucket's failures."""
    if ok:
        db.execute(delete(AccessAttempt).where(AccessAttempt.bucket == bucket))
    db.add(AccessAttempt(bucket=bucket, ok=ok, at=now))
    db.execute(delete(AccessAttempt).where(AccessAttempt.at < now - WINDOW))
    db.flush()


def limited(
    engine: Engine,
    *,
    bucket: str,
    now: datetime,
    action: Callable[[], T],
    succeeded: Callable[[T], bool] = bool,
) -> T:
    """Run `action` unless `bucket` must wait (`TooManyAttempts`); count it as a try
    either way, `succeeded(result)` telling whether it worked. For actions that open
    their own transactions; a sign-in checks and records inside its own (see
    planner.store.access.sign_in)."""
    with reading(engine) as db:
        check_allowed(db=db, bucket=bucket, now=now)
    result = action()
    with writing(engine) as db:
        record_attempt(db=db, bucket=bucket, ok=succeeded(result), now=now)
    return result
