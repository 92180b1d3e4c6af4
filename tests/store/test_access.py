"""Stored passphrases, sign-in with its rate limit, links and the audit log."""

from datetime import UTC, datetime, timedelta

import pytest

from planner.access.rate_limit import FREE_FAILURES
from planner.demo import DEMO_PASSPHRASE
from planner.models import PassphraseSet, SignIn
from planner.store.access import get_access, grant_for_link, renew_links, set_passphrase, sign_in
from planner.store.attempts import TooManyAttempts
from planner.store.audit import audit_log, record
from tests.factories import make_journey

pytestmark = pytest.mark.storage

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def attempt(db, workspace, passphrase, now=NOW):
    return sign_in(
        db=db,
        sign_in_in=SignIn(workspace=workspace, passphrase=passphrase, actor="Eva"),
        now=now,
    )


def test_the_demo_opens_with_its_passphrase(db, demo):
    grant = attempt(db, demo.name.upper(), DEMO_PASSPHRASE)
    assert (grant.workspace_id, grant.role) == (demo.id, "facilitator")
    stored = get_access(db=db, workspace_id=demo.id).facilitator_hash
    assert stored.startswith("scrypt$") and DEMO_PASSPHRASE not in stored


def test_wrong_passphrase_and_unknown_workspace_look_the_same(db, demo):
    assert attempt(db, demo.name, "wrong passphrase") is None
    assert attempt(db, "No such workspace", "wrong passphrase") is None


def test_a_workspace_without_passphrase_cannot_be_opened(db):
    journey = make_journey(db, name="Legacy")
    assert attempt(db, "Legacy", "anything at all") is None
    set_passphrase(
        db=db,
        workspace_id=journey.workspace.id,
        passphrase_in=PassphraseSet(passphrase="legacy-pass"),
    )
    assert attempt(db, "legacy", "legacy-pass").role == "facilitator"


def test_guessing_is_slowed_down_per_workspace_name(db, demo):
    for _ in range(FREE_FAILURES):
        assert attempt(db, demo.name, "guess") is None
    with pytest.raises(TooManyAttempts) as error:  # now the name must wait, even when right
        attempt(db, demo.name, DEMO_PASSPHRASE)
    assert "try again in" in error.value.message("en")
    assert attempt(db, "Other name", "guess") is None  # other names are not slowed
    later = NOW + timedelta(seconds=5)
    assert attempt(db, demo.name, DEMO_PASSPHRASE, now=later).role == "facilitator"
    assert attempt(db, demo.name, "guess", now=later) is None  # success reset the count


def test_unknown_names_are_slowed_down_too(db):
    for _ in range(FREE_FAILURES):
        attempt(db, "Ghost", "guess")
    with pytest.raises(TooManyAttempts):
        attempt(db, "Ghost", "guess")


def test_links_give_their_role_for_their_workspace_only(db, demo):
    other = make_journey(db, name="Other").workspace
    access, other_access = (get_access(db=db, workspace_id=w.id) for w in (demo, other))
    assert grant_for_link(db=db, token=access.viewer_token).role == "viewer"
    assert grant_for_link(db=db, token=access.owner_token).role == "owner"
    assert grant_for_link(db=db, token=other_access.viewer_token).workspace_id == (other.id)
    assert grant_for_link(db=db, token="") is None
    assert grant_for_link(db=db, token="made-up") is None
    old = access.viewer_token
    renew_links(db=db, workspace_id=demo.id)
    assert grant_for_link(db=db, token=old) is None


def test_audit_log_newest_first(db, demo):
    record(db=db, workspace_id=demo.id, actor="Eva", action="Session opened")
    record(db=db, workspace_id=demo.id, actor="Eva", action="Round revealed")
    log = audit_log(db=db, workspace_id=demo.id)
    assert log["action"].tolist() == ["Round revealed", "Session opened"]
    assert log["actor"].tolist() == ["Eva", "Eva"]
