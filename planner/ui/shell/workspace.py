"""Which workspace this browser session works in (the guard of pages that need one is
planner.ui.guard)."""

import streamlit as st

WORKSPACE_KEY = "workspace_id"
OPEN_NEXT_KEY = "open_workspace_next"


def open_workspace(workspace_id: int) -> None:
    """Make `workspace_id` the current workspace from the next run on.

    The sidebar's picker owns the choice; it takes this over before it is drawn.
    """
    st.session_state[OPEN_NEXT_KEY] = workspace_id


def current_workspace_id() -> int | None:
    return st.session_state.get(WORKSPACE_KEY)
