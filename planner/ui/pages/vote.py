"""Vote (stakeholder): join with the session's code, score blind, see the reveal."""

import streamlit as st

from planner.db import read_session
from planner.errors import PlannerError, validated
from planner.models import StakeholderJoin
from planner.store.candidates import candidate_frame
from planner.store.scoring_model import load_scoring_setup
from planner.store.sessions import current_round, get_session, join_session, round_candidate_ids
from planner.store.votes import my_ballot
from planner.ui.access import STAKEHOLDER_KEY, client_bucket, limited
from planner.ui.ballot import ballot_form
from planner.ui.context import engine, run_change
from planner.ui.lang import error_text, t
from planner.ui.session_results import revealed_round, show_results
from planner.ui.text import plain

ME = STAKEHOLDER_KEY  # (session id, stakeholder id, name)


def join(code: str, name: str, role: str) -> None:
    """Join with a code; wrong codes from one address are slowed down like passphrases."""
    done = limited(
        engine(),
        client_bucket("join"),
        lambda: run_change(
            lambda s: join_session(
                session=s, code=code, join_in=validated(StakeholderJoin, name=name, role=role)
            ),
            needs=None,
        ),
        succeeded=lambda outcome: outcome.ok,
    )
    if done and done.ok:
        scoring, stakeholder = done.value
        st.session_state[ME] = (scoring.id, stakeholder.id, stakeholder.name)
        # Reloading the page (or opening it later) resumes this ballot.
        st.query_params.update({"join": scoring.code, "name": stakeholder.name})
        st.rerun()


code = st.query_params.get("join", "")
if ME not in st.session_state and code and st.query_params.get("name"):
    join(code, st.query_params["name"], "")
if ME not in st.session_state:
    st.title(t("vote.title"))
    st.caption(t("vote.intro"))
    with st.form("join"):
        typed_code = st.text_input(t("vote.code"), code, key="join_code", max_chars=12)
        name = st.text_input(t("field.name"), key="join_name", max_chars=80)
        role = st.text_input(t("field.role"), key="join_role", max_chars=80)
        if st.form_submit_button(t("vote.join"), type="primary"):
            join(typed_code, name, role)
    st.stop()

session_id, me, my_name = st.session_state[ME]
try:
    with read_session(engine()) as session:
        scoring = get_session(session=session, session_id=session_id)
        scoring_round = current_round(session=session, session_id=session_id)
        ids = round_candidate_ids(session=session, round_id=scoring_round.id)
        setup = load_scoring_setup(session=session, workspace_id=scoring.workspace_id)
        frame = candidate_frame(session=session, workspace_id=scoring.workspace_id)
        ballot = my_ballot(session=session, round_id=scoring_round.id, stakeholder_id=me)
except PlannerError as error:
    st.session_state.pop(ME, None)
    st.error(error_text(error))
    st.stop()

st.title(plain(scoring.name))
st.caption(t("vote.who", name=my_name, number=scoring_round.number))
candidates = frame[frame["id"].isin(ids)].reset_index(drop=True)
if scoring_round.status == "revealed":
    st.info(t("vote.revealed"))
    votes, _ = revealed_round(scoring_round.id)
    titles = dict(zip(candidates["id"], candidates["title"], strict=True))
    show_results(setup, votes, titles, key=f"round_{scoring_round.id}")
elif scoring.status != "open":
    st.info(t("error.session_closed", name=scoring.name))
else:
    ballot_form(scoring_round.id, me, setup, ballot, candidates)


@st.fragment(run_every="4s")
def follow_the_facilitator(seen: tuple) -> None:
    """Show the reveal, a re-vote round or the close as soon as the facilitator makes it."""
    with read_session(engine()) as session:
        now = current_round(session=session, session_id=session_id)
        status = get_session(session=session, session_id=session_id).status
    if (now.id, now.status, status) != seen:
        st.rerun(scope="app")


follow_the_facilitator((scoring_round.id, scoring_round.status, scoring.status))
