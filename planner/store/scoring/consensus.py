"""Consensus of a workspace: its newest revealed votes, the facilitator's overrides, pre-scores."""

import pandas as pd
from sqlalchemy import func, select
from sqlmodel import Session

from planner.core.errors import NotFound
from planner.delivery.workflow import Status
from planner.models import (
    Candidate,
    Commitment,
    ConsensusOverride,
    OverrideCreate,
    RoundCandidate,
    ScoringRound,
    ScoringSession,
    Stakeholder,
    Vote,
)
from planner.scoring.certainty import Resampled
from planner.scoring.consensus import composites, settle
from planner.scoring.lifecycle import RoundStatus
from planner.scoring.setup import aggregate_votes, criteria_frame, entitled_votes, resample_votes
from planner.scoring.setup import seen_by as seen_by_role
from planner.store.scoring.scoring_model import load_scoring_setup
from planner.store.sql import read_frame

OVERRIDE_COLUMNS = ["candidate_id", "value", "effort", "reason", "decided_by", "decided_at"]


def add_override(
    *, db: Session, candidate_id: int, override_in: OverrideCreate
) -> ConsensusOverride:
    """Record the facilitator's consensus for a candidate, with who, when and why."""
    if db.get(Candidate, candidate_id) is None:
        raise NotFound("error.candidate_not_found", id=candidate_id)
    override = ConsensusOverride(candidate_id=candidate_id, **override_in.model_dump())
    db.add(override)
    db.flush()
    return override


def override_history(*, db: Session, workspace_id: int) -> pd.DataFrame:
    """Every override of the workspace, newest first."""
    rows = db.execute(
        select(*(getattr(ConsensusOverride, c) for c in OVERRIDE_COLUMNS))
        .join(Candidate, Candidate.id == ConsensusOverride.candidate_id)
        .where(Candidate.workspace_id == workspace_id)
        .order_by(ConsensusOverride.decided_at.desc(), ConsensusOverride.id.desc())
    )
    return pd.DataFrame(rows.all(), columns=OVERRIDE_COLUMNS)


def latest_votes(*, db: Session, workspace_id: int) -> pd.DataFrame:
    """For each candidate, the votes of the newest revealed round that scored it."""
    newest = (
        select(RoundCandidate.candidate_id, func.max(ScoringRound.id).label("round_id"))
        .join(ScoringRound, ScoringRound.id == RoundCandidate.round_id)
        .join(ScoringSession, ScoringSession.id == ScoringRound.session_id)
        .where(
            ScoringSession.workspace_id == workspace_id, ScoringRound.status == RoundStatus.REVEALED
        )
        .group_by(RoundCandidate.candidate_id)
        .subquery()
    )
    return read_frame(
        db,
        select(
            Vote.candidate_id, Vote.stakeholder_id, Vote.criterion_id, Vote.score, Stakeholder.role
        )
        .join(
            newest,
            (newest.c.candidate_id == Vote.candidate_id) & (newest.c.round_id == Vote.round_id),
        )
        .join(Stakeholder, Stakeholder.id == Vote.stakeholder_id),
    ).astype({"score": float})


def workspace_resampled(*, db: Session, workspace_id: int, settled: pd.DataFrame) -> Resampled:
    """The stakeholders of each candidate's newest revealed round resampled (see
    planner.scoring.certainty), around `settled` (from `workspace_consensus`)."""
    setup = load_scoring_setup(db=db, workspace_id=workspace_id)
    return resample_votes(setup, latest_votes(db=db, workspace_id=workspace_id), settled)


def workspace_consensus(
    *, db: Session, workspace_id: int, seen_by: str | None = None
) -> pd.DataFrame:
    """Every candidate's settled consensus (see `planner.scoring.consensus.settle`).

    `seen_by` a role: as that role's stakeholders see it ("value as Service sees it"):
    their votes only, without the facilitator's decisions or imported pre-scores."""
    pre_scores = read_frame(
        db,
        select(Candidate.id, Candidate.pre_value, Candidate.pre_effort)
        .where(Candidate.workspace_id == workspace_id)
        .order_by(Candidate.id),
    )
    return consensus_of(db=db, workspace_id=workspace_id, pre_scores=pre_scores, seen_by=seen_by)


def consensus_of(
    *, db: Session, workspace_id: int, pre_scores: pd.DataFrame, seen_by: str | None = None
) -> pd.DataFrame:
    """The settled consensus of the workspace's candidates whose pre-scores (id,
    pre_value, pre_effort, oldest first) the caller has read already: the votes, the
    scoring setup and the decisions are read here, the candidates not again."""
    setup = load_scoring_setup(db=db, workspace_id=workspace_id)
    candidates = pre_scores[["id", "pre_value", "pre_effort"]].astype(
        {"pre_value": float, "pre_effort": float}
    )
    votes = seen_by_role(latest_votes(db=db, workspace_id=workspace_id), seen_by)
    aggregates = aggregate_votes(setup, votes)
    overrides = override_history(db=db, workspace_id=workspace_id)
    newest = overrides.drop_duplicates("candidate_id")[["candidate_id", "value", "effort"]]
    if seen_by is not None:
        candidates[["pre_value", "pre_effort"]] = float("nan")
        newest = newest.iloc[0:0]
    return settle(candidates, aggregates, newest.astype({"value": float, "effort": float}))


def effort_estimates(*, db: Session, workspace_id: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Each stakeholder's effort score per candidate (newest revealed round, their
    weighted effort criteria: candidate_id, stakeholder, role, score), and the actual
    effort of delivered commitments (candidate_id, actual_effort; the newest per
    candidate): what planner.delivery.estimating compares."""
    setup = load_scoring_setup(db=db, workspace_id=workspace_id)
    votes = entitled_votes(setup, latest_votes(db=db, workspace_id=workspace_id))
    scores = composites(votes, criteria_frame(setup))
    scores = scores[scores["dimension"] == "effort"]
    people = dict(
        db.execute(
            select(Stakeholder.id, Stakeholder.name).where(Stakeholder.workspace_id == workspace_id)
        ).all()
    )
    roles = votes.drop_duplicates("stakeholder_id").set_index("stakeholder_id")["role"]
    scores = scores.assign(
        stakeholder=scores["stakeholder_id"].map(people),
        role=scores["stakeholder_id"].map(roles),
    )[["candidate_id", "stakeholder", "role", "score"]]
    actuals = read_frame(
        db,
        select(Commitment.candidate_id, Commitment.actual_effort)
        .where(
            Commitment.workspace_id == workspace_id,
            Commitment.status == Status.DONE,
            Commitment.actual_effort.is_not(None),
            Commitment.candidate_id.is_not(None),
        )
        .order_by(Commitment.id.desc()),
    ).drop_duplicates("candidate_id")
    return scores, actuals.astype({"actual_effort": float})
