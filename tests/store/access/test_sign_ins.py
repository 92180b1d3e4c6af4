"""Sign-in records: made only under a token issued for them, recalled while alive, a new
token for every new role, and sign-out ends the browser's whole lineage."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import String, func, select

from planner.access.sign_ins import Lifetime
from planner.access.visit_tokens import issue, issued
from planner.core.i18n import Language
from planner.models import SignInRecord
from planner.store.access.grants import Grant
from planner.store.access.sign_ins import (
    Remembered,
    begin,
    forget,
    last_seen,
    recall,
    remember,
    token_hash,
    touch,
    visit_secret,
)

pytestmark = pytest.mark.storage
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
LIFETIME = Lifetime()
KEPT = Remembered(
    grants=(Grant(1, "facilitator", "p1"), Grant(2, "viewer", "p2")),
    actor="Eva",
    lang=Language.NL,
    workspace_id=2,
)


def count(db) -> int:
    return db.scalar(select(func.count()).select_from(SignInRecord))


def test_a_sign_in_begins_under_a_new_issued_token_kept_only_as_its_hash(db):
    token = begin(db=db, kept=KEPT, now=NOW, lifetime=LIFETIME)
    assert issued(visit_secret(db=db), token)
    assert recall(db=db, token=token, now=NOW, lifetime=LIFETIME) == KEPT
    stored = db.scalars(select(SignInRecord)).one()
    assert stored.token_hash == token_hash(token) and token not in str(stored.model_dump())
    assert begin(db=db, kept=KEPT, now=NOW, lifetime=LIFETIME) != token


@pytest.mark.parametrize("lang", [*Language, None])
def test_the_language_is_kept_as_a_language_or_none(db, lang):
    """None (no language chosen on this browser) is stored as NULL, not as text."""
    kept = Remembered(grants=KEPT.grants, lang=lang)
    token = begin(db=db, kept=kept, now=NOW, lifetime=LIFETIME)
    db.expire_all()  # read back from the database, not the session's copy
    recalled = recall(db=db, token=token, now=NOW, lifetime=LIFETIME)
    assert recalled == kept and type(recalled.lang) is type(lang)
    stored = db.scalar(select(SignInRecord.__table__.c.lang.cast(String)))
    assert stored == (None if lang is None else lang.value)
    changed = Remembered(grants=KEPT.grants, lang=None if lang else Language.NL)
    assert remember(db=db, token=token, kept=changed)
    db.expire_all()
    assert recall(db=db, token=token, now=NOW, lifetime=LIFETIME).lang == changed.lang


@pytest.mark.parametrize(
    "held",
    [None, "", "t" * 43, "x" * 500, "forged.signature", "issued-by-another-server"],
)
def test_a_token_the_server_did_not_issue_recalls_nothing(db, held):
    if held == "issued-by-another-server":
        held = issue("another server's secret")
    begin(db=db, kept=KEPT, now=NOW, lifetime=LIFETIME)
    assert recall(db=db, token=held, now=NOW, lifetime=LIFETIME).empty


def test_remember_never_makes_a_record_for_a_token_a_browser_brought(db):
    planted = issue(visit_secret(db=db))  # issued, as a page load gives one: no sign-in
    assert remember(db=db, token=planted, kept=KEPT) is False
    assert count(db) == 0
    assert recall(db=db, token=planted, now=NOW, lifetime=LIFETIME).empty


def test_a_change_overwrites_and_nothing_left_ends_the_record(db):
    token = begin(db=db, kept=KEPT, now=NOW, lifetime=LIFETIME)
    fewer = Remembered(grants=KEPT.grants[:1], actor="Eva")
    assert remember(db=db, token=token, kept=fewer)
    assert recall(db=db, token=token, now=NOW, lifetime=LIFETIME) == fewer
    assert remember(db=db, token=token, kept=Remembered())
    assert count(db) == 0


@pytest.mark.parametrize(
    "before, after, raised",
    [
        (Remembered(), KEPT, True),
        (KEPT, KEPT, False),
        (KEPT, Remembered(grants=KEPT.grants[:1]), False),  # fewer roles
        (Remembered(grants=KEPT.grants[:1]), KEPT, True),  # another workspace
        (KEPT, Remembered(grants=(Grant(2, "facilitator", "p3"),)), True),  # a stronger role
        (KEPT, Remembered(grants=KEPT.grants, lang=Language.EN), False),  # only the language
    ],
)
def test_raised_means_a_role_that_was_not_held(before, after, raised):
    assert after.raised(before) is raised


def test_a_new_role_is_a_new_token_and_sign_out_ends_the_whole_lineage(db):
    first = begin(db=db, kept=Remembered(grants=KEPT.grants[:1]), now=NOW, lifetime=LIFETIME)
    second = begin(db=db, kept=KEPT, now=NOW, lifetime=LIFETIME, follows=first)
    stranger = begin(db=db, kept=KEPT, now=NOW, lifetime=LIFETIME)
    # the older token keeps what it had (another tab holds it), nothing more
    assert recall(db=db, token=first, now=NOW, lifetime=LIFETIME).grants == KEPT.grants[:1]
    forget(db=db, token=second)
    for ended in (first, second):
        assert last_seen(db=db, token=ended, now=NOW, lifetime=LIFETIME) is None
    assert last_seen(db=db, token=stranger, now=NOW, lifetime=LIFETIME) == NOW


def test_idle_and_absolute_expiry_end_the_record(db):
    token = begin(db=db, kept=KEPT, now=NOW, lifetime=LIFETIME)
    later = NOW + timedelta(hours=11)
    assert recall(db=db, token=token, now=later, lifetime=LIFETIME) == KEPT  # seen: touched
    for step in range(2, 17):  # seen every 10 hours: idle never ends it, the 7 days do
        moment = NOW + timedelta(hours=10 * step)
        assert last_seen(db=db, token=token, now=moment, lifetime=LIFETIME) is not None
        touch(db=db, token=token, now=moment)
    assert recall(db=db, token=token, now=NOW + timedelta(days=7), lifetime=LIFETIME).empty
    assert count(db) == 0
    token = begin(db=db, kept=KEPT, now=NOW, lifetime=LIFETIME)
    assert last_seen(db=db, token=token, now=NOW + timedelta(hours=12), lifetime=LIFETIME) is None


def test_new_records_purge_the_expired(db):
    begin(db=db, kept=KEPT, now=NOW, lifetime=LIFETIME)
    begin(db=db, kept=KEPT, now=NOW + timedelta(days=1), lifetime=LIFETIME)
    assert count(db) == 1  # the first one had been idle a day
