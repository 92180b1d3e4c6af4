"""The navigation each visitor gets (every page once: planner.ui.page_files).

What a visitor sees depends on how they came in (see planner.access.roles): a join link or a
personal link shows a stakeholder their ballot and the sign-off; a manager's or product
owner's link the roadmap side of that workspace; a facilitator's passphrase everything
of theirs (the pages of each: planner.access.roles.MENUS).
"""

import streamlit as st

from planner.access.roles import STAKEHOLDER_PAGES, menu
from planner.ui.access.grants import (
    apply_link,
    recheck_grants,
    resume_stakeholder,
    stakeholder_mode,
)
from planner.ui.access.remembered import hand_over, keep, restore, sign_out_button
from planner.ui.page_files import PAGE_FILES, page
from planner.ui.scoring.joining import workspace_language
from planner.ui.shell.browser_locale import follow_language
from planner.ui.shell.changes import show_feedback
from planner.ui.shell.engine import engine
from planner.ui.shell.lang import t
from planner.ui.shell.session_roles import role_in
from planner.ui.shell.sidebar import language_switch, workspace_picker
from planner.ui.shell.workspace import current_workspace_id, open_workspace
from planner.ui.workspaces.demo import demo_notes


def route() -> None:
    """Build this visitor's navigation and run the page they asked for.

    Pages a visitor may not (yet) open are in the navigation too, hidden: a reload or a
    link lands on the page asked for, which says why it cannot show (and offers the
    sign-in), instead of Streamlit's "Page not found".
    """
    st.set_page_config(page_title="Journey Roadmap Planner", page_icon="🧭", layout="wide")
    restore(engine())
    recheck_grants(engine())
    resume_stakeholder(engine())
    if stakeholder_mode():
        # A stakeholder: their ballot and the sign-off in the top bar, named in their
        # workspace's language, the language on the page itself (a phone hides the
        # sidebar), no workspace picker.
        workspace_language()
        navigation = st.navigation([page(key) for key in STAKEHOLDER_PAGES], position="top")
        language_switch(in_sidebar=False)
    else:
        language_switch()
        linked = apply_link(engine())
        if linked is not None:
            open_workspace(linked)
        workspace_picker()
        sign_out_button()
        navigation = st.navigation(_sections(role_in(current_workspace_id())), expanded=True)
        demo_notes(navigation.url_path)
    keep(engine())
    hand_over()
    follow_language()
    show_feedback(navigation.url_path)
    navigation.run()


def _sections(role: str | None) -> dict[str, list[st.Page]]:
    """The menu for `role` in the current workspace (planner.access.roles.menu), every
    other page hidden in it."""
    shown = menu(role)
    listed = {key for keys in shown.values() for key in keys}
    hidden = [page(key, visibility="hidden") for key in PAGE_FILES if key not in listed]
    sections = {
        t(f"nav.section_{section}"): [page(key, default=key == "workspaces") for key in keys]
        for section, keys in shown.items()
    }
    sections[next(iter(sections))] += hidden
    return sections
