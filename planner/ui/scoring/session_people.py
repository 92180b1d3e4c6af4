"""The facilitator's controls for the people of a live session: the auto-advance setting,
named or anonymous comments on the presenter view, and a new personal link for someone
who lost theirs (the old one stops at once)."""

import streamlit as st

from planner.access.links import personal_link
from planner.core.db import reading
from planner.models import ScoringSession
from planner.store.scoring.sessions import participants
from planner.store.scoring.stakeholders import renew_link
from planner.ui.scoring.session_settings import setting_toggle
from planner.ui.shell.changes import run_change
from planner.ui.shell.engine import engine
from planner.ui.shell.lang import t

NEW_LINK_KEY = "new_personal_link"  # (stakeholder name, link) just issued, shown once


def session_people(scoring: ScoringSession) -> None:
    setting_toggle(scoring, "auto_advance", t("session.auto_advance"))
    setting_toggle(scoring, "comments_named", t("session.comments_named"))
    with reading(engine()) as db:
        people = {p.id: p.name for p in participants(db=db, session_id=scoring.id)}
    if not people:
        return
    with st.expander(t("session.new_link"), icon=":material/link:"):
        st.caption(t("session.new_link_help"))
        with st.form(f"new_link_{scoring.id}", border=False):
            who = st.selectbox(
                t("session.new_link_for"), list(people), format_func=people.get, key="new_link_who"
            )
            if st.form_submit_button(t("session.new_link")):
                done = run_change(
                    lambda s: renew_link(
                        db=s, workspace_id=scoring.workspace_id, stakeholder_id=who
                    ),
                    success=t("session.new_link_made", name=people[who]),
                )
                if done.ok:
                    st.session_state[NEW_LINK_KEY] = (people[who], done.value)
        issued = st.session_state.pop(NEW_LINK_KEY, None)
        if issued:
            st.code(personal_link(st.context.url, issued[1]), language=None, wrap_lines=True)
