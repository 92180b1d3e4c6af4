"""Rate limiting, the one place: attempts per bucket in the database (so every app
instance sees the same count), checked and recorded in one transaction around whatever
is guessed at — a facilitator's sign-in, a join code, the administrator's passphrase.
The rule: planner.access.rate_limit.

The check, the try itself and the record of its outcome are one transaction, taken alone
(SQLite's write lock, PostgreSQL's advisory lock on the target): the next try at that
target is checked only once this one is recorded. So simultaneous guesses cannot all pass
the check (30 at once from one client let 5 through, not 30), and a try still under way
is never counted as a failure (300 people joining at once from one address all get in).
At a target the client is known to have right (`known_try`: a join code found a moment
ago) there is nothing to guess: only the wait is checked, nothing is taken or recorded.
"""

import math
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
    """Too many wrong passphrases or codes: wait before the next try (`wait`, whole
    seconds, at most planner.access.rate_limit.MAX_WAIT)."""

    def __init__(self, wait: timedelta) -> None:
        self.wait = timedelta(seconds=max(1, math.ceil(wait.total_seconds())))
        super().__init__("error.too_many_attempts", wait=self.wait)


def _tries(db: Session, buckets: Buckets, now: datetime) -> dict[str, Tries]:
    """The failures within WINDOW in each of a try's buckets, and when the last was:
    one query (a page view at a known code reads nothing else of the limit)."""
    rows = db.execute(
        select(AccessAttempt.bucket, func.count(), func.max(AccessAttempt.at))
        .where(
            AccessAttempt.bucket.in_(buckets.all()),
            AccessAttempt.ok.is_(False),
            AccessAttempt.at > now - WINDOW,
        )
        .group_by(AccessAttempt.bucket)
    ).all()
    return {bucket: Tries(failures, utc(last)) for bucket, failures, last in rows}


def _take_alone(db: Session, buckets: Buckets) -> None:
    """Nobody else checks this target until this transaction ends."""
    if db.get_bind().dialect.name == "postgresql":
        key = zlib.crc32(buckets.target.encode())
        db.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})
    # SQLite: `writing` began with BEGIN IMMEDIATE, the database's one write lock


def _refuse_while_waiting(db: Session, buckets: Buckets, now: datetime) -> None:
    tries = _tries(db, buckets, now)
    wait = wait_for(
        client=tries.get(buckets.client, Tries()),
        pair=tries.get(buckets.pair, Tries()),
        target=tries.get(buckets.target, Tries()),
        now=now,
    )
    if wait > timedelta(0):
        raise TooManyAttempts(wait)


def begin_try(*, db: Session, buckets: Buckets, now: datetime) -> list[int]:
    """Raise `TooManyAttempts` (with the wait) while this client must wait; else record
    the try as a failure in every bucket and return the rows' ids. Call `end_try` in the
    same transaction: only then do others see the try."""
    _take_alone(db, buckets)
    _refuse_while_waiting(db, buckets, now)
    db.execute(delete(AccessAttempt).where(AccessAttempt.at < now - WINDOW))
    rows = [AccessAttempt(bucket=bucket, ok=False, at=now) for bucket in buckets.all()]
    db.add_all(rows)
    db.flush()
    return [row.id for row in rows if row.id is not None]


def known_try(
    engine: Engine, *, buckets: Buckets, now: datetime, action: Callable[[Session], T]
) -> T:
    """`action(db)` in one transaction, at a target the client has right (a join code
    found a moment ago): no guess, so neither taken alone nor recorded, and a room of
    300 joining by one code does not queue behind one lock. Still refused while the
    client must wait: else a client made to wait could tell a right code from a wrong
    one by being let through."""
    with writing(engine) as db:
        _refuse_while_waiting(db, buckets, now)
        return action(db)


def end_try(*, db: Session, buckets: Buckets, ids: list[int], ok: bool) -> None:
    """A success: the try was no failure, and the client's failures at this target are
    forgiven (unless the target is every one of its kind, `Buckets.forgives`)."""
    if not ok:
        return
    db.execute(update(AccessAttempt).where(AccessAttempt.id.in_(ids)).values(ok=True))
    if not buckets.forgives:
        db.flush()
        return
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
    action: Callable[[Session], T],
    succeeded: Callable[[T], bool] = bool,
    guessed: Callable[[PlannerError], bool] = lambda error: True,
) -> T:
    """`action(db)` in one transaction with the check and the record, unless the client
    must wait (`TooManyAttempts`). It counts as a failure when it raises a PlannerError
    that `guessed` wrong (its writes are undone, the failure is kept, the error raised)
    or unless `succeeded(result)`. Another PlannerError (a name taken once the code was
    right, say) is raised too, its writes undone, but it is no failure.

    >>> limited(engine, buckets=Buckets.of("join", "*", "10.0.0.9"), now=now,
    ...         action=lambda db: join_session(db=db, code=code, join_in=join_in))
    """
    refused: PlannerError | None = None
    with writing(engine) as db:
        ids = begin_try(db=db, buckets=buckets, now=now)
        try:
            with db.begin_nested():
                result = action(db)
        except PlannerError as error:
            refused = error
            if not guessed(error):
                end_try(db=db, buckets=buckets, ids=ids, ok=True)
        else:
            end_try(db=db, buckets=buckets, ids=ids, ok=succeeded(result))
    if refused is not None:
        raise refused
    return result
