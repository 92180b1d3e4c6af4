"""The sidebar: the language switch (a language chosen stays chosen), and the workspace
picker, listing the workspaces this session holds, each with its role, and never others."""

import pytest
from streamlit.testing.v1 import AppTest

from planner.core.db import writing
from planner.ui.access.grants import PROOFS_KEY
from planner.ui.shell.lang import LANG_CHOSEN_KEY
from planner.ui.shell.session_roles import ACTOR_KEY, GRANTS_KEY
from planner.ui.shell.workspace import OPEN_NEXT_KEY, WORKSPACE_KEY
from tests.conftest import APP
from tests.factories import make_journey
from tests.ui.conftest import proofs


@pytest.fixture(name="others")
def others_fixture(engine, demo) -> tuple[int, int]:
    """Two workspaces beside the demo: Retail and Energy."""
    with writing(engine) as db:
        return tuple(make_journey(db, name=name).workspace.id for name in ("Retail", "Energy"))


def holding(database_url: str, held: dict[int, str], **state) -> AppTest:
    """The app for a session holding `held` (workspace id -> role)."""
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.session_state[GRANTS_KEY] = held
    at.session_state[PROOFS_KEY] = proofs(database_url, held)
    at.session_state[ACTOR_KEY] = "Eva"
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    assert not at.exception
    return at


def test_the_picker_lists_only_the_workspaces_held_each_with_its_role(database_url, demo, others):
    at = holding(database_url, {demo.id: "viewer", others[1]: "facilitator"})
    picker = at.sidebar.selectbox(key=WORKSPACE_KEY)
    assert sorted(picker.options) == sorted(
        [f"{demo.name} · manager (read-only)", "Energy · facilitator"]
    )
    assert not [o for o in picker.options if o.startswith("Retail")]


def test_a_workspace_opened_next_is_taken_over_by_the_picker(database_url, demo, others):
    retail = others[0]
    held = {demo.id: "facilitator", retail: "facilitator"}
    at = holding(database_url, held, **{WORKSPACE_KEY: demo.id, OPEN_NEXT_KEY: retail})
    assert at.session_state[WORKSPACE_KEY] == retail
    assert at.sidebar.selectbox(key=WORKSPACE_KEY).value == retail


def test_a_workspace_no_longer_held_gives_way_to_one_that_is(database_url, demo, others):
    retail, energy = others
    at = holding(database_url, {retail: "owner"}, **{WORKSPACE_KEY: energy})
    assert at.session_state[WORKSPACE_KEY] == retail


def test_without_a_workspace_held_there_is_no_picker(database_url, demo):
    at = holding(database_url, {})
    assert not [s for s in at.sidebar.selectbox if s.key == WORKSPACE_KEY]


def test_a_language_switched_to_stays_chosen(database_url, demo):
    at = holding(database_url, {demo.id: "facilitator"})
    assert LANG_CHOSEN_KEY not in at.session_state  # English by default, not chosen
    at.sidebar.selectbox(key="lang").select("nl").run()
    assert not at.exception
    assert at.session_state[LANG_CHOSEN_KEY] is True
    picker = at.sidebar.selectbox(key=WORKSPACE_KEY)
    assert picker.label == "Werkruimte" and picker.value == demo.id  # same choice, Dutch words
