"""A stakeholder cannot join under a name that hides characters or looks like a name
already taken: format characters are dropped from names, and "taken" is decided on the
look-alike key (planner.journey.naming.name_key)."""

import pytest
from pydantic import ValidationError

from planner.core.errors import Conflict
from planner.models import SessionCreate, StakeholderJoin
from planner.store.scoring.sessions import open_session
from planner.store.scoring.stakeholders import join_session
from tests.factories import add_candidate, make_journey

pytestmark = pytest.mark.storage


@pytest.fixture(name="code")
def code_fixture(db):
    """The join code of an open session where Alice and Bob have joined."""
    journey = make_journey(db)
    scoring = open_session(
        db=db,
        workspace_id=journey.workspace.id,
        session_in=SessionCreate(name="Q1"),
        candidate_ids=[add_candidate(db, journey).id],
    )
    for name in ("Alice", "Bob"):
        join_session(db=db, code=scoring.code, join_in=StakeholderJoin(name=name))
    return scoring.code


@pytest.mark.parametrize(
    "typed",
    [
        "Ali\u200bce",  # zero-width space
        "Alice\ufeff",  # byte order mark
        "Bob\ufeff",
        "\u202eBob",  # right-to-left override
        "\u2066Alice\u2069",  # an isolate
        "\u0410lice",  # Cyrillic А
        "B\u043eb",  # Cyrillic о
        "\uff21lice",  # full-width Ａ
        "ALICE",
        " alice ",
    ],
)
def test_a_look_alike_of_a_taken_name_is_refused(db, code, typed):
    with pytest.raises(Conflict):
        join_session(db=db, code=code, join_in=StakeholderJoin(name=typed))


@pytest.mark.parametrize("typed", ["\u200b", "\u200b\u200c\u200d\ufeff", " \u202e\u2066 "])
def test_a_name_of_format_characters_only_is_empty(typed):
    with pytest.raises(ValidationError) as refused:
        StakeholderJoin(name=typed)
    assert refused.value.errors()[0]["loc"] == ("name",)


def test_the_name_stored_is_the_one_shown(db, code):
    joined = join_session(db=db, code=code, join_in=StakeholderJoin(name="Eve\u202egnp.exe"))
    assert joined.stakeholder.name == "Evegnp.exe"
    role = StakeholderJoin(name="Dan", role="I\u200bT\u202e").role
    assert role == "IT"
