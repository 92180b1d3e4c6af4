"""The candidates page's "Possible duplicates": suggestions per phase, a merge after a
confirmation naming what is kept, and the recent merges with an undo. The journey grid
shows the same pairs, merge and undo per cell (planner.ui.journey.grid_duplicates)."""

from collections.abc import Mapping
from datetime import datetime

import pandas as pd
import streamlit as st

from planner.core import dates
from planner.core.config import database_url
from planner.core.db import reading
from planner.core.numbers import few_decimals
from planner.journey.duplicates import (
    DuplicateSuggestion,
    candidates_of,
    duplicates_of,
    suggest_duplicates,
)
from planner.journey.journey import Journey
from planner.store.journey.candidates import candidate_frame
from planner.store.journey.merges import merge_candidates, recent_merges, undo_merge
from planner.ui.shell.changes import feedback, run_change
from planner.ui.shell.engine import engine
from planner.ui.shell.lang import current_lang, t
from planner.ui.shell.session_roles import actor, allowed
from planner.ui.text import plain

PENDING = "pending_merge"
SHOWN_PER_PHASE = 10


@st.cache_resource(show_spinner=False, max_entries=16)
def _suggestions(
    url: str, workspace_id: int, version: datetime, channels: tuple[str, ...], _frame: pd.DataFrame
) -> list[DuplicateSuggestion]:
    """Computed once per version of the workspace (a change touches it)."""
    return suggest_duplicates(candidates_of(_frame), channels=channels)


def suggestions(journey: Journey, frame: pd.DataFrame) -> list[DuplicateSuggestion]:
    """The workspace's likely duplicates, best first; computed once per version of the
    workspace and shared by every session and page."""
    return _suggestions(
        database_url(),
        journey.workspace.id,
        journey.workspace.updated_at,
        tuple(journey.channel_names),
        frame,
    )


def duplicates_panel(journey: Journey, frame: pd.DataFrame) -> None:
    """For facilitators, behind a toggle: suggesting costs a moment on large workspaces."""
    if not allowed(journey.workspace.id, "edit") or not st.toggle(
        t("duplicates.title"), key="show_duplicates"
    ):
        return
    st.caption(t("duplicates.intro"))
    found = suggestions(journey, frame)
    titles = dict(zip(frame["id"], frame["title"], strict=True))
    if not found:
        st.info(t("duplicates.none"))
    for phase in journey.phase_names:
        pairs = [pair for pair in found if pair.phase == phase]
        if pairs:
            st.markdown(f"#### {plain(phase)}")
            for pair in pairs[:SHOWN_PER_PHASE]:
                pair_row(pair, titles)
            if len(pairs) > SHOWN_PER_PHASE:
                st.caption(t("duplicates.more", shown=SHOWN_PER_PHASE, total=len(pairs)))
    merge_dialog(journey, frame)
    recent_merges_list(journey)


def duplicate_notice(journey: Journey, candidate_id: int) -> None:
    """Right after a candidate is added: a warning, shown on the next run, naming the
    candidate of its phase it most likely repeats."""
    with reading(engine()) as db:  # read anew: the cached frame predates the candidate
        frame = candidate_frame(db=db, workspace_id=journey.workspace.id)
    found = duplicates_of(candidate_id, candidates_of(frame), channels=journey.channel_names)
    if found:
        pair = found[0]
        other = pair.second if pair.first == candidate_id else pair.first
        title = dict(zip(frame["id"], frame["title"], strict=True))[other]
        reason = pair.describe(current_lang())
        feedback("warning", t("duplicates.added_like", title=title, reason=reason))


def pair_row(pair: DuplicateSuggestion, titles: Mapping[int, str]) -> None:
    """The pair, why, which one to keep, and Merge (which asks first: `merge_dialog`)."""
    key = f"{pair.first}_{pair.second}"
    with st.container(border=True, key=f"duplicate_{key}"):
        st.markdown(
            t(
                "duplicates.pair",
                first=titles[pair.first],
                second=titles[pair.second],
                phase=pair.phase,
                score=few_decimals(pair.score, current_lang()),  # 0-100
                reason=pair.describe(current_lang()),
            )
        )
        left, right = st.columns([3, 1], vertical_alignment="bottom")
        kept = left.radio(
            t("duplicates.keep"),
            [pair.first, pair.second],
            format_func=titles.get,
            horizontal=True,
            key=f"keep_{key}",
        )
        gone = pair.second if kept == pair.first else pair.first
        if right.button(t("duplicates.merge"), key=f"merge_{key}"):
            st.session_state[PENDING] = (kept, gone)


def _cancel() -> None:
    st.session_state.pop(PENDING, None)


def merge_dialog(journey: Journey, frame: pd.DataFrame) -> None:
    """The confirmation of the merge a pair's Merge asked for, if any."""
    if st.session_state.get(PENDING):
        _confirm_merge(journey, frame, *st.session_state[PENDING])


def _confirm_merge(journey: Journey, frame: pd.DataFrame, kept: int, gone: int) -> None:
    by_id = frame.set_index("id")
    if kept not in by_id.index or gone not in by_id.index:  # merged or deleted meanwhile
        _cancel()
        return
    kept_title, gone_title = by_id.at[kept, "title"], by_id.at[gone, "title"]
    united = list(dict.fromkeys([*by_id.at[kept, "channels"], *by_id.at[gone, "channels"]]))

    @st.dialog(t("duplicates.merge"), on_dismiss=_cancel)
    def confirm() -> None:
        st.write(
            t("duplicates.confirm", kept=kept_title, gone=gone_title, channels=", ".join(united))
        )
        left, right = st.columns(2)
        if left.button(t("duplicates.confirm_button"), type="primary", key="confirm_merge"):
            _cancel()
            run_change(
                lambda db: merge_candidates(
                    db=db,
                    workspace_id=journey.workspace.id,
                    kept_id=kept,
                    merged_ids=[gone],
                    actor=actor() or "?",
                ),
                success=t("duplicates.merged", gone=gone_title, kept=kept_title),
                rerun=True,
            )
        if right.button(t("candidates.cancel"), key="cancel_merge", on_click=_cancel):
            st.rerun()

    confirm()


def recent_merges_list(journey: Journey) -> None:
    """The workspace's last merges not undone, each with its Undo."""
    with reading(engine()) as db:
        merges = recent_merges(db=db, workspace_id=journey.workspace.id, limit=5)
    if not merges:
        return
    st.markdown(f"#### {t('duplicates.recent')}")
    lang = current_lang()
    for merge in merges:
        gone = ", ".join(merge.merged_titles)
        left, right = st.columns([4, 1], vertical_alignment="center")
        left.write(
            t(
                "duplicates.recent_item",
                gone=gone,
                kept=merge.kept_title,
                actor=merge.actor,
                when=dates.moment(merge.merged_at, lang),
            )
        )
        if right.button(t("duplicates.undo"), key=f"undo_merge_{merge.id}"):
            merge_id = merge.id
            run_change(
                lambda db, merge_id=merge_id: undo_merge(
                    db=db,
                    workspace_id=journey.workspace.id,
                    merge_id=merge_id,
                    actor=actor() or "?",
                ),
                success=t("duplicates.undone", gone=gone),
                rerun=True,
            )
