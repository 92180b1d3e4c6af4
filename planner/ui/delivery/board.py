"""Commitments shown as a board (a column per status) or as a table, late ones marked."""

import pandas as pd
import streamlit as st

from planner.core import dates
from planner.core.numbers import marks
from planner.delivery.table import COLUMN_LABELS, commitment_table
from planner.delivery.workflow import STATUSES
from planner.ui import tables
from planner.ui.shell.lang import current_lang, t
from planner.ui.text import plain

CARDS_PER_COLUMN = 25
LATE_STYLE = "background-color: #fde2e1"
RISK_STYLE = "background-color: #fff4d6"


def deadline_badge(row: dict) -> str:
    """A red badge with how late an item is, an orange one when at risk, else nothing."""
    if row["overdue"]:
        return (
            f":red-badge[:material/schedule: {t('commitments.days_late', count=row['days_late'])}]"
        )
    if row["at_risk"]:
        reason = "blocked" if row["status"] == "blocked" else "soon"
        return f":orange-badge[:material/warning: {t(f'commitments.risk_{reason}')}]"
    return ""


def board(frame: pd.DataFrame) -> None:
    """One column per status with a card per commitment, latest deadline last."""
    columns = st.columns(len(STATUSES))
    for column, status in zip(columns, STATUSES, strict=True):
        items = frame[frame["status"] == status]
        column.markdown(f"**{t(f'status.{status}')}** · {len(items)}")
        for row in items.head(CARDS_PER_COLUMN).to_dict("records"):
            card = column.container(border=True)
            card.markdown(f"**{plain(row['title'])}**")
            card.caption(
                t(
                    "commitments.card",
                    owner=row["owner"],
                    due=dates.day(row["due"], current_lang()),
                    period=row["period_label"] or "—",
                )
            )
            badge = deadline_badge(row)
            if badge:
                card.markdown(badge)
        if len(items) > CARDS_PER_COLUMN:
            column.caption(t("commitments.more", count=len(items) - CARDS_PER_COLUMN))


def table(frame: pd.DataFrame) -> None:
    """Every commitment in a row; overdue rows red, at-risk rows yellow; numbers and dates
    as the language writes them (a Styler's cells are text the grid shows as they are)."""
    lang = current_lang()
    shown = commitment_table(frame, lang)
    late, risky = frame["overdue"].to_numpy(), frame["at_risk"].to_numpy()

    def shade(row: pd.Series) -> list[str]:
        style = LATE_STYLE if late[row.name] else RISK_STYLE if risky[row.name] else ""
        return [style] * len(row)

    due = t(COLUMN_LABELS["due"])
    days = {day: dates.day(day, lang) for day in shown[due].dropna().unique()}  # Babel: once
    styled = shown.style.apply(shade, axis=1).format(
        {due: days.get},
        precision=1,
        na_rep="",
        **marks(lang),
    )
    st.dataframe(styled, hide_index=True, width="stretch", placeholder=tables.MISSING)
