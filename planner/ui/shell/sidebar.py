"""The sidebar: the language switch, and (not for stakeholders) the workspace picker
(the sign-out button beside it is planner.ui.access.remembered's)."""

import streamlit as st

from planner.core.db import reading
from planner.core.i18n import LANGUAGE_NAMES, LANGUAGES
from planner.store.journey.workspaces import list_workspaces
from planner.ui.shell.engine import engine
from planner.ui.shell.keep_choices import keep_choices
from planner.ui.shell.lang import LANG_CHOSEN_KEY, LANG_KEY, t
from planner.ui.shell.session_roles import grants
from planner.ui.shell.workspace import OPEN_NEXT_KEY, WORKSPACE_KEY


def language_switch(*, in_sidebar: bool = True) -> None:
    """The language picker: in the sidebar, or on the page where there is none."""
    (st.sidebar if in_sidebar else st.columns([3, 1])[1]).selectbox(
        t("field.language"),
        LANGUAGES,
        key=LANG_KEY,
        format_func=LANGUAGE_NAMES.get,
        label_visibility="collapsed",
        on_change=_switched,
    )


def _switched() -> None:
    """A language the user chose: it stays, whatever workspace they join next."""
    st.session_state[LANG_CHOSEN_KEY] = True
    keep_choices()


def workspace_picker() -> None:
    """The workspaces this session may enter (never the others), with its role in each."""
    granted = grants()
    with reading(engine()) as db:
        workspaces = list_workspaces(db=db, include_archived=True)
    names = {
        w.id: f"{w.name} · {t(f'role.{granted[w.id]}')}" for w in workspaces if w.id in granted
    }
    if st.session_state.get(OPEN_NEXT_KEY) is not None:
        st.session_state[WORKSPACE_KEY] = st.session_state.pop(OPEN_NEXT_KEY)
    if st.session_state.get(WORKSPACE_KEY) not in names:
        st.session_state[WORKSPACE_KEY] = next(iter(names), None)
    if names:
        st.sidebar.selectbox(
            t("workspace.current"), list(names), key=WORKSPACE_KEY, format_func=names.get
        )
