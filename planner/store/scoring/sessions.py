"""Scoring sessions: open one with a join code, reveal, re-vote, close (joining: see
planner.store.scoring.stakeholders)."""

from sqlalchemy import func
from sqlmodel import Session, select

from planner.core.errors import InvalidInput, NotFound
from planner.models import (
    Candidate,
    Participant,
    RoundCandidate,
    ScoringRound,
    ScoringSession,
    SessionCreate,
    SessionSettings,
    Stakeholder,
    utcnow,
)
from planner.scoring.join_codes import normalise_code, random_code
from planner.scoring.lifecycle import (
    RoundStatus,
    SessionStatus,
    require_open,
    require_revealed,
    reveal,
)
from planner.store.sql import ROUND_VOTES, hold_lock


def new_code(db: Session) -> str:
    while True:
        code = random_code()
        if db.exec(select(ScoringSession.id).where(ScoringSession.code == code)).first() is None:
            return code


def open_session(
    *, db: Session, workspace_id: int, session_in: SessionCreate, candidate_ids: list[int]
) -> ScoringSession:
    """A new session scoring these candidates in round 1; it gets a fresh join code. In
    focus mode round 1 scores the first of them only (see planner.store.scoring.focus)."""
    owned = set(db.exec(select(Candidate.id).where(Candidate.workspace_id == workspace_id)))
    chosen = list(dict.fromkeys(candidate_ids))
    if not chosen:
        raise InvalidInput("error.session_no_candidates")
    if not set(chosen) <= owned:
        raise NotFound("error.candidate_not_found", id=min(set(chosen) - owned))
    scoring = ScoringSession(
        workspace_id=workspace_id,
        name=session_in.name,
        code=new_code(db),
        focus_queue=chosen if session_in.focus else None,
    )
    db.add(scoring)
    db.flush()
    new_round(db, scoring.id, 1, chosen[:1] if session_in.focus else chosen)
    return scoring


def new_round(db: Session, session_id: int, number: int, candidate_ids) -> ScoringRound:
    scoring_round = ScoringRound(session_id=session_id, number=number)
    db.add(scoring_round)
    db.flush()
    db.add_all(RoundCandidate(round_id=scoring_round.id, candidate_id=c) for c in candidate_ids)
    db.flush()
    return scoring_round


def sessions_of(*, db: Session, workspace_id: int) -> list[ScoringSession]:
    """The workspace's sessions, newest first."""
    query = select(ScoringSession).where(ScoringSession.workspace_id == workspace_id)
    return list(db.exec(query.order_by(ScoringSession.id.desc())))


def get_session(*, db: Session, session_id: int) -> ScoringSession:
    scoring = db.get(ScoringSession, session_id)
    if scoring is None:
        raise NotFound("error.session_not_found")
    return scoring


def find_session(*, db: Session, code: str) -> ScoringSession:
    """The session with this join code (any case, spaces and dashes ignored)."""
    query = select(ScoringSession).where(ScoringSession.code == normalise_code(code))
    scoring = db.exec(query).first()
    if scoring is None:
        raise NotFound("error.session_not_found")
    return scoring


def current_round(*, db: Session, session_id: int) -> ScoringRound:
    query = select(ScoringRound).where(ScoringRound.session_id == session_id)
    return db.exec(query.order_by(ScoringRound.number.desc())).first()


def rounds_of(*, db: Session, session_id: int) -> list[ScoringRound]:
    query = select(ScoringRound).where(ScoringRound.session_id == session_id)
    return list(db.exec(query.order_by(ScoringRound.number)))


def round_candidate_ids(*, db: Session, round_id: int) -> list[int]:
    query = select(RoundCandidate.candidate_id).where(RoundCandidate.round_id == round_id)
    return list(db.exec(query.order_by(RoundCandidate.candidate_id)))


def participants(*, db: Session, session_id: int) -> list[Stakeholder]:
    query = (
        select(Stakeholder)
        .join(Participant, Participant.stakeholder_id == Stakeholder.id)
        .where(Participant.session_id == session_id)
        .order_by(Participant.joined_at)
    )
    return list(db.exec(query))


def reveal_round(*, db: Session, session_id: int) -> ScoringRound:
    """Reveal the current round: voting on it stops, the scores become visible."""
    scoring_round = current_round(db=db, session_id=session_id)
    # waits for the answers being written; answers begun now wait for this transaction
    hold_lock(db, ROUND_VOTES, scoring_round.id, shared=False)
    db.refresh(scoring_round)  # as it is once they are in
    scoring_round.status, scoring_round.revealed_at = reveal(scoring_round.status), utcnow()
    db.add(scoring_round)
    db.flush()
    return scoring_round


def open_revote(*, db: Session, session_id: int, candidate_ids: list[int]) -> ScoringRound:
    """A new round on some of the revealed round's candidates; earlier rounds are kept."""
    scoring = get_session(db=db, session_id=session_id)
    require_open(scoring.status, scoring.name)
    last = current_round(db=db, session_id=session_id)
    require_revealed(last.status)
    allowed = set(round_candidate_ids(db=db, round_id=last.id))
    chosen = [c for c in dict.fromkeys(candidate_ids) if c in allowed]
    if not chosen:
        raise InvalidInput("error.session_no_candidates")
    return new_round(db, session_id, last.number + 1, chosen)


def close_session(*, db: Session, session_id: int) -> ScoringSession:
    """Close the session: nobody can join or vote any more; a voting round is revealed."""
    scoring = get_session(db=db, session_id=session_id)
    last = current_round(db=db, session_id=session_id)
    if last.status == RoundStatus.VOTING:
        reveal_round(db=db, session_id=session_id)
    scoring.status, scoring.closed_at = SessionStatus.CLOSED, utcnow()
    db.add(scoring)
    db.flush()
    return scoring


def candidate_count(*, db: Session, round_id: int) -> int:
    query = select(func.count()).where(RoundCandidate.round_id == round_id)
    return db.exec(query).one()


def stakeholder_names(*, db: Session, workspace_id: int) -> dict[int, str]:
    """stakeholder id -> name, for this workspace."""
    query = select(Stakeholder.id, Stakeholder.name).where(Stakeholder.workspace_id == workspace_id)
    return dict(db.execute(query).all())


def change_settings(*, db: Session, session_id: int, settings: SessionSettings) -> ScoringSession:
    """Auto-advance of the ballots, the automatic reveals (planner.scoring.time_box),
    named comments on the presenter view: those given change, the others stay."""
    scoring = get_session(db=db, session_id=session_id)
    for field, value in settings.model_dump(exclude_none=True).items():
        setattr(scoring, field, value)
    db.add(scoring)
    db.flush()
    return scoring
