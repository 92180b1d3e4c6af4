"""Committing to an item of a saved roadmap version: owner, period or due date, KPI."""

import streamlit as st

from planner.core import dates
from planner.core.errors import validated
from planner.core.limits import COMMENT_MAX, KPI_NAME_MAX, NAME_MAX
from planner.delivery.workflow import INITIAL
from planner.models import CommitmentCreate, RoadmapVersion
from planner.store.delivery.commitments import commit
from planner.ui.shell.changes import run_change
from planner.ui.shell.lang import current_lang, t
from planner.ui.shell.reads import saved_version
from planner.ui.widget_state import clear_widgets

PREFIX = "commit_"


def commit_form(versions: list[RoadmapVersion]) -> None:
    if not versions:
        st.info(t("commitments.no_versions"))
        return
    names = {v.id: v.name for v in versions}
    version_id = st.selectbox(
        t("commitments.version"), list(names), format_func=names.get, key=f"{PREFIX}version"
    )
    roadmap = saved_version(next(v for v in versions if v.id == version_id))
    items = roadmap.items
    periods = {p.index: p.label_in(current_lang()) for p in roadmap.periods}
    unscheduled = t("commitments.unscheduled")  # once: 2,000 items took ~25 ms per rerun
    # Plain lists: iterating pandas' Arrow strings row by row is slow at 2,000 items.
    columns = (items[c].tolist() for c in ("rank", "title", "end_period"))
    rows = zip(*columns, strict=True)
    labels = {
        position: (
            f"{int(rank)}. {title} · {periods[int(end)]}"
            if end == end
            else f"{title} · {unscheduled}"
        )
        for position, (rank, title, end) in enumerate(rows)
    }
    position = st.selectbox(
        t("commitments.item"), list(labels), format_func=labels.get, key=f"{PREFIX}item"
    )
    planned = items["end_period"].iloc[position]
    with st.form(f"{PREFIX}form"):
        left, right = st.columns(2)
        owner = left.text_input(t("field.owner"), key=f"{PREFIX}owner", max_chars=NAME_MAX)
        by = right.text_input(t("field.committed_by"), key=f"{PREFIX}by", max_chars=NAME_MAX)
        choices = {-1: t("commitments.by_due_date"), **periods}
        period = left.selectbox(
            t("field.committed_period"),
            list(choices),
            index=list(choices).index(int(planned)) if planned == planned else 0,
            format_func=choices.get,
            key=f"{PREFIX}period_{version_id}_{position}",
        )
        due = right.date_input(
            t("field.due"),
            value=None,
            key=f"{PREFIX}due",
            help=t("commitments.due_help"),
            format=dates.input_format(current_lang()),
        )
        kpi, baseline, target = st.columns([2, 1, 1])
        kpi_name = kpi.text_input(
            t("field.kpi_name"),
            key=f"{PREFIX}kpi",
            max_chars=KPI_NAME_MAX,
            help=t("commitments.kpi_help"),
        )
        kpi_baseline = baseline.number_input(
            t("field.kpi_baseline"), value=None, key=f"{PREFIX}baseline"
        )
        kpi_target = target.number_input(t("field.kpi_target"), value=None, key=f"{PREFIX}target")
        statuses = {s: t(f"status.{s}") for s in INITIAL}
        status = st.radio(
            t("field.status"),
            list(statuses),
            format_func=statuses.get,
            horizontal=True,
            key=f"{PREFIX}status",
        )
        comment = st.text_input(t("field.comment"), key=f"{PREFIX}comment", max_chars=COMMENT_MAX)
        if st.form_submit_button(t("commitments.commit"), type="primary"):
            done = run_change(
                lambda s: commit(
                    db=s,
                    version_id=version_id,
                    position=position,
                    commitment_in=validated(
                        CommitmentCreate,
                        owner=owner,
                        committed_by=by,
                        period=None if period < 0 else period,
                        due=due,
                        kpi_name=kpi_name,
                        kpi_baseline=kpi_baseline,
                        kpi_target=kpi_target,
                        status=status,
                        comment=comment,
                    ),
                ),
                success=t("commitments.committed", title=items["title"].iloc[position]),
                needs="commit",
            )
            if done.ok:
                clear_widgets(PREFIX)
                st.rerun()
