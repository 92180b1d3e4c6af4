"""A change's message shows on the page where the change was made, and nowhere else."""

import pytest

from planner.core.db import reading
from planner.store.scoring.sessions import get_session
from tests.factories import demo_session
from tests.ui.conftest import texts


@pytest.fixture(name="scoring")
def scoring_fixture(engine, demo):
    return demo_session(engine, demo.id, "Workshop", [1, 2, 3])


def test_a_setting_saved_on_the_session_page_says_so_there(open_page, scoring, engine):
    at = open_page("scoring_session", lang="nl")
    at.toggle(key=f"reveal_when_done_{scoring.id}").set_value(True).run()
    assert not at.exception
    assert "Opgeslagen: Automatisch bekendmaken zodra iedereen klaar is." in texts(at)
    with reading(engine) as db:
        assert get_session(db=db, session_id=scoring.id).reveal_when_done
    at.switch_page("planner/ui/pages/matrix.py").run()
    assert "Opgeslagen" not in texts(at)


def test_a_change_made_on_the_way_to_another_page_is_not_told_there(open_page, scoring, engine):
    """The toggle's change reaches the server with the click on Matrix (as a change made
    while a fragment of the page reruns does): saved, and no word of it on the Matrix
    page, nor later on the session page."""
    at = open_page("scoring_session", lang="nl")
    at.toggle(key=f"reveal_at_zero_{scoring.id}").set_value(True)
    at.switch_page("planner/ui/pages/matrix.py").run()
    assert not at.exception
    with reading(engine) as db:
        assert get_session(db=db, session_id=scoring.id).reveal_at_zero
    assert "Opgeslagen" not in texts(at)
    at.switch_page("planner/ui/pages/scoring_session.py").run()
    assert "Opgeslagen" not in texts(at)
