"""The outbox of own-pace mails: each mail recorded once, claimed by one sender at a time
for a while, then sent, or left pending with its attempts and last error."""

from datetime import UTC, datetime, timedelta

import pytest

from planner.scoring.own_pace import MailStatus
from planner.store.scoring.outbox import (
    ERROR_MAX,
    LEASE,
    claim,
    enqueue,
    get_mail,
    kinds_recorded,
    mark_failed,
    mark_sent,
    pending,
    waiting,
)
from tests.factories import join

pytestmark = pytest.mark.storage
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


@pytest.fixture(name="people")
def people_fixture(workshop, db):
    """The workshop's session and two of its stakeholders."""
    _, _, scoring, _ = workshop
    return scoring, join(db, scoring, "Ann"), join(db, scoring, "Bob")


def test_each_mail_is_recorded_once(people, db):
    scoring, ann, bob = people
    assert enqueue(db=db, session_id=scoring.id, stakeholder_id=ann.id, kind="invitation")
    assert not enqueue(db=db, session_id=scoring.id, stakeholder_id=ann.id, kind="invitation")
    assert enqueue(db=db, session_id=scoring.id, stakeholder_id=ann.id, kind="reminder-48h")
    assert enqueue(
        db=db,
        session_id=scoring.id,
        stakeholder_id=bob.id,
        kind="invitation",
        status=MailStatus.SKIPPED,
    )
    assert kinds_recorded(db=db, session_id=scoring.id) == {
        ann.id: {"invitation", "reminder-48h"},
        bob.id: {"invitation"},
    }
    # a skipped mail is recorded but waits for nobody
    assert [mail.kind for mail in waiting(db=db, session_id=scoring.id)] == [
        "invitation",
        "reminder-48h",
    ]


def test_a_claimed_mail_is_held_for_the_lease_then_free_again(people, db):
    scoring, ann, _ = people
    enqueue(db=db, session_id=scoring.id, stakeholder_id=ann.id, kind="invitation")
    (mail_id,) = pending(db=db, now=NOW)
    assert claim(db=db, mail_id=mail_id, now=NOW)
    assert not claim(db=db, mail_id=mail_id, now=NOW + timedelta(seconds=1))
    assert pending(db=db, now=NOW + LEASE - timedelta(seconds=1)) == []
    later = NOW + LEASE + timedelta(seconds=1)  # the sender died: another may take it
    assert pending(db=db, now=later) == [mail_id]
    assert claim(db=db, mail_id=mail_id, now=later)
    assert get_mail(db=db, mail_id=mail_id).attempts == 2


def test_a_sent_mail_is_never_claimed_again(people, db):
    scoring, ann, _ = people
    enqueue(db=db, session_id=scoring.id, stakeholder_id=ann.id, kind="invitation")
    (mail_id,) = pending(db=db, now=NOW)
    claim(db=db, mail_id=mail_id, now=NOW)
    mark_sent(db=db, mail_id=mail_id, now=NOW)
    db.expire_all()
    mail = get_mail(db=db, mail_id=mail_id)
    assert (mail.status, mail.claimed_until, mail.attempts) == (MailStatus.SENT, None, 1)
    assert mail.sent_at is not None
    assert pending(db=db, now=NOW + 2 * LEASE) == []
    assert not claim(db=db, mail_id=mail_id, now=NOW + 2 * LEASE)
    assert waiting(db=db, session_id=scoring.id) == []


def test_a_failed_mail_waits_for_the_next_run_with_why(people, db):
    scoring, ann, bob = people
    enqueue(db=db, session_id=scoring.id, stakeholder_id=ann.id, kind="invitation")
    enqueue(db=db, session_id=scoring.id, stakeholder_id=bob.id, kind="invitation")
    first, second = pending(db=db, now=NOW)
    claim(db=db, mail_id=first, now=NOW)
    mark_failed(db=db, mail_id=first, error="connection refused " + "x" * 600)
    db.expire_all()
    assert pending(db=db, now=NOW) == [first, second]  # free again at once, oldest first
    mail = get_mail(db=db, mail_id=first)
    assert mail.status == MailStatus.PENDING
    assert mail.last_error.startswith("connection refused")
    assert len(mail.last_error) == ERROR_MAX
    assert mail.attempts == 1
