"""The facilitator's time box for the voting round, and when rounds reveal themselves."""

import streamlit as st

from planner.models import ScoringRound, ScoringSession
from planner.scoring.time_box import MINUTES_MAX
from planner.store.scoring.round_timing import start_timer, stop_timer
from planner.ui.scoring.session_settings import setting_toggle
from planner.ui.shell.changes import run_change
from planner.ui.shell.lang import t


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
                        success=t("session.timer_started", count=minutes),
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
        setting_toggle(scoring, "reveal_at_zero", t("session.reveal_at_zero"))
        setting_toggle(scoring, "reveal_when_done", t("session.reveal_when_done"))
