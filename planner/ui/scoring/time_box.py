"""The facilitator's time box for the voting round, and when rounds reveal themselves."""

import streamlit as st

from planner.models import ScoringRound, ScoringSession
from planner.scoring.time_box import MINUTES_MAX
from planner.store.round_timing import set_reveal_rules, start_timer, stop_timer
from planner.ui.shell.changes import run_change
from planner.ui.shell.lang import t


def _rules(session_id: int, at_zero_key: str, when_done_key: str) -> None:
    at_zero, when_done = st.session_state[at_zero_key], st.session_state[when_done_key]
    run_change(
        lambda s: set_reveal_rules(
            db=s, session_id=session_id, at_zero=at_zero, when_done=when_done
        ),
        success=t("session.reveal_rules_saved"),
    )


def time_box(scoring: ScoringSession, voting: ScoringRound) -> None:
    """Start or stop the round's timer; whether a round reveals itself at zero or once
    everyone finished (settings of the session, kept for its next rounds)."""
    with st.expander(t("session.time_box"), icon=":material/timer:"):
        if voting.deadline is None:
            with st.form(f"timer_{voting.id}", border=False):
                minutes = st.number_input(
                    t("session.timer_minutes"),
                    min_value=1,
                    max_value=MINUTES_MAX,
                    value=5,
                    step=1,
                    key=f"timer_minutes_{voting.id}",
                )
                if st.form_submit_button(t("session.timer_start"), icon=":material/play_arrow:"):
                    run_change(
                        lambda s: start_timer(db=s, session_id=scoring.id, minutes=minutes),
                        success=t("session.timer_started", minutes=minutes),
                        rerun=True,
                    )
        elif st.button(
            t("session.timer_stop"), key=f"timer_stop_{voting.id}", icon=":material/stop:"
        ):
            run_change(
                lambda s: stop_timer(db=s, session_id=scoring.id),
                success=t("session.timer_stopped"),
                rerun=True,
            )
        keys = (f"reveal_at_zero_{scoring.id}", f"reveal_when_done_{scoring.id}")
        st.toggle(
            t("session.reveal_at_zero"),
            value=scoring.reveal_at_zero,
            key=keys[0],
            on_change=_rules,
            args=(scoring.id, *keys),
        )
        st.toggle(
            t("session.reveal_when_done"),
            value=scoring.reveal_when_done,
            key=keys[1],
            on_change=_rules,
            args=(scoring.id, *keys),
        )
