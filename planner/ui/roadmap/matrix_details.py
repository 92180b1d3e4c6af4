"""The candidate picked in the matrix: its details, where its scores come from, its votes."""

import pandas as pd
import streamlit as st

from planner.core.db import reading
from planner.core.numbers import one_decimal
from planner.journey.journey import Journey
from planner.scoring.consensus import composites
from planner.scoring.setup import criteria_frame
from planner.store.scoring.consensus import latest_votes
from planner.store.scoring.scoring_model import load_scoring_setup
from planner.store.scoring.sessions import stakeholder_names
from planner.ui import tables
from planner.ui.shell.engine import engine
from planner.ui.shell.lang import current_lang, t
from planner.ui.text import plain


def candidate_details(
    journey: Journey, candidate_id: int, frame: pd.DataFrame, consensus: pd.DataFrame
) -> None:
    row = frame.set_index("id").loc[candidate_id]
    settled = consensus.loc[candidate_id]
    with st.container(border=True):
        st.header(plain(row["title"]))
        st.caption(
            plain(
                f"{row['phase']} · {', '.join(row['channels'])}"
                + (f" · {row['persona']}" if row["persona"] else "")
            )
        )
        if row["description"]:
            st.markdown(plain(row["description"]))
        left, right = st.columns(2)
        for column, dimension in ((left, "value"), (right, "effort")):
            column.metric(
                t(f"chart.{dimension}"),
                one_decimal(settled[dimension], current_lang()),
                help=t(f"source.{settled[f'{dimension}_source']}"),
            )
        with reading(engine()) as db:
            votes = latest_votes(db=db, workspace_id=journey.workspace.id)
            setup = load_scoring_setup(db=db, workspace_id=journey.workspace.id)
            names = stakeholder_names(db=db, workspace_id=journey.workspace.id)
        mine = votes[votes["candidate_id"] == candidate_id]
        if mine.empty:
            st.caption(t("matrix.no_votes"))
            return
        people = composites(mine, criteria_frame(setup)).pivot(
            index="stakeholder_id", columns="dimension", values="score"
        )
        people.index = people.index.map(names)
        tables.show(
            people.round(1),
            width="stretch",
            column_config={"value": t("chart.value"), "effort": t("chart.effort")},
        )
