"""Scoring pages: the model, the facilitator's session, the stakeholder's ballot, consensus."""

import json

import pytest
from streamlit.testing.v1 import AppTest

from planner.core.db import reading, writing
from planner.models import ScoringModelUpdate, StakeholderJoin
from planner.store.audit import audit_log
from planner.store.journey.candidates import get_candidate
from planner.store.scoring.consensus import workspace_consensus
from planner.store.scoring.scoring_model import load_scoring_setup, update_scoring_model
from planner.store.scoring.sessions import current_round, get_session, reveal_round
from planner.store.scoring.stakeholders import join_session, renew_link, stakeholder_by_link
from tests.conftest import APP
from tests.factories import demo_session, vote_all
from tests.ui.conftest import labelled, texts, widget_key


@pytest.fixture(name="scoring")
def scoring_fixture(engine, demo):
    """A session on the demo's first three candidates."""
    return demo_session(engine, demo.id, "Workshop", [1, 2, 3])


def stakeholder_app(code: str, lang: str = "en") -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.query_params["join"] = code
    at.session_state["lang"] = lang
    at.run()
    assert not at.exception
    return at


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


def test_facilitator_opens_a_session_on_a_filtered_set(open_page, demo):
    at = open_page("scoring_session")
    at.text_input(key="session_name").input("Buying workshop")
    at.multiselect(key="session_phase").select("Buying").run()
    assert "7 of 42 candidates will be scored." in texts(at)
    at.button(key="open_session").click().run()
    assert not at.exception
    assert "Session opened" in texts(at)
    assert at.metric[0].label == "Join code" and len(at.metric[0].value) == 6


def ballot_data(at: AppTest) -> dict:
    """What the page gave the ballot component (AppTest cannot click inside it)."""
    return json.loads(at.get("bidi_component")[0].proto.json)


def join_as(at: AppTest, name: str, role: str = "") -> AppTest:
    at.text_input(key="join_name").input(name)
    at.text_input(key="join_role").input(role)
    return at.button(key="FormSubmitter:join-Join").click().run()


def test_stakeholder_joins_and_gets_a_ballot_and_a_personal_link(scoring, engine):
    at = join_as(stakeholder_app(scoring.code), "Anna", "Marketing")
    assert not at.exception
    assert len(at.selectbox) == 1 and not at.sidebar.selectbox  # language on the page
    data = ballot_data(at)
    assert [c[0] for c in data["candidates"]] == [1, 2, 3] and data["done"] == []
    assert data["round"] == 1 and data["auto_advance"] is True
    link = at.code[0].value
    assert link.endswith(f"/?me={data['key']}")  # AppTest has no host
    assert "Anna" not in link and set(at.query_params) == {"join"}
    with reading(engine) as db:
        assert stakeholder_by_link(db=db, token=data["key"]).name == "Anna"


def test_the_personal_link_resumes_the_ballot_in_a_new_browser(scoring, engine):
    with writing(engine) as db:
        joined = join_session(db=db, code=scoring.code, join_in=StakeholderJoin(name="Anna"))
        setup = load_scoring_setup(db=db, workspace_id=scoring.workspace_id)
        vote_all(db, scoring, joined.stakeholder, 2, setup, "4")
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.query_params["me"] = joined.token
    at.run()
    assert not at.exception
    data = ballot_data(at)
    assert data["done"] == [2] and data["stakeholder"] == joined.stakeholder.id
    assert "me" not in at.query_params  # the link's token leaves the address bar


@pytest.mark.parametrize("typed", ["Anna", "anna ", "ANNA"])
def test_a_name_already_taken_never_opens_that_ballot(scoring, engine, typed):
    with writing(engine) as db:
        join_session(db=db, code=scoring.code, join_in=StakeholderJoin(name="Anna"))
    at = join_as(stakeholder_app(scoring.code), typed)
    assert "If that is you, open your personal link" in texts(at)
    assert not at.get("bidi_component")


def test_a_name_in_the_address_opens_nobody(scoring, engine):
    with writing(engine) as db:
        join_session(db=db, code=scoring.code, join_in=StakeholderJoin(name="Anna"))
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.query_params["join"] = scoring.code
    at.query_params["name"] = "Anna"
    at.run()
    assert not at.get("bidi_component") and at.text_input(key="join_name").value == ""


def test_an_unknown_or_replaced_personal_link_is_explained(scoring, engine, demo):
    with writing(engine) as db:
        joined = join_session(db=db, code=scoring.code, join_in=StakeholderJoin(name="Anna"))
        renew_link(db=db, workspace_id=demo.id, stakeholder_id=joined.stakeholder.id)
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.query_params["me"] = joined.token
    at.run()
    assert "personal link is unknown or has been replaced" in texts(at)
    assert not at.get("bidi_component")


def test_the_reveal_replaces_the_ballot(scoring, engine):
    with writing(engine) as db:
        joined = join_session(db=db, code=scoring.code, join_in=StakeholderJoin(name="Anna"))
        reveal_round(db=db, session_id=scoring.id)
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.query_params["me"] = joined.token
    at.run()
    assert "have been revealed" in texts(at)
    assert ballot_data(at)["follow_only"] is True


