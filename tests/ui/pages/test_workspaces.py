"""Workspaces page: sign in, links and a new passphrase, the rate limit on creating."""

import pytest

from planner.core.db import reading
from planner.demo import DEMO_PASSPHRASE
from planner.store.access.grants import get_access
from tests.ui.conftest import texts

PASSPHRASE = "our secret 123"


def create(at, name, template="six_phase", language="en", passphrase=PASSPHRASE, who="Eva"):
    at.text_input(key="new_name").input(name)
    at.radio(key="new_language").set_value(language)
    at.radio(key="new_template").set_value(template)
    at.text_input(key="new_passphrase").input(passphrase)
    at.text_input(key="new_actor").input(who)
    at.button(key="FormSubmitter:new_workspace-Create workspace").click().run()
    assert not at.exception
    return at


def sign_in(at, workspace, passphrase, who="Eva"):
    at.text_input(key="sign_in_workspace").input(workspace)
    at.text_input(key="sign_in_passphrase").input(passphrase)
    at.text_input(key="sign_in_actor").input(who)
    at.button(key="FormSubmitter:sign_in-Open as facilitator").click().run()
    assert not at.exception
    return at


def test_creating_workspaces_is_rate_limited_per_client(open_page):
    at = open_page("workspaces", role=None)
    for n in range(5):
        create(at, f"Journey {n}")
        assert "Too many" not in texts(at)
    create(at, "One more")
    assert "Too many tries from here in a short time: try again in" in texts(at)


def test_sign_in_lists_only_that_workspace(open_page, demo, engine):
    other = create(open_page("workspaces", role=None), "Someone else's")
    at = open_page("workspaces", role=None)
    assert not at.get("dataframe")  # nothing listed before signing in
    sign_in(at, demo.name.lower(), DEMO_PASSPHRASE)
    assert at.session_state["grants"] == {demo.id: "facilitator"}
    assert at.dataframe[0].value.iloc[:, 0].tolist() == [demo.name]
    assert at.session_state["workspace_id"] == demo.id
    assert other.session_state["workspace_id"] != demo.id
    at.switch_page("planner/ui/pages/journey_grid.py").run()  # now in the navigation
    assert not at.exception


@pytest.mark.parametrize("dash", ["-", "—", "\u2212"])
def test_a_typed_hyphen_finds_the_name_with_an_en_dash(open_page, demo, dash):
    assert "–" in demo.name
    at = sign_in(open_page("workspaces", role=None), demo.name.replace("–", dash), DEMO_PASSPHRASE)
    assert at.session_state["grants"] == {demo.id: "facilitator"}


@pytest.mark.parametrize("name", ["Demo – Van Dijk Wonen online & in store", "No such place"])
def test_wrong_passphrase_and_unknown_name_give_the_same_answer(open_page, demo, name):
    at = sign_in(open_page("workspaces", role=None), name, "not the passphrase")
    assert "This workspace name and passphrase do not match." in texts(at)
    assert not at.session_state["grants"]


def test_repeated_wrong_passphrases_are_slowed_down(open_page, demo):
    at = open_page("workspaces", role=None)
    for _ in range(5):
        sign_in(at, demo.name, "guess")
    sign_in(at, demo.name, DEMO_PASSPHRASE)
    assert "Too many tries from here in a short time: try again in" in texts(at)
    assert not at.session_state["grants"]


def test_links_and_new_passphrase(open_page, demo, engine):
    at = open_page("workspaces")
    with reading(engine) as db:
        access = get_access(db=db, workspace_id=demo.id)
    codes = [c.value for c in at.code]
    assert any(f"?view={access.viewer_token}" in c for c in codes)
    assert any(f"?owner={access.owner_token}" in c for c in codes)
    at.button(key="renew_links").click().run()
    with reading(engine) as db:
        assert get_access(db=db, workspace_id=demo.id).viewer_token != (access.viewer_token)
    at.text_input(key="change_passphrase").input("a brand new one")
    at.button(key="FormSubmitter:new_passphrase-Change the passphrase").click().run()
    assert "Passphrase changed." in texts(at)
    again = sign_in(open_page("workspaces", role=None), demo.name, "a brand new one")
    assert again.session_state["grants"] == {demo.id: "facilitator"}
