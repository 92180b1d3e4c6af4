"""Journey Roadmap Planner: the router. Pages live in planner/ui/pages/."""

import streamlit as st

from planner.ui.context import show_feedback
from planner.ui.lang import t
from planner.ui.sidebar import language_switch, workspace_picker

st.set_page_config(page_title="Journey Roadmap Planner", page_icon="🧭", layout="wide")

PAGES = "planner/ui/pages"
vote = st.Page(f"{PAGES}/vote.py", title=t("nav.vote"), icon=":material/how_to_vote:")

language_switch()
if "join" in st.query_params:
    # A stakeholder's join link: only their ballot, no navigation, no workspace picker.
    navigation = st.navigation([vote], position="hidden")
else:
    navigation = st.navigation(
        {
            t("nav.section_journey"): [
                st.Page(
                    f"{PAGES}/workspaces.py",
                    title=t("nav.workspaces"),
                    icon=":material/folder_open:",
                    default=True,
                ),
                st.Page(
                    f"{PAGES}/journey_grid.py", title=t("nav.grid"), icon=":material/grid_view:"
                ),
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
            t("nav.section_scoring"): [
                st.Page(
                    f"{PAGES}/scoring_session.py", title=t("nav.session"), icon=":material/groups:"
                ),
                vote,
                st.Page(
                    f"{PAGES}/consensus.py", title=t("nav.consensus"), icon=":material/balance:"
                ),
                st.Page(
                    f"{PAGES}/scoring_model.py",
                    title=t("nav.scoring_model"),
                    icon=":material/rule:",
                ),
            ],
            t("nav.section_roadmap"): [
                st.Page(
                    f"{PAGES}/matrix.py", title=t("nav.matrix"), icon=":material/scatter_plot:"
                ),
                st.Page(f"{PAGES}/roadmap.py", title=t("nav.roadmap"), icon=":material/timeline:"),
            ],
            t("nav.section_delivery"): [
                st.Page(f"{PAGES}/signoff.py", title=t("nav.signoff"), icon=":material/approval:"),
                st.Page(
                    f"{PAGES}/commitments.py",
                    title=t("nav.commitments"),
                    icon=":material/assignment_turned_in:",
                ),
                st.Page(
                    f"{PAGES}/progress.py", title=t("nav.progress"), icon=":material/trending_up:"
                ),
            ],
        }
    )
    workspace_picker()
show_feedback()
navigation.run()
