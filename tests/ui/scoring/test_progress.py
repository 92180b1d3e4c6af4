"""The facilitator's live view: who is behind (and nudging them), everyone finished."""

from planner.core.db import reading
from planner.models import utcnow
from planner.store.scoring.round_timing import nudged
from tests.ui.conftest import texts
from tests.ui.scoring.test_time_box import (
    current_round,
    people,
    scoring_fixture,  # noqa: F401 (a fixture)
)


def test_the_live_view_names_who_is_behind_and_nudges_them(open_page, scoring, engine):
    ids = people(engine, scoring, {"Ann": 2, "Bo": 0, "Cas": 1})
    at = open_page("scoring_session")
    assert "Not finished yet (candidates scored): Bo (0), Cas (1)" in texts(at)
    at.button(key=f"nudge_{current_round(engine, scoring)}").click().run()
    assert "Nudged 2: their ballots show a friendly reminder." in texts(at)
    with reading(engine) as db:
        assert set(nudged(db=db, session_id=scoring.id, now=utcnow())) == {ids["Bo"], ids["Cas"]}


def test_the_facilitator_is_told_when_everyone_has_finished(open_page, scoring, engine):
    people(engine, scoring, {"Ann": 2, "Bo": 2})
    at = open_page("scoring_session")
    assert "Everyone has finished: reveal when you are ready." in texts(at)
    assert not [b for b in at.button if b.key and b.key.startswith("nudge_")]
