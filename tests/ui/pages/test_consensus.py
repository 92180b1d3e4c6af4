"""Consensus page: decisions that override the score, each quadrant's chance, scores on
the scale's own terms."""

import json

from planner.core.db import reading, writing
from planner.models import ScoringModelUpdate, StakeholderJoin
from planner.store.journey.candidates import get_candidate
from planner.store.scoring.consensus import workspace_consensus
from planner.store.scoring.scoring_model import load_scoring_setup, update_scoring_model
from planner.store.scoring.sessions import reveal_round
from planner.store.scoring.stakeholders import join_session
from tests.factories import vote_all
from tests.ui.conftest import texts
from tests.ui.pages.test_scoring_session import scoring_fixture  # noqa: F401 (a fixture)


def test_consensus_override(open_page, demo, engine):
    at = open_page("consensus")
    at.number_input(key="override_value").set_value(8.5)
    at.text_area(key="override_reason").input("Agreed in the steering group")
    at.text_input(key="override_by").input("Eva")
    at.button(key="FormSubmitter:override-Save decision").click().run()
    assert not at.exception and "Decision saved." in texts(at)
    with reading(engine) as db:
        row = workspace_consensus(db=db, workspace_id=demo.id).iloc[0]
    assert (row["value"], row["value_source"]) == (8.5, "override")


def test_override_without_reason_is_refused(open_page, demo):
    at = open_page("consensus")
    at.number_input(key="override_value").set_value(8.5)
    at.text_input(key="override_by").input("Eva")
    at.button(key="FormSubmitter:override-Save decision").click().run()
    assert "Reason must have at least 3 character(s)." in texts(at)


def test_consensus_shows_the_chance_of_each_quadrant(open_page, demo):
    at = open_page("consensus")
    table = at.dataframe[0].value
    chances = table[[f"chance_{q}" for q in ("quick_win", "big_bet", "fill_in", "money_pit")]]
    scored = chances.dropna(how="all")
    assert len(scored) > 10  # pre-scores: certain by definition, one quadrant each
    assert (scored.sum(axis=1).round(6) == 1).all() and set(scored.stack()) <= {0.0, 1.0}
    assert "Chance of each quadrant" in texts(at)


def test_consensus_shows_scores_in_the_scales_own_terms(open_page, scoring, engine):
    """On 1-10, everyone rating effort 1 or 2 is 0.6 of 10: shown as 1.5 on the scale
    beside it, not a bare 0-something that reads as "no effort"."""
    with writing(engine) as db:
        update_scoring_model(
            db=db, workspace_id=scoring.workspace_id, model_in=ScoringModelUpdate(scale="1-10")
        )
        setup = load_scoring_setup(db=db, workspace_id=scoring.workspace_id)
        for name, label in (("A", "1"), ("B", "2"), ("C", "1"), ("D", "2")):
            person = join_session(db=db, code=scoring.code, join_in=StakeholderJoin(name=name))[1]
            vote_all(db, scoring, person, 1, setup, label)
        reveal_round(db=db, session_id=scoring.id)
    at = open_page("consensus")
    table = at.dataframe[0].value.set_index("title")
    with reading(engine) as db:
        title = get_candidate(db=db, candidate_id=1).title
    assert table.loc[title, "effort"] == 0.6 and table.loc[title, "effort_on_scale"] == "1.5"
    assert table.loc[title, "value_on_scale"] == "1.5"
    headers = json.loads(at.dataframe[0].proto.columns)
    assert headers["effort_on_scale"]["label"] == "Effort on 1–10"
    assert headers["effort"]["label"] == "Effort (0–10)"
