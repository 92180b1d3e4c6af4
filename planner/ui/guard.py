"""The guard of pages that need a workspace: the journey when this session may act there,
else why not (with the sign-in form when signed out). It sits above the navigation and the
sign-in form, which both need to know the current workspace (planner.ui.shell.workspace)."""

import streamlit as st

from planner.core.db import reading
from planner.core.errors import PlannerError
from planner.journey.journey import Journey
from planner.store.journey.workspaces import load_journey
from planner.ui.access.workspace_access import sign_in_form
from planner.ui.page_files import page
from planner.ui.shell.engine import engine
from planner.ui.shell.lang import t
from planner.ui.shell.session_roles import allowed, grants
from planner.ui.shell.workspace import WORKSPACE_KEY, current_workspace_id


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
