"""Scoring sessions: open one with a join code, reveal, re-vote, close (joining: see
planner.store.stakeholders)."""

from sqlalchemy import func
from sqlmodel import Session, select

from planner.core.errors import Conflict, InvalidInput, NotFound
from planner.models import (
    Candidate,
    Participant,
    RoundCandidate,
    ScoringRound,
    ScoringSession,
    SessionCreate,
    Stakeholder,
    utcnow,
)
from planner.scoring.join_codes import normalise_code, random_code


def new_code(session: Session) -> str:
    while True:
        code = random_code()
        if (
            session.exec(select(ScoringSession.id).where(ScoringSession.code == code)).first()
            is None
        ):
            return code


def open_session(
    *, session: Session, workspace_id: int, session_in: SessionCreate, candidate_ids: list[int]
) -> ScoringSession:
    """A new session scoring these candidates in round 1; it gets a fresh join code."""
    owned = set(session.exec(select(Candidate.id).where(Candidate.workspace_id == workspace_id)))
    chosen = list(dict.fromkeys(candidate_ids))
    if not chosen:
        raise InvalidInput("error.session_no_candidates")
    if not set(chosen) <= owned:
        raise NotFound("error.candidate_not_found", id=min(set(chosen) - owned))
    scoring = ScoringSession(
        workspace_id=workspace_id, name=session_in.name, code=new_code(session)
    )
    session.add(scoring)
    session.flush()
    _new_round(session, scoring.id, 1, chosen)
    return scoring


def _new_round(session: Session, session_id: int, number: int, candidate_ids) -> ScoringRound:
    scoring_round = ScoringRound(session_id=session_id, number=number)
    session.add(scoring_round)
    session.flush()
    session.add_all(
        RoundCandidate(round_id=scoring_round.id, candidate_id=c) for c in candidate_ids
    )
    session.flush()
    return scoring_round


def sessions_of(*, session: Session, workspace_id: int) -> list[ScoringSession]:
    """The workspace's sessions, newest first."""
    query = select(ScoringSession).where(ScoringSession.workspace_id == workspace_id)
    return list(session.exec(query.order_by(ScoringSession.id.desc())))


def get_session(*, session: Session, session_id: int) -> ScoringSession:
    scoring = session.get(ScoringSession, session_id)
    if scoring is None:
        raise NotFound("error.session_not_found")
    return scoring


def find_session(*, session: Session, code: str) -> ScoringSession:
    """The session with this join code (any case, spaces and dashes ignored)."""
    query = select(ScoringSession).where(ScoringSession.code == normalise_code(code))
    scoring = session.exec(query).first()
    if scoring is None:
        raise NotFound("error.session_not_found")
    return scoring


def current_round(*, session: Session, session_id: int) -> ScoringRound:
    query = select(ScoringRound).where(ScoringRound.session_id == session_id)
    return session.exec(query.order_by(ScoringRound.number.desc())).first()


def rounds_of(*, session: Session, session_id: int) -> list[ScoringRound]:
    query = select(ScoringRound).where(ScoringRound.session_id == session_id)
    return list(session.exec(query.order_by(ScoringRound.number)))


def round_candidate_ids(*, session: Session, round_id: int) -> list[int]:
    query = select(RoundCandidate.candidate_id).where(RoundCandidate.round_id == round_id)
    return list(session.exec(query.order_by(RoundCandidate.candidate_id)))


def participants(*, session: Session, session_id: int) -> list[Stakeholder]:
    query = (
        select(Stakeholder)
        .join(Participant, Participant.stakeholder_id == Stakeholder.id)
        .where(Participant.session_id == session_id)
        .order_by(Participant.joined_at)
    )
    return list(session.exec(query))


def reveal_round(*, session: Session, session_id: int) -> ScoringRound:
    """Reveal the current round: voting on it stops, the scores become visible."""
    scoring_round = current_round(session=session, session_id=session_id)
    if scoring_round.status != "voting":
        raise Conflict("error.round_not_voting")
    scoring_round.status, scoring_round.revealed_at = "revealed", utcnow()
    session.add(scoring_round)
    session.flush()
    return scoring_round


def open_revote(*, session: Session, session_id: int, candidate_ids: list[int]) -> ScoringRound:
    """A new round on some of the revealed round's candidates; earlier rounds are kept."""
    scoring = get_session(session=session, session_id=session_id)
    if scoring.status != "open":
        raise Conflict("error.session_closed", name=scoring.name)
    last = current_round(session=session, session_id=session_id)
    if last.status != "revealed":
        raise Conflict("error.round_not_revealed")
    allowed = set(round_candidate_ids(session=session, round_id=last.id))
    chosen = [c for c in dict.fromkeys(candidate_ids) if c in allowed]
    if not chosen:
        raise InvalidInput("error.session_no_candidates")
    return _new_round(session, session_id, last.number + 1, chosen)


def close_session(*, session: Session, session_id: int) -> ScoringSession:
    """Close the session: nobody can join or vote any more; a voting round is revealed."""
    scoring = get_session(session=session, session_id=session_id)
    last = current_round(session=session, session_id=session_id)
    if last.status == "voting":
        reveal_round(session=session, session_id=session_id)
    scoring.status, scoring.closed_at = "closed", utcnow()
    session.add(scoring)
    session.flush()
    return scoring


def candidate_count(*, session: Session, round_id: int) -> int:
    query = select(func.count()).where(RoundCandidate.round_id == round_id)
    return session.exec(query).one()


def stakeholder_names(*, session: Session, workspace_id: int) -> dict[int, str]:
    """stakeholder id -> name, for this workspace."""
    query = select(Stakeholder.id, Stakeholder.name).where(Stakeholder.workspace_id == workspace_id)
    return dict(session.execute(query).all())


def set_auto_advance(*, session: Session, session_id: int, on: bool) -> ScoringSession:
    """Whether ballots move on to the next unscored candidate once one is complete."""
    scoring = get_session(session=session, session_id=session_id)
    scoring.auto_advance = on
    session.add(scoring)
    session.flush()
    return scoring
