"""A round's time box, the reveals that happen by themselves, and nudges to stragglers.

The facilitator starts a timer on the voting round (its deadline is stored, so every
ballot and screen counts down to the same moment) and chooses whether the round reveals
itself at zero or once everyone finished; `reveal_if_due` does it, called by whatever
polls the round (ballots, the live view, the presenter view) — no scheduler needed.
"""

from datetime import datetime, timedelta

from sqlalchemy import Engine, select, update
from sqlmodel import Session

from planner.core.db import reading, utc, writing
from planner.core.errors import InvalidInput
from planner.core.i18n import t
from planner.models import Participant, ScoringRound, ScoringSession, Vote, Workspace, utcnow
from planner.scoring.lifecycle import accepts_votes, require_open, require_voting
from planner.scoring.time_box import MINUTES_MAX, NUDGE_SHOWN, Due, reveal_due
from planner.store.audit import record
from planner.store.scoring.sessions import candidate_count, current_round, get_session, reveal_round
from planner.store.scoring.votes import progress


def _voting_round(db: Session, session_id: int) -> ScoringRound:
    scoring = get_session(db=db, session_id=session_id)
    require_open(scoring.status, scoring.name)
    last = current_round(db=db, session_id=session_id)
    require_voting(last.status)
    return last


def start_timer(
    *, db: Session, session_id: int, minutes: float, now: datetime | None = None
) -> ScoringRound:
    """Give the voting round `minutes` from now (a running timer starts over)."""
    if not 0 < minutes <= MINUTES_MAX:
        raise InvalidInput("error.timer_minutes", limit=MINUTES_MAX)
    last = _voting_round(db, session_id)
    last.deadline = (now or utcnow()) + timedelta(minutes=minutes)
    db.add(last)
    db.flush()
    return last


def stop_timer(*, db: Session, session_id: int) -> ScoringRound:
    last = _voting_round(db, session_id)
    last.deadline = None
    db.add(last)
    db.flush()
    return last


def nudge(
    *, db: Session, session_id: int, stakeholder_ids: list[int], now: datetime | None = None
) -> int:
    """Ask these participants to finish: their ballots show a friendly banner. Returns how
    many were nudged (people not in the session are ignored)."""
    _voting_round(db, session_id)
    done = db.execute(
        update(Participant)
        .where(
            Participant.session_id == session_id,
            Participant.stakeholder_id.in_(stakeholder_ids),
        )
        .values(nudged_at=now or utcnow())
    )
    return done.rowcount


def nudged(*, db: Session, session_id: int, now: datetime) -> dict[int, datetime]:
    """stakeholder id -> when they were nudged, for nudges still showing."""
    rows = db.execute(
        select(Participant.stakeholder_id, Participant.nudged_at).where(
            Participant.session_id == session_id,
            Participant.nudged_at >= now - NUDGE_SHOWN,
        )
    )
    return {who: utc(at) for who, at in rows.all()}


def due_reveal(*, db: Session, session_id: int, now: datetime) -> Due | None:
    """Whether the session's voting round should reveal itself now, and why (a read)."""
    scoring = db.get(ScoringSession, session_id)
    if scoring is None or not (scoring.reveal_at_zero or scoring.reveal_when_done):
        return None
    last = current_round(db=db, session_id=session_id)
    if not accepts_votes(scoring.status, last.status):
        return None
    voted = db.scalar(select(Vote.round_id).where(Vote.round_id == last.id).limit(1)) is not None
    joined = finished = 0
    if scoring.reveal_when_done and voted:
        people = progress(db=db, round_id=last.id)
        total = candidate_count(db=db, round_id=last.id)
        joined, finished = len(people), int((people["scored"] >= total).sum())
    return reveal_due(
        now=now,
        deadline=None if last.deadline is None else utc(last.deadline),
        at_zero=scoring.reveal_at_zero,
        when_done=scoring.reveal_when_done,
        joined=joined,
        finished=finished,
        voted=voted,
    )


def reveal_if_due(*, db: Session, session_id: int, now: datetime | None = None) -> Due | None:
    """Reveal the voting round if the session's rules say so now, logged in the audit
    log in the workspace's language; why, or None. Checked again inside the write, so
    two servers polling at once reveal once."""
    due = due_reveal(db=db, session_id=session_id, now=now or utcnow())
    if due is None:
        return None
    last = reveal_round(db=db, session_id=session_id)
    scoring = get_session(db=db, session_id=session_id)
    lang = db.get(Workspace, scoring.workspace_id).language
    record(
        db=db,
        workspace_id=scoring.workspace_id,
        actor=t("audit.the_app", lang),
        action=t(f"audit.revealed_{due}", lang, number=last.number, session=scoring.name),
    )
    return due


def reveal_when_due(engine: Engine, session_id: int) -> Due | None:
    """`reveal_if_due` for screens that poll: a read first, a write only when a reveal is
    due (a facilitator's or presenter's screen every few seconds must not queue behind
    the votes for SQLite's write lock)."""
    now = utcnow()
    with reading(engine) as db:
        if due_reveal(db=db, session_id=session_id, now=now) is None:
            return None
    with writing(engine) as db:
        return reveal_if_due(db=db, session_id=session_id, now=now)
