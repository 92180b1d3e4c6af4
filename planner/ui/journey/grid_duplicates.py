"""The journey grid's likely duplicates (the grid is a facilitator's page): a cell
holding a candidate that likely repeats one on another channel of its phase says so in
its text ("3 · 1 duplicate?"), a list of buttons below the grid opens those cells (the
same in words, for keyboards and screen readers), and the open cell offers the
candidates page's merge and undo (planner.ui.journey.duplicates_panel), staying on the
grid."""

import pandas as pd
import streamlit as st

from planner.core import i18n
from planner.core.numbers import Count
from planner.journey.duplicates import DuplicateSuggestion
from planner.journey.grid import Cell, duplicate_cells
from planner.journey.journey import Journey
from planner.ui.journey.duplicates_panel import (
    SHOWN_PER_PHASE,
    merge_dialog,
    pair_row,
    recent_merges_list,
    suggestions,
)
from planner.ui.shell.lang import current_lang, t

Marks = dict[Cell, list[DuplicateSuggestion]]


def duplicate_marks(journey: Journey, frame: pd.DataFrame) -> Marks:
    """The cells holding likely duplicates across channels, with their pairs. The
    suggestions are the candidates page's, computed once per version of the workspace:
    a click on the grid only sorts them into cells."""
    if frame.empty:
        return {}
    return duplicate_cells(frame, suggestions(journey, frame))


def cell_texts(counts: pd.DataFrame, marks: Marks, lang: str) -> dict[tuple[str, str], str]:
    """What each marked cell of the grid shows, keyed (channel, phase) as the grid's rows
    and columns: "3 · 1 duplicate?"."""
    return {
        (channel, phase): i18n.t(
            "grid.duplicates_in_cell",
            lang,
            total=Count(int(counts.at[channel, phase]), lang),
            count=Count(len(pairs), lang),
        )
        for (phase, channel), pairs in marks.items()
        if channel in counts.index and phase in counts.columns
    }


def _open(phase: str, channel: str) -> None:
    st.session_state["grid_phase"], st.session_state["grid_channel"] = phase, channel


def marked_cells(journey: Journey, marks: Marks) -> None:
    """The marked cells in words, in the grid's order, each a button that opens it."""
    if not marks:
        return
    st.caption(t("grid.duplicates_legend"))
    st.markdown(t("grid.duplicates_cells", count=Count(len(marks), current_lang())))
    with st.container(horizontal=True, key="grid_duplicate_cells"):
        for phase in journey.phase_names:
            for channel in journey.channel_names:
                pairs = marks.get((phase, channel))
                if pairs:
                    st.button(
                        t(
                            "grid.duplicates_open",
                            phase=phase,
                            channel=channel,
                            count=Count(len(pairs), current_lang()),
                        ),
                        key=f"open_duplicates_{phase}_{channel}",
                        on_click=_open,
                        args=(phase, channel),
                        icon=":material/call_merge:",
                    )


def cell_duplicates(journey: Journey, frame: pd.DataFrame, marks: Marks, cell: Cell) -> None:
    """In the open cell: its pairs, each candidate with its channels, Merge (after the
    same confirmation as on the candidates page), and the recent merges with Undo."""
    pairs = marks.get(cell, [])
    lang = current_lang()
    if pairs:
        st.subheader(t("grid.duplicates_title", count=Count(len(pairs), lang)))
        st.caption(t("duplicates.intro"))
        ids = {side for pair in pairs for side in (pair.first, pair.second)}
        shown = frame[frame["id"].isin(ids)]
        labels = {
            int(id_): i18n.t(
                "duplicates.on_channels", lang, title=title, channels=", ".join(channels)
            )
            for id_, title, channels in zip(
                shown["id"], shown["title"], shown["channels"], strict=True
            )
        }
        for pair in pairs[:SHOWN_PER_PHASE]:
            pair_row(pair, labels)
        if len(pairs) > SHOWN_PER_PHASE:
            st.caption(t("duplicates.more", shown=SHOWN_PER_PHASE, total=len(pairs)))
    merge_dialog(journey, frame)
    recent_merges_list(journey)
