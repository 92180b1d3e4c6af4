"""What a browser session may reach, kept in session state: a grant adds a role (the
stronger one kept), a changed credential ends it, a stakeholder's visit is told apart,
and leaving the ballot keeps only the join code."""

import pytest
from streamlit.testing.v1 import AppTest

from planner.store.access.grants import Grant
from planner.ui.access.grants import ADMIN_KEY, BALLOT_OFF_KEY, PROOFS_KEY, STAKEHOLDER_KEY, Me
from planner.ui.shell.session_roles import ACTOR_KEY, GRANTS_KEY
from tests.ui.conftest import proofs


def give_each(given):
    from planner.ui.access.grants import give

    for grant, actor in given:
        give(grant, actor)


@pytest.mark.parametrize(
    ("first", "then", "kept"),
    [
        ("viewer", "facilitator", "facilitator"),
        ("facilitator", "viewer", "facilitator"),
        ("owner", "viewer", "owner"),
        ("viewer", "owner", "owner"),
    ],
)
def test_a_grant_keeps_the_stronger_role_with_its_proof(first, then, kept):
    given = [(Grant(1, first, f"proof-{first}"), "Eva"), (Grant(1, then, f"proof-{then}"), None)]
    at = AppTest.from_function(give_each, args=(given,)).run()
    assert not at.exception
    assert at.session_state[GRANTS_KEY] == {1: kept}
    assert at.session_state[PROOFS_KEY] == {1: f"proof-{kept}"}
    assert at.session_state[ACTOR_KEY] == "Eva"  # a grant without a name keeps the name


def test_grants_of_two_workspaces_stand_side_by_side():
    given = [(Grant(1, "viewer", "a"), None), (Grant(2, "facilitator", "b"), "Piet")]
    at = AppTest.from_function(give_each, args=(given,)).run()
    assert at.session_state[GRANTS_KEY] == {1: "viewer", 2: "facilitator"}
    assert at.session_state[ACTOR_KEY] == "Piet"


def recheck(database_url):
    from planner.core.db import make_engine
    from planner.ui.access.grants import recheck_grants

    engine = make_engine(database_url)
    recheck_grants(engine)
    engine.dispose()


def test_a_grant_whose_credential_changed_ends_with_a_notice(database_url, demo):
    held = {demo.id: "facilitator"}
    at = AppTest.from_function(recheck, args=(database_url,))
    at.session_state[GRANTS_KEY] = dict(held)
    at.session_state[PROOFS_KEY] = {demo.id: "a proof of an old passphrase"}
    at.run()
    assert not at.exception
    assert at.session_state[GRANTS_KEY] == {} and at.session_state[PROOFS_KEY] == {}
    assert len(at.warning) == 1


def test_a_grant_whose_credential_holds_stays_without_a_notice(database_url, demo):
    held = {demo.id: "facilitator"}
    at = AppTest.from_function(recheck, args=(database_url,))
    at.session_state[GRANTS_KEY] = dict(held)
    at.session_state[PROOFS_KEY] = proofs(database_url, held)
    at.run()
    assert at.session_state[GRANTS_KEY] == held and not at.warning


def modes():
    import streamlit as st

    from planner.ui.access.grants import may_make_large_workspaces, stakeholder_mode

    st.text(f"stakeholder: {stakeholder_mode()}")
    st.text(f"large: {may_make_large_workspaces()}")


def shown(at: AppTest) -> list[str]:
    return [element.value for element in at.text]


@pytest.mark.parametrize(
    ("params", "state", "stakeholder", "large"),
    [
        ({}, {}, False, False),
        ({"join": "ABC234"}, {}, True, False),
        ({"me": "TOKEN"}, {}, True, False),
        ({}, {STAKEHOLDER_KEY: Me(1, 2, "Ann", "T")}, True, False),
        ({}, {STAKEHOLDER_KEY: Me(1, 2, "Ann", "T"), GRANTS_KEY: {1: "viewer"}}, False, False),
        ({}, {GRANTS_KEY: {1: "owner"}}, False, False),
        ({}, {GRANTS_KEY: {1: "facilitator"}}, False, True),
        ({}, {ADMIN_KEY: True}, False, True),
    ],
)
def test_who_is_a_stakeholder_and_who_may_make_large_workspaces(params, state, stakeholder, large):
    at = AppTest.from_function(modes)
    for key, value in params.items():
        at.query_params[key] = value
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    assert shown(at) == [f"stakeholder: {stakeholder}", f"large: {large}"]


def leave():
    import streamlit as st

    from planner.ui.access.grants import leave_ballot

    if st.button("Leave", key="leave"):
        leave_ballot("ABC234")


def test_leaving_the_ballot_forgets_the_stakeholder_and_keeps_the_join_code():
    at = AppTest.from_function(leave)
    at.session_state[STAKEHOLDER_KEY] = Me(1, 2, "Ann", "T")
    at.query_params["join"] = "ABC234"
    at.query_params["lang"] = "nl"
    at.run()
    at.button(key="leave").click().run()
    assert not at.exception
    assert STAKEHOLDER_KEY not in at.session_state
    assert at.session_state[BALLOT_OFF_KEY] is True
    assert dict(at.query_params) == {"join": "ABC234"}  # the language and the rest gone
