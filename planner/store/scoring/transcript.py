"""What the stakeholders said, round by round, once it was revealed: every vote with
the answer as chosen, and every comment. For the exports (nothing of a round still
voting leaves the app)."""

import pandas as pd
from sqlalchemy import select
from sqlmodel import Session

from planner.models import BallotComment, ScoringRound, ScoringSession, Stakeholder, Vote
from planner.scoring.lifecycle import RoundStatus
from planner.store.sql import read_frame


def revealed_votes(*, db: Session, workspace_id: int) -> pd.DataFrame:
    """session, round, stakeholder_id, role, candidate_id, criterion_id, label (the answer
    as chosen: "9", "M"), score (0-10) — every revealed round, oldest first."""
    return read_frame(
        db,
        select(
            ScoringSession.name.label("session"),
            ScoringRound.number.label("round"),
            Vote.stakeholder_id,
            Stakeholder.role,
            Vote.candidate_id,
            Vote.criterion_id,
            Vote.label,
            Vote.score,
        )
        .join(ScoringRound, ScoringRound.id == Vote.round_id)
        .join(ScoringSession, ScoringSession.id == ScoringRound.session_id)
        .join(Stakeholder, Stakeholder.id == Vote.stakeholder_id)
        .where(
            ScoringSession.workspace_id == workspace_id, ScoringRound.status == RoundStatus.REVEALED
        )
        .order_by(ScoringRound.id, Vote.candidate_id, Vote.stakeholder_id, Vote.criterion_id),
    ).astype({"score": float})


def revealed_comments(*, db: Session, workspace_id: int) -> pd.DataFrame:
    """session, round, stakeholder_id, role, candidate_id, comment — every comment of a
    revealed round, oldest round first."""
    return read_frame(
        db,
        select(
            ScoringSession.name.label("session"),
            ScoringRound.number.label("round"),
            BallotComment.stakeholder_id,
            Stakeholder.role,
            BallotComment.candidate_id,
            BallotComment.comment,
        )
        .join(ScoringRound, ScoringRound.id == BallotComment.round_id)
        .join(ScoringSession, ScoringSession.id == ScoringRound.session_id)
        .join(Stakeholder, Stakeholder.id == BallotComment.stakeholder_id)
        .where(
            ScoringSession.workspace_id == workspace_id,
            ScoringRound.status == RoundStatus.REVEALED,
            BallotComment.comment != "",
        )
        .order_by(ScoringRound.id, BallotComment.candidate_id, BallotComment.stakeholder_id),
    )
