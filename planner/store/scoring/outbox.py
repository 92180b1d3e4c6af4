"""The outbox of own-pace mails: each (session, stakeholder, kind) is one row, inserted by
whoever decides first to send it (the unique key refuses the second), then claimed by one
sender at a time for a while (a conditional update: of two processes one wins), and
marked sent, or left pending with its attempts and last error to be tried again."""

from datetime import datetime, timedelta

from sqlalchemy import insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from planner.models import OutboxMail, utcnow
from planner.scoring.own_pace import MailStatus
from planner.store.sql import ON_CONFLICT_INSERTS

LEASE = timedelta(minutes=5)  # a sender that died holds a mail this long at most
ERROR_MAX = 500


def enqueue(
    *,
    db: Session,
    session_id: int,
    stakeholder_id: int,
    kind: str,
    status: str = MailStatus.PENDING,
) -> bool:
    """Record this mail once; False when it already was (by this or another process)."""
    values = {
        "session_id": session_id,
        "stakeholder_id": stakeholder_id,
        "kind": kind,
        "status": status,
        "attempts": 0,
        "last_error": "",
        "created_at": utcnow(),
    }
    dialect = db.get_bind().dialect.name
    if dialect in ON_CONFLICT_INSERTS:
        statement = ON_CONFLICT_INSERTS[dialect](OutboxMail.__table__).values(values)
        statement = statement.on_conflict_do_nothing(
            index_elements=["session_id", "stakeholder_id", "kind"]
        )  # RETURNING: the ORM session's rowcount of an insert is not reliable on PostgreSQL
        return db.execute(statement.returning(OutboxMail.__table__.c.id)).first() is not None
    try:
        with db.begin_nested():
            db.execute(insert(OutboxMail.__table__), values)
    except IntegrityError:
        return False
    return True


def kinds_recorded(*, db: Session, session_id: int) -> dict[int, set[str]]:
    """stakeholder id -> the kinds of mail recorded for them in this session."""
    found: dict[int, set[str]] = {}
    rows = db.execute(
        select(OutboxMail.stakeholder_id, OutboxMail.kind).where(
            OutboxMail.session_id == session_id
        )
    )
    for who, kind in rows:
        found.setdefault(who, set()).add(kind)
    return found


def pending(*, db: Session, now: datetime) -> list[int]:
    """The mails waiting to be sent that no sender holds now, oldest first."""
    query = select(OutboxMail.id).where(
        OutboxMail.status == MailStatus.PENDING,
        or_(OutboxMail.claimed_until.is_(None), OutboxMail.claimed_until < now),
    )
    return list(db.scalars(query.order_by(OutboxMail.id)))


def claim(*, db: Session, mail_id: int, now: datetime) -> bool:
    """Take this mail to send it (True), unless it was sent or another sender holds it."""
    done = db.execute(
        update(OutboxMail)
        .where(
            OutboxMail.id == mail_id,
            OutboxMail.status == MailStatus.PENDING,
            or_(OutboxMail.claimed_until.is_(None), OutboxMail.claimed_until < now),
        )
        .values(claimed_until=now + LEASE, attempts=OutboxMail.attempts + 1)
    )
    return done.rowcount == 1


def mark_sent(*, db: Session, mail_id: int, now: datetime) -> None:
    db.execute(
        update(OutboxMail)
        .where(OutboxMail.id == mail_id)
        .values(status=MailStatus.SENT, sent_at=now, claimed_until=None, last_error="")
    )


def mark_failed(*, db: Session, mail_id: int, error: str) -> None:
    """Leave the mail pending with why it failed: the next run tries again."""
    db.execute(
        update(OutboxMail)
        .where(OutboxMail.id == mail_id)
        .values(claimed_until=None, last_error=error[:ERROR_MAX])
    )


def get_mail(*, db: Session, mail_id: int) -> OutboxMail:
    return db.get(OutboxMail, mail_id)


def waiting(*, db: Session, session_id: int) -> list[OutboxMail]:
    """This session's mails not sent yet, with their attempts and last error."""
    query = select(OutboxMail).where(
        OutboxMail.session_id == session_id, OutboxMail.status == MailStatus.PENDING
    )
    return list(db.scalars(query.order_by(OutboxMail.id)))
