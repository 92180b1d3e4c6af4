"""The ballot on the Vote page: a small component that talks to the ballot's routes.

The page draws it once per round; clicks, *Next* and auto-advance happen inside it and
go straight to planner/ui/scoring/ballot_routes.py, so a click costs no page rerun.
It asks the server for a rerun only when the facilitator reveals, opens a re-vote
round or closes the session (or refuses a vote for that reason).
"""

from pathlib import Path

import streamlit as st

from planner.models import utcnow
from planner.store.scoring.ballot import RoundState
from planner.ui.scoring.ballot_data import StakeholderBallot, ballot_data, follow_data
from planner.ui.shell.changes import feedback
from planner.ui.shell.lang import current_lang

HERE = Path(__file__).parent

_component = st.components.v2.component(
    "planner.ballot",
    js=(HERE / "ballot.js").read_text(encoding="utf-8"),
    css=(HERE / "ballot.css").read_text(encoding="utf-8"),
)


def _round_changed(key: str) -> None:
    change = st.session_state[key].get("round_changed") or {}
    if change.get("message"):
        feedback("warning", change["message"])


def follow_facilitator(*, session_id: int, state: RoundState, token: str) -> None:
    """Nothing to see: it asks the server (cheaply) for the next round or the close."""
    _component(
        key=f"follow_{state.round_id}",
        data=follow_data(session_id=session_id, state=state, token=token),
        height=0,
        on_round_changed_change=lambda: None,
    )


def ballot(of: StakeholderBallot) -> None:
    """Mount a stakeholder's ballot of a round, with the criteria they rate."""
    key = f"ballot_{of.state.round_id}"
    _component(
        key=key,
        data=ballot_data(of, lang=current_lang(), now=utcnow()),
        on_round_changed_change=lambda: _round_changed(key),
    )
