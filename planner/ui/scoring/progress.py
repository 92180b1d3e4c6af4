"""The facilitator's live view: who joined and how far everyone is, refreshing itself."""

from collections.abc import Callable

import pandas as pd
import streamlit as st

from planner.core.config import database_url
from planner.core.db import reading
from planner.store.votes import progress, votes_per_candidate
from planner.ui.shell.engine import get_engine
from planner.ui.shell.lang import t

REFRESH = "3s"


@st.cache_data(ttl=2, show_spinner=False)
def _progress(url: str, round_id: int, criteria_count: int):
    """Shared by every facilitator screen polling the same round (at most one query per 2 s)."""
    with reading(get_engine(url)) as db:
        return (
            progress(db=db, round_id=round_id, criteria_count=criteria_count),
            votes_per_candidate(db=db, round_id=round_id, criteria_count=criteria_count),
        )


@st.fragment(run_every=REFRESH)
def live_progress(
    round_id: int, criteria_count: int, titles: dict[int, str], reveal: Callable[[], None]
) -> None:
    """Counts only, never scores: the facilitator is as blind as everyone until the reveal.
    The Reveal button lives here too, so it follows the counts as they refresh."""
    people, per_candidate = _progress(database_url(), round_id, criteria_count)
    total = len(titles)
    finished = int((people["scored"] >= total).sum()) if not people.empty else 0
    left, middle, right = st.columns(3)
    left.metric(t("session.joined"), len(people))
    middle.metric(t("session.complete"), finished)
    right.metric(t("session.in_round"), total)
    if people.empty:
        st.info(t("session.nobody_yet"))
        _reveal_button(round_id, 0, 0, reveal)
        return
    st.dataframe(
        people.assign(progress=people["scored"] / max(total, 1))[
            ["name", "role", "scored", "progress"]
        ],
        hide_index=True,
        width="stretch",
        column_config={
            "name": t("field.name"),
            "role": t("field.role"),
            "scored": st.column_config.NumberColumn(t("session.scored", total=total)),
            "progress": st.column_config.ProgressColumn(
                t("session.progress"), min_value=0, max_value=1, format="percent"
            ),
        },
    )
    with st.expander(t("session.per_candidate")):
        st.dataframe(
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
    _reveal_button(round_id, len(people) - finished, scored, reveal)


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
