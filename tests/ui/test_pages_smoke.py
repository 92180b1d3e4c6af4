"""Every page runs without an exception, empty and with the demo loaded."""

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import APP

PAGES = [
    "planner/ui/pages/workspaces.py",
    "planner/ui/pages/journey_grid.py",
    "planner/ui/pages/candidates.py",
    "planner/ui/pages/import_candidates.py",
    "planner/ui/pages/journey_setup.py",
    "planner/ui/pages/scoring_session.py",
    "planner/ui/pages/vote.py",
    "planner/ui/pages/consensus.py",
    "planner/ui/pages/scoring_model.py",
    "planner/ui/pages/matrix.py",
    "planner/ui/pages/roadmap.py",
]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_page_runs_with_demo(database_url, demo, page, lang):
    """Each page renders the demo workspace in both languages."""
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.session_state["lang"] = lang
    at.run()
    at.switch_page(page).run()
    assert not at.exception


@pytest.mark.parametrize("page", PAGES)
def test_page_runs_on_empty_database(database_url, page):
    """Each page says what to do when there is no workspace yet."""
    at = AppTest.from_file(str(APP), default_timeout=30).run()
    at.switch_page(page).run()
    assert not at.exception
