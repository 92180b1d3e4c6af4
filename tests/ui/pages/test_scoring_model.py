"""Scoring model page: scale, criteria and role weights."""

from planner.core.db import reading
from planner.store.scoring.scoring_model import load_scoring_setup
from tests.ui.conftest import labelled, texts, widget_key


def test_scoring_model_changes_scale_and_criteria(open_page, demo, engine):
    at = open_page("scoring_model")
    labelled(at.radio, "Scale").set_value("fibonacci")
    at.button(key="FormSubmitter:scoring_rules-Save").click().run()
    at.session_state[widget_key(at, "criteria")] = {
        "edited_rows": {2: {"weight": 2.0}},
        "added_rows": [{"name": "Risk", "dimension": "effort"}],
        "deleted_rows": [],
    }
    at.run()
    assert not at.exception
    with reading(engine) as db:
        setup = load_scoring_setup(db=db, workspace_id=demo.id)
    assert setup.model.scale == "fibonacci"
    assert [(c.name, c.weight) for c in setup.criteria_of("effort")] == [
        ("Effort", 2.0),
        ("Risk", 1.0),
    ]


def test_removing_the_last_effort_criterion_is_refused(open_page, demo):
    at = open_page("scoring_model", lang="nl")
    at.session_state[widget_key(at, "criteria")] = {
        "edited_rows": {},
        "added_rows": [],
        "deleted_rows": [2],
    }
    at.run()
    assert "laatste criterium voor inspanning" in texts(at)


def test_role_weights(open_page, demo, engine):
    at = open_page("scoring_model")
    at.session_state[widget_key(at, "role_weights")] = {
        "edited_rows": {},
        "added_rows": [{"role": "Customer service", "weight": 2.0}],
        "deleted_rows": [],
    }
    at.run()
    with reading(engine) as db:
        assert (
            load_scoring_setup(db=db, workspace_id=demo.id).role_weight("customer SERVICE") == 2.0
        )
