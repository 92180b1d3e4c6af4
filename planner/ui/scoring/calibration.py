"""Calibration on the Scoring model page: per dimension, one to three candidates with the
answer the room agreed on; ballots show them beside the scale."""

import pandas as pd
import streamlit as st

from planner.core.db import reading
from planner.core.errors import validated
from planner.models import ReferenceSet
from planner.scoring.calibration import MAX_REFERENCES
from planner.scoring.consensus import Dimension
from planner.scoring.setup import ScoringSetup
from planner.store.scoring.calibration import references, set_references
from planner.ui.shell.changes import run_change
from planner.ui.shell.engine import engine
from planner.ui.shell.lang import t
from planner.ui.widgets import multiselect


def calibration(workspace_id: int, setup: ScoringSetup, frame: pd.DataFrame) -> None:
    st.header(t("calibration.title"))
    st.caption(t("calibration.help", limit=MAX_REFERENCES))
    with reading(engine()) as db:
        current = references(db=db, workspace_id=workspace_id)
    titles = dict(zip(frame["id"], frame["title"], strict=True))
    labels = list(setup.scale.labels)
    for column, dimension in zip(st.columns(2), Dimension, strict=True):
        with column, st.container(border=True):
            st.markdown(f"**{t(f'chart.{dimension}')}**")
            now = {r.candidate_id: r.label for r in current[dimension]}
            chosen = multiselect(
                st,
                t("calibration.candidates"),
                list(titles),
                default=[c for c in now if c in titles],
                max_selections=MAX_REFERENCES,
                format_func=titles.get,
                key=f"calibration_{dimension}",
            )
            agreed = {
                c: st.select_slider(
                    t("calibration.agreed", title=titles[c]),
                    labels,
                    value=now.get(c, labels[len(labels) // 2]),
                    key=f"calibration_{dimension}_{c}",
                )
                for c in chosen
            }
            if agreed != now and st.button(
                t("action.save"), key=f"calibration_save_{dimension}", type="primary"
            ):
                run_change(
                    lambda s, d=dimension, a=agreed: set_references(
                        db=s,
                        workspace_id=workspace_id,
                        dimension=d,
                        chosen=[
                            validated(ReferenceSet, candidate_id=c, label=label)
                            for c, label in a.items()
                        ],
                    ),
                    success=t("calibration.saved"),
                    rerun=True,
                )
