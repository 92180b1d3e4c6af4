"""Which workspace a browser session works in: none at first; a workspace opened is taken
over by the sidebar's picker at the next run, never changed under a drawn picker."""

from streamlit.testing.v1 import AppTest

from planner.ui.shell.workspace import OPEN_NEXT_KEY, WORKSPACE_KEY


def choose():
    import streamlit as st

    from planner.ui.shell.workspace import current_workspace_id, open_workspace

    if st.button("Open 7", key="open"):
        open_workspace(7)
    st.text(f"current: {current_workspace_id()}")


def test_no_workspace_at_first_and_an_opened_one_waits_for_the_picker():
    at = AppTest.from_function(choose).run()
    assert at.text[0].value == "current: None"
    at.button(key="open").click().run()
    assert not at.exception
    assert at.text[0].value == "current: None"  # the picker owns the choice
    assert at.session_state[OPEN_NEXT_KEY] == 7


def test_the_current_workspace_is_the_one_the_session_holds():
    at = AppTest.from_function(choose)
    at.session_state[WORKSPACE_KEY] = 3
    at.run()
    assert at.text[0].value == "current: 3"