def test_wrong_code_is_explained(demo):
    at = stakeholder_app("NOPE42", lang="nl")
    at.text_input(key="join_name").input("Anna")
    at.button(key="FormSubmitter:join-Meedoen").click().run()
    assert "Er is geen scoresessie met deze code" in texts(at)


def test_reveal_shows_results_and_offers_a_revote(open_page, scoring, engine):
    with writing(engine) as db:
        setup = load_scoring_setup(db=db, workspace_id=scoring.workspace_id)
        for name, label in (("A", "1"), ("B", "5"), ("C", "5")):
            person = join_session(db=db, code=scoring.code, join_in=StakeholderJoin(name=name))[1]
            vote_all(db, scoring, person, 1, setup, label)
    at = open_page("scoring_session")
    assert [m.value for m in at.metric[1:3]] == ["3", "0"]
    assert at.button(key="reveal").disabled  # 3 of 3 have not finished: confirm first
    at.checkbox(key=f"reveal_anyway_{current_round_id(engine, scoring)}").check().run()
    assert "3 not finished yet: reveal anyway" in at.checkbox[0].label
    at.button(key="reveal").click().run()
    assert not at.exception and "Scores revealed." in texts(at)
    table = at.dataframe[0].value
    assert table.loc[0, "value"] == 10.0 and table.loc[0, "value_n"] == 3
    at.button(key="revote").click().run()
    with reading(engine) as db:
        assert current_round(db=db, session_id=scoring.id).number == 2


def current_round_id(engine, scoring) -> int:
    with reading(engine) as db:
        return current_round(db=db, session_id=scoring.id).id


def test_reveal_needs_votes(open_page, scoring):
    at = open_page("scoring_session")
    assert at.button(key="reveal").disabled and "nothing to reveal" in texts(at)


def test_no_revote_round_of_nothing(open_page, scoring, engine):
    with writing(engine) as db:  # everyone finishes, all in agreement: nothing flagged
        setup = load_scoring_setup(db=db, workspace_id=scoring.workspace_id)
        for name in ("A", "B", "C"):
            person = join_session(db=db, code=scoring.code, join_in=StakeholderJoin(name=name))[1]
            for candidate in (1, 2, 3):
                vote_all(db, scoring, person, candidate, setup, "3")
    at = open_page("scoring_session")
    assert not at.checkbox and not at.button(key="reveal").disabled  # all finished
    at.button(key="reveal").click().run()
    assert not [b for b in at.button if b.key == "revote"]  # no round of nothing
    assert "Nothing is flagged for discussion" in texts(at)


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


def test_facilitator_issues_a_new_personal_link_and_the_old_one_stops(open_page, scoring, engine):
    with writing(engine) as db:
        anna = join_session(db=db, code=scoring.code, join_in=StakeholderJoin(name="Anna"))
    at = open_page("scoring_session")
    at.selectbox(key="new_link_who").set_value(anna.stakeholder.id)
    at.button(key=f"FormSubmitter:new_link_{scoring.id}-New personal link").click().run()
    assert not at.exception
    link = next(c.value for c in at.code if "?me=" in c.value)
    new_token = link.split("?me=")[1]
    with reading(engine) as db:
        assert stakeholder_by_link(db=db, token=anna.token) is None
        assert stakeholder_by_link(db=db, token=new_token).name == "Anna"
        log = audit_log(db=db, workspace_id=scoring.workspace_id)
    assert log["action"].str.startswith("New personal link for Anna").any()


def test_facilitator_turns_auto_advance_off(open_page, scoring, engine):
    at = open_page("scoring_session")
    at.toggle(key=f"auto_advance_{scoring.id}").set_value(False).run()
    assert not at.exception
    with reading(engine) as db:
        assert get_session(db=db, session_id=scoring.id).auto_advance is False


def test_consensus_shows_the_chance_of_each_quadrant(open_page, demo):
    at = open_page("consensus")
    table = at.dataframe[0].value
    chances = table[[f"chance_{q}" for q in ("quick_win", "big_bet", "fill_in", "money_pit")]]
    scored = chances.dropna(how="all")
    assert len(scored) > 10  # pre-scores: certain by definition, one quadrant each
    assert (scored.sum(axis=1).round(6) == 1).all() and set(scored.stack()) <= {0.0, 1.0}
    assert "Chance of each quadrant" in texts(at)


def test_the_reveal_lists_flagged_candidates_first(open_page, scoring, engine):
    """Candidate 3 divides the room (1 against 5), 1 and 2 do not: 3 comes first."""
    with writing(engine) as db:
        setup = load_scoring_setup(db=db, workspace_id=scoring.workspace_id)
        for name, divided in (("A", "1"), ("B", "5"), ("C", "1"), ("D", "5")):
            person = join_session(db=db, code=scoring.code, join_in=StakeholderJoin(name=name))[1]
            for candidate in (1, 2):
                vote_all(db, scoring, person, candidate, setup, "3")
            vote_all(db, scoring, person, 3, setup, divided)
        reveal_round(db=db, session_id=scoring.id)
    at = open_page("scoring_session")
    table = at.dataframe[0].value
    assert table["flag"].str.startswith("⚑").tolist() == [True, False, False]
    with reading(engine) as db:
        titles = {c: get_candidate(db=db, candidate_id=c).title for c in (1, 2, 3)}
    assert table["title"].tolist() == [titles[3], titles[1], titles[2]]


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
