"""Consensus: every candidate's value and effort, where they come from, and overrides."""

from datetime import date

import streamlit as st

from planner.core.db import reading
from planner.core.errors import validated
from planner.core.limits import NAME_MAX, REASON_MAX
from planner.models import OverrideCreate, ScoringModel
from planner.roadmap.quadrants import QUADRANTS
from planner.scoring.consensus import Source
from planner.scoring.scales import SCALES
from planner.store.roadmap.roadmap_plan import load_plan
from planner.store.scoring.consensus import add_override, override_history
from planner.ui import tables
from planner.ui.guard import require_journey
from planner.ui.shell.changes import run_change
from planner.ui.shell.engine import engine
from planner.ui.shell.lang import current_lang, t
from planner.ui.shell.reads import candidates, consensus, quadrant_sureness

journey = require_journey()
frame = candidates(journey).set_index("id")
settled = consensus(journey)
with reading(engine()) as db:
    history = override_history(db=db, workspace_id=journey.workspace.id)
    mode = load_plan(db=db, workspace_id=journey.workspace.id, today=date.today()).threshold_mode
    scale_key = db.get(ScoringModel, journey.workspace.id).scale
chances = quadrant_sureness(journey, mode).reindex(settled.index)

st.title(t("consensus.title"))
st.caption(t("consensus.intro"))
source_names = {s: t(f"source.{s}") for s in Source}
table = settled.assign(
    title=frame["title"],
    phase=frame["phase"],
    value_source=settled["value_source"].map(source_names),
    effort_source=settled["effort_source"].map(source_names),
)[
    [
        "title",
        "phase",
        "value",
        "value_source",
        "effort",
        "effort_source",
        "value_n",
        "value_sd",
        "effort_sd",
        "discuss",
    ]
].round(1)
# The 0-10 figures in the scale's own terms too: on 1-10 a 0 is everyone answering 1-2.
scale = SCALES[scale_key]
for dimension in ("value", "effort"):
    table.insert(
        table.columns.get_loc(dimension) + 1,
        f"{dimension}_on_scale",
        scale.on_scale_texts(settled[dimension], current_lang()),
    )
table = table.join(chances.add_prefix("chance_"))
counts = settled["value_source"].value_counts()
columns = st.columns(4)
shown = (Source.VOTES, Source.OVERRIDE, Source.IMPORT, Source.INSUFFICIENT)
for column, source in zip(columns, shown, strict=True):
    column.metric(source_names[source], int(counts.get(source, 0)))
tables.show(
    table,
    hide_index=True,
    width="stretch",
    column_config={
        "title": t("field.title"),
        "phase": t("field.phase"),
        "value": tables.number(t("consensus.value_0_10"), 1),
        "effort": tables.number(t("consensus.effort_0_10"), 1),
        "value_on_scale": t("consensus.value_on_scale", scale=scale.span),
        "effort_on_scale": t("consensus.effort_on_scale", scale=scale.span),
        "value_source": t("consensus.value_source"),
        "effort_source": t("consensus.effort_source"),
        "value_n": t("consensus.votes"),
        "value_sd": t("consensus.value_sd"),
        "effort_sd": t("consensus.effort_sd"),
        "discuss": t("session.discuss"),
        **{
            f"chance_{q}": st.column_config.ProgressColumn(
                t(f"quadrant.{q}"), min_value=0, max_value=1, format="percent"
            )
            for q in QUADRANTS
        },
    },
)
st.caption(t("consensus.quadrant_chance"))

st.header(t("consensus.override"))
st.caption(t("consensus.override_help"))
titles = frame["title"].to_dict()
with st.form("override"):
    candidate_id = st.selectbox(
        t("consensus.candidate"), list(titles), format_func=titles.get, key="override_candidate"
    )
    left, right = st.columns(2)
    value = left.number_input(
        t("chart.value"),
        0.0,
        10.0,
        value=None,
        step=0.5,
        key="override_value",
        placeholder=t("consensus.keep"),
    )
    effort = right.number_input(
        t("chart.effort"),
        0.0,
        10.0,
        value=None,
        step=0.5,
        key="override_effort",
        placeholder=t("consensus.keep"),
    )
    reason = st.text_area(t("field.reason"), key="override_reason", max_chars=REASON_MAX)
    decided_by = st.text_input(t("field.decided_by"), key="override_by", max_chars=NAME_MAX)
    if st.form_submit_button(t("consensus.save_override"), type="primary"):
        if value is None and effort is None:
            st.error(t("consensus.nothing_to_override"))
        else:
            run_change(
                lambda s: add_override(
                    db=s,
                    candidate_id=candidate_id,
                    override_in=validated(
                        OverrideCreate,
                        value=value,
                        effort=effort,
                        reason=reason,
                        decided_by=decided_by,
                    ),
                ),
                success=t("consensus.overridden"),
                rerun=True,
            )

if not history.empty:
    with st.expander(t("consensus.history", count=len(history))):
        tables.show(
            history.assign(title=history["candidate_id"].map(titles))[
                ["decided_at", "title", "value", "effort", "reason", "decided_by"]
            ],
            hide_index=True,
            width="stretch",
            column_config={
                "decided_at": tables.moment(t("consensus.when")),
                "title": t("field.title"),
                "value": t("chart.value"),
                "effort": t("chart.effort"),
                "reason": t("field.reason"),
                "decided_by": t("field.decided_by"),
            },
        )
