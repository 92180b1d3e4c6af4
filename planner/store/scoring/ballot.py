"""What one stakeholder's ballot reads: the round's state, the list it picks from, one
candidate's card with their own answers, and how far they are. Nothing of anybody else.

Every read here is small and indexed: the ballot asks for one candidate at a time.
"""

from datetime import datetime
from typing import NamedTuple

from sqlalchemy import and_, bindparam, exists, func, or_, select
from sqlmodel import Session

from planner.core.db import utc
from planner.core.errors import InvalidInput
from planner.models import (
    BallotComment,
    Candidate,
    CandidateChannel,
    Channel,
    Criterion,
    CriterionRole,
    Participant,
    Phase,
    RoundCandidate,
    ScoringRound,
    ScoringSession,
    Stakeholder,
    Vote,
)
from planner.scoring.answers import Answer
from planner.scoring.lifecycle import RoundStatus, SessionStatus


class RoundState(NamedTuple):
    """What a ballot follows: a new round, a reveal or the close changes it."""

    round_id: int
    number: int
    round_status: RoundStatus
    session_status: SessionStatus
    auto_advance: bool
    deadline: datetime | None = None  # the round's time box (aware UTC)


_newest_round = (
    select(func.max(ScoringRound.id))
    .where(ScoringRound.session_id == bindparam("session_id"))
    .scalar_subquery()
)
# Built once: every connected ballot asks for it every few seconds.
ROUND_STATE = (
    select(
        ScoringRound.id,
        ScoringRound.number,
        ScoringRound.status,
        ScoringSession.status,
        ScoringSession.auto_advance,
        ScoringRound.deadline,
    )
    .join(ScoringSession, ScoringSession.id == ScoringRound.session_id)
    .where(ScoringRound.id == _newest_round)
)


def takes_part(
    *, db: Session, stakeholder_id: int, session_id: int | None = None, round_id: int | None = None
) -> bool:
    """Whether the stakeholder takes part in the session, or in the session of the round:
    a ballot's key answers about nothing else."""
    query = select(Participant.session_id).where(Participant.stakeholder_id == stakeholder_id)
    if round_id is not None:
        query = query.join(ScoringRound, ScoringRound.session_id == Participant.session_id).where(
            ScoringRound.id == round_id
        )
    else:
        query = query.where(Participant.session_id == session_id)
    return db.execute(query.limit(1)).first() is not None


def round_state(*, db: Session, session_id: int) -> RoundState | None:
    """The session's newest round and statuses in one query (None: no such session)."""
    row = db.execute(ROUND_STATE, {"session_id": session_id}).first()
    if row is None:
        return None
    state = RoundState(*row)
    return state if state.deadline is None else state._replace(deadline=utc(state.deadline))


def ballot_list(*, db: Session, round_id: int, stakeholder_id: int):
    """The round's candidates as (id, title) in order, and the ids this stakeholder
    answered fully."""
    titles = db.execute(
        select(Candidate.id, Candidate.title)
        .join(RoundCandidate, RoundCandidate.candidate_id == Candidate.id)
        .where(RoundCandidate.round_id == round_id)
        .order_by(Candidate.id)
    ).all()
    return [tuple(row) for row in titles], answered_ids(
        db=db, round_id=round_id, stakeholder_id=stakeholder_id
    )


# Built once, one query: a vote asks it (planner.scoring.setup.ScoringSetup.criteria_for
# in SQL: a criterion limited to roles is rated by stakeholders of those roles only).
MY_CRITERIA = (
    select(Criterion.id)
    .join(ScoringSession, ScoringSession.workspace_id == Criterion.workspace_id)
    .join(ScoringRound, ScoringRound.session_id == ScoringSession.id)
    .join(Stakeholder, Stakeholder.id == bindparam("stakeholder_id"))
    .where(
        ScoringRound.id == bindparam("round_id"),
        or_(
            ~exists().where(CriterionRole.criterion_id == Criterion.id),
            exists().where(
                CriterionRole.criterion_id == Criterion.id,
                func.lower(CriterionRole.role) == func.lower(Stakeholder.role),
            ),
        ),
    )
    .order_by(Criterion.position, Criterion.id)
)


_MINE = MY_CRITERIA.subquery()
ANSWERED = (
    select(Vote.candidate_id)
    .where(
        Vote.round_id == bindparam("round_id"),
        Vote.stakeholder_id == bindparam("stakeholder_id"),
        Vote.criterion_id.in_(select(_MINE.c.id)),
    )
    .group_by(Vote.candidate_id)
    .having(func.count() >= select(func.count()).select_from(_MINE).scalar_subquery())
)


def my_criteria(*, db: Session, round_id: int, stakeholder_id: int) -> list[int]:
    """The criteria this stakeholder rates in the round (by their role), in order."""
    found = db.execute(MY_CRITERIA, {"round_id": round_id, "stakeholder_id": stakeholder_id})
    return list(found.scalars())


def answered_ids(*, db: Session, round_id: int, stakeholder_id: int) -> list[int]:
    """The candidates this stakeholder answered on every criterion they rate (one query:
    every vote and every card load asks it)."""
    params = {"round_id": round_id, "stakeholder_id": stakeholder_id}
    return sorted(db.execute(ANSWERED, params).scalars())


class Card(NamedTuple):
    """One candidate as the ballot shows it."""

    candidate: int
    title: str
    description: str
    phase: str
    channels: list[str]


def candidate_card(*, db: Session, round_id: int, candidate_id: int) -> Card:
    """The candidate, which must be in the round."""
    row = db.execute(
        select(Candidate.title, Candidate.description, Phase.name)
        .join(Phase, Phase.id == Candidate.phase_id)
        .join(
            RoundCandidate,
            and_(RoundCandidate.candidate_id == Candidate.id, RoundCandidate.round_id == round_id),
        )
        .where(Candidate.id == candidate_id)
    ).first()
    if row is None:
        raise InvalidInput("error.not_on_ballot")
    channels = db.scalars(
        select(Channel.name)
        .join(CandidateChannel, CandidateChannel.channel_id == Channel.id)
        .where(CandidateChannel.candidate_id == candidate_id)
        .order_by(Channel.position, Channel.id)
    ).all()
    return Card(candidate_id, row[0], row[1], row[2], list(channels))


def my_answers(
    *, db: Session, round_id: int, stakeholder_id: int, candidate_id: int
) -> dict[int, str | None]:
    """criterion id -> this stakeholder's label on the candidate, None for don't know."""
    rows = db.execute(
        select(Vote.criterion_id, Vote.label, Vote.score).where(
            Vote.round_id == round_id,
            Vote.stakeholder_id == stakeholder_id,
            Vote.candidate_id == candidate_id,
        )
    )
    return {criterion: Answer.from_stored(label, score).label for criterion, label, score in rows}


def my_comment(*, db: Session, round_id: int, stakeholder_id: int, candidate_id: int) -> str:
    comment = db.scalar(
        select(BallotComment.comment).where(
            BallotComment.round_id == round_id,
            BallotComment.stakeholder_id == stakeholder_id,
            BallotComment.candidate_id == candidate_id,
        )
    )
    return comment or ""
