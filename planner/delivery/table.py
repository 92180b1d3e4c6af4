"""Commitments as a table for people (CLI, page): headings and statuses in their language."""

import pandas as pd

from planner.core.i18n import t

COLUMN_LABELS = {  # column -> catalog key of its heading
    "title": "field.title",
    "owner": "field.owner",
    "status": "field.status",
    "period": "field.committed_period",
    "due": "field.due",
    "days_late": "commitments.late",
    "phase": "field.phase",
    "channels": "field.channels",
    "value": "field.value",
    "kpi_name": "field.kpi_name",
    "kpi_target": "field.kpi_target",
    "kpi_result": "field.kpi_result",
    "version": "commitments.version",
}


def commitment_table(frame: pd.DataFrame, lang: str, *, headings: bool = True) -> pd.DataFrame:
    """One row per commitment of a tracked frame (see `tracked_commitments`)."""
    table = pd.DataFrame(
        {
            "title": frame["title"],
            "owner": frame["owner"],
            "status": frame["status"].map(lambda s: t(f"status.{s}", lang)),
            "period": frame["period_label"],
            "due": frame["due"],
            "days_late": frame["days_late"],
            "phase": frame["phase"],
            "channels": frame["channels"].map(", ".join),
            "value": frame["value"].round(1),
            "kpi_name": frame["kpi_name"],
            "kpi_target": frame["kpi_target"],
            "kpi_result": frame["kpi_result"],
            "version": frame["version"],
        }
    ).reset_index(drop=True)
    if not headings:
        return table
    return table.rename(columns={c: t(key, lang) for c, key in COLUMN_LABELS.items()})
