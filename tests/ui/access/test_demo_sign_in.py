"""Opening the demo signs in as any sign-in does: a new token the server issued (the one
the browser held gains nothing), kept over a reload, ended by signing out."""

import pytest

from planner.ui.access import grants
from tests.ui.access.conftest import TOKEN, records, visit
from tests.ui.conftest import texts
from tests.ui.workspaces.test_demo import ELSEWHERE, HERE, open_demo


@pytest.mark.parametrize(("address", "role"), [(HERE, "facilitator"), (ELSEWHERE, "viewer")])
def test_the_demo_opened_stays_open_after_a_reload(
    browser, engine, demo, monkeypatch, address, role
):
    monkeypatch.setattr(grants, "peer", lambda: address)
    open_demo(visit("workspaces"))
    assert browser["planner_visit"] != TOKEN  # a new token, handed to the browser
    [record] = records(engine)
    assert TOKEN not in str(record.model_dump())
    again = visit("matrix")  # a reload
    assert again.session_state["grants"] == {demo.id: role}
    assert again.session_state["workspace_id"] == demo.id
    assert again.title[0].value == "Value–effort matrix"
    again.sidebar.button(key="sign_out").click().run()
    assert "Signed out on this browser, in every tab." in texts(again)
    assert not visit("matrix").session_state["grants"]
