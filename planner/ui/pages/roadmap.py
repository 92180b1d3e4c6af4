"""Roadmap: the ranked candidates placed in periods within capacity, and saved versions."""

from datetime import date

import streamlit as st

from planner.db import read_session
from planner.store.roadmap_plan import current_roadmap, load_plan
from planner.ui.context import candidates, consensus, engine, require_journey
from planner.ui.downloads import roadmap_downloads
from planner.ui.lang import t
from planner.ui.roadmap_plan_editor import dependencies_editor, pins_editor
from planner.ui.roadmap_settings import settings_form
from planner.ui.roadmap_versions import save_version_form, versions_panel
from planner.ui.roadmap_view import roadmap_view

journey = require_journey()
frame = candidates(journey)
today = date.today()
with read_session(engine()) as session:
    settings = load_plan(session=session, workspace_id=journey.workspace.id, today=today)
    roadmap = current_roadmap(
        session=session,
        workspace_id=journey.workspace.id,
        today=today,
        consensus=consensus(journey),
        candidates=frame,
    )
st.title(t("roadmap.title"))
st.caption(t("roadmap.intro"))

plan_tab, edit_tab, versions_tab = st.tabs(
    [t("roadmap.tab_plan"), t("roadmap.tab_edit"), t("roadmap.tab_versions")]
)
with plan_tab:
    with st.expander(t("roadmap.settings"), icon=":material/tune:"):
        settings_form(journey, settings)
    scheduled = roadmap.items["start_period"].notna().sum()
    st.caption(
        t(
            "roadmap.summary",
            scheduled=int(scheduled),
            total=len(roadmap.items),
            strategy=t(f"strategy.{settings.strategy}"),
        )
    )
    roadmap_view(roadmap, key="current")
    st.subheader(t("download.title"))
    roadmap_downloads(journey, key="current")
    save_version_form(journey, roadmap)
with edit_tab:
    st.subheader(t("roadmap.pins"))
    st.caption(t("roadmap.pins_help"))
    pins_editor(journey, roadmap)
    st.subheader(t("roadmap.dependencies"))
    st.caption(t("roadmap.dependencies_help"))
    dependencies_editor(journey, dict(zip(frame["id"], frame["title"], strict=True)))
with versions_tab:
    versions_panel(journey, roadmap)
