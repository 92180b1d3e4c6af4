"""Presenter view (facilitator, on the projector): full screen, large type. While a round
votes: the code, the QR code, how many joined and how far they are, the time left; after
the reveal: the results one candidate at a time, flagged first, with the comments.

Open it from the Scoring session page (`?session=ID`); it follows the round by itself."""

import streamlit as st

from planner.core.db import reading
from planner.scoring.lifecycle import SessionStatus, accepts_votes
from planner.store.scoring.ballot import round_state
from planner.store.scoring.round_timing import reveal_when_due
from planner.store.scoring.scoring_model import load_scoring_setup
from planner.store.scoring.sessions import get_session, sessions_of
from planner.ui.guard import require_journey
from planner.ui.scoring.presenter import PROJECTOR_CSS, join_board, results_board
from planner.ui.shell.engine import engine
from planner.ui.shell.lang import t
from planner.ui.shell.reads import candidates

journey = require_journey()
st.html(PROJECTOR_CSS)
with reading(engine()) as db:
    sessions = {s.id: s for s in sessions_of(db=db, workspace_id=journey.workspace.id)}
    setup = load_scoring_setup(db=db, workspace_id=journey.workspace.id)
asked = st.query_params.get("session", "")
chosen = int(asked) if asked.isdigit() and int(asked) in sessions else None
if chosen is None:  # the newest open session, else the newest
    chosen = next(
        (i for i, s in sessions.items() if s.status == SessionStatus.OPEN),
        next(iter(sessions), None),
    )
if chosen is None:
    st.info(t("session.none"))
    st.stop()
frame = candidates(journey)
titles = dict(zip(frame["id"], frame["title"], strict=True))


@st.fragment(run_every="2s")
def board(session_id: int) -> None:
    reveal_when_due(engine(), session_id)
    with reading(engine()) as db:
        state = round_state(db=db, session_id=session_id)
        scoring = get_session(db=db, session_id=session_id)
    if accepts_votes(state.session_status, state.round_status):
        join_board(scoring, state)
    else:
        results_board(scoring, state, setup, titles)


board(chosen)
