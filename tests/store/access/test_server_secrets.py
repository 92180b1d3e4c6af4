"""Server secrets: made once, kept in the database, the same for every instance asking."""

import pytest

from planner.core.db import reading, writing
from planner.models import ServerSecret
from planner.store.access.server_secrets import server_secret

pytestmark = pytest.mark.storage


def test_a_secret_is_made_on_first_use_and_kept(engine):
    with writing(engine) as db:
        first = server_secret(db=db, name="download")
    with writing(engine) as db:
        assert server_secret(db=db, name="download") == first
    assert len(first) >= 60  # 48 random bytes, URL-safe


def test_each_name_has_its_own_secret(db):
    assert server_secret(db=db, name="download") != server_secret(db=db, name="mail-id")


def test_a_secret_another_instance_stored_is_the_one_given(engine):
    with writing(engine) as db:
        db.add(ServerSecret(name="download", value="made-by-the-other-instance"))
    with writing(engine) as db:
        assert server_secret(db=db, name="download") == "made-by-the-other-instance"
    with reading(engine) as db:
        assert db.get(ServerSecret, "download").value == "made-by-the-other-instance"
