"""Sign-in records: kept under the token's hash, recalled while alive, ended by sign-out."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from planner.access.sign_ins import Lifetime
from planner.models import SignInRecord
from planner.store.access import Grant
from planner.store.sign_ins import Remembered, forget, recall, remember, token_hash

pytestmark = pytest.mark.storage
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
TOKEN = "t" * 43
KEPT = Remembered(
    grants=(Grant(1, "facilitator", "p1"), Grant(2, "viewer", "p2")),
    actor="Eva",
    lang="nl",
    workspace_id=2,
)


def count(db) -> int:
    return db.scalar(select(func.count()).select_from(SignInRecord))


def test_what_is_kept_comes_back_under_the_same_token_only(db):
    remember(db=db, token=TOKEN, kept=KEPT, now=NOW, lifetime=Lifetime())
    assert recall(db=db, token=TOKEN, now=NOW, lifetime=Lifetime()) == KEPT
    assert recall(db=db, token="u" * 43, now=NOW, lifetime=Lifetime()).empty
    assert recall(db=db, token=None, now=NOW, lifetime=Lifetime()).empty
    stored = db.scalars(select(SignInRecord)).one()
    assert stored.token_hash == token_hash(TOKEN) and TOKEN not in str(stored.model_dump())


def test_a_change_overwrites_and_nothing_left_ends_the_record(db):
    remember(db=db, token=TOKEN, kept=KEPT, now=NOW, lifetime=Lifetime())
    fewer = Remembered(grants=KEPT.grants[:1], actor="Eva")
    remember(db=db, token=TOKEN, kept=fewer, now=NOW, lifetime=Lifetime())
    assert recall(db=db, token=TOKEN, now=NOW, lifetime=Lifetime()) == fewer
    remember(db=db, token=TOKEN, kept=Remembered(), now=NOW, lifetime=Lifetime())
    assert count(db) == 0


def test_idle_and_absolute_expiry_delete_the_record(db):
    remember(db=db, token=TOKEN, kept=KEPT, now=NOW, lifetime=Lifetime())
    later = NOW + timedelta(hours=11)
    assert recall(db=db, token=TOKEN, now=later, lifetime=Lifetime()) == KEPT  # seen: touched
    for step in range(2, 17):  # seen every 10 hours: idle never ends it, the 7 days do
        moment = NOW + timedelta(hours=10 * step)
        assert recall(db=db, token=TOKEN, now=moment, lifetime=Lifetime()) == KEPT
    assert recall(db=db, token=TOKEN, now=NOW + timedelta(days=7), lifetime=Lifetime()).empty
    assert count(db) == 0
    remember(db=db, token=TOKEN, kept=KEPT, now=NOW, lifetime=Lifetime())
    assert recall(db=db, token=TOKEN, now=NOW + timedelta(hours=12), lifetime=Lifetime()).empty


def test_sign_out_and_new_records_purge_the_expired(db):
    remember(db=db, token=TOKEN, kept=KEPT, now=NOW, lifetime=Lifetime())
    remember(db=db, token="u" * 43, kept=KEPT, now=NOW + timedelta(days=1), lifetime=Lifetime())
    assert count(db) == 1  # the first one had been idle a day
    forget(db=db, token="u" * 43)
    assert count(db) == 0


def test_a_token_of_the_wrong_size_is_never_stored(db):
    with pytest.raises(ValueError):
        remember(db=db, token="short", kept=KEPT, now=NOW, lifetime=Lifetime())
    assert recall(db=db, token="x" * 500, now=NOW, lifetime=Lifetime()).empty
