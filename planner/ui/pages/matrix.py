"""Matrix: consensus value against effort in four quadrants, with the candidates per quadrant."""

import streamlit as st

from planner.core.db import reading
from planner.models import ScoringModel
from planner.roadmap.charts import ALL_SPREADS
from planner.roadmap.quadrants import QUADRANTS, ThresholdMode
from planner.store.stakeholders import workspace_roles
from planner.ui import tables
from planner.ui.roadmap.downloads import roadmap_downloads
from planner.ui.roadmap.matrix_details import candidate_details
from planner.ui.roadmap.matrix_view import Filters, matrix_view, options_summary
from planner.ui.shell.charts import draw_spec
from planner.ui.shell.engine import engine
from planner.ui.shell.lang import t
from planner.ui.shell.reads import candidates, consensus_seen_by
from planner.ui.shell.workspace import require_journey
from planner.ui.widgets import multiselect

journey = require_journey("view")
frame = candidates(journey)
st.title(t("matrix.title"))
st.caption(t("matrix.intro", many=ALL_SPREADS))
with reading(engine()) as db:
    roles = workspace_roles(db=db, workspace_id=journey.workspace.id)
    scale = db.get(ScoringModel, journey.workspace.id).scale

# The options sit in a popover: the browser draws its widgets only while it is open
# (seven widgets drawn on arrival took ~100 ms of a page change in Chromium); what is
# chosen reads beside it.
names = {q: t(f"quadrant.{q}") for q in QUADRANTS}
colour_by = {k: t(f"matrix.colour_{k}") for k in ("quadrant", "phase", "channel", "persona")}
lines_at = {m: t(f"matrix.lines_{m}") for m in ThresholdMode}
opener, chosen = st.columns([1, 3], vertical_alignment="center")
with opener.popover(t("matrix.options"), icon=":material/tune:", width="stretch"):
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
    columns = st.columns(2)
    phases = multiselect(columns[0], t("field.phase"), journey.phase_names, key="matrix_phase")
    channels = multiselect(
        columns[1], t("field.channel"), journey.channel_names, key="matrix_channel"
    )
    personas = multiselect(
        columns[0], t("field.persona"), journey.persona_names, key="matrix_persona"
    )
    quadrants = multiselect(
        columns[1], t("matrix.quadrant"), QUADRANTS, format_func=names.get, key="matrix_quadrant"
    )
    colour = st.radio(
        t("matrix.colour"),
        list(colour_by),
        format_func=colour_by.get,
        horizontal=True,
        key="matrix_colour",
    )
    mode = st.radio(
        t("field.threshold_mode"),
        list(ThresholdMode),
        format_func=lines_at.get,
        horizontal=True,
        key="matrix_lines",
    )
chosen.caption(
    options_summary(
        role,
        [
            (t("field.phase"), phases),
            (t("field.channel"), channels),
            (t("field.persona"), personas),
            (t("matrix.quadrant"), [names[q] for q in quadrants]),
        ],
        colour_by[colour],
        lines_at[mode],
    )
)
consensus = consensus_seen_by(journey, role)
view = matrix_view(
    journey,
    role,
    Filters(tuple(phases), tuple(channels), tuple(personas), tuple(quadrants)),
    mode,
    colour,
    scale,
)
if view.unscored:
    st.info(t("matrix.unscored", count=view.unscored))
if view.points.empty:
    st.warning(t("matrix.nothing"))
    st.stop()

# Only the open tab runs and is drawn (a tab change reruns the page, from the cache).
chart_tab, members_tab, map_tab = st.tabs(
    [t("matrix.tab_chart"), t("matrix.per_quadrant"), t("matrix.value_map")],
    key="matrix_tab",
    on_change="rerun",
)
if chart_tab.open:
    with chart_tab:
        event = draw_spec(
            view.spec, key="matrix", on_select="rerun", selection_mode="pick", width="stretch"
        )
        picked = event["selection"].get("pick", []) if event else []
        thresholds = view.thresholds
        st.caption(
            t(
                "matrix.lines_at",
                value=round(thresholds.value, 1),
                effort=round(thresholds.effort, 1),
            )
        )
        roadmap_downloads(journey, formats=("png", "svg"), chart="matrix")
        if picked:
            candidate_details(journey, int(picked[0]["candidate_id"]), frame, consensus)
if members_tab.open:
    with members_tab:
        st.caption(" · ".join(f"**{names[q]}** {view.counts[q]}" for q in QUADRANTS))
        tables.show(
            view.members,
            hide_index=True,
            width="stretch",
            height=min(36 * (len(view.members) + 1) + 2, 420),
            column_config={
                "quadrant": t("matrix.quadrant"),
                "title": t("field.title"),
                "value": t("chart.value"),
                "effort": t("chart.effort"),
            },
        )
if map_tab.open:
    with map_tab:
        st.caption(t("matrix.value_map_help"))
        draw_spec(view.heat_spec, width="stretch")
