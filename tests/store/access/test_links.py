"""A workspace's links: a fresh access row has two different unguessable tokens and no
passphrase yet."""

import pytest
from sqlalchemy import select

from planner.models import WorkspaceAccess
from planner.store.access.links import new_access, new_token
from tests.factories import make_journey

pytestmark = pytest.mark.storage


def test_new_tokens_are_long_url_safe_and_never_the_same():
    tokens = {new_token() for _ in range(100)}
    assert len(tokens) == 100
    assert all(len(token) == 43 for token in tokens)  # 32 random bytes
    assert all(token.replace("-", "").replace("_", "").isalnum() for token in tokens)


def test_new_access_has_two_different_links_and_no_passphrase():
    access = new_access(7)
    assert access.workspace_id == 7
    assert access.viewer_token != access.owner_token
    assert not access.facilitator_hash


def test_a_new_access_row_is_stored_with_its_links(db):
    journey = make_journey(db, name="Linked")
    db.execute(
        WorkspaceAccess.__table__.delete().where(
            WorkspaceAccess.workspace_id == journey.workspace.id
        )
    )
    access = new_access(journey.workspace.id)
    db.add(access)
    db.flush()
    stored = db.scalar(
        select(WorkspaceAccess).where(WorkspaceAccess.workspace_id == journey.workspace.id)
    )
    assert (stored.viewer_token, stored.owner_token) == (access.viewer_token, access.owner_token)
