"""Rate limiting, the one place: attempts per bucket in the database (so every app
instance sees the same count), checked and recorded in one transaction around whatever
is guessed at — a facilitator's sign-in, a join code, the administrator's passphrase.
The rule: planner.access.rate_limit.

A try is recorded as a failure *before* it is made, in the transaction that checked the
count (taken alone: SQLite's write lock, PostgreSQL's advisory lock on the target), and
turned into a success after. So simultaneous guesses cannot all pass the check: 30 at
once from one client let 5 through, not 30.
"""

import zlib
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TypeVar

from sqlalchemy import Engine, delete, func, select, text, update
from sqlmodel import Session

from planner.access.rate_limit import WINDOW, Buckets, Tries, wait_for
from planner.core.db import utc, writing
from planner.core.errors import PlannerError
from planner.models import AccessAttempt

T = TypeVar("T")


class TooManyAttempts(PlannerError):
    """Too many wrong passphrases or codes: wait before the next try."""


def _tries(db: Session, bucket: str, now: datetime) -> Tries:
    failures, last = db.execute(
        select(func.count(), func.max(AccessAttempt.at)).where(
            AccessAttempt.bucket == bucket,
            AccessAttempt.ok.is_(False),
            AccessAttempt.at > now - WINDOW,
        )
    ).one()
    return Tries(failures, None if last is None else utc(last))


def _take_alone(db: Session, buckets: Buckets) -> None:
    """Nobody else checks this target until this transaction ends."""
    if db.get_bind().dialect.name == "postgresql":
        key = zlib.crc32(buckets.target.encode())
        db.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})
    # SQLite: `writing` began with BEGIN IMMEDIATE, the database's one write lock


def begin_try(*, db: Session, buckets: Buckets, now: datetime) -> list[int]:
    """Raise `TooManyAttempts` (with the seconds to wait) while this client must wait;
    else record the try as a failure in every bucket and return the rows' ids."""
    _take_alone(db, buckets)
    wait = wait_for(
        client=_tries(db, buckets.client, now),
        pair=_tries(db, buckets.pair, now),
        target=_tries(db, buckets.target, now),
        now=now,
    )
    if wait > timedelta(0):
        raise TooManyAttempts("error.too_many_attempts", seconds=int(wait.total_seconds()) + 1)
    db.execute(delete(AccessAttempt).where(AccessAttempt.at < now - WINDOW))
    rows = [AccessAttempt(bucket=bucket, ok=False, at=now) for bucket in buckets.all()]
    db.add_all(rows)
    db.flush()
    return [row.id for row in rows if row.id is not None]


def end_try(*, db: Session, buckets: Buckets, ids: list[int], ok: bool) -> None:
    """A success: the try was no failure, and the client's failures here are forgiven."""
    if not ok:
        return
    db.execute(update(AccessAttempt).where(AccessAttempt.id.in_(ids)).values(ok=True))
    db.execute(
        delete(AccessAttempt).where(
            AccessAttempt.bucket == buckets.pair, AccessAttempt.ok.is_(False)
        )
    )
    db.flush()


def limited(
    engine: Engine,
    *,
    buckets: Buckets,
    now: datetime,
    action: Callable[[], T],
    succeeded: Callable[[T], bool] = bool,
) -> T:
    """Run `action` unless the client must wait (`TooManyAttempts`); it counts as a
    failure unless `succeeded(result)`. For actions that open their own transactions; a
    sign-in does both in its own (see planner.store.access.sign_in)."""
    with writing(engine) as db:
        ids = begin_try(db=db, buckets=buckets, now=now)
    result = action()
    if succeeded(result):
        with writing(engine) as db:
            end_try(db=db, buckets=buckets, ids=ids, ok=True)
    return result
