"""Sign-in records: what a browser's cookie brings back (see planner.access.sign_ins).

The cookie holds a random token; the database only its SHA-256, so a copy of the
database signs nobody in. What is kept: the grants (rechecked on every run, see
planner.store.access.current_proofs), the facilitator's name, the language, the
current workspace, and whether a stakeholder left the ballot on that browser.
"""

import hashlib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlmodel import Session

from planner.access.sign_ins import Lifetime, needs_touch
from planner.core.db import utc
from planner.models import SignInRecord
from planner.store.access import Grant

TOKEN_SIZES = range(32, 101)  # secrets.token_urlsafe(32) is 43 characters


@dataclass(frozen=True)
class Remembered:
    grants: tuple[Grant, ...] = ()
    actor: str = ""
    lang: str = ""
    workspace_id: int | None = None
    ballot_off: bool = False

    @property
    def empty(self) -> bool:
        return self == Remembered()


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _record(db: Session, token: str | None) -> SignInRecord | None:
    if not token or len(token) not in TOKEN_SIZES:
        return None
    return db.scalars(
        select(SignInRecord).where(SignInRecord.token_hash == token_hash(token))
    ).first()


def recall(*, db: Session, token: str | None, now: datetime, lifetime: Lifetime) -> Remembered:
    """What the sign-in of `token` holds; nothing when there is none or it has expired (an
    expired record is deleted). Notes the visit at most once per TOUCH."""
    record = _record(db, token)
    if record is None:
        return Remembered()
    created, seen = utc(record.created_at), utc(record.seen_at)
    if not lifetime.alive(created=created, seen=seen, now=now):
        db.delete(record)
        db.flush()
        return Remembered()
    if needs_touch(seen=seen, now=now):
        record.seen_at = now
        db.flush()
    return Remembered(
        grants=tuple(Grant(int(w), str(role), str(proof)) for w, role, proof in record.grants),
        actor=record.actor,
        lang=record.lang,
        workspace_id=record.workspace_id,
        ballot_off=record.ballot_off,
    )


def remember(
    *, db: Session, token: str, kept: Remembered, now: datetime, lifetime: Lifetime
) -> None:
    """Keep `kept` for the sign-in of `token` (made if new; ended if `kept` is empty).
    Expired records of any browser go at the same time."""
    if len(token) not in TOKEN_SIZES:
        raise ValueError("not a sign-in token")
    record = _record(db, token)
    if kept.empty:
        if record is not None:
            db.delete(record)
        db.flush()
        return
    if record is None:
        record = SignInRecord(token_hash=token_hash(token), created_at=now, seen_at=now)
        db.add(record)
        purge_expired(db=db, now=now, lifetime=lifetime)
    record.grants = [[g.workspace_id, g.role, g.proof] for g in kept.grants]
    record.actor, record.lang = kept.actor, kept.lang
    record.workspace_id, record.ballot_off = kept.workspace_id, kept.ballot_off
    db.flush()


def forget(*, db: Session, token: str | None) -> None:
    """End the sign-in of `token` (sign out)."""
    record = _record(db, token)
    if record is not None:
        db.delete(record)
        db.flush()


def purge_expired(*, db: Session, now: datetime, lifetime: Lifetime) -> None:
    """Delete sign-ins idle or older than `lifetime` allows."""
    db.execute(
        delete(SignInRecord).where(
            (SignInRecord.seen_at <= now - lifetime.idle)
            | (SignInRecord.created_at <= now - lifetime.absolute)
        )
    )
