"""Editing the working roadmap: pins and exclusions per candidate, and dependencies."""

import pandas as pd
import streamlit as st

from planner.core.db import reading
from planner.journey.journey import Journey
from planner.roadmap.build import Roadmap
from planner.store.roadmap.dependencies import add_dependencies, dependency_frame, remove_dependency
from planner.store.roadmap.roadmap_plan import plan_items, set_plan_item
from planner.ui import tables
from planner.ui.shell.changes import run_change
from planner.ui.shell.engine import engine
from planner.ui.shell.lang import current_lang, t
from planner.ui.widget_state import renew_key, versioned_key


def pins_editor(journey: Journey, roadmap: Roadmap) -> None:
    with reading(engine()) as db:
        pins, excluded = plan_items(db=db, workspace_id=journey.workspace.id)
    items = roadmap.items.sort_values(["rank", "candidate_id"], na_position="last")
    labels = [p.label_in(current_lang()) for p in roadmap.periods]
    table = pd.DataFrame(
        {
            "title": items["title"].tolist(),
            "rank": items["rank"].astype("Int64").tolist(),
            "pin": [
                labels[pins[c]] if c in pins and pins[c] < len(labels) else None
                for c in items["candidate_id"]
            ],
            "excluded": [c in excluded for c in items["candidate_id"]],
        }
    )
    key = versioned_key("pins")
    st.data_editor(
        table,
        key=key,
        hide_index=True,
        placeholder=tables.MISSING,
        width="stretch",
        disabled=["title", "rank"],
        column_config={
            "title": t("field.title"),
            "rank": tables.number(t("chart.rank")),
            "pin": st.column_config.SelectboxColumn(t("roadmap.pin"), options=labels),
            "excluded": st.column_config.CheckboxColumn(t("roadmap.exclude")),
        },
    )
    edits = st.session_state[key]["edited_rows"]
    if edits:
        ids = items["candidate_id"].tolist()

        def change(db) -> None:
            for position, cells in edits.items():
                row = {**table.iloc[int(position)].to_dict(), **cells}
                set_plan_item(
                    db=db,
                    candidate_id=ids[int(position)],
                    pinned_period=labels.index(row["pin"]) if row["pin"] else None,
                    excluded=bool(row["excluded"]),
                )

        renew_key("pins")
        run_change(change, success=t("action.saved"), rerun=True)


def dependencies_editor(journey: Journey, titles: dict[int, str]) -> None:
    with reading(engine()) as db:
        links = dependency_frame(db=db, workspace_id=journey.workspace.id)
    ids = sorted(titles, key=lambda c: titles[c].casefold())
    with st.form("add_dependency", border=False):
        left, right = st.columns(2)
        candidate = left.selectbox(
            t("roadmap.candidate"), ids, format_func=titles.get, key="dependency_candidate"
        )
        needed = right.selectbox(
            t("roadmap.needs"), ids, format_func=titles.get, key="dependency_needs"
        )
        if st.form_submit_button(t("roadmap.add_dependency")):
            run_change(
                lambda s: add_dependencies(
                    db=s, workspace_id=journey.workspace.id, pairs=[(candidate, needed)]
                ),
                success=t("action.saved"),
                rerun=True,
            )
    if links.empty:
        st.caption(t("roadmap.no_dependencies"))
        return
    key = versioned_key("dependencies")
    table = links[["title", "needs_title"]].assign(remove=False)
    st.data_editor(
        table,
        key=key,
        hide_index=True,
        placeholder=tables.MISSING,
        width="stretch",
        disabled=["title", "needs_title"],
        column_config={
            "title": t("roadmap.candidate"),
            "needs_title": t("roadmap.needs"),
            "remove": st.column_config.CheckboxColumn(t("action.delete")),
        },
    )
    gone = [
        int(p) for p, cells in st.session_state[key]["edited_rows"].items() if cells.get("remove")
    ]
    if gone:
        renew_key("dependencies")
        run_change(
            lambda s: [
                remove_dependency(
                    db=s,
                    candidate_id=links.iloc[p]["candidate_id"],
                    needs_id=links.iloc[p]["needs_id"],
                )
                for p in gone
            ],
            success=t("action.saved"),
            rerun=True,
        )
