"""Which workspace this browser session works in, and the guard of pages that need one."""

import streamlit as st

from planner.core.db import reading
from planner.core.errors import PlannerError
from planner.journey.journey import Journey
from planner.store.workspaces import load_journey
from planner.ui.access.grants import allowed, grants
from planner.ui.shell.engine import engine
from planner.ui.shell.lang import t

WORKSPACE_KEY = "workspace_id"
OPEN_NEXT_KEY = "open_workspace_next"


def open_workspace(workspace_id: int) -> None:
    """Make `workspace_id` the current workspace from the next run on.

    The sidebar's picker owns the choice; it takes this over before it is drawn.
    """
    st.session_state[OPEN_NEXT_KEY] = workspace_id


def current_workspace_id() -> int | None:
    return st.session_state.get(WORKSPACE_KEY)


def require_journey(action: str = "edit") -> Journey:
    """The chosen workspace's journey when this session may `action` there (see
    planner.access.roles); else why not (with the sign-in form when signed out) and stop."""
    workspace_id = current_workspace_id()
    if workspace_id is not None and allowed(workspace_id, action):
        try:
            with reading(engine()) as db:
                return load_journey(db=db, workspace_id=workspace_id)
        except PlannerError:
            st.session_state.pop(WORKSPACE_KEY, None)
    # the navigation and the sign-in form import this module
    from planner.ui.access.workspace_access import sign_in_form
    from planner.ui.nav import page

    role = grants().get(workspace_id) if workspace_id is not None else None
    if not grants():  # signed out, or the sign-in ended: sign in here, stay on this page
        st.info(t("workspace.sign_in_first"), icon=":material/lock:")
        sign_in_form()
    elif role is not None:
        st.info(t("workspace.not_for_role", role=t(f"role.{role}")), icon=":material/lock:")
        st.page_link(page("workspaces"))
    else:
        st.info(t("workspace.choose_first"))
        st.page_link(page("workspaces"))
    st.stop()
