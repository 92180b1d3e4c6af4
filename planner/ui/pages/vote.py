"""Vote (stakeholder): join with the session's code as someone new, or come back by
personal link; score blind; see the reveal."""

import streamlit as st

from planner.access.links import personal_link
from planner.core.db import reading
from planner.core.errors import PlannerError, validated
from planner.core.limits import JOIN_CODE_MAX, NAME_MAX
from planner.models import StakeholderJoin
from planner.scoring.lifecycle import RoundStatus, SessionStatus, accepts_votes
from planner.store.scoring.ballot import ballot_list, round_state
from planner.store.scoring.scoring_model import load_scoring_setup
from planner.store.scoring.sessions import find_session, get_session
from planner.store.scoring.stakeholders import get_stakeholder, join_session
from planner.ui.access.grants import become, buckets, leave_ballot, me
from planner.ui.page_files import page
from planner.ui.scoring.ballot import ballot, follow_facilitator
from planner.ui.scoring.ballot_data import StakeholderBallot
from planner.ui.scoring.joining import joining
from planner.ui.scoring.results import revealed_round, show_results
from planner.ui.shell.changes import run_change
from planner.ui.shell.engine import engine
from planner.ui.shell.lang import error_text, t
from planner.ui.text import plain

JUST_JOINED = "ballot_just_joined"


def join(code: str, name: str, role: str) -> None:
    """Join with a code; wrong codes from one client are slowed down like passphrases
    (only they: a name taken or too long once the code is right is no guess)."""

    def attempt(s):
        find_session(db=s, code=code)  # NotFound: a wrong code, first
        return join_session(
            db=s, code=code, join_in=validated(StakeholderJoin, name=name, role=role)
        )

    done = run_change(
        attempt,
        needs=None,
        limit=buckets("join"),
        guessed=lambda error: error.key == "error.session_not_found",
    )
    if done.ok:
        become(done.value)
        st.session_state[JUST_JOINED] = True
        st.rerun()


if me() is None:
    info = joining()
    st.title(t("vote.title"))
    if info is not None:
        st.header(t("vote.joining", session=info.session, workspace=info.workspace))
    st.caption(t("vote.intro"))
    with st.form("join"):
        code = st.query_params.get("join", "")
        typed_code = st.text_input(t("vote.code"), code, key="join_code", max_chars=JOIN_CODE_MAX)
        name = st.text_input(t("field.name"), key="join_name", max_chars=NAME_MAX)
        if info is None or not info.roles:  # no list to choose from: as they call it
            role = st.text_input(t("field.role"), key="join_role", max_chars=NAME_MAX)
        else:
            role = st.selectbox(
                t("field.role"),
                info.roles,
                index=None,
                placeholder=t("vote.role_choose"),
                key="join_role_choice",
            )
        if st.form_submit_button(t("vote.join"), type="primary"):
            if info is not None and info.roles and role is None:
                st.error(t("error.role_not_chosen", roles=", ".join(info.roles)))
            else:
                join(typed_code, name, role or "")
    st.stop()

session_id, stakeholder_id, my_name, token = me()  # a Me
try:
    with reading(engine()) as db:
        scoring = get_session(db=db, session_id=session_id)
        state = round_state(db=db, session_id=session_id)
        setup = load_scoring_setup(db=db, workspace_id=scoring.workspace_id)
        titles, done = ballot_list(db=db, round_id=state.round_id, stakeholder_id=stakeholder_id)
        my_role = get_stakeholder(db=db, stakeholder_id=stakeholder_id).role
except PlannerError as error:
    st.error(error_text(error))
    st.stop()

st.title(plain(scoring.name))
# "Can be changed until the reveal" only while it can.
who = "vote.who" if accepts_votes(state.session_status, state.round_status) else "vote.who_closed"
st.caption(t(who, name=my_name, number=state.number))
just_joined = st.session_state.pop(JUST_JOINED, False)
with st.expander(t("vote.personal_link"), icon=":material/bookmark:", expanded=just_joined):
    st.caption(t("vote.personal_link_help"))
    st.code(personal_link(st.context.url, token), language=None, wrap_lines=True)
    st.button(
        t("vote.leave"),
        key="leave_ballot",
        help=t("vote.leave_help"),
        icon=":material/logout:",
        on_click=leave_ballot,
        args=(scoring.code,),
    )

st.page_link(page("signoff"))  # a phone hides the navigation
if scoring.focus_queue is not None and state.round_status == RoundStatus.VOTING:
    st.info(t("focus.ballot"), icon=":material/center_focus_strong:")
criteria = setup.criteria_for(my_role)
if accepts_votes(state.session_status, state.round_status) and not criteria:
    st.info(t("vote.nothing_for_role", role=my_role))
    follow_facilitator(session_id=session_id, state=state, token=token)
elif accepts_votes(state.session_status, state.round_status):
    ballot(
        StakeholderBallot(
            session_id=session_id,
            state=state,
            stakeholder_id=stakeholder_id,
            token=token,
            setup=setup,
            criteria=criteria,
            candidates=titles,
            done=done,
            joined=just_joined,
        )
    )
else:
    st.info(
        t("vote.revealed")
        if state.session_status == SessionStatus.OPEN
        else t("error.session_closed", name=scoring.name)
    )
    votes, _ = revealed_round(state.round_id)
    show_results(setup, votes, dict(titles), key=f"round_{state.round_id}", compact=True)
    follow_facilitator(session_id=session_id, state=state, token=token)
