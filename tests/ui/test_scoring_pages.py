"""Scoring pages: the model, the facilitator's session, the stakeholder's ballot, consensus."""

import pytest
from streamlit.testing.v1 import AppTest

from planner.db import read_session, write_session
from planner.models import SessionCreate, StakeholderJoin
from planner.store.consensus import workspace_consensus
from planner.store.scoring_model import load_scoring_setup
from planner.store.sessions import current_round, join_session, open_session
from planner.store.votes import my_ballot
from tests.conftest import APP
from tests.factories import vote_all
from tests.ui.conftest import texts, widget_key


@pytest.fixture(name="scoring")
def scoring_fixture(engine, demo):
    """A session on the demo's first three candidates."""
    with write_session(engine) as session:
        return open_session(
            session=session,
            workspace_id=demo.id,
            session_in=SessionCreate(name="Workshop"),
            candidate_ids=[1, 2, 3],
        )


def stakeholder_app(code: str, lang: str = "en") -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.query_params["join"] = code
    at.session_state["lang"] = lang
    at.run()
    assert not at.exception
    return at


def test_scoring_model_changes_scale_and_criteria(open_page, demo, engine):
    at = open_page("scoring_model")
    at.radio[0].set_value("fibonacci")
    at.button(key="FormSubmitter:scoring_rules-Save").click().run()
    at.session_state[widget_key(at, "criteria")] = {
        "edited_rows": {2: {"weight": 2.0}},
        "added_rows": [{"name": "Risk", "dimension": "effort"}],
        "deleted_rows": [],
    }
    at.run()
    assert not at.exception
    with read_session(engine) as session:
        setup = load_scoring_setup(session=session, workspace_id=demo.id)
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
    with read_session(engine) as session:
        assert (
            load_scoring_setup(session=session, workspace_id=demo.id).role_weight(
                "customer SERVICE"
            )
            == 2.0
        )


def test_facilitator_opens_a_session_on_a_filtered_set(open_page, demo):
    at = open_page("scoring_session")
    at.text_input(key="session_name").input("Buying workshop")
    at.multiselect(key="session_phase").select("Buying").run()
    assert "7 of 42 candidates will be scored." in texts(at)
    at.button(key="open_session").click().run()
    assert not at.exception
    assert "Session opened" in texts(at)
    assert at.metric[0].label == "Join code" and len(at.metric[0].value) == 6


def test_stakeholder_joins_votes_and_resumes(scoring, engine):
    at = stakeholder_app(scoring.code)
    assert len(at.sidebar.selectbox) == 1  # the language switch, no workspace picker
    at.text_input(key="join_name").input("Anna")
    at.text_input(key="join_role").input("Marketing")
    at.button(key="FormSubmitter:join-Join").click().run()
    assert not at.exception and "0 of 3 scored" in at.get("progress")[0].proto.text
    round_id = scoring.id  # first session, first round
    for criterion_key in [k for k in (w.key for w in at.pills) if k]:
        at.pills(key=criterion_key).set_value("4").run()
    assert "1 of 3 scored" in at.get("progress")[0].proto.text
    with read_session(engine) as session:
        ballot = my_ballot(session=session, round_id=round_id, stakeholder_id=1)
    assert set(ballot.answers.values()) == {"4"}
    again = stakeholder_app(scoring.code)  # a reload: same link, new browser session
    again.query_params["name"] = "anna"
    again.run()
    assert "1 of 3 scored" in again.get("progress")[0].proto.text


def test_dont_know_is_an_answer(scoring, engine):
    at = stakeholder_app(scoring.code)
    at.text_input(key="join_name").input("Bob")
    at.button(key="FormSubmitter:join-Join").click().run()
    first = next(w.key for w in at.pills)
    at.pills(key=first).set_value("?").run()
    with read_session(engine) as session:
        assert list(my_ballot(session=session, round_id=1, stakeholder_id=1).answers.values()) == [
            None
        ]


def test_wrong_code_is_explained(demo):
    at = stakeholder_app("NOPE42", lang="nl")
    at.text_input(key="join_name").input("Anna")
    at.button(key="FormSubmitter:join-Meedoen").click().run()
    assert "Er is geen scoresessie met deze code" in texts(at)


def test_reveal_shows_results_and_offers_a_revote(open_page, scoring, engine):
    with write_session(engine) as session:
        setup = load_scoring_setup(session=session, workspace_id=scoring.workspace_id)
        for name, label in (("A", "1"), ("B", "5"), ("C", "5")):
            person = join_session(
                session=session, code=scoring.code, join_in=StakeholderJoin(name=name)
            )[1]
            vote_all(session, scoring, person, 1, setup, label)
    at = open_page("scoring_session")
    assert [m.value for m in at.metric[1:3]] == ["3", "0"]
    at.button(key="reveal").click().run()
    assert not at.exception and "Scores revealed." in texts(at)
    table = at.dataframe[0].value
    assert table.loc[0, "value"] == 10.0 and table.loc[0, "value_n"] == 3
    at.button(key="revote").click().run()
    with read_session(engine) as session:
        assert current_round(session=session, session_id=scoring.id).number == 2


def test_consensus_override(open_page, demo, engine):
    at = open_page("consensus")
    at.number_input(key="override_value").set_value(8.5)
    at.text_area(key="override_reason").input("Agreed in the steering group")
    at.text_input(key="override_by").input("Eva")
    at.button(key="FormSubmitter:override-Save decision").click().run()
    assert not at.exception and "Decision saved." in texts(at)
    with read_session(engine) as session:
        row = workspace_consensus(session=session, workspace_id=demo.id).iloc[0]
    assert (row["value"], row["value_source"]) == (8.5, "override")


def test_override_without_reason_is_refused(open_page, demo):
    at = open_page("consensus")
    at.number_input(key="override_value").set_value(8.5)
    at.text_input(key="override_by").input("Eva")
    at.button(key="FormSubmitter:override-Save decision").click().run()
    assert "Reason must have at least 3 character(s)." in texts(at)
