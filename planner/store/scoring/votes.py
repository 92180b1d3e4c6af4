"""Votes: cast and change them, read one's own ballot, count progress, read a round.

A stakeholder's reads return only their own answers: before the reveal no other
stakeholder's score leaves the database for their page.
"""

from dataclasses import dataclass

import pandas as pd
from sqlalchemy import and_, bindparam, exists, func, or_, select, true
from sqlmodel import Session

from planner.core.errors import validated
from planner.models import (
    BallotComment,
    CommentSet,
    Criterion,
    CriterionRole,
    Participant,
    RoundCandidate,
    ScoringModel,
    ScoringRound,
    ScoringSession,
    Stakeholder,
    Vote,
    utcnow,
)
from planner.scoring.answers import Answer
from planner.scoring.lifecycle import BallotPlace, check_ballot
from planner.scoring.scales import SCALES
from planner.scoring.setup import ScoringSetup
from planner.store.scoring.entitlement import counted, needed, round_setup
from planner.store.sql import ROUND_VOTES, hold_lock, read_frame, upsert


@dataclass(frozen=True)
class Ballot:
    """One stakeholder's answers in one round: (candidate, criterion) -> label, None for
    don't know (planner.scoring.answers.Answer.label)."""

    answers: dict[tuple[int, int], str | None]
    comments: dict[int, str]

    def answered(self, candidate_id: int, criterion_ids: list[int]) -> bool:
        return all((candidate_id, c) in self.answers for c in criterion_ids)


def _ballot_check(with_criterion: bool):
    """The scale, and the facts planner.scoring.lifecycle.check_ballot decides on:
    statuses, whether this stakeholder, candidate and criterion belong here."""
    in_session = exists().where(
        Participant.session_id == ScoringSession.id,
        Participant.stakeholder_id == bindparam("stakeholder_id"),
    )
    in_round = exists().where(
        RoundCandidate.round_id == ScoringRound.id,
        RoundCandidate.candidate_id == bindparam("candidate_id"),
    )
    own_criterion = exists().where(
        Criterion.id == bindparam("criterion_id"),
        Criterion.workspace_id == ScoringSession.workspace_id,
    )
    # a criterion limited to roles is rated by stakeholders of those roles only
    limited = exists().where(CriterionRole.criterion_id == bindparam("criterion_id"))
    for_my_role = exists().where(
        CriterionRole.criterion_id == bindparam("criterion_id"),
        Stakeholder.id == bindparam("stakeholder_id"),
        func.lower(CriterionRole.role) == func.lower(Stakeholder.role),
    )
    return (
        select(
            ScoringModel.scale,
            ScoringSession.status.label("session_status"),
            ScoringRound.status.label("round_status"),
            in_session.label("joined"),
            in_round.label("in_round"),
            (own_criterion if with_criterion else true()).label("own_criterion"),
            (or_(~limited, for_my_role) if with_criterion else true()).label("for_role"),
        )
        .join(ScoringSession, ScoringSession.id == ScoringRound.session_id)
        .join(ScoringModel, ScoringModel.workspace_id == ScoringSession.workspace_id)
        .where(ScoringRound.id == bindparam("round_id"))
    )


# Built once: a vote is the hottest write of a workshop.
BALLOT_CHECKS = {True: _ballot_check(True), False: _ballot_check(False)}


def _check_ballot(
    db: Session,
    round_id: int,
    stakeholder_id: int,
    candidate_id: int,
    criterion_id: int | None,
) -> str:
    """Raise unless this stakeholder may answer here now (planner.scoring.lifecycle);
    returns the workspace's scale."""
    # The reveal takes this lock alone (store.scoring.sessions.reveal_round): it waits
    # for the answers being written, and an answer begun after it waits, then reads
    # "revealed" below (this lock first: the check's statement reads after it).
    hold_lock(db, ROUND_VOTES, round_id, shared=True)
    row = db.execute(
        BALLOT_CHECKS[criterion_id is not None],
        {
            "round_id": round_id,
            "stakeholder_id": stakeholder_id,
            "candidate_id": candidate_id,
            "criterion_id": criterion_id,
        },
    ).first()
    check_ballot(
        None
        if row is None
        else BallotPlace(
            session_status=row.session_status,
            round_status=row.round_status,
            joined=row.joined,
            in_round=row.in_round,
            own_criterion=row.own_criterion,
            for_role=row.for_role,
        )
    )
    return row.scale


def cast_vote(
    *,
    db: Session,
    round_id: int,
    stakeholder_id: int,
    candidate_id: int,
    criterion_id: int,
    label: str | None,
) -> None:
    """Save (or change) an answer at once: `label` is `Answer.label` (None: "don't know")."""
    scale = SCALES[_check_ballot(db, round_id, stakeholder_id, candidate_id, criterion_id)]
    label_kept, score = Answer(label).stored(scale)
    upsert(
        db,
        Vote,
        {
            "round_id": round_id,
            "stakeholder_id": stakeholder_id,
            "candidate_id": candidate_id,
            "criterion_id": criterion_id,
            "score": score,
            "label": label_kept,
            "updated_at": utcnow(),
        },
        keys=("round_id", "stakeholder_id", "candidate_id", "criterion_id"),
        update_columns=("score", "label", "updated_at"),
    )


