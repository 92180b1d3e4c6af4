"""The presenter view's boards: the way in while a round votes, the results one candidate
at a time after the reveal. Large type for a projector; it follows the round by itself."""

import pandas as pd
import streamlit as st

from planner.access.links import join_link
from planner.core.db import reading, utc
from planner.core.numbers import one_decimal, whole_percent
from planner.models import ScoringSession, utcnow
from planner.roadmap.charts import distribution_chart
from planner.scoring.consensus import composites
from planner.scoring.join_qr import qr_png
from planner.scoring.setup import ScoringSetup, aggregate_votes, criteria_frame
from planner.scoring.time_box import seconds_left
from planner.store.journey.candidates import get_candidate
from planner.store.scoring.ballot import RoundState
from planner.store.scoring.sessions import round_candidate_ids
from planner.ui.scoring.countdown import countdown
from planner.ui.scoring.progress import live_counts
from planner.ui.scoring.results import flagged_first, revealed_round
from planner.ui.shell.charts import draw_chart
from planner.ui.shell.engine import engine
from planner.ui.shell.lang import current_lang, t

# No sidebar, no toolbar, large type: the page fills the projector.
PROJECTOR_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stHeader"], [data-testid="stToolbar"] { display: none !important; }
.block-container, [data-testid="stMainBlockContainer"] {
  max-width: 100% !important; padding: 1.5rem 3rem !important; }
[data-testid="stMain"] p, [data-testid="stMain"] li { font-size: 1.6rem; }
[data-testid="stMain"] h1 { font-size: 3.4rem; }
[data-testid="stMain"] h2 { font-size: 2.4rem; }
[data-testid="stMetricValue"], [data-testid="stMetricValue"] * {
  font-size: 4.5rem !important; line-height: 1.15 !important; font-weight: 700; }
[data-testid="stMetricLabel"] p { font-size: 1.5rem !important; }
</style>
"""


def join_board(scoring: ScoringSession, state: RoundState) -> None:
    """While a round votes: the code, the QR code, how many joined, how far they are."""
    with reading(engine()) as db:
        total = len(round_candidate_ids(db=db, round_id=state.round_id))
    people, finished = live_counts(state.round_id, total)
    link = join_link(st.context.url, scoring.code)
    left, right = st.columns([3, 2], vertical_alignment="center")
    with left:
        st.title(scoring.name)
        if scoring.focus_queue is not None:
            with reading(engine()) as db:
                [current] = round_candidate_ids(db=db, round_id=state.round_id)
                title = get_candidate(db=db, candidate_id=current).title
            st.header(t("focus.presenter", title=title))
        st.metric(t("session.code"), scoring.code)
        st.markdown(t("presenter.join_at", link=link))
        if state.deadline is not None:
            countdown(
                seconds_left(utc(state.deadline), utcnow()),
                left=t("vote.time_left"),
                up=t("session.time_up"),
                key=f"presenter_clock_{state.round_id}",
                size="3.5rem",
            )
        joined, done, overall = st.columns(3)
        joined.metric(t("session.joined"), len(people))
        done.metric(t("session.complete"), finished)
        answered = int(people["scored"].sum()) if not people.empty else 0
        share = answered / (len(people) * total) if len(people) and total else 0.0
        overall.metric(t("presenter.progress"), whole_percent(share, current_lang()))
        st.progress(share)
    right.image(
        qr_png(link),
        width=460,
        output_format="PNG",
        caption=t("session.qr"),
        alt=t("session.qr_alt"),
    )


def results_board(
    scoring: ScoringSession, state: RoundState, setup: ScoringSetup, titles: dict[int, str]
) -> None:
    """After the reveal: one candidate at a time, flagged ones first, with the comments
    (named or anonymous, as the session says)."""
    votes, comments = revealed_round(state.round_id)
    with reading(engine()) as db:
        in_round = round_candidate_ids(db=db, round_id=state.round_id)
    results = aggregate_votes(setup, votes)
    if results.empty:
        st.title(scoring.name)
        st.info(t("session.no_votes"))
        return
    order = flagged_first(results, [c for c in in_round if c in titles and c in results.index])
    key = f"presenter_at_{state.round_id}"
    at = min(st.session_state.get(key, 0), len(order) - 1)
    candidate = order[at]
    back, where, forward = st.columns([1, 3, 1], vertical_alignment="center")
    back.button(
        t("presenter.previous"),
        key=f"presenter_back_{state.round_id}",
        disabled=at == 0,
        on_click=_move,
        args=(key, at - 1),
        icon=":material/arrow_back:",
        width="stretch",
    )
    where.caption(t("presenter.where", at=at + 1, total=len(order), round=state.number))
    forward.button(
        t("presenter.next"),
        key=f"presenter_next_{state.round_id}",
        disabled=at == len(order) - 1,
        on_click=_move,
        args=(key, at + 1),
        icon=":material/arrow_forward:",
        width="stretch",
    )
    row = results.loc[candidate]
    st.header(titles[candidate])
    if bool(row["discuss"]):
        st.warning(t("presenter.discuss"), icon=":material/flag:")
    cells = st.columns(4)
    for cell, dimension in zip(cells[::2], ("value", "effort"), strict=True):
        median = row[f"{dimension}_median"]
        cell.metric(t(f"chart.{dimension}"), _score(median))
    for cell, dimension in zip(cells[1::2], ("value", "effort"), strict=True):
        spread = row[f"{dimension}_sd"]
        cell.metric(
            t("presenter.spread", dimension=t(f"chart.{dimension}")),
            _score(spread),
            help=t("presenter.spread_help"),
        )
    people = composites(votes[votes["candidate_id"] == candidate], criteria_frame(setup))
    people = people.assign(title=titles[candidate], discuss=bool(row["discuss"]))
    labels = {k: t(f"chart.{k}") for k in ("value", "effort", "score", "title", "discuss")}
    draw_chart(distribution_chart(people, labels), width="stretch")
    said = comments[comments["candidate_id"] == candidate] if not comments.empty else comments
    if said.empty:
        st.caption(t("presenter.no_comments"))
        return
    st.subheader(t("presenter.comments", count=len(said)))
    for who, text in zip(said["stakeholder"], said["comment"], strict=True):
        st.markdown(
            t("presenter.comment_named", name=who, comment=text)
            if scoring.comments_named
            else t("presenter.comment", comment=text)
        )


def _score(value: float) -> str:
    """A median or spread as the language writes it ("6,9"), "–" when there is none."""
    return "–" if pd.isna(value) else one_decimal(value, current_lang())


def _move(key: str, to: int) -> None:
    st.session_state[key] = to
