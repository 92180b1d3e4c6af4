"""Scoring model: the scale, criteria and weights (and who rates them), role weights,
consensus rules, and the calibration references ballots show."""

import streamlit as st

from planner.core.db import reading
from planner.core.errors import validated
from planner.models import ScoringModelUpdate
from planner.scoring.consensus import ConsensusMethod
from planner.scoring.scales import SCALES
from planner.store.scoring.scoring_model import (
    load_scoring_setup,
    update_scoring_model,
)
from planner.ui.guard import require_journey
from planner.ui.scoring.calibration import calibration
from planner.ui.scoring.model_editors import criteria_editor, role_weights_editor
from planner.ui.shell.changes import run_change
from planner.ui.shell.engine import engine
from planner.ui.shell.lang import t
from planner.ui.shell.reads import candidates

journey = require_journey()
workspace_id = journey.workspace.id
with reading(engine()) as db:
    setup = load_scoring_setup(db=db, workspace_id=workspace_id)
st.title(t("scoring_model.title"))
st.caption(t("scoring_model.intro"))

with st.form("scoring_rules"):
    scale = st.radio(
        t("field.scale"),
        list(SCALES),
        index=list(SCALES).index(setup.model.scale),
        format_func={k: t(f"scale.{k}") for k in SCALES}.get,
        horizontal=True,
    )
    method = st.radio(
        t("field.consensus_method"),
        list(ConsensusMethod),
        index=list(ConsensusMethod).index(setup.model.consensus_method),
        format_func={m: t(f"consensus.{m}") for m in ConsensusMethod}.get,
        horizontal=True,
    )
    if setup.criterion_roles and setup.model.consensus_method != ConsensusMethod.PER_CRITERION:
        st.caption(t("scoring_model.per_criterion_hint"))
    disagreement = st.slider(
        t("field.disagreement"),
        5,
        100,
        int(setup.model.disagreement * 100),
        step=5,
        format="%d%%",
        help=t("scoring_model.disagreement_help"),
    )
    min_votes = st.number_input(
        t("field.min_votes"), 1, 100, setup.model.min_votes, help=t("scoring_model.min_votes_help")
    )
    if st.form_submit_button(t("action.save"), type="primary"):
        run_change(
            lambda s: update_scoring_model(
                db=s,
                workspace_id=workspace_id,
                model_in=validated(
                    ScoringModelUpdate,
                    scale=scale,
                    consensus_method=method,
                    disagreement=disagreement / 100,
                    min_votes=min_votes,
                ),
            ),
            success=t("action.saved"),
            rerun=True,
        )


criteria_editor(workspace_id, setup)
role_weights_editor(workspace_id, setup)
calibration(workspace_id, setup, candidates(journey))
