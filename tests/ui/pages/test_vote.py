"""Vote page (the stakeholder's ballot): joining by code, the personal link, names taken,
the reveal."""

import json

import pytest
from streamlit.testing.v1 import AppTest

from planner.core.db import reading, writing
from planner.models import StakeholderJoin
from planner.store.scoring.scoring_model import load_scoring_setup
from planner.store.scoring.sessions import reveal_round
from planner.store.scoring.stakeholders import join_session, renew_link, stakeholder_by_link
from tests.conftest import APP
from tests.factories import vote_all
from tests.ui.conftest import texts
from tests.ui.pages.test_scoring_session import scoring_fixture  # noqa: F401 (a fixture)


def stakeholder_app(code: str, lang: str = "en") -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.query_params["join"] = code
    at.session_state["lang"] = lang
    at.run()
    assert not at.exception
    return at


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
