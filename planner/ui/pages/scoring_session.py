"""Scoring session (facilitator): open one, share the code, watch progress, reveal, re-vote."""

import streamlit as st

from planner.access.links import join_link, only_here_key, page_address, vote_page
from planner.core.config import public_url
from planner.core.db import reading
from planner.scoring.join_qr import qr_png
from planner.scoring.lifecycle import RoundStatus, SessionStatus
from planner.store.scoring.own_pace import own_pace_of
from planner.store.scoring.scoring_model import load_scoring_setup
from planner.store.scoring.sessions import (
    close_session,
    current_round,
    get_session,
    open_revote,
    reveal_round,
    round_candidate_ids,
    rounds_of,
    sessions_of,
)
from planner.ui.guard import require_journey
from planner.ui.scoring.focus import focus_panel
from planner.ui.scoring.own_pace import own_pace_panel
from planner.ui.scoring.progress import live_progress
from planner.ui.scoring.results import revealed_round, show_results
from planner.ui.scoring.session_people import session_people
from planner.ui.scoring.setup import SESSION_KEY, open_session_form
from planner.ui.scoring.time_box import time_box
from planner.ui.shell.changes import run_change
from planner.ui.shell.engine import engine
from planner.ui.shell.lang import t
from planner.ui.shell.reads import candidates
from planner.ui.widgets import multiselect

journey = require_journey()
frame = candidates(journey)
titles_of = dict(zip(frame["id"], frame["title"], strict=True))
with reading(engine()) as db:
    setup = load_scoring_setup(db=db, workspace_id=journey.workspace.id)
    sessions = sessions_of(db=db, workspace_id=journey.workspace.id)

st.title(t("session.title"))
run_tab, new_tab = st.tabs([t("session.run"), t("session.new")])
with new_tab:
    open_session_form(journey, frame, setup)
if not sessions:
    run_tab.info(t("session.none"))
    st.stop()

with run_tab:
    by_id = {s.id: s for s in sessions}
    if st.session_state.get(SESSION_KEY) not in by_id:
        st.session_state[SESSION_KEY] = sessions[0].id
    chosen = st.selectbox(
        t("session.which"),
        list(by_id),
        key=SESSION_KEY,
        format_func={
            i: f"{s.name} · {s.code} · {t(f'session.status_{s.status}')}" for i, s in by_id.items()
        }.get,
    )
    with reading(engine()) as db:
        scoring = get_session(db=db, session_id=chosen)
        last = current_round(db=db, session_id=chosen)
        rounds = rounds_of(db=db, session_id=chosen)
        in_round = round_candidate_ids(db=db, round_id=last.id)
        pace = own_pace_of(db=db, session_id=chosen)
    titles = {c: titles_of[c] for c in in_round if c in titles_of}

    if scoring.status == SessionStatus.OPEN:
        link = join_link(st.context.url, scoring.code)
        left, right = st.columns([1, 2])
        left.metric(t("session.code"), scoring.code)
        left.image(
            qr_png(link),
            caption=t("session.qr"),
            width=240,
            output_format="PNG",
            alt=t("session.qr_alt"),
        )
        right.caption(t("session.share"))
        right.code(link, language=None)
        if here := only_here_key(link):
            right.warning(t(here, url=public_url()), icon=":material/wifi_off:")
        right.caption(t("session.share_vote"))
        right.code(vote_page(st.context.url), language=None)
        right.link_button(
            t("session.presenter"),
            page_address(st.context.url, "presenter", session=str(scoring.id)),
            help=t("session.presenter_help"),
            icon=":material/co_present:",
        )
        session_people(scoring)
    if pace is not None:
        own_pace_panel(scoring, pace)
    st.header(t("session.round", number=last.number, status=t(f"round.{last.status}")))
    focus = focus_panel(scoring, titles_of)

    if last.status == RoundStatus.VOTING:
        if scoring.status == SessionStatus.OPEN and pace is None:  # own pace: its due date
            time_box(scoring, last)
        live_progress(
            last,
            titles,
            lambda: run_change(
                lambda s: reveal_round(db=s, session_id=chosen),
                success=t("session.revealed"),
                rerun=True,
            ),
        )
    else:
        revealed = {r.number: r for r in rounds if r.status == RoundStatus.REVEALED}
        number = st.selectbox(
            t("session.results_of"),
            sorted(revealed, reverse=True),
            key=f"results_{chosen}",
            format_func={n: t("session.round_short", number=n) for n in revealed}.get,
        )
        shown = revealed[number]
        votes, comments = revealed_round(shown.id)
        with reading(engine()) as db:
            shown_ids = round_candidate_ids(db=db, round_id=shown.id)
        results = show_results(
            setup, votes, {c: titles_of[c] for c in shown_ids}, comments, key=f"round_{shown.id}"
        )
        flagged = results.index[results["discuss"]].tolist() if not results.empty else []
        if scoring.status == SessionStatus.OPEN and shown.id == last.id and focus is None:
            revote = multiselect(
                st,
                t("session.revote_which"),
                list(titles),
                default=flagged,
                format_func=titles.get,
                key=f"revote_{last.id}",
            )
            if not revote:  # nothing flagged or chosen: no round of nothing to offer
                st.caption(t("session.revote_none"))
            elif st.button(t("session.revote", count=len(revote)), key="revote"):
                run_change(
                    lambda s: open_revote(db=s, session_id=chosen, candidate_ids=revote),
                    success=t("session.revote_opened"),
                    rerun=True,
                )

    if scoring.status == SessionStatus.OPEN and st.button(t("session.close"), key="close_session"):
        run_change(
            lambda s: close_session(db=s, session_id=chosen),
            success=t("session.closed"),
            rerun=True,
        )
