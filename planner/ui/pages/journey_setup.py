"""Journey setup: the workspace's phases, channels and personas, and their import aliases."""

import pandas as pd
import streamlit as st

from planner.core.db import reading
from planner.core.errors import validated
from planner.core.limits import NAME_MAX
from planner.models import DimensionCreate
from planner.store.journey.aliases import list_aliases
from planner.store.journey.dimensions import (
    MODELS,
    add_item,
    remove_item,
    rename_item,
    reorder_items,
)
from planner.ui import tables
from planner.ui.guard import require_journey
from planner.ui.journey.alias_editor import alias_editor
from planner.ui.shell.changes import run_change
from planner.ui.shell.engine import engine
from planner.ui.shell.lang import t
from planner.ui.widget_state import renew_key, versioned_key

journey = require_journey()
st.title(t("setup.title"))
st.caption(t("setup.intro"))


def apply_edits(kind: str, items: list, edits: dict) -> None:
    """Write the table's renames, new order, additions and removals in one transaction."""
    model = MODELS[kind]

    def change(db) -> None:
        for position, cells in edits["edited_rows"].items():
            if "name" in cells:
                name = validated(DimensionCreate, name=cells["name"] or "").name
                rename_item(db=db, model=model, item_id=items[int(position)].id, name=name)
        for position in edits["deleted_rows"]:
            remove_item(db=db, model=model, item_id=items[int(position)].id)
        orders = {item.id: float(i + 1) for i, item in enumerate(items)}
        for position, cells in edits["edited_rows"].items():
            if cells.get("order") is not None:
                orders[items[int(position)].id] = float(cells["order"])
        reorder_items(
            db=db,
            model=model,
            workspace_id=journey.workspace.id,
            ids=sorted(orders, key=orders.get),
        )
        for row in edits["added_rows"]:
            name = validated(DimensionCreate, name=row.get("name") or "").name
            add_item(db=db, model=model, workspace_id=journey.workspace.id, name=name)

    # A fresh key redraws the table from the database, dropping refused edits.
    renew_key(f"setup_{kind}")
    run_change(change, success=t("action.saved"), rerun=True)


with reading(engine()) as db:
    aliases = list_aliases(db=db, workspace_id=journey.workspace.id)
for kind, tab in zip(MODELS, st.tabs([t(f"setup.{kind}s") for kind in MODELS]), strict=True):
    items = getattr(journey, f"{kind}s")
    key = versioned_key(f"setup_{kind}")
    with tab:
        st.caption(t(f"setup.{kind}s_help"))
        st.data_editor(
            pd.DataFrame(
                {"order": range(1, len(items) + 1), "name": [i.name for i in items]}, dtype=object
            ).astype({"order": "Int64", "name": "string"}),
            key=key,
            num_rows="dynamic",
            hide_index=True,
            placeholder=tables.MISSING,
            width="stretch",
            column_config={
                "order": tables.number(t("setup.order"), min_value=1, step=1),
                "name": st.column_config.TextColumn(
                    t("field.name"), required=True, max_chars=NAME_MAX
                ),
            },
        )
        edits = st.session_state[key]
        if edits["edited_rows"] or edits["added_rows"] or edits["deleted_rows"]:
            apply_edits(kind, items, edits)
        alias_editor(journey, kind, [alias for alias in aliases if alias.kind == kind])
