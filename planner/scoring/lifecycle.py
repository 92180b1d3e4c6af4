"""The life of a scoring session and its rounds, and who may answer on a ballot.

A session is open (people join and vote) until the facilitator closes it; each of its
rounds is voting until it is revealed. Nothing goes back: a re-vote is a new round.
The store reads the facts and calls these rules for every decision.

>>> accepts_votes(SessionStatus.OPEN, RoundStatus.VOTING)
True
>>> require_open(SessionStatus.CLOSED, "Kick-off")
Traceback (most recent call last):
...
planner.core.errors.Conflict: The session “Kick-off” is closed.
"""

from enum import StrEnum
from typing import NamedTuple

from planner.core.errors import Conflict, InvalidInput


class SessionStatus(StrEnum):
    OPEN = "open"  # stakeholders join and vote
    CLOSED = "closed"  # final: nobody joins or votes any more


class RoundStatus(StrEnum):
    VOTING = "voting"  # blind: nobody sees another's scores
    REVEALED = "revealed"  # final: the scores are shown


# status -> the statuses it may move to
SESSION_TRANSITIONS: dict[SessionStatus, frozenset[SessionStatus]] = {
    SessionStatus.OPEN: frozenset({SessionStatus.CLOSED}),
    SessionStatus.CLOSED: frozenset(),
}
ROUND_TRANSITIONS: dict[RoundStatus, frozenset[RoundStatus]] = {
    RoundStatus.VOTING: frozenset({RoundStatus.REVEALED}),
    RoundStatus.REVEALED: frozenset(),
}


def require_open(status: str, name: str) -> None:
    """Raise `Conflict` unless the session (named `name` in the message) is open."""
    if status != SessionStatus.OPEN:
        raise Conflict("error.session_closed", name=name)


def reveal(status: str) -> RoundStatus:
    """The round's status once revealed; only a voting round can be (else `Conflict`)."""
    if RoundStatus.REVEALED not in ROUND_TRANSITIONS[RoundStatus(status)]:
        raise Conflict("error.round_not_voting")
    return RoundStatus.REVEALED


def require_voting(status: str) -> None:
    """Raise `Conflict` unless the round is still voting (a timer, a nudge)."""
    if status != RoundStatus.VOTING:
        raise Conflict("error.round_not_voting")


def require_revealed(status: str) -> None:
    """Raise `Conflict` unless the round was revealed (a re-vote follows a reveal)."""
    if status != RoundStatus.REVEALED:
        raise Conflict("error.round_not_revealed")


def accepts_votes(session_status: str, round_status: str) -> bool:
    """Whether ballots take answers now: an open session's voting round."""
    return session_status == SessionStatus.OPEN and round_status == RoundStatus.VOTING


class BallotPlace(NamedTuple):
    """What the store found about one answer about to be given (see `check_ballot`)."""

    session_status: str
    round_status: str
    joined: bool  # the stakeholder takes part in the round's session
    in_round: bool  # the candidate is scored in this round
    own_criterion: bool  # the criterion is the session's workspace's (True: no criterion)
    for_role: bool  # the criterion is open to everyone or to the stakeholder's role


def check_ballot(place: BallotPlace | None) -> None:
    """Raise unless a stakeholder may answer here now: they joined, the candidate and
    criterion are on their ballot (None: the round does not exist), the criterion is for
    their role, and the round takes votes."""
    if place is None or not (place.joined and place.in_round and place.own_criterion):
        raise InvalidInput("error.not_on_ballot")
    if not place.for_role:
        raise InvalidInput("error.criterion_not_for_role")
    if not accepts_votes(place.session_status, place.round_status):
        raise Conflict("error.round_not_voting")
