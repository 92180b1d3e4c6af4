"""Sign-in tokens only the server issued: a cookie planted before a sign-in gains nothing,
every new role is a new token, and a sign-out ends the sign-in in every tab."""

from planner.access.visit_tokens import issue
from planner.core.db import writing
from planner.demo import DEMO_PASSPHRASE
from planner.store.access.grants import get_access
from planner.store.access.sign_ins import visit_secret
from tests.ui.access.conftest import records, visit
from tests.ui.conftest import texts
from tests.ui.pages.test_workspaces import sign_in


def planted(engine) -> str:
    """A token the attacker got from the server by opening a page, set in the victim's
    browser by a page on another port of the same host."""
    with writing(engine) as db:
        return issue(visit_secret(db=db))


def test_a_planted_cookie_gains_nothing_from_the_victims_sign_in(browser, engine, demo):
    attackers = browser["planner_visit"] = planted(engine)
    sign_in(visit(), demo.name, DEMO_PASSPHRASE)
    assert browser["planner_visit"] != attackers  # the victim's browser got a new token
    assert visit("candidates").session_state["grants"] == {demo.id: "facilitator"}
    browser["planner_visit"] = attackers  # the attacker's browser, holding the old value
    at = visit("candidates")
    assert not at.session_state["grants"]
    assert "Sign in to see this page" in texts(at)


def test_a_signed_in_cookie_planted_in_a_victims_browser_never_gains_their_role(
    browser, engine, demo
):
    with writing(engine) as db:
        viewer = get_access(db=db, workspace_id=demo.id).viewer_token
    visit(view=viewer)  # the attacker, signed in by a manager's link
    attackers = browser["planner_visit"]
    sign_in(visit(), demo.name, DEMO_PASSPHRASE)  # the victim, holding that cookie
    assert browser["planner_visit"] != attackers
    browser["planner_visit"] = attackers
    assert visit("candidates").session_state["grants"] == {demo.id: "viewer"}  # no more


def test_every_new_role_is_a_new_token(browser, engine, demo):
    with writing(engine) as db:
        viewer = get_access(db=db, workspace_id=demo.id).viewer_token
    visit(view=viewer)
    as_viewer = browser["planner_visit"]
    at = sign_in(visit(), demo.name, DEMO_PASSPHRASE)  # a reload, restored as viewer
    assert at.session_state["grants"] == {demo.id: "facilitator"}
    assert browser["planner_visit"] != as_viewer
    at.selectbox(key="lang").set_value("nl").run()  # not a role: the same token
    assert len(records(engine)) == 2  # the viewer's, still held by the first tab, and this


def test_sign_out_ends_the_sign_in_in_every_tab_at_its_next_click(browser, engine, demo):
    sign_in(visit(), demo.name, DEMO_PASSPHRASE)
    first, second = visit("candidates"), visit("matrix")  # two tabs of one browser
    assert second.session_state["grants"] == {demo.id: "facilitator"}
    first.sidebar.button(key="sign_out").click().run()
    second.run()  # its next click
    assert not second.session_state["grants"]
    assert "This sign-in ended" in texts(second)
    assert not records(engine)


def test_sign_out_after_a_new_role_ends_the_older_tabs_too(browser, engine, demo):
    with writing(engine) as db:
        viewer = get_access(db=db, workspace_id=demo.id).viewer_token
    visit(view=viewer)
    old_tab = visit("matrix")  # a tab still holding the viewer's sign-in
    new_tab = sign_in(visit(), demo.name, DEMO_PASSPHRASE)
    old_tab.run()
    assert old_tab.session_state["grants"] == {demo.id: "viewer"}  # kept working
    new_tab.sidebar.button(key="sign_out").click().run()
    old_tab.run()
    assert not old_tab.session_state["grants"]
    assert not records(engine)
