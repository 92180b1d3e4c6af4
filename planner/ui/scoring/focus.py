"""The facilitator's focus-mode controls: where the room is in the queue, and moving it on
(next, any candidate, the same one again, or skip one)."""

import streamlit as st

from planner.core.db import reading
from planner.models import ScoringSession
from planner.scoring.lifecycle import RoundStatus, SessionStatus
from planner.store.scoring.focus import Focus, focus_of, focus_on
from planner.ui.shell.changes import run_change
from planner.ui.shell.engine import engine
from planner.ui.shell.lang import t


def focus_panel(scoring: ScoringSession, titles: dict[int, str]) -> Focus | None:
    """Draw the panel for a session in focus mode; its focus (None: not in focus mode)."""
    with reading(engine()) as db:
        focus = focus_of(db=db, session_id=scoring.id)
    if focus is None:
        return None
    total = len(focus.queue)
    done = len(focus.done())
    st.info(
        t(
            "focus.now",
            position=focus.position(),
            total=total,
            title=titles.get(focus.current, "?"),
            done=done,
        ),
        icon=":material/center_focus_strong:",
    )
    if scoring.status != SessionStatus.OPEN:
        return focus
    upcoming = focus.next()
    if focus.round_status == RoundStatus.VOTING:
        if upcoming is not None and st.button(
            t("focus.skip", title=titles.get(upcoming, "?")),
            key=f"focus_skip_{scoring.id}",
            help=t("focus.skip_help"),
            icon=":material/skip_next:",
        ):
            _move(scoring.id, upcoming, titles, skip=True)
        return focus
    left, middle, right = st.columns(3)
    if upcoming is None:
        left.success(t("focus.all_done"), icon=":material/done_all:")
    elif left.button(
        t("focus.next", title=titles.get(upcoming, "?")),
        key=f"focus_next_{scoring.id}",
        type="primary",
        icon=":material/arrow_forward:",
        width="stretch",
    ):
        _move(scoring.id, upcoming, titles)
    if middle.button(
        t("focus.again"),
        key=f"focus_again_{scoring.id}",
        help=t("focus.again_help"),
        icon=":material/replay:",
        width="stretch",
    ):
        _move(scoring.id, focus.current, titles)
    with right.popover(t("focus.go_to"), icon=":material/list:", width="stretch"):
        marks = {s.candidate_id: "✓ " if s.revealed else "○ " for s in focus.queue}
        chosen = st.selectbox(
            t("focus.go_to"),
            [s.candidate_id for s in focus.queue],
            format_func=lambda c: marks[c] + titles.get(c, "?"),
            key=f"focus_pick_{scoring.id}",
            label_visibility="collapsed",
        )
        if st.button(t("focus.go"), key=f"focus_go_{scoring.id}"):
            _move(scoring.id, chosen, titles)
    return focus


def _move(session_id: int, candidate_id: int, titles: dict[int, str], skip: bool = False) -> None:
    run_change(
        lambda s: focus_on(db=s, session_id=session_id, candidate_id=candidate_id, skip=skip),
        success=t("focus.moved", title=titles.get(candidate_id, "?")),
        rerun=True,
    )
