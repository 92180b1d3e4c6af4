"""The roles a browser session holds, as the shell reads them: a role per workspace, what
it allows there, and the facilitator's name."""

import pytest
from streamlit.testing.v1 import AppTest

from planner.ui.shell.session_roles import ACTOR_KEY, GRANTS_KEY


def read_roles():
    import streamlit as st

    from planner.ui.shell.session_roles import actor, allowed, role_in

    for workspace_id in (1, 2, None):
        st.text(f"{workspace_id}: {role_in(workspace_id)}")
        st.text(f"edit {workspace_id}: {allowed(workspace_id, 'edit')}")
        st.text(f"view {workspace_id}: {allowed(workspace_id, 'view')}")
    st.text(f"actor: {actor()!r}")


def shown(at: AppTest) -> list[str]:
    return [element.value for element in at.text]


@pytest.mark.parametrize(
    ("role", "edit", "view"),
    [("facilitator", True, True), ("viewer", False, True), ("owner", False, True)],
)
def test_a_role_allows_its_actions_in_its_own_workspace_only(role, edit, view):
    at = AppTest.from_function(read_roles)
    at.session_state[GRANTS_KEY] = {1: role}
    at.session_state[ACTOR_KEY] = "Eva"
    at.run()
    assert not at.exception
    assert shown(at) == [
        f"1: {role}",
        f"edit 1: {edit}",
        f"view 1: {view}",
        "2: None",
        "edit 2: False",
        "view 2: False",
        "None: None",
        "edit None: False",
        "view None: False",
        "actor: 'Eva'",
    ]


def test_a_session_that_came_with_nothing_holds_nothing():
    at = AppTest.from_function(read_roles).run()
    assert "1: None" in shown(at) and "view 1: False" in shown(at)
    assert "actor: ''" in shown(at)
    assert at.session_state[GRANTS_KEY] == {}  # the grants start empty, kept for the session
