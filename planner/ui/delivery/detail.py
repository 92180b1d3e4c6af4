"""One commitment: its facts, the status changes it allows, a new due date, its measured
result, its history."""

from datetime import date

import pandas as pd
import streamlit as st

from planner.core import dates
from planner.core.db import reading
from planner.core.errors import validated
from planner.core.limits import COMMENT_MAX, LEARNINGS_MAX, NAME_MAX, REASON_MAX
from planner.core.numbers import few_decimals, one_decimal
from planner.delivery.workflow import NEEDS_REASON, OPEN, EventKind, Status, allowed
from planner.models import DueMove, ResultRecord, StatusChange
from planner.store.delivery.commitments import change_status, history, move_due, record_result
from planner.ui import tables
from planner.ui.delivery.board import deadline_badge
from planner.ui.shell.changes import run_change
from planner.ui.shell.engine import engine
from planner.ui.shell.lang import current_lang, t
from planner.ui.shell.session_roles import actor
from planner.ui.text import plain
from planner.ui.widget_state import clear_widgets


def commitment_detail(frame: pd.DataFrame, today: date, *, editable: bool) -> None:
    labels = {
        row["id"]: f"{row['title']} · {row['owner']} · {t('status.' + row['status'])}"
        for row in frame.to_dict("records")
    }
    chosen = st.selectbox(
        t("commitments.open"), list(labels), format_func=labels.get, key="commitment_open"
    )
    row = frame.set_index("id").loc[chosen].to_dict() | {"id": chosen}
    st.markdown(f"## {plain(row['title'])}")
    badge = deadline_badge(row)
    if badge:
        st.markdown(badge)
    facts = st.columns(4)
    facts[0].metric(t("field.owner"), row["owner"])
    facts[1].metric(t("field.status"), t(f"status.{row['status']}"))
    facts[2].metric(t("field.due"), dates.day(row["due"], current_lang()))
    facts[3].metric(t("field.committed_period"), row["period_label"] or "—")
    if row["kpi_name"]:
        st.caption(
            t(
                "commitments.kpi_line",
                kpi=row["kpi_name"],
                baseline=_number(row["kpi_baseline"]),
                target=_number(row["kpi_target"]),
                result=_number(row["kpi_result"]),
            )
        )
    if row["status"] == Status.DONE or _known(row["actual_effort"]):
        st.caption(actual_effort_line(row["actual_effort"]))
    if row["learnings"]:
        st.caption(t("commitments.learnings_line", learnings=row["learnings"]))
    if editable:
        status_form(row, today)
        if row["status"] in OPEN:
            due_form(row)
        if row["status"] == Status.DONE:
            result_form(row)
    st.markdown(f"**{t('commitments.history')}**")
    with reading(engine()) as db:
        steps = history(db=db, commitment_id=chosen)
    tables.show(
        pd.DataFrame(
            {
                t("commitments.when"): steps["at"],
                t("field.by"): steps["by"],
                t("commitments.change"): [change_text(step) for step in steps.to_dict("records")],
                t("field.comment"): steps["comment"],
            }
        ),
        hide_index=True,
        width="stretch",
    )


def change_text(step: dict) -> str:
    """One line of the history, as the Change column says it."""
    if step["kind"] == EventKind.RESULT:
        return t("commitments.result_recorded")
    if step["kind"] == EventKind.DUE:
        lang = current_lang()
        return t(
            "commitments.due_changed",
            old=dates.day(step["from_due"], lang),
            new=dates.day(step["to_due"], lang),
        )
    if pd.isna(step["from_status"]):
        return t("commitments.created", to=t(f"status.{step['to_status']}"))
    return t(
        "commitments.moved",
        old=t(f"status.{step['from_status']}"),
        new=t(f"status.{step['to_status']}"),
    )


def _known(value: float | None) -> bool:
    return not (pd.api.types.is_scalar(value) and pd.isna(value))


def _number(value: float | None) -> str:
    return few_decimals(value, current_lang(), 3) if _known(value) else "—"


def actual_effort_line(effort: float | None) -> str:
    """What a delivered item took, as the estimating bias on Progress counts it."""
    if not _known(effort):
        return t("commitments.actual_effort_missing")
    return t("commitments.actual_effort_line", effort=one_decimal(effort, current_lang()))


