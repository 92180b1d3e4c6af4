"""Commitments: who delivers which roadmap item by when, on a board or in a table."""

from datetime import date

import streamlit as st

from planner.core.db import reading
from planner.delivery.search import filter_commitments
from planner.delivery.workflow import OPEN, STATUSES, Status
from planner.store.delivery.commitments import tracked_commitments
from planner.store.roadmap.versions import list_versions
from planner.ui.delivery.board import board, table
from planner.ui.delivery.detail import commitment_detail
from planner.ui.delivery.form import commit_form
from planner.ui.delivery.handoff import handoff_downloads
from planner.ui.guard import require_journey
from planner.ui.shell.engine import engine
from planner.ui.shell.lang import t
from planner.ui.shell.session_roles import allowed
from planner.ui.widgets import multiselect

journey = require_journey("view")
today = date.today()
with reading(engine()) as db:
    frame = tracked_commitments(db=db, workspace_id=journey.workspace.id, today=today)
    versions = list_versions(db=db, workspace_id=journey.workspace.id)
st.title(t("commitments.title"))
st.caption(t("commitments.intro"))
committing = allowed(journey.workspace.id, "commit")
if committing:
    with st.expander(t("commitments.new"), icon=":material/add_task:", expanded=frame.empty):
        commit_form(versions)
if frame.empty:
    st.info(t("commitments.none"))
    st.stop()

figures = st.columns(5)
figures[0].metric(t("commitments.open_count"), int(frame["status"].isin(OPEN).sum()))
figures[1].metric(t("commitments.overdue"), int(frame["overdue"].sum()))
figures[2].metric(t("commitments.at_risk"), int(frame["at_risk"].sum()))
figures[3].metric(t("commitments.done_count"), int(frame["status"].eq(Status.DONE).sum()))
checks = frame["status"].eq(Status.DONE) & frame["kpi_result"].isna()
figures[4].metric(t("commitments.to_check"), int(checks.sum()))

owners = sorted(frame["owner"].unique(), key=str.casefold)
everyone = {"": t("commitments.everyone"), **{o: o for o in owners}}
mine = st.selectbox(
    t("commitments.mine"), list(everyone), format_func=everyone.get, key="commitments_mine"
)
filters = st.columns(5)
statuses = {s: t(f"status.{s}") for s in STATUSES}
chosen_status = multiselect(
    filters[0],
    t("field.status"),
    list(statuses),
    format_func=statuses.get,
    key="commitments_status",
)
labels = [label for label in dict.fromkeys(frame["period_label"]) if label]
chosen_period = multiselect(
    filters[1], t("field.committed_period"), labels, key="commitments_period"
)
chosen_phase = multiselect(
    filters[2], t("field.phase"), journey.phase_names, key="commitments_phase"
)
chosen_channel = multiselect(
    filters[3], t("field.channel"), journey.channel_names, key="commitments_channel"
)
overdue_only = filters[4].toggle(t("commitments.overdue_only"), key="commitments_overdue")
shown = filter_commitments(
    frame,
    owners=[mine] if mine else [],
    statuses=chosen_status,
    periods=chosen_period,
    phases=chosen_phase,
    channels=chosen_channel,
    overdue_only=overdue_only,
)
views = {"board": t("commitments.board"), "table": t("commitments.table")}
view = st.segmented_control(
    t("commitments.view"),
    list(views),
    format_func=views.get,
    default="board",
    key="commitments_view",
)
st.caption(t("commitments.showing", count=len(shown), total=len(frame)))
if shown.empty:
    st.info(t("commitments.none_match"))
else:
    if view == "table":
        table(shown)
    else:
        board(shown)
    st.divider()
    commitment_detail(shown, today, editable=committing)
st.divider()
handoff_downloads(journey, frame)
