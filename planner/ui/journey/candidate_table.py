"""The editable candidates table: inline edits are written through at once."""

import pandas as pd
import streamlit as st

from planner.core.errors import validated
from planner.core.limits import DESCRIPTION_MAX, SHORT_TEXT_MAX, TITLE_MAX
from planner.journey.edits import updates_from_edits
from planner.journey.journey import Journey
from planner.models import CandidateUpdate
from planner.store.journey.candidates import update_candidate
from planner.ui import tables
from planner.ui.shell.changes import run_change
from planner.ui.shell.lang import t
from planner.ui.widget_state import renew_key, versioned_key

EDITABLE = [
    "title",
    "phase",
    "channels",
    "persona",
    "proposer",
    "tags",
    "channel_switch",
    "touchpoint",
    "description",
]
TABLE_KEY = "candidate_table"


def _save_edits(updates: list[tuple[int, dict]]) -> None:
    def save(db) -> None:
        for candidate_id, changes in updates:
            update_candidate(
                db=db,
                candidate_id=candidate_id,
                candidate_in=validated(CandidateUpdate, **changes),
            )

    # A fresh key redraws the table from the database, dropping refused edits.
    renew_key(TABLE_KEY)
    run_change(save, success=t("candidates.saved", count=len(updates)), rerun=True)


def candidate_table(journey: Journey, shown: pd.DataFrame, tags: list[str]) -> list[int]:
    """Draw the table of `shown` candidates; returns the ids ticked for deletion."""
    key = versioned_key(TABLE_KEY)
    columns = ["select", *EDITABLE, "updated_at"]
    table = shown.assign(select=False)[columns].reset_index(drop=True)
    edited = st.data_editor(
        table,
        key=key,
        hide_index=True,
        placeholder=tables.MISSING,
        width="stretch",
        num_rows="fixed",
        column_config={
            "select": st.column_config.CheckboxColumn(
                t("action.delete"), help=t("candidates.select_help")
            ),
            "title": st.column_config.TextColumn(
                t("field.title"), required=True, max_chars=TITLE_MAX
            ),
            "phase": st.column_config.SelectboxColumn(
                t("field.phase"), options=journey.phase_names, required=True
            ),
            "channels": st.column_config.MultiselectColumn(
                t("field.channels"), options=journey.channel_names
            ),
            "persona": st.column_config.SelectboxColumn(
                t("field.persona"), options=journey.persona_names
            ),
            "proposer": st.column_config.TextColumn(t("field.proposer"), max_chars=SHORT_TEXT_MAX),
            "tags": st.column_config.MultiselectColumn(
                t("field.tags"), options=tags, accept_new_options=True
            ),
            "channel_switch": st.column_config.CheckboxColumn(t("field.channel_switch")),
            "touchpoint": st.column_config.TextColumn(
                t("field.touchpoint"), max_chars=SHORT_TEXT_MAX
            ),
            "description": st.column_config.TextColumn(
                t("field.description"), max_chars=DESCRIPTION_MAX, width="large"
            ),
            "updated_at": tables.moment(t("field.updated_at"), disabled=True),
        },
    )
    updates = updates_from_edits(
        journey, shown["id"].tolist(), st.session_state[key]["edited_rows"]
    )
    if updates:  # ticking rows for deletion is not an edit
        _save_edits(updates)
    return shown["id"][edited["select"].to_numpy()].tolist()
