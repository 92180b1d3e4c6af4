"""Journey grid: phases x channels, each cell showing how many candidates it holds."""

import pandas as pd
import streamlit as st

from planner.journey.grid import cell_counts, empty_cells, in_cell
from planner.journey.search import all_tags
from planner.ui import tables
from planner.ui.guard import require_journey
from planner.ui.journey.candidate_form import add_candidate, candidate_form
from planner.ui.journey.grid_duplicates import cell_duplicates, grid_duplicates, marked_cells
from planner.ui.journey.heatmap import heat_map
from planner.ui.page_files import page
from planner.ui.shell.lang import current_lang, t
from planner.ui.shell.reads import candidates
from planner.ui.widget_state import versioned_key

journey = require_journey()
frame = candidates(journey)
st.title(t("grid.title"))
st.caption(t("grid.intro"))

if not journey.phases or not journey.channels:
    st.warning(t("grid.needs_dimensions"))
    st.page_link(page("setup"))
    st.stop()

counts = cell_counts(frame, journey.phase_names, journey.channel_names)
gaps = empty_cells(counts)
total_cells = counts.size
left, middle, right = st.columns(3)
left.metric(t("grid.candidates"), len(frame))
middle.metric(t("grid.filled_cells"), f"{total_cells - len(gaps)} / {total_cells}")
right.metric(t("grid.channel_switches"), int(frame["channel_switch"].sum()))


def pick_cell() -> None:
    """A click on a grid cell chooses that phase and channel below."""
    cells = st.session_state["grid_cells"]["selection"]["cells"]
    if cells:
        row, phase = cells[0]
        st.session_state["grid_phase"] = phase
        st.session_state["grid_channel"] = counts.index[row]


duplicates = grid_duplicates(journey, frame, counts)
st.dataframe(
    heat_map(counts, current_lang(), duplicates.texts),
    key="grid_cells",
    placeholder=tables.MISSING,
    on_select=pick_cell,
    selection_mode="single-cell",
    width="stretch",
)
st.caption(t("grid.legend"))
marked_cells(journey, duplicates.cells)

left, right = st.columns(2)
phase = left.selectbox(
    t("field.phase"),
    [None, *journey.phase_names],
    key="grid_phase",
    format_func=lambda name: name or "—",
)
channel = right.selectbox(
    t("field.channel"),
    [None, *journey.channel_names],
    key="grid_channel",
    format_func=lambda name: name or "—",
)

if phase is None or channel is None:
    st.info(t("grid.select_hint"))
else:
    st.header(t("grid.cell_title", phase=phase, channel=channel))
    cell = in_cell(frame, phase, channel)
    if cell.empty:
        st.caption(t("grid.cell_empty"))
    else:
        tables.show(
            cell[["title", "persona", "proposer", "channels", "channel_switch"]].rename(
                columns=lambda c: t(f"field.{c}")
            ),
            hide_index=True,
            width="stretch",
        )
    cell_duplicates(journey, frame, duplicates.cells, (phase, channel))
    with st.expander(t("grid.quick_add"), expanded=cell.empty, icon=":material/add:"):
        form_name = f"quick_add_{phase}_{channel}"
        values = candidate_form(
            versioned_key(form_name),
            journey,
            tags=all_tags(frame),
            phase=phase,
            channel=channel,
            submit_label=t("candidates.add"),
        )
        if values is not None:
            add_candidate(form_name, journey, values)

if gaps:
    with st.expander(t("grid.gaps", count=len(gaps))):
        tables.show(
            pd.DataFrame(gaps, columns=[t("field.phase"), t("field.channel")]), hide_index=True
        )
