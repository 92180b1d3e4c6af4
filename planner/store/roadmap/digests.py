"""What a workspace's consensus and working roadmap are made from, as short digests.

A cache of the consensus (2,000 candidates: ~150 ms to settle) is kept for as long as
its digest stays the same, and made again as soon as it changes, by whichever app
instance changed it: no time-to-live, no recomputing of what did not change. Reading a
digest costs a few small queries (~2 ms).

The consensus is made from the candidates and their pre-scores (the workspace's
version: every change of a candidate touches it), the scoring model, its criteria and
their roles, the role weights, the stakeholders' roles, the rounds and whether they are
revealed (a revealed round's votes never change: a ballot takes answers only while its
round is voting; a deleted stakeholder or candidate takes theirs along, and shows in
the stakeholders or the workspace's version) and the facilitator's decisions (only ever
added). The working roadmap adds its settings, pins, exclusions and dependencies.
"""

import hashlib

from sqlalchemy import Select, func, select
from sqlmodel import Session

from planner.models import (
    Candidate,
    ConsensusOverride,
    Criterion,
    CriterionRole,
    Dependency,
    PlanItem,
    RoadmapPlan,
    RoleWeight,
    ScoringModel,
    ScoringRound,
    ScoringSession,
    Stakeholder,
    Workspace,
)


def consensus_inputs(*, db: Session, workspace_id: int) -> str:
    """A digest of everything the workspace's consensus is made from (see module)."""
    return _digest(db, _consensus_queries(workspace_id))


def plan_inputs(*, db: Session, workspace_id: int) -> str:
    """A digest of what the working roadmap adds to the consensus (see module)."""
    return _digest(db, _plan_queries(workspace_id))


def _consensus_queries(workspace_id: int) -> list[Select]:
    return [
        select(Workspace.updated_at).where(Workspace.id == workspace_id),
        select(ScoringModel).where(ScoringModel.workspace_id == workspace_id),  # every field
        select(Criterion.id, Criterion.dimension, Criterion.weight)
        .where(Criterion.workspace_id == workspace_id)
        .order_by(Criterion.id),
        select(CriterionRole.criterion_id, CriterionRole.role)
        .join(Criterion, Criterion.id == CriterionRole.criterion_id)
        .where(Criterion.workspace_id == workspace_id)
        .order_by(CriterionRole.criterion_id, CriterionRole.role),
        select(RoleWeight.role, RoleWeight.weight)
        .where(RoleWeight.workspace_id == workspace_id)
        .order_by(RoleWeight.role),
        select(Stakeholder.id, Stakeholder.role)
        .where(Stakeholder.workspace_id == workspace_id)
        .order_by(Stakeholder.id),
        select(ScoringRound.id, ScoringRound.status)
        .join(ScoringSession, ScoringSession.id == ScoringRound.session_id)
        .where(ScoringSession.workspace_id == workspace_id)
        .order_by(ScoringRound.id),
        select(func.count(), func.max(ConsensusOverride.id))
        .join(Candidate, Candidate.id == ConsensusOverride.candidate_id)
        .where(Candidate.workspace_id == workspace_id),
    ]


def _plan_queries(workspace_id: int) -> list[Select]:
    return [
        select(RoadmapPlan).where(RoadmapPlan.workspace_id == workspace_id),  # every field
        select(PlanItem.candidate_id, PlanItem.pinned_period, PlanItem.excluded)
        .join(Candidate, Candidate.id == PlanItem.candidate_id)
        .where(Candidate.workspace_id == workspace_id)
        .order_by(PlanItem.candidate_id),
        select(Dependency.candidate_id, Dependency.needs_id)
        .join(Candidate, Candidate.id == Dependency.candidate_id)
        .where(Candidate.workspace_id == workspace_id)
        .order_by(Dependency.candidate_id, Dependency.needs_id),
    ]


def _digest(db: Session, queries: list[Select]) -> str:
    hashed = hashlib.blake2b(digest_size=16)
    for query in queries:
        hashed.update(repr([tuple(row) for row in db.execute(query)]).encode())
        hashed.update(b"|")
    return hashed.hexdigest()
