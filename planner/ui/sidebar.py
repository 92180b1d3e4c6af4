"""The sidebar on every page: the language switch and the workspace picker."""

import streamlit as st

from planner.db import read_session
from planner.i18n import LANGUAGE_NAMES, LANGUAGES
from planner.store.workspaces import list_workspaces
from planner.ui.context import WORKSPACE_KEY, engine
from planner.ui.lang import LANG_KEY, t


def render_sidebar() -> None:
    with st.sidebar:
        st.selectbox(
            t("field.language"),
            LANGUAGES,
            key=LANG_KEY,
            format_func=LANGUAGE_NAMES.get,
            label_visibility="collapsed",
        )
        with read_session(engine()) as session:
            workspaces = list_workspaces(session=session)
        names = {workspace.id: workspace.name for workspace in workspaces}
        if st.session_state.get(WORKSPACE_KEY) not in names:
            st.session_state[WORKSPACE_KEY] = next(iter(names), None)
        if names:
            st.selectbox(
                t("workspace.current"), list(names), key=WORKSPACE_KEY, format_func=names.get
            )
