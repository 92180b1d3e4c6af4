"""The scoring model's two tables: criteria (name, dimension, weight) and role weights (the
workspace's list of roles), each saved as it is edited; and who rates each criterion.

A row being typed (no name yet) stays in the table, unsaved, with a line under it that
names the row: a save then would refuse it and the fresh table would drop it. A new row
starts with weight 1 (and a criterion as a value criterion), so a name is all it needs.

Who rates a criterion is chosen in a multiselect per criterion, not in the table: the
table's cell editor drops its choice on Escape (the grid cancels an open cell editor on
Escape and keeps it only on Enter, Tab or a click elsewhere), while a multiselect keeps
every option as it is picked.
"""

from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st
from sqlmodel import Session

from planner.core.errors import validated
from planner.core.limits import NAME_MAX
from planner.models import CriterionCreate, RoleWeightCreate
from planner.scoring.consensus import Dimension
from planner.scoring.setup import ScoringSetup
from planner.store.scoring.scoring_model import (
    add_criterion,
    remove_criterion,
    set_criterion_roles,
    set_role_weights,
    update_criterion,
)
from planner.ui import tables
from planner.ui.shell.changes import run_change
from planner.ui.shell.lang import t
from planner.ui.widget_state import renew_key, versioned_key
from planner.ui.widgets import multiselect

NEW_WEIGHT = 1.0  # what a new row weighs until the facilitator says otherwise


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value) or not str(value).strip()


def unnamed_row(edits: dict, rows: int, column: str) -> int | None:
    """The number, as the table shows it, of the first row whose `column` is empty after
    `edits` (st.data_editor's edited, added and deleted rows) to a table of `rows` rows."""
    deleted = {int(p) for p in edits["deleted_rows"]}
    shown = [p for p in range(rows) if p not in deleted]
    for position, cells in sorted(edits["edited_rows"].items(), key=lambda e: int(e[0])):
        if int(position) in shown and column in cells and _blank(cells[column]):
            return shown.index(int(position)) + 1
    for index, row in enumerate(edits["added_rows"]):
        if _blank(row.get(column)):
            return len(shown) + index + 1
    return None


def _weight(value: Any) -> float:
    return NEW_WEIGHT if value is None or value != value else float(value)


def role_weights_after(setup: ScoringSetup, edits: dict) -> list[RoleWeightCreate]:
    """The role list as the table shows it after `edits`; a weight left empty counts 1."""
    rows = [{"role": r, "weight": w} for r, w in setup.role_weights_named.items()]
    for position, cells in edits["edited_rows"].items():
        rows[int(position)] = rows[int(position)] | cells
    deleted = {int(p) for p in edits["deleted_rows"]}
    kept = [row for p, row in enumerate(rows) if p not in deleted] + list(edits["added_rows"])
    return [
        validated(RoleWeightCreate, role=row.get("role") or "", weight=_weight(row.get("weight")))
        for row in kept
    ]


def _write_through(name: str, change: Callable[[Session], Any], unnamed: str | None) -> None:
    """Save an editor's edits and draw it afresh; a row still without a name keeps them
    all on screen, unsaved, and says which row needs one."""
    if unnamed is not None:
        st.warning(unnamed, icon=":material/edit:")
        return
    renew_key(name)  # refused or saved: the table shows what is stored
    run_change(change, success=t("action.saved"), rerun=True)


def _save_criteria(workspace_id: int, setup: ScoringSetup, edits: dict) -> None:
    criteria = setup.criteria

    def change(db: Session) -> None:
        for position, cells in edits["edited_rows"].items():
            criterion = criteria[int(position)]
            row = {"name": criterion.name, "dimension": criterion.dimension} | {
                column: cells[column] for column in ("name", "dimension") if column in cells
            }
            update_criterion(
                db=db,
                criterion_id=criterion.id,
                criterion_in=validated(
                    CriterionCreate,
                    **row,
                    weight=_weight(cells.get("weight", criterion.weight)),
                    roles=list(setup.roles_of(criterion.id)),
                ),
            )
        for position in edits["deleted_rows"]:
            remove_criterion(db=db, criterion_id=criteria[int(position)].id)
        for row in edits["added_rows"]:
            add_criterion(
                db=db,
                workspace_id=workspace_id,
                criterion_in=validated(
                    CriterionCreate,
                    name=row.get("name"),
                    dimension=row.get("dimension") or "value",
                    weight=_weight(row.get("weight")),
                ),
            )

    row = unnamed_row(edits, len(criteria), "name")
    _write_through(
        "criteria", change, None if row is None else t("scoring_model.criterion_unnamed", row=row)
    )


