"""Progress: committed against delivered value per period, on-time rate, slip, due dates
moved per owner, results to check, and how well the stakeholders estimated effort."""

from datetime import date

import pandas as pd
import streamlit as st

from planner.core.db import reading
from planner.core.numbers import one_decimal, whole_percent
from planner.delivery.estimating import estimating_bias
from planner.delivery.tracking import moved_due_dates, progress
from planner.roadmap.charts import burn_up_chart
from planner.store.delivery.commitments import due_moves, tracked_commitments, version_calendars
from planner.store.scoring.consensus import effort_estimates
from planner.ui import tables
from planner.ui.guard import require_journey
from planner.ui.shell.charts import draw_chart
from planner.ui.shell.engine import engine
from planner.ui.shell.lang import current_lang, t


def table(frame: pd.DataFrame, headings: dict[str, str]) -> None:
    """`frame`'s columns named in `headings` (column -> catalog key), in that order."""
    shown = frame[list(headings)].rename(columns={c: t(k) for c, k in headings.items()})
    tables.show(shown, hide_index=True, width="stretch")


journey = require_journey("view")
today = date.today()
with reading(engine()) as db:
    frame = tracked_commitments(db=db, workspace_id=journey.workspace.id, today=today)
    calendars = version_calendars(db=db, workspace_id=journey.workspace.id)
    moves = due_moves(db=db, workspace_id=journey.workspace.id)
st.title(t("progress.title"))
st.caption(t("progress.intro"))
if frame.empty:
    st.info(t("commitments.none"))
    st.stop()

versions = dict(zip(frame["version_id"], frame["version"], strict=True))
scopes = {0: t("progress.all_versions"), **{int(k): v for k, v in versions.items()}}
scope = st.selectbox(
    t("commitments.version"), list(scopes), format_func=scopes.get, key="progress_version"
)
if scope:
    frame = frame[frame["version_id"] == scope]
# One calendar for the chart: the period kind of the newest version, from the earliest start.
used = [calendars[v] for v in frame["version_id"].unique()]
start = min(begin for begin, _ in used)
kind = calendars[max(frame["version_id"])][1]
result = progress(frame, start, kind, today)

figures = st.columns(4)
last = result.burn_up.dropna(subset=["delivered"]).tail(1)
delivered = float(last["delivered"].iloc[0]) if len(last) else 0.0
committed = float(result.burn_up["committed"].iloc[-1])
figures[0].metric(t("progress.committed_value"), one_decimal(committed, current_lang()))
figures[1].metric(t("progress.delivered_value"), one_decimal(delivered, current_lang()))
on_time = "—" if result.on_time is None else whole_percent(result.on_time, current_lang())
figures[2].metric(t("progress.on_time"), on_time)
figures[3].metric(t("commitments.overdue"), int(frame["overdue"].sum()))

st.header(t("progress.burn_up"))
st.caption(t("progress.burn_up_help"))
draw_chart(
    burn_up_chart(
        result.burn_up,
        {
            "committed": t("progress.committed"),
            "delivered": t("progress.delivered"),
            "period": t("chart.period"),
            "value": t("chart.value"),
        },
    ),
    width="stretch",
)

st.header(t("progress.slip"))
st.caption(t("progress.slip_help"))
if result.slips.empty:
    st.info(t("progress.no_slips"))
else:
    table(
        result.slips.assign(status=result.slips["status"].map(lambda s: t(f"status.{s}"))),
        {
            "title": "field.title",
            "owner": "field.owner",
            "status": "field.status",
            "committed": "field.committed_period",
            "actual": "progress.actual",
            "slip": "progress.slip_periods",
        },
    )

st.header(t("progress.moved_due"))
st.caption(t("progress.moved_due_help"))
moved = moved_due_dates(frame, moves)
if moved.empty:
    st.info(t("progress.no_moved_due"))
else:
    table(
        moved,
        {
            "owner": "field.owner",
            "moved": "progress.moved_commitments",
            "moves": "progress.moves",
            "days": "progress.days_moved",
        },
    )

st.header(t("commitments.to_check"))
st.caption(t("progress.to_check_help"))
if result.to_check.empty:
    st.success(t("progress.nothing_to_check"))
else:
    table(
        result.to_check,
        {
            "title": "field.title",
            "owner": "field.owner",
            "kpi_name": "field.kpi_name",
            "kpi_target": "field.kpi_target",
            "done_on": "progress.done_on",
        },
    )

st.header(t("progress.estimating"))
st.caption(t("progress.estimating_help"))
with reading(engine()) as db:
    scores, actuals = effort_estimates(db=db, workspace_id=journey.workspace.id)
bias = estimating_bias(scores, actuals)
if not bias.recorded:
    st.info(t("progress.estimating_none"))
elif not bias.scored:
    st.info(t("progress.estimating_unscored", count=bias.recorded))
else:
    st.caption(t("progress.estimating_counted", count=bias.recorded, scored=bias.scored))
    bias_columns = {
        "items": tables.number(t("progress.items")),
        "bias": tables.number(t("progress.bias"), 1),
        "mean_error": tables.number(t("progress.mean_error"), 1),
    }
    by_person, by_role = st.columns(2)
    with by_person:
        tables.show(
            bias.people,
            hide_index=True,
            width="stretch",
            column_config={
                "stakeholder": t("field.name"),
                "role": t("field.role"),
                **bias_columns,
            },
        )
    with by_role:
        tables.show(
            bias.roles,
            hide_index=True,
            width="stretch",
            column_config={
                "role": t("field.role"),
                "people": tables.number(t("progress.people")),
                **bias_columns,
            },
        )
