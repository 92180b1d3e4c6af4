"""The life of sessions and rounds, and who may answer on a ballot: rule tables."""

import pytest

from planner.core.errors import Conflict, InvalidInput
from planner.scoring.lifecycle import (
    ROUND_TRANSITIONS,
    SESSION_TRANSITIONS,
    BallotPlace,
    RoundStatus,
    SessionStatus,
    accepts_votes,
    check_ballot,
    require_open,
    require_revealed,
    require_voting,
    reveal,
)

OPEN, CLOSED = SessionStatus.OPEN, SessionStatus.CLOSED
VOTING, REVEALED = RoundStatus.VOTING, RoundStatus.REVEALED


def test_the_statuses_are_the_stored_strings():
    assert list(SessionStatus) == ["open", "closed"]
    assert list(RoundStatus) == ["voting", "revealed"]


def test_every_status_has_its_moves_and_nothing_goes_back():
    assert set(SESSION_TRANSITIONS) == set(SessionStatus)
    assert set(ROUND_TRANSITIONS) == set(RoundStatus)
    assert (SESSION_TRANSITIONS[OPEN], SESSION_TRANSITIONS[CLOSED]) == ({CLOSED}, set())
    assert (ROUND_TRANSITIONS[VOTING], ROUND_TRANSITIONS[REVEALED]) == ({REVEALED}, set())


@pytest.mark.parametrize(("status", "refused"), [(OPEN, False), (CLOSED, True), ("open", False)])
def test_only_an_open_session_is_open(status, refused):
    if refused:
        with pytest.raises(Conflict, match="The session “Kick-off” is closed"):
            require_open(status, "Kick-off")
    else:
        require_open(status, "Kick-off")


@pytest.mark.parametrize(("status", "after"), [(VOTING, REVEALED), (REVEALED, Conflict)])
def test_only_a_voting_round_is_revealed(status, after):
    if after is Conflict:
        with pytest.raises(Conflict) as refused:
            reveal(status)
        assert refused.value.key == "error.round_not_voting"
    else:
        assert reveal(status) is after


@pytest.mark.parametrize(
    ("check", "status", "key"),
    [
        (require_voting, VOTING, None),
        (require_voting, REVEALED, "error.round_not_voting"),
        (require_revealed, REVEALED, None),
        (require_revealed, VOTING, "error.round_not_revealed"),
    ],
)
def test_a_round_must_be_in_the_status_a_move_needs(check, status, key):
    if key is None:
        check(status)
    else:
        with pytest.raises(Conflict) as refused:
            check(status)
        assert refused.value.key == key


@pytest.mark.parametrize(
    ("session", "round_", "votes"),
    [
        (OPEN, VOTING, True),
        (OPEN, REVEALED, False),
        (CLOSED, VOTING, False),
        (CLOSED, REVEALED, False),
    ],
)
def test_ballots_take_answers_in_an_open_sessions_voting_round_only(session, round_, votes):
    assert accepts_votes(session, round_) is votes


def place(**changed) -> BallotPlace:
    facts = {
        "session_status": OPEN,
        "round_status": VOTING,
        "joined": True,
        "in_round": True,
        "own_criterion": True,
        "for_role": True,
    }
    return BallotPlace(**(facts | changed))


@pytest.mark.parametrize(
    ("found", "error", "key"),
    [
        (place(), None, None),
        (None, InvalidInput, "error.not_on_ballot"),  # no such round
        (place(joined=False), InvalidInput, "error.not_on_ballot"),
        (place(in_round=False), InvalidInput, "error.not_on_ballot"),
        (place(own_criterion=False), InvalidInput, "error.not_on_ballot"),
        (place(for_role=False), InvalidInput, "error.criterion_not_for_role"),
        (place(round_status=REVEALED), Conflict, "error.round_not_voting"),
        (place(session_status=CLOSED), Conflict, "error.round_not_voting"),
        # not on the ballot is said first, then the role, then the round's status
        (place(joined=False, round_status=REVEALED), InvalidInput, "error.not_on_ballot"),
        (
            place(for_role=False, session_status=CLOSED),
            InvalidInput,
            "error.criterion_not_for_role",
        ),
    ],
)
def test_who_may_answer_on_a_ballot(found, error, key):
    if error is None:
        check_ballot(found)
    else:
        with pytest.raises(error) as refused:
            check_ballot(found)
        assert refused.value.key == key
