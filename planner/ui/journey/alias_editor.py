"""Journey setup's table of a kind's import aliases: other names read as the journey's."""

import pandas as pd
import streamlit as st

from planner.core.limits import NAME_MAX
from planner.journey.journey import Journey
from planner.store.journey.aliases import Alias, remove_alias, set_alias
from planner.ui import tables
from planner.ui.shell.changes import run_change
from planner.ui.shell.lang import t
from planner.ui.widget_state import renew_key, versioned_key


def alias_editor(journey: Journey, kind: str, aliases: list[Alias]) -> None:
    """Add, change and remove `kind`'s aliases in a table; saved in one transaction."""
    st.markdown(f"**{t('setup.aliases')}**")
    st.caption(t("setup.aliases_help"))
    key = versioned_key(f"aliases_{kind}")
    st.data_editor(
        pd.DataFrame(
            {"name": [a.name for a in aliases], "target": [a.target for a in aliases]},
            dtype="string",
        ),
        key=key,
        num_rows="dynamic",
        hide_index=True,
        placeholder=tables.MISSING,
        width="stretch",
        column_config={
            "name": st.column_config.TextColumn(
                t("setup.alias"), required=True, max_chars=NAME_MAX
            ),
            "target": st.column_config.SelectboxColumn(
                t("setup.alias_target"), options=getattr(journey, f"{kind}_names"), required=True
            ),
        },
    )
    edits = st.session_state[key]
    if edits["edited_rows"] or edits["added_rows"] or edits["deleted_rows"]:
        _apply(journey.workspace.id, kind, aliases, edits)


def _apply(workspace_id: int, kind: str, aliases: list[Alias], edits: dict) -> None:
    def change(db) -> None:
        for position in edits["deleted_rows"]:
            remove_alias(db=db, workspace_id=workspace_id, alias_id=aliases[int(position)].id)
        for position, cells in edits["edited_rows"].items():
            alias = aliases[int(position)]
            set_alias(
                db=db,
                workspace_id=workspace_id,
                kind=kind,
                name=(cells["name"] or "") if "name" in cells else alias.name,
                target=cells.get("target", alias.target) or "",
                alias_id=alias.id,
            )
        for row in edits["added_rows"]:
            set_alias(
                db=db,
                workspace_id=workspace_id,
                kind=kind,
                name=row.get("name") or "",
                target=row.get("target") or "",
            )

    renew_key(f"aliases_{kind}")  # redrawn from the database: refused edits go
    run_change(change, success=t("action.saved"), rerun=True)
