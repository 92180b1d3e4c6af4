"""Roadmap: the ranked candidates placed in periods within capacity, and saved versions."""

from datetime import date

import streamlit as st

from planner.ui.guard import require_journey
from planner.ui.roadmap.compare import compare_panel
from planner.ui.roadmap.downloads import roadmap_downloads
from planner.ui.roadmap.plan_editor import dependencies_editor, pins_editor
from planner.ui.roadmap.settings import settings_form
from planner.ui.roadmap.versions import save_version_form, versions_panel
from planner.ui.roadmap.view import roadmap_view
from planner.ui.shell.lang import t
from planner.ui.shell.reads import candidates, certainty, working_roadmap
from planner.ui.shell.session_roles import allowed

journey = require_journey("view")
frame = candidates(journey)
today = date.today()
settings, roadmap, version = working_roadmap(journey, today)
st.title(t("roadmap.title"))
st.caption(t("roadmap.intro"))

editing = allowed(journey.workspace.id, "edit")
scheduled = roadmap.items["start_period"].notna().sum()
st.caption(
    t(
        "roadmap.summary",
        count=int(scheduled),
        total=len(roadmap.items),
        strategy=t(f"strategy.{settings.strategy}"),
    )
)
labels = [
    t("roadmap.tab_plan"),
    t("roadmap.tab_table"),
    t("roadmap.tab_edit"),
    t("roadmap.tab_versions"),
]
# Viewers get no editing tab. Only the open tab runs and is drawn (a tab change reruns
# the page): the versions tab alone built two saved roadmaps on every rerun of the plan,
# and the timeline and the table drawn together took ~100 ms more of a page change.
tabs = st.tabs(
    labels if editing else [labels[0], labels[1], labels[3]], key="roadmap_tab", on_change="rerun"
)
plan_tab, table_tab, versions_tab = tabs[0], tabs[1], tabs[-1]
if plan_tab.open:
    with plan_tab:
        if editing:
            # Its form runs and is drawn only while it is open.
            tune = st.expander(
                t("roadmap.settings"),
                icon=":material/tune:",
                key="roadmap_settings",
                on_change="rerun",
            )
            if tune.open:
                with tune:
                    settings_form(journey, settings)
        sure = certainty(journey, roadmap)
        roadmap_view(roadmap, key="current", certainty=sure, version=version, table=False)
        # A toggle, not an expander: the other plan is only made while someone looks.
        if st.toggle(t("roadmap.compare"), key="compare_open", help=t("roadmap.compare_help")):
            compare_panel(journey, roadmap)
        st.header(t("download.title"))
        roadmap_downloads(journey)
        if editing:
            save_version_form(journey, roadmap)
if table_tab.open:
    with table_tab:
        sure = certainty(journey, roadmap)
        roadmap_view(roadmap, key="current", certainty=sure, version=version, timeline=False)
if editing and tabs[2].open:
    with tabs[2]:
        st.header(t("roadmap.pins"))
        st.caption(t("roadmap.pins_help"))
        pins_editor(journey, roadmap)
        st.header(t("roadmap.dependencies"))
        st.caption(t("roadmap.dependencies_help"))
        dependencies_editor(journey, dict(zip(frame["id"], frame["title"], strict=True)))
if versions_tab.open:
    with versions_tab:
        versions_panel(journey, roadmap, editing=editing)
