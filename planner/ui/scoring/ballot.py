"""The ballot on the Vote page: a small component that talks to the ballot's routes.

The page draws it once per round; clicks, *Next* and auto-advance happen inside it and
go straight to planner/ui/scoring/ballot_routes.py, so a click costs no page rerun.
It asks the server for a rerun only when the facilitator reveals, opens a re-vote
round or closes the session (or refuses a vote for that reason).
"""

from pathlib import Path

import streamlit as st

from planner.models import Criterion, utcnow
from planner.scoring.setup import ScoringSetup
from planner.scoring.time_box import seconds_left
from planner.store.ballot import DONT_KNOW, RoundState
from planner.ui.shell.changes import feedback
from planner.ui.shell.lang import current_lang, t

HERE = Path(__file__).parent
TEXT_KEYS = {
    "progress": "vote.progress",
    "all_done": "vote.all_done",
    "candidate": "vote.candidate",
    "next": "vote.next_unscored",
    "value_help": "vote.value_help",
    "effort_help": "vote.effort_help",
    "comment": "field.comment",
    "comment_hint": "vote.comment_hint",
    "saving": "vote.saving",
    "saved": "vote.saved",
    "retrying": "vote.retrying",
    "not_saved": "vote.not_saved",
    "loading": "vote.loading",
    "time_left": "vote.time_left",
    "time_up": "vote.time_up",
    "nudge": "vote.nudge",
    "nudge_ok": "vote.nudge_ok",
    "references": "vote.references",
}

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
        data={
            "follow_only": True,
            "key": token,
            "session": session_id,
            "round": state.round_id,
            "round_status": state.round_status,
            "status": state.session_status,
        },
        height=0,
        on_round_changed_change=lambda: None,
    )


def ballot(
    *,
    session_id: int,
    state: RoundState,
    stakeholder_id: int,
    token: str,
    setup: ScoringSetup,
    criteria: list[Criterion],
    candidates: list[tuple[int, str]],
    done: list[int],
    joined: bool = False,
) -> None:
    """Mount the ballot of this round for this stakeholder, with the criteria they rate.
    `joined`: they just joined (focus goes to the first card's heading)."""
    key = f"ballot_{state.round_id}"
    scale = setup.scale
    _component(
        key=key,
        data={
            "session": session_id,
            "round": state.round_id,
            "round_status": state.round_status,
            "status": state.session_status,
            "auto_advance": state.auto_advance,
            "seconds_left": seconds_left(state.deadline, utcnow()),
            "stakeholder": stakeholder_id,
            "key": token,
            "lang": current_lang(),
            "criteria": [{"id": c.id, "name": c.name, "dimension": c.dimension} for c in criteria],
            "options": [*scale.labels, DONT_KNOW],
            "names": {DONT_KNOW: t("vote.dont_know")},
            "candidates": [[int(i), title] for i, title in candidates],
            "done": done,
            "joined": joined,
            "text": {name: t(catalog_key) for name, catalog_key in TEXT_KEYS.items()},
        },
        on_round_changed_change=lambda: _round_changed(key),
    )