def set_comment(
    *, db: Session, round_id: int, stakeholder_id: int, candidate_id: int, comment: str
) -> None:
    """Keep the stakeholder's comment on a candidate, under the one text rule."""
    comment = validated(CommentSet, round=round_id, candidate=candidate_id, comment=comment).comment
    _check_ballot(db, round_id, stakeholder_id, candidate_id, None)
    upsert(
        db,
        BallotComment,
        {
            "round_id": round_id,
            "stakeholder_id": stakeholder_id,
            "candidate_id": candidate_id,
            "comment": comment,
            "updated_at": utcnow(),
        },
        keys=("round_id", "stakeholder_id", "candidate_id"),
        update_columns=("comment", "updated_at"),
    )


def my_ballot(*, db: Session, round_id: int, stakeholder_id: int) -> Ballot:
    """This stakeholder's own answers and comments in the round, nobody else's."""
    votes = db.execute(
        select(Vote.candidate_id, Vote.criterion_id, Vote.label, Vote.score).where(
            Vote.round_id == round_id, Vote.stakeholder_id == stakeholder_id
        )
    )
    comments = db.execute(
        select(BallotComment.candidate_id, BallotComment.comment).where(
            BallotComment.round_id == round_id, BallotComment.stakeholder_id == stakeholder_id
        )
    )
    return Ballot(
        answers={(c, k): Answer.from_stored(label, score).label for c, k, label, score in votes},
        comments=dict(comments.all()),
    )


def _completed(setup: ScoringSetup, round_id: int):
    """(stakeholder_id, candidate_id) of every candidate a stakeholder answered on each
    criterion they rate (see planner.store.scoring.entitlement)."""
    return (
        select(Vote.stakeholder_id, Vote.candidate_id)
        .join(Stakeholder, Stakeholder.id == Vote.stakeholder_id)
        .where(Vote.round_id == round_id, counted(setup))
        .group_by(Vote.stakeholder_id, Vote.candidate_id, Stakeholder.role)
        .having(func.count() >= needed(setup))
        .subquery()
    )


def progress(*, db: Session, round_id: int) -> pd.DataFrame:
    """Per participant: name, role, and how many candidates they answered fully (all of
    them for someone whose role rates no criterion: there is nothing left for them)."""
    setup = round_setup(db, round_id)
    session_id = (
        select(ScoringRound.session_id).where(ScoringRound.id == round_id).scalar_subquery()
    )
    answered = _completed(setup, round_id)
    rows = db.execute(
        select(
            Stakeholder.id, Stakeholder.name, Stakeholder.role, func.count(answered.c.candidate_id)
        )
        .join(Participant, Participant.stakeholder_id == Stakeholder.id)
        .outerjoin(answered, answered.c.stakeholder_id == Stakeholder.id)
        .where(Participant.session_id == session_id)
        .group_by(Stakeholder.id, Stakeholder.name, Stakeholder.role, Participant.joined_at)
        .order_by(Participant.joined_at)
    )
    people = pd.DataFrame(rows.all(), columns=["stakeholder_id", "name", "role", "scored"])
    idle = [not setup.criteria_for(str(role)) for role in people["role"]]
    if any(idle):
        total = db.scalar(select(func.count()).where(RoundCandidate.round_id == round_id))
        people.loc[idle, "scored"] = total
    return people


def votes_per_candidate(*, db: Session, round_id: int) -> dict[int, int]:
    """candidate id -> how many stakeholders answered it fully (no scores)."""
    answered = _completed(round_setup(db, round_id), round_id)
    rows = db.execute(
        select(answered.c.candidate_id, func.count()).group_by(answered.c.candidate_id)
    )
    return dict(rows.all())


def round_votes(*, db: Session, round_ids: list[int]) -> pd.DataFrame:
    """Every vote of these rounds, for aggregation and the reveal."""
    return read_frame(
        db,
        select(
            Vote.round_id,
            Vote.candidate_id,
            Vote.stakeholder_id,
            Vote.criterion_id,
            Vote.score,
            Vote.label,
            Stakeholder.name.label("stakeholder"),
            Stakeholder.role,
        )
        .join(Stakeholder, Stakeholder.id == Vote.stakeholder_id)
        .where(Vote.round_id.in_(round_ids)),
    ).astype({"score": float})


def round_comments(*, db: Session, round_id: int) -> pd.DataFrame:
    rows = db.execute(
        select(BallotComment.candidate_id, Stakeholder.name, BallotComment.comment)
        .join(Stakeholder, Stakeholder.id == BallotComment.stakeholder_id)
        .where(and_(BallotComment.round_id == round_id, BallotComment.comment != ""))
    )
    return pd.DataFrame(rows.all(), columns=["candidate_id", "stakeholder", "comment"])
