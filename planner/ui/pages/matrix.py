"""Matrix: consensus value against effort in four quadrants, with the candidates per quadrant."""

import numpy as np
import pandas as pd
import streamlit as st

from planner.core.db import reading
from planner.journey.search import filter_candidates
from planner.roadmap.certainty import chance_of
from planner.roadmap.charts import cell_heat_map, matrix_chart, matrix_columns
from planner.roadmap.matrix import matrix_points, value_by_cell
from planner.roadmap.quadrants import QUADRANTS, ThresholdMode, quadrant_of, thresholds_for
from planner.store.stakeholders import workspace_roles
from planner.ui.roadmap.downloads import roadmap_downloads
from planner.ui.roadmap.matrix_details import candidate_details
from planner.ui.shell.charts import draw_spec, spec_of
from planner.ui.shell.engine import engine
from planner.ui.shell.lang import t
from planner.ui.shell.reads import candidates, consensus_seen_by, quadrant_sureness
from planner.ui.shell.workspace import require_journey


@st.cache_data(show_spinner=False, max_entries=32)
def matrix_spec(shown, thresholds, colour, labels, names) -> dict:
    """The matrix's spec, made once per change of its points or options."""
    return spec_of(matrix_chart(shown, thresholds, colour, labels, names))


@st.cache_data(show_spinner=False, max_entries=32)
def heat_map_spec(table, labels) -> dict:
    """Value per journey cell as a heat map, made once per change of the table."""
    return spec_of(cell_heat_map(table, labels))


journey = require_journey("view")
frame = candidates(journey)
st.title(t("matrix.title"))
st.caption(t("matrix.intro"))
with reading(engine()) as db:
    roles = workspace_roles(db=db, workspace_id=journey.workspace.id)
role = None
if roles:
    role = st.selectbox(
        t("matrix.seen_by"),
        roles,
        index=None,
        placeholder=t("matrix.seen_by_everyone"),
        key="matrix_seen_by",
        help=t("matrix.seen_by_help"),
    )
consensus = consensus_seen_by(journey, role)

names = {q: t(f"quadrant.{q}") for q in QUADRANTS}
columns = st.columns([2, 2, 2, 2])
phases = columns[0].multiselect(t("field.phase"), journey.phase_names, key="matrix_phase")
channels = columns[1].multiselect(t("field.channel"), journey.channel_names, key="matrix_channel")
personas = columns[2].multiselect(t("field.persona"), journey.persona_names, key="matrix_persona")
quadrants = columns[3].multiselect(
    t("matrix.quadrant"), QUADRANTS, format_func=names.get, key="matrix_quadrant"
)
left, right = st.columns(2)
colour_by = {k: t(f"matrix.colour_{k}") for k in ("quadrant", "phase", "channel", "persona")}
colour = left.radio(
    t("matrix.colour"),
    list(colour_by),
    format_func=colour_by.get,
    horizontal=True,
    key="matrix_colour",
)
mode = right.radio(
    t("field.threshold_mode"),
    list(ThresholdMode),
    format_func={m: t(f"matrix.lines_{m}") for m in ThresholdMode}.get,
    horizontal=True,
    key="matrix_lines",
)

everything = matrix_points(frame, consensus, thresholds_for(consensus, "middle"))
thresholds = thresholds_for(everything, mode)
points = everything.assign(
    quadrant=quadrant_of(everything["value"], everything["effort"], thresholds)
)
points = filter_candidates(points, phases=phases, channels=channels, personas=personas)
if quadrants:
    points = points[points["quadrant"].isin(quadrants)]
unscored = len(frame) - len(everything)
if unscored:
    st.info(t("matrix.unscored", count=unscored))
if points.empty:
    st.warning(t("matrix.nothing"))
    st.stop()

# How sure each quadrant is, from the whole room: not for one role's view.
chances = quadrant_sureness(journey, mode) if role is None else pd.DataFrame()
sure = np.nan_to_num(chance_of(chances, points["candidate_id"], points["quadrant"]), nan=1.0)
shown = points.assign(
    sure=sure,
    quadrant=points["quadrant"].map(names),
    channels=points["channels"].map(", ".join),
    persona=points["persona"].fillna("—"),
)
labels = {k: t(f"chart.{k}") for k in ("value", "effort", "n", "title")} | {
    "sure": t("chart.quadrant_sure"),
    "phase": t("field.phase"),
    "channels": t("field.channels"),
    **colour_by,
}
event = draw_spec(
    matrix_spec(shown[matrix_columns(shown)], thresholds, colour, labels, names),
    key="matrix",
    on_select="rerun",
    selection_mode="pick",
    width="stretch",
)
picked = event["selection"].get("pick", []) if event else []
st.caption(
    t("matrix.lines_at", value=round(thresholds.value, 1), effort=round(thresholds.effort, 1))
)
roadmap_downloads(journey, key="matrix_download", formats=("png", "svg"), chart="matrix")
if picked:
    candidate_details(journey, int(picked[0]["candidate_id"]), frame, consensus)

st.subheader(t("matrix.per_quadrant"))
for column, quadrant in zip(st.columns(4), QUADRANTS, strict=True):
    members = points[points["quadrant"] == quadrant].sort_values("value", ascending=False)
    column.markdown(f"**{names[quadrant]}** ({len(members)})")
    column.dataframe(
        members[["title", "value", "effort"]].round(1),
        hide_index=True,
        width="stretch",
        column_config={
            "title": t("field.title"),
            "value": t("chart.value"),
            "effort": t("chart.effort"),
        },
    )

st.subheader(t("matrix.value_map"))
st.caption(t("matrix.value_map_help"))
draw_spec(
    heat_map_spec(
        value_by_cell(points, journey.phase_names, journey.channel_names),
        {"phase": t("field.phase"), "channel": t("field.channel"), "value": t("chart.value")},
    ),
    width="stretch",
)