def _save_role_weights(workspace_id: int, setup: ScoringSetup, edits: dict) -> None:
    row = unnamed_row(edits, len(setup.role_weights_named), "role")
    _write_through(
        "role_weights",
        lambda s: set_role_weights(
            db=s, workspace_id=workspace_id, weights_in=role_weights_after(setup, edits)
        ),
        None if row is None else t("scoring_model.role_unnamed", row=row),
    )


def criteria_editor(workspace_id: int, setup: ScoringSetup) -> None:
    st.header(t("scoring_model.criteria"))
    st.caption(t("scoring_model.criteria_help"))
    key = versioned_key("criteria")
    st.data_editor(
        pd.DataFrame(
            {
                "name": [c.name for c in setup.criteria],
                "dimension": [c.dimension for c in setup.criteria],
                "weight": [c.weight for c in setup.criteria],
                "roles": [list(setup.roles_of(c.id)) for c in setup.criteria],
            }
        ),
        key=key,
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        column_config={
            "name": st.column_config.TextColumn(t("field.name"), required=True, max_chars=NAME_MAX),
            "dimension": st.column_config.SelectboxColumn(
                t("field.dimension"),
                options=list(Dimension),
                required=True,
                default=Dimension.VALUE,
                format_func={d: t(f"field.{d}") for d in Dimension}.get,
            ),
            "weight": tables.number(
                t("field.weight"),
                min_value=0.1,
                max_value=100,
                step=0.5,
                required=True,
                default=NEW_WEIGHT,
            ),
            "roles": st.column_config.ListColumn(
                t("scoring_model.rated_by"), help=t("scoring_model.rated_by_below")
            ),
        },
        disabled=["roles"],
    )
    if any(st.session_state[key].values()):
        _save_criteria(workspace_id, setup, st.session_state[key])
    rated_by_choices(setup)


def _save_roles(criterion_id: int, key: str) -> None:
    chosen = list(st.session_state[key])
    done = run_change(
        lambda s: set_criterion_roles(db=s, criterion_id=criterion_id, roles=chosen),
        success=t("action.saved"),
    )
    if not done.ok:  # the reason is shown; the box starts afresh from what is stored
        del st.session_state[key]


def rated_by_choices(setup: ScoringSetup) -> None:
    """Per criterion, the roles that rate it (none chosen: everyone), saved as picked."""
    st.markdown(f"**{t('scoring_model.rated_by')}**")
    if not setup.role_weights_named:
        st.caption(t("scoring_model.rated_by_no_roles"))
        return
    st.caption(t("scoring_model.rated_by_help"))
    columns = st.columns(3)
    for index, criterion in enumerate(setup.criteria):
        key = f"rated_by_{criterion.id}"
        multiselect(
            columns[index % 3],
            criterion.name,
            list(setup.role_weights_named),
            default=list(setup.roles_of(criterion.id)),
            key=key,
            placeholder=t("scoring_model.everyone"),
            on_change=_save_roles,
            args=(criterion.id, key),
        )


def role_weights_editor(workspace_id: int, setup: ScoringSetup) -> None:
    st.header(t("scoring_model.roles"))
    st.caption(t("scoring_model.roles_help"))
    key = versioned_key("role_weights")
    st.data_editor(
        pd.DataFrame(
            {
                "role": list(setup.role_weights_named),
                "weight": list(setup.role_weights_named.values()),
            }
        ).astype({"role": "string", "weight": "float"}),
        key=key,
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        column_config={
            "role": st.column_config.TextColumn(t("field.role"), required=True, max_chars=NAME_MAX),
            "weight": tables.number(
                t("field.weight"),
                min_value=0.1,
                max_value=100,
                step=0.5,
                required=True,
                default=NEW_WEIGHT,
            ),
        },
    )
    if any(st.session_state[key].values()):
        _save_role_weights(workspace_id, setup, st.session_state[key])
