"""Workspaces: the demo, sign in as facilitator, make a new one, manage yours, back up
and restore.

Only the workspaces this session was let into are listed: nobody learns which others exist.
"""

import pandas as pd
import streamlit as st

from planner.access.roles import Role
from planner.core.db import reading
from planner.core.i18n import LANGUAGE_NAMES
from planner.store.journey.candidates import candidate_counts
from planner.store.journey.workspaces import list_workspaces
from planner.ui import tables
from planner.ui.access.workspace_access import links_panel, sign_in_form
from planner.ui.shell.engine import engine
from planner.ui.shell.lang import t
from planner.ui.shell.session_roles import grants
from planner.ui.shell.workspace import current_workspace_id
from planner.ui.workspaces.backup_panel import backup_panel
from planner.ui.workspaces.demo import demo_panel
from planner.ui.workspaces.forms import manage_workspace_form, new_workspace_form

st.title(t("workspaces.title"))
st.caption(t("workspaces.intro"))

granted = grants()
demo_panel(newcomer=not granted)
with reading(engine()) as db:
    workspaces = [w for w in list_workspaces(db=db, include_archived=True) if w.id in granted]
    counts = candidate_counts(db=db)
if workspaces:
    tables.show(
        pd.DataFrame(
            {
                t("field.name"): [w.name for w in workspaces],
                t("access.role"): [t(f"role.{granted[w.id]}") for w in workspaces],
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

current = {w.id: w for w in workspaces}.get(current_workspace_id())
facilitating = current is not None and granted.get(current.id) == Role.FACILITATOR
labels = [t("access.sign_in"), t("workspaces.new")]
if facilitating:
    labels += [t("workspaces.manage"), t("access.title")]
labels.append(t("backup.title"))
tabs = dict(zip(labels, st.tabs(labels), strict=True))
with tabs[t("access.sign_in")]:
    sign_in_form()
with tabs[t("workspaces.new")]:
    new_workspace_form()
if facilitating:
    with tabs[t("workspaces.manage")]:
        st.caption(t("workspaces.managing", name=current.name))
        manage_workspace_form(current)
    with tabs[t("access.title")]:
        links_panel(current)
with tabs[t("backup.title")]:
    backup_panel(current if facilitating else None)
