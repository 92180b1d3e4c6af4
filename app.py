"""Journey Roadmap Planner: the router. Pages live in planner/ui/pages/."""

import streamlit as st

from planner.ui.context import show_feedback
from planner.ui.lang import t
from planner.ui.sidebar import render_sidebar

st.set_page_config(
    page_title="Journey Roadmap Planner", page_icon=":material/grid_view:", layout="wide"
)

PAGES = "planner/ui/pages"
navigation = st.navigation(
    {
        t("nav.section_journey"): [
            st.Page(
                f"{PAGES}/workspaces.py",
                title=t("nav.workspaces"),
                icon=":material/folder_open:",
                default=True,
            ),
            st.Page(f"{PAGES}/journey_grid.py", title=t("nav.grid"), icon=":material/grid_view:"),
            st.Page(
                f"{PAGES}/candidates.py", title=t("nav.candidates"), icon=":material/lightbulb:"
            ),
            st.Page(
                f"{PAGES}/import_candidates.py",
                title=t("nav.import"),
                icon=":material/upload_file:",
            ),
            st.Page(f"{PAGES}/journey_setup.py", title=t("nav.setup"), icon=":material/tune:"),
        ],
    }
)
render_sidebar()
show_feedback()
navigation.run()
