"""The facilitator's live view: who joined and how far everyone is, refreshing itself."""

from collections.abc import Callable

import pandas as pd
import streamlit as st

from planner.core.config import database_url
from planner.core.db import reading, utc
from planner.models import ScoringRound, utcnow
from planner.scoring.time_box import seconds_left
from planner.store.scoring.round_timing import nudge, reveal_when_due
from planner.store.scoring.votes import progress, votes_per_candidate
from planner.ui import tables
from planner.ui.scoring.countdown import countdown
from planner.ui.shell.changes import run_change
from planner.ui.shell.engine import engine, get_engine
from planner.ui.shell.lang import t

REFRESH = "3s"


@st.cache_data(ttl=2, show_spinner=False)
def _progress(url: str, round_id: int):
    """Shared by every facilitator screen polling the same round (at most one query per 2 s)."""
    with reading(get_engine(url)) as db:
        return (
            progress(db=db, round_id=round_id),
            votes_per_candidate(db=db, round_id=round_id),
        )


def live_counts(round_id: int, total: int) -> tuple[pd.DataFrame, int]:
    """Who takes part with how many candidates they scored, and how many finished all
    `total` (shared by every screen following the round: one query per 2 s)."""
    people = _progress(database_url(), round_id)[0]
    return people, int((people["scored"] >= total).sum()) if not people.empty else 0


def _revealed_by_rule(session_id: int) -> bool:
    """Reveal the round here if the session's rules say it is due (no ballot may be
    polling: the facilitator's screen applies them too)."""
    return reveal_when_due(engine(), session_id) is not None


@st.fragment(run_every=REFRESH)
def live_progress(
    voting: ScoringRound,
    titles: dict[int, str],
    reveal: Callable[[], None],
) -> None:
    """Counts only, never scores: the facilitator is as blind as everyone until the reveal.
    The Reveal button lives here too, so it follows the counts as they refresh; so do
    the countdown, who is behind, the nudge, and the reveals the session's rules make."""
    if _revealed_by_rule(voting.session_id):
        st.rerun()
    total = len(titles)
    people, finished = live_counts(voting.id, total)
    per_candidate = _progress(database_url(), voting.id)[1]
    if voting.deadline is not None:
        countdown(
            seconds_left(utc(voting.deadline), utcnow()),
            left=t("vote.time_left"),
            up=t("session.time_up"),
            key=f"clock_{voting.id}",
        )
    left, middle, right = st.columns(3)
    left.metric(t("session.joined"), len(people))
    middle.metric(t("session.complete"), finished)
    right.metric(t("session.in_round"), total)
    if people.empty:
        st.info(t("session.nobody_yet"))
        _reveal_button(voting.id, 0, 0, reveal)
        return
    if finished == len(people):
        st.success(t("session.all_finished"), icon=":material/done_all:")
    behind = people[people["scored"] < total].sort_values("scored")
    tables.show(
        people.assign(progress=people["scored"] / max(total, 1))[
            ["name", "role", "scored", "progress"]
        ],
        hide_index=True,
        width="stretch",
        column_config={
            "name": t("field.name"),
            "role": t("field.role"),
            "scored": tables.number(t("session.scored", total=total)),
            "progress": st.column_config.ProgressColumn(
                t("session.progress"), min_value=0, max_value=1, format="percent"
            ),
        },
    )
    if not behind.empty:
        _nudge(voting, behind)
    with st.expander(t("session.per_candidate")):
        tables.show(
            pd.DataFrame(
                {
                    t("field.title"): list(titles.values()),
                    t("session.stakeholders_scored"): [per_candidate.get(c, 0) for c in titles],
                }
            ),
            hide_index=True,
            width="stretch",
        )
    scored = sum(1 for c in titles if per_candidate.get(c, 0))
    _reveal_button(voting.id, len(people) - finished, scored, reveal)


def _nudge(voting: ScoringRound, behind: pd.DataFrame) -> None:
    """Who is behind (fewest scored first), and a friendly banner on their ballots."""
    names = ", ".join(f"{n} ({s})" for n, s in zip(behind["name"], behind["scored"], strict=True))
    st.caption(t("session.behind", names=names))
    ids = [int(i) for i in behind["stakeholder_id"]]
    if st.button(
        t("session.nudge", count=len(ids)),
        key=f"nudge_{voting.id}",
        icon=":material/notifications:",
    ):
        run_change(
            lambda s: nudge(db=s, session_id=voting.session_id, stakeholder_ids=ids),
            success=t("session.nudged", count=len(ids)),
            rerun=True,
        )


def _reveal_button(round_id: int, behind: int, scored: int, reveal: Callable[[], None]) -> None:
    """Reveal: not without votes, and with a confirmation while some have not finished."""
    confirmed = True
    if not scored:  # nothing to reveal yet
        st.caption(t("session.reveal_nothing"))
    elif behind:  # revealing ends the round for those still scoring: say so first
        confirmed = st.checkbox(
            t("session.reveal_anyway", behind=behind), key=f"reveal_anyway_{round_id}"
        )
    if st.button(
        t("session.reveal"), type="primary", key="reveal", disabled=not scored or not confirmed
    ):
        reveal()