def status_form(row: dict, today: date) -> None:
    options = allowed(row["status"])
    if not options:
        return
    names = {s: t(f"status.{s}") for s in options}
    with st.form(f"status_{row['id']}"):
        left, right = st.columns(2)
        wanted = left.selectbox(
            t("commitments.move_to"), list(names), format_func=names.get, key="status_to"
        )
        by = right.text_input(t("field.by"), key="status_by", max_chars=NAME_MAX)
        comment = st.text_input(
            t("field.comment"),
            key="status_comment",
            max_chars=COMMENT_MAX,
            help=t(
                "commitments.reason_help",
                statuses=", ".join(t(f"status.{s}") for s in sorted(NEEDS_REASON)),
            ),
        )
        if st.form_submit_button(t("commitments.change_status"), type="primary"):
            run_change(
                lambda s: change_status(
                    db=s,
                    commitment_id=row["id"],
                    change=validated(StatusChange, status=wanted, by=by, comment=comment),
                    today=today,
                ),
                success=t("commitments.status_changed", title=row["title"], status=names[wanted]),
                rerun=True,
                needs="commit",
            )


def due_form(row: dict) -> None:
    """Re-plan an open commitment: a new due date and why, kept in its history and
    counted on Progress. Keyed by the commitment, like the result form; a refusal is
    shown here, at the form, with what was typed."""
    key = row["id"]
    expander = st.expander(t("commitments.move_due"), icon=":material/event_repeat:")
    with expander, st.form(f"due_{key}", border=False):
        left, right = st.columns(2)
        due = left.date_input(
            t("commitments.new_due"),
            value=row["due"],
            key=f"due_new_{key}",
            format=dates.input_format(current_lang()),
        )
        by = right.text_input(t("field.by"), value=actor(), key=f"due_by_{key}", max_chars=NAME_MAX)
        reason = st.text_input(
            t("field.reason"),
            key=f"due_reason_{key}",
            max_chars=REASON_MAX,
            help=t("commitments.move_due_help"),
        )
        if st.form_submit_button(t("commitments.move_due_button")):
            moved = run_change(
                lambda s: move_due(
                    db=s,
                    commitment_id=key,
                    move=validated(DueMove, due=due, reason=reason, by=by),
                ),
                success=t(
                    "commitments.due_moved",
                    title=row["title"],
                    due=dates.day(due, current_lang()) if due else "—",
                ),
                needs="commit",
            )
            if moved.ok:  # the card above shows the new date; the form starts afresh
                clear_widgets(f"due_new_{key}")
                clear_widgets(f"due_reason_{key}")
                st.rerun()


def result_form(row: dict) -> None:
    """Plan-do-check-act: the measured KPI, the actual effort and what was learnt, each
    whenever it is known. Keyed by the commitment, so another commitment's form never
    shows (and saves) these values; a refusal is shown here, at the form."""
    key = row["id"]
    with st.form(f"result_{key}"):
        left, right = st.columns(2)
        measured = left.number_input(
            t("field.kpi_result"),
            value=row["kpi_result"] if _known(row["kpi_result"]) else None,
            key=f"result_value_{key}",
        )
        actual = right.number_input(
            t("field.actual_effort"),
            min_value=0.0,
            max_value=10.0,
            step=0.5,
            value=row["actual_effort"] if _known(row["actual_effort"]) else None,
            key=f"result_actual_effort_{key}",
            help=t("commitments.actual_effort_help"),
        )
        by = left.text_input(t("field.by"), key=f"result_by_{key}", max_chars=NAME_MAX)
        learnings = st.text_area(
            t("field.learnings"),
            value=row["learnings"],
            key=f"result_learnings_{key}",
            max_chars=LEARNINGS_MAX,
        )
        rescore = st.checkbox(
            t("field.rescore"), key=f"result_rescore_{key}", help=t("commitments.rescore_help")
        )
        if st.form_submit_button(t("commitments.record_result")):
            saved = run_change(
                lambda s: record_result(
                    db=s,
                    commitment_id=key,
                    result=validated(
                        ResultRecord,
                        kpi_result=measured,
                        actual_effort=actual,
                        learnings=learnings,
                        by=by,
                        rescore=rescore,
                    ),
                ),
                success=t("commitments.result_saved", title=row["title"]),
                needs="commit",
            )
            if saved.ok:  # the card above shows what was saved
                st.rerun()
