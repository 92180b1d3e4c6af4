"""Workspaces: the list, a new one from a template, managing one, the demo."""

import pandas as pd
import streamlit as st

from planner.db import read_session
from planner.i18n import LANGUAGE_NAMES
from planner.store.candidates import candidate_counts
from planner.store.workspaces import list_workspaces
from planner.ui.backup_panel import backup_panel
from planner.ui.context import WORKSPACE_KEY, engine
from planner.ui.lang import t
from planner.ui.workspace_forms import manage_workspace_form, new_workspace_form

st.title(t("workspaces.title"))
st.caption(t("workspaces.intro"))

show_archived = st.toggle(t("workspaces.show_archived"), key="show_archived")
with read_session(engine()) as session:
    workspaces = list_workspaces(session=session, include_archived=show_archived)
    counts = candidate_counts(session=session)

if workspaces:
    st.dataframe(
        pd.DataFrame(
            {
                t("field.name"): [w.name for w in workspaces],
                t("field.language"): [LANGUAGE_NAMES[w.language] for w in workspaces],
                t("field.candidates"): [counts.get(w.id, 0) for w in workspaces],
                t("field.archived"): [w.archived for w in workspaces],
                t("field.description"): [w.description for w in workspaces],
            }
        ),
        hide_index=True,
        width="stretch",
    )
else:
    st.info(t("workspaces.none"))

new_tab, manage_tab, backup_tab = st.tabs(
    [t("workspaces.new"), t("workspaces.manage"), t("backup.title")]
)
with new_tab:
    new_workspace_form()
with manage_tab:
    if not workspaces:
        st.caption(t("workspaces.none"))
    else:
        by_id = {w.id: w for w in workspaces}
        current = st.session_state.get(WORKSPACE_KEY)
        chosen = st.selectbox(
            t("workspaces.which"),
            list(by_id),
            format_func={i: w.name for i, w in by_id.items()}.get,
            index=list(by_id).index(current) if current in by_id else 0,
            key="manage_workspace",
        )
        manage_workspace_form(by_id[chosen])
with backup_tab:
    current = {w.id: w for w in workspaces}.get(st.session_state.get(WORKSPACE_KEY))
    backup_panel(current)
