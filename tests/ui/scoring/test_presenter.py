"""The presenter view's results board: after the reveal, results one candidate at a time,
flagged ones first, comments named or not as the session says."""

import pytest

from planner.core.db import writing
from planner.models import SessionSettings
from planner.store.scoring.sessions import change_settings, reveal_round
from tests.ui.conftest import texts
from tests.ui.pages.test_presenter import (
    presenter,
    scoring_fixture,  # noqa: F401 (a fixture)
)


@pytest.mark.parametrize("named", [False, True])
def test_after_the_reveal_results_come_one_at_a_time_flagged_first(
    open_page, scoring, engine, named
):
    with writing(engine) as db:
        reveal_round(db=db, session_id=scoring.id)
        change_settings(
            db=db, session_id=scoring.id, settings=SessionSettings(comments_named=named)
        )
    at = presenter(open_page, scoring)
    shown = texts(at)
    assert "Candidate 1 of 2 · round 1" in shown
    assert "Flagged for discussion" in shown  # candidate 3 comes first
    assert ("**Ann:** Ann thinks so" in shown) is named
    assert ("“Ann thinks so”" in shown) is not named
    at.button(key="presenter_next_1").click().run()
    shown = texts(at)
    assert "Candidate 2 of 2" in shown and "Flagged for discussion" not in shown
    assert "No comments on this candidate." in shown
    assert at.button(key="presenter_next_1").disabled
