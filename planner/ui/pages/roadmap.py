"""Roadmap: the ranked candidates placed in periods within capacity, and saved versions."""

from datetime import date

import streamlit as st

from planner.ui.access.grants import allowed
from planner.ui.roadmap.compare import compare_panel
from planner.ui.roadmap.downloads import roadmap_downloads
from planner.ui.roadmap.plan_editor import dependencies_editor, pins_editor
from planner.ui.roadmap.settings import settings_form
from planner.ui.roadmap.versions import save_version_form, versions_panel
from planner.ui.roadmap.view import roadmap_view
from planner.ui.shell.lang import t
from planner.ui.shell.reads import candidates, certainty, working_roadmap
from planner.ui.shell.workspace import require_journey

journey = require_journey("view")
frame = candidates(journey)
today = date.today()
settings, roadmap, version = working_roadmap(journey, today)
st.title(t("roadmap.title"))
st.caption(t("roadmap.intro"))

editing = allowed(journey.workspace.id, "edit")
labels = [t("roadmap.tab_plan"), t("roadmap.tab_edit"), t("roadmap.tab_versions")]
# Viewers get no editing tab. Only the open tab runs (a tab change reruns the page):
# the versions tab alone built two saved roadmaps on every rerun of the plan.
tabs = st.tabs(labels if editing else labels[::2], key="roadmap_tab", on_change="rerun")
plan_tab, versions_tab = tabs[0], tabs[-1]
if plan_tab.open:
    with plan_tab:
        if editing:
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
        roadmap_view(roadmap, key="current", certainty=certainty(journey, roadmap), version=version)
        # A toggle, not an expander: the other plan is only made while someone looks.
        if st.toggle(t("roadmap.compare"), key="compare_open", help=t("roadmap.compare_help")):
            compare_panel(journey, roadmap)
        st.subheader(t("download.title"))
        roadmap_downloads(journey)
        if editing:
            save_version_form(journey, roadmap)
if editing and tabs[1].open:
    with tabs[1]:
        st.subheader(t("roadmap.pins"))
        st.caption(t("roadmap.pins_help"))
        pins_editor(journey, roadmap)
        st.subheader(t("roadmap.dependencies"))
        st.caption(t("roadmap.dependencies_help"))
        dependencies_editor(journey, dict(zip(frame["id"], frame["title"], strict=True)))
if versions_tab.open:
    with versions_tab:
        versions_panel(journey, roadmap, editing=editing)
