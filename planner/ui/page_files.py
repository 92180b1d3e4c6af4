"""Every page once: its key, script and icon, and `page(key)` for the navigation,
`st.page_link` and `st.switch_page` alike. Below the navigation (planner.ui.nav), so the
widgets the navigation draws can link to pages too."""

import streamlit as st

from planner.ui.shell.lang import t

PAGES = "planner/ui/pages"
# Every page once: its key (the catalog's nav.KEY is its title) -> (script, icon).
PAGE_FILES = {
    "workspaces": ("workspaces", "folder_open"),
    "import": ("import_candidates", "upload_file"),
    "grid": ("journey_grid", "grid_view"),
    "candidates": ("candidates", "lightbulb"),
    "setup": ("journey_setup", "tune"),
    "audit": ("audit", "history"),
    "session": ("scoring_session", "groups"),
    "presenter": ("presenter", "co_present"),
    "consensus": ("consensus", "balance"),
    "scoring_model": ("scoring_model", "rule"),
    "matrix": ("matrix", "scatter_plot"),
    "roadmap": ("roadmap", "timeline"),
    "signoff": ("signoff", "approval"),
    "commitments": ("commitments", "assignment_turned_in"),
    "progress": ("progress", "trending_up"),
    "vote": ("vote", "how_to_vote"),
}


def page(key: str, **options) -> st.Page:
    """The page `key` of PAGE_FILES, for the navigation, `st.page_link` and
    `st.switch_page` alike (the URLs are the scripts' names)."""
    name, icon = PAGE_FILES[key]
    return st.Page(
        f"{PAGES}/{name}.py", title=t(f"nav.{key}"), icon=f":material/{icon}:", **options
    )
