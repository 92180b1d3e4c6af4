"""Matrix: consensus value against effort in four quadrants, with the candidates per quadrant."""

import streamlit as st

from planner.core.db import reading
from planner.core.numbers import one_decimal
from planner.models import ScoringModel
from planner.roadmap.matrix_chart import ALL_SPREADS
from planner.roadmap.quadrants import QUADRANTS
from planner.store.scoring.stakeholders import workspace_roles
from planner.ui import tables
from planner.ui.guard import require_journey
from planner.ui.roadmap.downloads import roadmap_downloads
from planner.ui.roadmap.matrix_details import candidate_details
from planner.ui.roadmap.matrix_options import matrix_options
from planner.ui.roadmap.matrix_view import matrix_view
from planner.ui.shell.charts import draw_spec
from planner.ui.shell.engine import engine
from planner.ui.shell.lang import current_lang, t
from planner.ui.shell.reads import candidates, consensus_seen_by

journey = require_journey("view")
frame = candidates(journey)
st.title(t("matrix.title"))
st.caption(t("matrix.intro", many=ALL_SPREADS))
with reading(engine()) as db:
    roles = workspace_roles(db=db, workspace_id=journey.workspace.id)
    scale = db.get(ScoringModel, journey.workspace.id).scale

options = matrix_options(journey, roles)
role = options.role
consensus = consensus_seen_by(journey, role)
view = matrix_view(journey, role, options.filters, options.mode, options.colour, scale)
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
                value=one_decimal(thresholds.value, current_lang()),
                effort=one_decimal(thresholds.effort, current_lang()),
            )
        )
        roadmap_downloads(journey, formats=("png", "svg"), chart="matrix")
        if picked:
            candidate_details(journey, int(picked[0]["candidate_id"]), frame, consensus)
if members_tab.open:
    with members_tab:
        names = {q: t(f"quadrant.{q}") for q in QUADRANTS}
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
