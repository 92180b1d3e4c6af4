"""The digests of what the consensus and the working roadmap are made from change with
every change of those, and only then: a cache keyed by them is never stale and never
made again for nothing (a vote in a round still voting is not part of the consensus)."""

from datetime import date
from itertools import pairwise

import pandas as pd
import pytest

from planner.models import (
    CandidateCreate,
    CriterionCreate,
    OverrideCreate,
    RoleWeightCreate,
    ScoringModelUpdate,
)
from planner.roadmap.settings import RoadmapSettings
from planner.store.journey.candidates import create_candidates, delete_candidates
from planner.store.roadmap.dependencies import add_dependencies, remove_dependency
from planner.store.roadmap.digests import consensus_inputs, plan_inputs
from planner.store.roadmap.roadmap_plan import save_plan, set_plan_item, working_roadmap
from planner.store.scoring.consensus import add_override, workspace_consensus
from planner.store.scoring.scoring_model import (
    add_criterion,
    set_role_weights,
    update_criterion,
    update_scoring_model,
)
from planner.store.scoring.sessions import current_round, open_revote, reveal_round
from planner.store.scoring.votes import set_comment
from tests.factories import join, make_journey, vote_all

pytestmark = pytest.mark.storage
TODAY = date(2026, 10, 1)


def test_every_change_of_the_consensus_changes_its_digest(workshop, db):
    journey, ideas, scoring, setup = workshop
    workspace_id = journey.workspace.id
    people = [join(db, scoring, name, role) for name, role in (("A", ""), ("B", ""), ("C", ""))]

    def state():
        db.flush()
        made = workspace_consensus(db=db, workspace_id=workspace_id)
        return consensus_inputs(db=db, workspace_id=workspace_id), made

    def same(one: pd.DataFrame, other: pd.DataFrame) -> bool:
        return one.equals(other)

    def vote_round(label):
        for person in people:
            vote_all(db, scoring, person, ideas[0].id, setup, label)

    steps = {
        "votes while voting": lambda: vote_round("2"),
        "a comment": lambda: set_comment(
            db=db,
            round_id=current_round(db=db, session_id=scoring.id).id,
            stakeholder_id=people[0].id,
            candidate_id=ideas[0].id,
            comment="Quick",
        ),
        "reveal": lambda: reveal_round(db=db, session_id=scoring.id),
        "minimum votes": lambda: update_scoring_model(
            db=db, workspace_id=workspace_id, model_in=ScoringModelUpdate(min_votes=1)
        ),
        "scale": lambda: update_scoring_model(
            db=db, workspace_id=workspace_id, model_in=ScoringModelUpdate(scale="1-10")
        ),
        "a criterion": lambda: add_criterion(
            db=db,
            workspace_id=workspace_id,
            criterion_in=CriterionCreate(name="Reach", dimension="value", weight=3),
        ),
        "a criterion's weight": lambda: update_criterion(
            db=db,
            criterion_id=setup.criteria[0].id,
            criterion_in=CriterionCreate(
                name=setup.criteria[0].name, dimension=setup.criteria[0].dimension, weight=5
            ),
        ),
        "role weights": lambda: set_role_weights(
            db=db, workspace_id=workspace_id, weights_in=[RoleWeightCreate(role="IT", weight=2)]
        ),
        "a new stakeholder": lambda: people.append(join(db, scoring, "D", "IT")),
        "a re-vote round": lambda: open_revote(
            db=db, session_id=scoring.id, candidate_ids=[ideas[0].id]
        ),
        "re-vote answers": lambda: vote_round("5"),
        "the re-vote revealed": lambda: reveal_round(db=db, session_id=scoring.id),
        "a decision": lambda: add_override(
            db=db,
            candidate_id=ideas[1].id,
            override_in=OverrideCreate(value=9, reason="Board", decided_by="Eva"),
        ),
        "a candidate with pre-scores": lambda: create_candidates(
            db=db,
            workspace_id=workspace_id,
            candidates_in=[
                CandidateCreate(
                    title="Imported",
                    phase_id=journey.phase_id(journey.phase_names[0]),
                    channel_ids=[journey.channel_id(journey.channel_names[0])],
                    pre_value=7.5,
                    pre_effort=2.0,
                )
            ],
        ),
        "a candidate deleted": lambda: delete_candidates(
            db=db, workspace_id=workspace_id, candidate_ids=[ideas[2].id]
        ),
    }
    unchanged = {"votes while voting", "a comment", "re-vote answers"}
    digest, made = state()
    for name, step in steps.items():
        step()
        new_digest, new_made = state()
        if name in unchanged:
            assert new_digest == digest and same(new_made, made), name
        else:
            assert new_digest != digest, name
        digest, made = new_digest, new_made


def test_every_change_of_the_plan_changes_its_digest(workshop, db):
    journey, ideas, _, _ = workshop
    workspace_id = journey.workspace.id

    def digest():
        db.flush()
        return plan_inputs(db=db, workspace_id=workspace_id)

    seen = [digest()]
    steps = [
        lambda: save_plan(
            db=db, workspace_id=workspace_id, settings=RoadmapSettings(start=TODAY, periods=3)
        ),
        lambda: save_plan(
            db=db,
            workspace_id=workspace_id,
            settings=RoadmapSettings(start=TODAY, periods=3, capacities=(5, 6, 7)),
        ),
        lambda: set_plan_item(db=db, candidate_id=ideas[0].id, pinned_period=1, excluded=False),
        lambda: set_plan_item(db=db, candidate_id=ideas[0].id, pinned_period=None, excluded=True),
        lambda: add_dependencies(
            db=db, workspace_id=workspace_id, pairs=[(ideas[1].id, ideas[2].id)]
        ),
        lambda: remove_dependency(db=db, candidate_id=ideas[1].id, needs_id=ideas[2].id),
    ]
    for step in steps:
        step()
        seen.append(digest())
    assert all(a != b for a, b in pairwise(seen))  # each step: a new digest
    assert seen[-1] == seen[-3]  # the dependency gone: the same inputs, the same digest
    working_roadmap(db=db, workspace_id=workspace_id, today=TODAY)  # still builds
    assert digest() == seen[-1]  # reading changes nothing


def test_digests_belong_to_their_workspace(workshop, db):
    journey = workshop[0]
    other = make_journey(db, name="Other")
    before = consensus_inputs(db=db, workspace_id=journey.workspace.id)
    update_scoring_model(
        db=db, workspace_id=other.workspace.id, model_in=ScoringModelUpdate(min_votes=1)
    )
    db.flush()
    assert consensus_inputs(db=db, workspace_id=journey.workspace.id) == before
