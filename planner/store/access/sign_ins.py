"""Sign-in records: what a browser's cookie brings back (see planner.access.sign_ins).

A record is made only under a token issued for it at that moment (`begin`), never under
a token the browser already held: a cookie planted before a sign-in (another port of the
same host can set one) is never signed in. Every new role is a new record and a new
token (`begin` with `follows`); the records one browser made that way share a lineage,
and signing out ends the whole lineage, in every tab.

The cookie holds the token; the database only its SHA-256, so a copy of the database
signs nobody in. What is kept: the grants (rechecked on every run, see
planner.store.access.grants.current_proofs), the facilitator's name, the language, the current
workspace, and whether a stakeholder left the ballot on that browser.
"""

import hashlib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlmodel import Session

from planner.access.sign_ins import Lifetime, needs_touch
from planner.access.visit_tokens import issue, issued
from planner.core.db import utc
from planner.core.i18n import Language
from planner.models import SignInRecord
from planner.store.access.grants import Grant
from planner.store.access.server_secrets import server_secret

VISITS = "visits"  # the server secret that signs browser tokens
# Bulk writes here touch rows the session may hold with naive times (SQLite): it need
# not match them in Python.
SKIP_SESSION = {"synchronize_session": False}


@dataclass(frozen=True)
class Remembered:
    grants: tuple[Grant, ...] = ()
    actor: str = ""
    lang: Language | None = None  # None: none chosen on this browser
    workspace_id: int | None = None
    ballot_off: bool = False

    @property
    def empty(self) -> bool:
        return self == Remembered()

    def raised(self, before: "Remembered") -> bool:
        """Whether this holds a role `before` did not (a sign-in, a link, another role)."""
        return not set(self.grants) <= set(before.grants)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def visit_secret(*, db: Session) -> str:
    """The secret browser tokens are signed with, shared by every app instance."""
    return server_secret(db=db, name=VISITS)


def _record(db: Session, token: str | None) -> SignInRecord | None:
    if not token or len(token) > 100:
        return None
    return db.scalars(
        select(SignInRecord).where(SignInRecord.token_hash == token_hash(token))
    ).first()


def _alive(record: SignInRecord, now: datetime, lifetime: Lifetime) -> bool:
    return lifetime.alive(created=utc(record.created_at), seen=utc(record.seen_at), now=now)


def _kept(record: SignInRecord) -> Remembered:
    return Remembered(
        grants=tuple(Grant(int(w), str(role), str(proof)) for w, role, proof in record.grants),
        actor=record.actor,
        lang=record.lang,
        workspace_id=record.workspace_id,
        ballot_off=record.ballot_off,
    )


def _write(record: SignInRecord, kept: Remembered) -> None:
    record.grants = [[g.workspace_id, g.role, g.proof] for g in kept.grants]
    record.actor, record.lang = kept.actor, kept.lang
    record.workspace_id, record.ballot_off = kept.workspace_id, kept.ballot_off


def begin(
    *,
    db: Session,
    kept: Remembered,
    now: datetime,
    lifetime: Lifetime,
    follows: str | None = None,
) -> str:
    """A new sign-in holding `kept`, under a token issued now; its token. `follows`: the
    token of this browser's sign-in it grows out of (a new role), whose lineage it joins.
    Expired records of any browser go at the same time."""
    token = issue(visit_secret(db=db))
    before = _record(db, follows)
    lineage = before.lineage if before is not None and before.lineage else token_hash(token)
    record = SignInRecord(
        token_hash=token_hash(token), lineage=lineage, created_at=now, seen_at=now
    )
    _write(record, kept)
    db.add(record)
    purge_expired(db=db, now=now, lifetime=lifetime)
    db.flush()
    return token


def recall(*, db: Session, token: str | None, now: datetime, lifetime: Lifetime) -> Remembered:
    """What the sign-in of `token` holds; nothing when the server never issued the token,
    there is no such sign-in or it has expired (an expired record is deleted). Notes the
    visit at most once per TOUCH."""
    if not issued(visit_secret(db=db), token):
        return Remembered()
    record = _record(db, token)
    if record is None:
        return Remembered()
    if not _alive(record, now, lifetime):
        db.delete(record)
        db.flush()
        return Remembered()
    if needs_touch(seen=utc(record.seen_at), now=now):
        record.seen_at = now
        db.flush()
    return _kept(record)


def last_seen(
    *, db: Session, token: str | None, now: datetime, lifetime: Lifetime
) -> datetime | None:
    """When the sign-in of `token` was last noted, or None when it has ended (signed out
    in another tab, expired): one indexed read, for every run of a signed-in page."""
    record = _record(db, token)
    if record is None or not _alive(record, now, lifetime):
        return None
    return utc(record.seen_at)


def touch(*, db: Session, token: str, now: datetime) -> None:
    """Note that the sign-in of `token` was seen now."""
    db.execute(
        update(SignInRecord)
        .where(SignInRecord.token_hash == token_hash(token))
        .values(seen_at=now),
        execution_options=SKIP_SESSION,
    )


def remember(*, db: Session, token: str, kept: Remembered) -> bool:
    """Keep `kept` for the existing sign-in of `token` (an empty `kept` ends that record);
    False when there is none any more. Never makes a record: see `begin`."""
    record = _record(db, token)
    if record is None:
        return False
    if kept.empty:
        db.delete(record)
    else:
        _write(record, kept)
    db.flush()
    return True


def forget(*, db: Session, token: str | None) -> None:
    """Sign out: end the sign-in of `token` and every one of its lineage (the same browser's
    earlier roles), so every tab holding any of them is signed out at its next click."""
    record = _record(db, token)
    if record is None:
        return
    db.execute(
        delete(SignInRecord).where(
            (SignInRecord.lineage == record.lineage) | (SignInRecord.id == record.id)
        ),
        execution_options=SKIP_SESSION,
    )


def purge_expired(*, db: Session, now: datetime, lifetime: Lifetime) -> None:
    """Delete sign-ins idle or older than `lifetime` allows."""
    db.execute(
        delete(SignInRecord).where(
            (SignInRecord.seen_at <= now - lifetime.idle)
            | (SignInRecord.created_at <= now - lifetime.absolute)
        ),
        execution_options=SKIP_SESSION,
    )
