"""Slowing down guessing: after a few failed sign-ins a bucket must wait, longer each time.

A bucket is what is guessed at: a workspace name (for passphrases, whether or not such a
workspace exists) or join codes from one address. Attempts live in the database, so every
app instance sees the same count.
"""

from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlmodel import Session

from planner.core.errors import PlannerError
from planner.models import AccessAttempt

FREE_FAILURES = 5  # failures within WINDOW before waiting starts
WINDOW = timedelta(minutes=15)
MAX_WAIT = timedelta(minutes=15)


class TooManyAttempts(PlannerError):
    """Too many wrong passphrases or codes: wait before the next try."""


def wait_needed(failures: int, last: datetime | None, now: datetime) -> timedelta:
    """How long the bucket must still wait: 2 s after the 6th failure, doubling, at most 15 min."""
    if failures < FREE_FAILURES or last is None:
        return timedelta(0)
    wait = min(timedelta(seconds=2 ** (failures - FREE_FAILURES + 1)), MAX_WAIT)
    return max(last + wait - now, timedelta(0))


def check_allowed(*, session: Session, bucket: str, now: datetime) -> None:
    """Raise `TooManyAttempts` (with the seconds to wait) while the bucket must wait."""
    failures, last = session.execute(
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


def record_attempt(*, session: Session, bucket: str, ok: bool, now: datetime) -> None:
    """Remember an attempt; a success wipes the bucket's failures."""
    if ok:
        session.execute(delete(AccessAttempt).where(AccessAttempt.bucket == bucket))
    session.add(AccessAttempt(bucket=bucket, ok=ok, at=now))
    session.execute(delete(AccessAttempt).where(AccessAttempt.at < now - WINDOW))
    session.flush()
