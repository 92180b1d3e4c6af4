"""Focus mode in the store: where the room is in its queue, and moving it on.

Each step is a round of one candidate (planner.scoring.focus): moving everyone to a
candidate opens that round; scoring a candidate again after its reveal is the same move.
"""

from typing import NamedTuple

from sqlalchemy import select
from sqlmodel import Session

from planner.core.errors import Conflict, InvalidInput
from planner.models import RoundCandidate, ScoringRound
from planner.scoring.focus import next_in_queue
from planner.scoring.lifecycle import RoundStatus, require_open
from planner.store.scoring.sessions import current_round, get_session, new_round, reveal_round


class FocusStep(NamedTuple):
    """One candidate of the queue: how often the room scored it, and whether the newest
    of those rounds was revealed."""

    candidate_id: int
    rounds: int
    revealed: bool


class Focus(NamedTuple):
    queue: list[FocusStep]
    current: int  # the candidate of the current round
    round_status: RoundStatus

    def position(self) -> int:
        """1-based place of the current candidate in the queue."""
        return [s.candidate_id for s in self.queue].index(self.current) + 1

    def done(self) -> set[int]:
        return {s.candidate_id for s in self.queue if s.revealed}

    def next(self) -> int | None:
        """The next candidate not revealed yet (after the current one)."""
        return next_in_queue([s.candidate_id for s in self.queue], self.current, self.done())


def focus_of(*, db: Session, session_id: int) -> Focus | None:
    """The focus of a session in focus mode (None: not in focus mode)."""
    scoring = get_session(db=db, session_id=session_id)
    if scoring.focus_queue is None:
        return None
    rows = db.execute(
        select(RoundCandidate.candidate_id, ScoringRound.number, ScoringRound.status)
        .join(ScoringRound, ScoringRound.id == RoundCandidate.round_id)
        .where(ScoringRound.session_id == session_id)
        .order_by(ScoringRound.number)
    ).all()
    rounds: dict[int, int] = {}
    newest: dict[int, RoundStatus] = {}
    for candidate_id, _, status in rows:
        rounds[candidate_id] = rounds.get(candidate_id, 0) + 1
        newest[candidate_id] = status
    last = current_round(db=db, session_id=session_id)
    current = db.scalar(
        select(RoundCandidate.candidate_id).where(RoundCandidate.round_id == last.id)
    )
    return Focus(
        [
            FocusStep(c, rounds.get(c, 0), newest.get(c) == RoundStatus.REVEALED)
            for c in scoring.focus_queue
        ],
        current,
        last.status,
    )


def focus_on(
    *, db: Session, session_id: int, candidate_id: int, skip: bool = False
) -> ScoringRound:
    """Move everyone to `candidate_id` (the current one again: score it again). The
    current round must have been revealed first; `skip` reveals it as it stands."""
    scoring = get_session(db=db, session_id=session_id)
    require_open(scoring.status, scoring.name)
    if scoring.focus_queue is None:
        raise InvalidInput("error.not_focus_mode")
    if candidate_id not in scoring.focus_queue:
        raise InvalidInput("error.session_no_candidates")
    last = current_round(db=db, session_id=session_id)
    if last.status == RoundStatus.VOTING:
        if not skip:
            raise Conflict("error.focus_reveal_first")
        reveal_round(db=db, session_id=session_id)
    return new_round(db, session_id, last.number + 1, [candidate_id])
