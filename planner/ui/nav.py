"""Every page once, and the navigation each visitor gets.

What a visitor sees depends on how they came in (see planner.access.roles): a join link or a
personal link shows a stakeholder their ballot and the sign-off; a manager's or product
owner's link the roadmap side of that workspace; a facilitator's passphrase everything
of theirs. A facilitator does not see the Vote page: to vote, they join as a stakeholder.
"""

import streamlit as st

from planner.ui.access.grants import apply_link, resume_stakeholder, role_in, stakeholder_mode
from planner.ui.shell.context import current_workspace_id, engine, open_workspace, show_feedback
from planner.ui.shell.lang import t
from planner.ui.shell.sidebar import language_switch, workspace_picker

PAGES = "planner/ui/pages"


def page(name: str, key: str, icon: str, **options) -> st.Page:
    return st.Page(
        f"{PAGES}/{name}.py", title=t(f"nav.{key}"), icon=f":material/{icon}:", **options
    )


def signoff_page() -> st.Page:
    return page("signoff", "signoff", "approval")


def vote_page() -> st.Page:
    return page("vote", "vote", "how_to_vote")


def route() -> None:
    """Build this visitor's navigation and run the page they asked for."""
    st.set_page_config(page_title="Journey Roadmap Planner", page_icon="🧭", layout="wide")
    workspaces = page("workspaces", "workspaces", "folder_open", default=True)
    importing = page("import_candidates", "import", "upload_file")  # into a new workspace
    vote, signoff = vote_page(), signoff_page()
    roadmap_side = [
        page("matrix", "matrix", "scatter_plot"),
        page("roadmap", "roadmap", "timeline"),
    ]
    delivery = [
        signoff,
        page("commitments", "commitments", "assignment_turned_in"),
        page("progress", "progress", "trending_up"),
    ]

    resume_stakeholder(engine())
    if stakeholder_mode():
        # A stakeholder: their ballot and the sign-off in the top bar, the language on the
        # page itself (a phone hides the sidebar), no workspace picker.
        navigation = st.navigation([vote, signoff], position="top")
        language_switch(in_sidebar=False)
    else:
        language_switch()
        linked = apply_link(engine())
        if linked is not None:
            open_workspace(linked)
        workspace_picker()
        role = role_in(current_workspace_id())
        sections = {t("nav.section_workspace"): [workspaces, importing]}
        if role == "facilitator":
            sections = {
                t("nav.section_journey"): [
                    workspaces,
                    page("journey_grid", "grid", "grid_view"),
                    page("candidates", "candidates", "lightbulb"),
                    importing,
                    page("journey_setup", "setup", "tune"),
                    page("audit", "audit", "history"),
                ],
                t("nav.section_scoring"): [
                    page("scoring_session", "session", "groups"),
                    page("consensus", "consensus", "balance"),
                    page("scoring_model", "scoring_model", "rule"),
                ],
            }
        if role is not None:
            sections[t("nav.section_roadmap")] = roadmap_side
            sections[t("nav.section_delivery")] = delivery
        navigation = st.navigation(sections, expanded=True)  # every page in reach
    show_feedback()
    navigation.run()
