"""Stored passphrases, sign-in with its rate limit, links and the audit log."""

import contextlib
from datetime import UTC, datetime, timedelta

import pytest

from planner.access.rate_limit import FREE_FAILURES
from planner.demo import DEMO_PASSPHRASE
from planner.models import PassphraseSet, SignIn
from planner.store.access.attempts import TooManyAttempts
from planner.store.access.grants import (
    get_access,
    grant_for_link,
    renew_links,
    set_passphrase,
    sign_in,
)
from planner.store.audit import audit_log, record
from tests.factories import make_journey

pytestmark = pytest.mark.storage

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def attempt(db, workspace, passphrase, now=NOW, client="203.0.113.9"):
    return sign_in(
        db=db,
        sign_in_in=SignIn(workspace=workspace, passphrase=passphrase, actor="Eva"),
        now=now,
        client=client,
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


def test_guessing_is_slowed_down_per_client_at_a_workspace(db, demo):
    for _ in range(FREE_FAILURES):
        assert attempt(db, demo.name, "guess") is None
    with pytest.raises(TooManyAttempts) as error:  # this client must wait, even when right
        attempt(db, demo.name, DEMO_PASSPHRASE)
    assert error.value.message("en").endswith("try again in 2 seconds.")
    assert error.value.message("nl").endswith("probeer het over 2 seconden opnieuw.")
    assert attempt(db, "Other name", "guess") is None  # other names are not slowed
    assert attempt(db, demo.name, DEMO_PASSPHRASE, client="198.51.100.4").role == "facilitator"
    later = NOW + timedelta(seconds=5)
    assert attempt(db, demo.name, DEMO_PASSPHRASE, now=later).role == "facilitator"
    assert attempt(db, demo.name, "guess", now=later) is None  # success reset the count


def test_a_guesser_cannot_lock_the_facilitator_out(db, demo):
    """68 wrong tries in a minute from one address, then many more from a crowd: the
    facilitator's own browser, without failures, still gets in at once."""
    for n in range(68):
        with contextlib.suppress(TooManyAttempts):
            attempt(db, demo.name, "guess", now=NOW + timedelta(seconds=n))
    for n in range(60):  # a crowd: one try each
        attempt(db, demo.name, "guess", client=f"192.0.2.{n}", now=NOW + timedelta(seconds=61))
    grant = attempt(
        db, demo.name, DEMO_PASSPHRASE, client="198.51.100.4", now=NOW + timedelta(seconds=62)
    )
    assert grant.role == "facilitator"
    with pytest.raises(TooManyAttempts):  # past the ceiling, a client that failed waits
        attempt(db, demo.name, DEMO_PASSPHRASE, client="192.0.2.1", now=NOW + timedelta(seconds=62))


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
