"""Showing a roadmap: load per period, the timeline in swimlanes, the table, what is out."""

from datetime import timedelta

import pandas as pd
import streamlit as st

from planner.roadmap.build import Roadmap
from planner.roadmap.certainty import Certainty
from planner.roadmap.charts import timeline_chart
from planner.roadmap.quadrants import QUADRANTS
from planner.roadmap.table import best_plan_notes, roadmap_table, with_certainty
from planner.ui.shell.charts import draw_spec, spec_of
from planner.ui.shell.lang import current_lang, t


@st.cache_data(show_spinner=False, max_entries=32)
def timeline_spec(bars: pd.DataFrame, lane: str, labels: dict, names: dict) -> dict:
    """The timeline's spec, made once per change of its bars or options."""
    return spec_of(timeline_chart(bars, lane, labels, names))


def roadmap_view(roadmap: Roadmap, key: str, certainty: Certainty | None = None) -> None:
    """The roadmap; with `certainty` (the current one), how sure each place is."""
    notes = best_plan_notes(roadmap, current_lang())
    if notes:
        st.success(notes[0], icon=":material/verified:")
        st.caption(notes[1])
    table = roadmap_table(roadmap, current_lang())
    if certainty is not None:
        table = with_certainty(table, roadmap, certainty, current_lang())
        st.caption(t("roadmap.stability", percent=round(100 * certainty.stability)))
    scheduled = table[table["period"].notna()]
    capacities = roadmap.settings.capacities
    st.dataframe(
        pd.DataFrame(
            {
                t("chart.period"): [p.label for p in roadmap.periods],
                t("roadmap.used"): [round(u, 1) for u in roadmap.load],
                t("field.capacity"): list(capacities),
                t("roadmap.fill"): [
                    u / c if c else 0 for u, c in zip(roadmap.load, capacities, strict=True)
                ],
            }
        ),
        hide_index=True,
        width="stretch",
        column_config={
            t("roadmap.fill"): st.column_config.ProgressColumn(
                t("roadmap.fill"), min_value=0, max_value=1, format="percent"
            )
        },
    )
    if scheduled.empty:
        st.info(t("roadmap.empty"))
    else:
        lanes = {"phase": t("field.phase"), "channel": t("field.channel")}
        lane = st.radio(
            t("roadmap.swimlanes"),
            list(lanes),
            format_func=lanes.get,
            horizontal=True,
            key=f"{key}_lanes",
        )
        bars = scheduled.assign(
            start=pd.to_datetime(scheduled["start"]),
            end=pd.to_datetime(scheduled["end"]) + timedelta(days=1),
            channel=scheduled["channels"].str.split(", ").str[0],
        )
        labels = {k: t(f"chart.{k}") for k in ("title", "period", "rank", "quadrant")}
        names = {q: t(f"quadrant.{q}") for q in QUADRANTS}
        draw_spec(timeline_spec(bars, lane, labels, names), width="content")
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        column_config={
            "period": t("chart.period"),
            "start": st.column_config.DateColumn(t("roadmap.from"), format="D MMM YYYY"),
            "end": st.column_config.DateColumn(t("roadmap.until"), format="D MMM YYYY"),
            "rank": t("chart.rank"),
            "rank_interval": t("chart.rank_interval"),
            "quadrant_sure": t("chart.quadrant_sure"),
            "title": t("field.title"),
            "phase": t("field.phase"),
            "channels": t("field.channels"),
            "value": t("chart.value"),
            "effort": t("chart.effort"),
            "quadrant": t("chart.quadrant"),
            "note": t("roadmap.note"),
        },
    )
