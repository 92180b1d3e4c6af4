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


def attempt(session, workspace, passphrase, now=NOW):
    return sign_in(
        session=session,
        sign_in_in=SignIn(workspace=workspace, passphrase=passphrase, actor="Eva"),
        now=now,
    )


def test_the_demo_opens_with_its_passphrase(session, demo):
    grant = attempt(session, demo.name.upper(), DEMO_PASSPHRASE)
    assert (grant.workspace_id, grant.role) == (demo.id, "facilitator")
    stored = get_access(session=session, workspace_id=demo.id).facilitator_hash
    assert stored.startswith("scrypt$") and DEMO_PASSPHRASE not in stored


def test_wrong_passphrase_and_unknown_workspace_look_the_same(session, demo):
    assert attempt(session, demo.name, "wrong passphrase") is None
    assert attempt(session, "No such workspace", "wrong passphrase") is None


def test_a_workspace_without_passphrase_cannot_be_opened(session):
    journey = make_journey(session, name="Legacy")
    assert attempt(session, "Legacy", "anything at all") is None
    set_passphrase(
        session=session,
        workspace_id=journey.workspace.id,
        passphrase_in=PassphraseSet(passphrase="legacy-pass"),
    )
    assert attempt(session, "legacy", "legacy-pass").role == "facilitator"


def test_guessing_is_slowed_down_per_workspace_name(session, demo):
    for _ in range(FREE_FAILURES):
        assert attempt(session, demo.name, "guess") is None
    with pytest.raises(TooManyAttempts) as error:  # now the name must wait, even when right
        attempt(session, demo.name, DEMO_PASSPHRASE)
    assert "try again in" in error.value.message("en")
    assert attempt(session, "Other name", "guess") is None  # other names are not slowed
    later = NOW + timedelta(seconds=5)
    assert attempt(session, demo.name, DEMO_PASSPHRASE, now=later).role == "facilitator"
    assert attempt(session, demo.name, "guess", now=later) is None  # success reset the count


def test_unknown_names_are_slowed_down_too(session):
    for _ in range(FREE_FAILURES):
        attempt(session, "Ghost", "guess")
    with pytest.raises(TooManyAttempts):
        attempt(session, "Ghost", "guess")


def test_links_give_their_role_for_their_workspace_only(session, demo):
    other = make_journey(session, name="Other").workspace
    access, other_access = (get_access(session=session, workspace_id=w.id) for w in (demo, other))
    assert grant_for_link(session=session, token=access.viewer_token).role == "viewer"
    assert grant_for_link(session=session, token=access.owner_token).role == "owner"
    assert grant_for_link(session=session, token=other_access.viewer_token).workspace_id == (
        other.id
    )
    assert grant_for_link(session=session, token="") is None
    assert grant_for_link(session=session, token="made-up") is None
    old = access.viewer_token
    renew_links(session=session, workspace_id=demo.id)
    assert grant_for_link(session=session, token=old) is None


def test_audit_log_newest_first(session, demo):
    record(session=session, workspace_id=demo.id, actor="Eva", action="Session opened")
    record(session=session, workspace_id=demo.id, actor="Eva", action="Round revealed")
    log = audit_log(session=session, workspace_id=demo.id)
    assert log["action"].tolist() == ["Round revealed", "Session opened"]
    assert log["actor"].tolist() == ["Eva", "Eva"]
