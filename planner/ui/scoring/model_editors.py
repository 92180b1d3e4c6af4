"""The scoring model's two tables: criteria (name, dimension, weight, who rates them) and
role weights (the workspace's list of roles), each saved as it is edited."""

import pandas as pd
import streamlit as st

from planner.core.errors import validated
from planner.models import CriterionCreate, RoleWeightCreate
from planner.scoring.setup import ScoringSetup
from planner.store.scoring_model import (
    add_criterion,
    remove_criterion,
    set_role_weights,
    update_criterion,
)
from planner.ui import tables
from planner.ui.shell.changes import run_change
from planner.ui.shell.lang import t
from planner.ui.widget_state import renew_key, versioned_key


def _save_criteria(workspace_id: int, setup: ScoringSetup, edits: dict) -> None:
    criteria = setup.criteria

    def change(db) -> None:
        for position, cells in edits["edited_rows"].items():
            criterion = criteria[int(position)]
            row = {
                "name": criterion.name,
                "dimension": criterion.dimension,
                "weight": criterion.weight,
                "roles": list(setup.roles_of(criterion.id)),
                **cells,
            }
            row["roles"] = row["roles"] or []
            update_criterion(
                db=db,
                criterion_id=criterion.id,
                criterion_in=validated(CriterionCreate, **row),
            )
        for position in edits["deleted_rows"]:
            remove_criterion(db=db, criterion_id=criteria[int(position)].id)
        for row in edits["added_rows"]:
            add_criterion(
                db=db,
                workspace_id=workspace_id,
                criterion_in=validated(
                    CriterionCreate, **{"weight": 1.0, **row, "roles": row.get("roles") or []}
                ),
            )

    renew_key("criteria")
    run_change(change, success=t("action.saved"), rerun=True)


def _save_role_weights(workspace_id: int, table: pd.DataFrame) -> None:
    rows = table.dropna(how="all").to_dict("records")
    renew_key("role_weights")
    run_change(
        lambda s: set_role_weights(
            db=s,
            workspace_id=workspace_id,
            weights_in=[
                validated(RoleWeightCreate, role=r["role"] or "", weight=r["weight"]) for r in rows
            ],
        ),
        success=t("action.saved"),
        rerun=True,
    )


def criteria_editor(workspace_id: int, setup: ScoringSetup) -> None:
    st.subheader(t("scoring_model.criteria"))
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
            "name": st.column_config.TextColumn(t("field.name"), required=True, max_chars=80),
            "dimension": st.column_config.SelectboxColumn(
                t("field.dimension"),
                options=["value", "effort"],
                required=True,
                format_func={d: t(f"field.{d}") for d in ("value", "effort")}.get,
            ),
            "weight": tables.number(
                t("field.weight"), min_value=0.1, max_value=100, step=0.5, required=True
            ),
            "roles": st.column_config.MultiselectColumn(
                t("scoring_model.rated_by"),
                options=list(setup.role_weights_named),
                help=t("scoring_model.rated_by_help"),
            ),
        },
    )
    if any(st.session_state[key].values()):
        _save_criteria(workspace_id, setup, st.session_state[key])


def role_weights_editor(workspace_id: int, setup: ScoringSetup) -> None:
    st.subheader(t("scoring_model.roles"))
    st.caption(t("scoring_model.roles_help"))
    key = versioned_key("role_weights")
    edited = st.data_editor(
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
            "role": st.column_config.TextColumn(t("field.role"), required=True, max_chars=80),
            "weight": tables.number(
                t("field.weight"), min_value=0.1, max_value=100, step=0.5, required=True
            ),
        },
    )
    if any(st.session_state[key].values()):
        _save_role_weights(workspace_id, edited)
