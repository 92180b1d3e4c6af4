"""A session setting as a toggle that saves itself: automatic advance turned off."""

from planner.core.db import reading
from planner.store.scoring.sessions import get_session
from tests.ui.pages.test_commitments import (
    version_fixture,  # noqa: F401 (a fixture)
)
from tests.ui.pages.test_scoring_session import scoring_fixture  # noqa: F401 (a fixture)


def test_facilitator_turns_auto_advance_off(open_page, scoring, engine):
    at = open_page("scoring_session")
    at.toggle(key=f"auto_advance_{scoring.id}").set_value(False).run()
    assert not at.exception
    with reading(engine) as db:
        assert get_session(db=db, session_id=scoring.id).auto_advance is False
