"""The journey grid's likely duplicates (the grid is a facilitator's page): a cell
holding a candidate that likely repeats one on another channel of its phase says so in
its text ("3 · 1 duplicate?"), a list below the grid opens those cells (the same in
words, for keyboards and screen readers), and the open cell offers the
candidates page's merge and undo (planner.ui.journey.duplicates_panel), staying on the
grid."""

from datetime import datetime
from typing import NamedTuple

import pandas as pd
import streamlit as st

from planner.core import i18n
from planner.core.config import database_url
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


class GridDuplicates(NamedTuple):
    """The cells holding likely duplicates across channels, with their pairs, and what
    each of them shows in the grid, keyed (channel, phase) as the grid's rows and
    columns: "3 · 1 duplicate?"."""

    cells: Marks
    texts: dict[tuple[str, str], str]


def grid_duplicates(journey: Journey, frame: pd.DataFrame, counts: pd.DataFrame) -> GridDuplicates:
    """The candidates page's suggestions sorted into the grid's cells, once per version of
    the workspace and language (thousands of pairs take a moment to sort), so that a
    click on the grid only looks them up."""
    if frame.empty:
        return GridDuplicates({}, {})
    return _grid_duplicates(
        database_url(),
        journey.workspace.id,
        journey.workspace.updated_at,
        (*journey.phase_names, "×", *journey.channel_names),
        current_lang(),
        journey,
        frame,
        counts,
    )


@st.cache_resource(show_spinner=False, max_entries=16)
def _grid_duplicates(
    url: str,
    workspace_id: int,
    version: datetime,
    dimensions: tuple[str, ...],
    lang: str,
    _journey: Journey,
    _frame: pd.DataFrame,
    _counts: pd.DataFrame,
) -> GridDuplicates:
    cells = duplicate_cells(_frame, suggestions(_journey, _frame))
    return GridDuplicates(cells, cell_texts(_counts, cells, lang))


def cell_texts(counts: pd.DataFrame, marks: Marks, lang: str) -> dict[tuple[str, str], str]:
    """What each marked cell of the grid shows, keyed (channel, phase)."""
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


OPENER = "grid_duplicate_cells"


def _open() -> None:
    """A marked cell chosen below the grid opens it, as a click on the cell does; the
    list lets go of the choice, so the same cell opens again later."""
    chosen = st.session_state.get(OPENER)
    if chosen:
        st.session_state["grid_phase"], st.session_state["grid_channel"] = chosen
        st.session_state[OPENER] = None


def marked_cells(journey: Journey, marks: Marks) -> None:
    """The marked cells in words, in the grid's order: pills (one widget, however many
    cells: 42 buttons cost ~60 ms a run), each opening its cell."""
    if not marks:
        return
    lang = current_lang()
    cells = [
        (phase, channel)
        for phase in journey.phase_names
        for channel in journey.channel_names
        if (phase, channel) in marks
    ]
    st.caption(t("grid.duplicates_legend"))
    st.pills(
        t("grid.duplicates_cells", count=Count(len(cells), lang)),
        cells,
        format_func=lambda cell: t(
            "grid.duplicates_open",
            phase=cell[0],
            channel=cell[1],
            count=Count(len(marks[cell]), lang),
        ),
        key=OPENER,
        on_change=_open,
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
