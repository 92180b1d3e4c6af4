"""Before a stakeholder joins: which session and workspace the code in their link opens,
and their language by default the workspace's (however they joined: by the link, or with
the code typed on the Vote page).

The lookup of a code counts as a try at it (planner.access.rate_limit), like joining:
showing the workspace's name for any code typed in the address would otherwise let a
stranger test codes without limit. It is made once per code per browser session.
"""

import streamlit as st
from sqlmodel import Session

from planner.core.db import reading
from planner.core.errors import NotFound, PlannerError
from planner.store.journey.workspaces import get_workspace
from planner.store.scoring.sessions import get_session
from planner.store.scoring.stakeholders import JoinInfo, join_info
from planner.ui.access.grants import buckets, limited, me
from planner.ui.shell.engine import engine
from planner.ui.shell.lang import LANG_CHOSEN_KEY, LANG_KEY

INFO_KEY = "join_info"  # code -> JoinInfo | None, looked up once per browser session
LANG_SET_KEY = "join_lang_set"  # the workspace's language was applied once: a choice wins


def _lookup(code: str) -> JoinInfo | None:
    def find(db: Session) -> JoinInfo | None:
        try:
            return join_info(db=db, code=code)
        except NotFound:
            return None

    return limited(engine(), buckets("join"), find, succeeded=lambda found: found is not None)


def joining() -> JoinInfo | None:
    """The session of the `?join=` code in the address (None: no code, or no such one)."""
    code = st.query_params.get("join")
    if not code:
        return None
    known = st.session_state.setdefault(INFO_KEY, {})
    if code not in known:
        known[code] = _lookup(code)
    return known[code]


def workspace_language() -> None:
    """A stakeholder sees their workspace's language unless they chose one: set once,
    before the language switch and the navigation are drawn (a language the page only
    started in, before they joined, is no choice)."""
    if st.session_state.get(LANG_SET_KEY) or st.session_state.get(LANG_CHOSEN_KEY):
        return
    language = None
    if (joined := me()) is not None:
        try:
            with reading(engine()) as db:
                scoring = get_session(db=db, session_id=joined.session_id)
                language = get_workspace(db=db, workspace_id=scoring.workspace_id).language
        except PlannerError:
            language = None
    elif (info := joining()) is not None:
        language = info.language
    if language:
        st.session_state[LANG_KEY] = language
        st.session_state[LANG_SET_KEY] = True
