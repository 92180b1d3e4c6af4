"""What one stakeholder's ballot reads: who takes part, the round's state, the list and
how far they are, one candidate's card, their own answers and comment; nothing of
anybody else's."""

from datetime import UTC, datetime, timedelta

import pytest

from planner.core.errors import InvalidInput
from planner.models import SessionCreate
from planner.scoring.lifecycle import RoundStatus, SessionStatus
from planner.store.scoring.ballot import (
    answered_ids,
    ballot_list,
    candidate_card,
    my_answers,
    my_comment,
    my_criteria,
    round_state,
    takes_part,
)
from planner.store.scoring.round_timing import start_timer
from planner.store.scoring.sessions import current_round, open_session, reveal_round
from planner.store.scoring.votes import cast_vote, set_comment
from tests.factories import join, vote_all

pytestmark = pytest.mark.storage
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


@pytest.fixture(name="ballot")
def ballot_fixture(workshop, db):
    """Ann and Bob in the workshop's session: (ideas, session, setup, round id, Ann, Bob)."""
    _, ideas, scoring, setup = workshop
    ann, bob = join(db, scoring, "Ann"), join(db, scoring, "Bob")
    round_id = current_round(db=db, session_id=scoring.id).id
    return ideas, scoring, setup, round_id, ann, bob


def test_a_stakeholder_takes_part_in_their_session_only(ballot, workshop, db):
    journey, ideas, scoring, _ = workshop
    _, _, _, round_id, ann, _ = ballot
    other = open_session(
        db=db,
        workspace_id=journey.workspace.id,
        session_in=SessionCreate(name="Other"),
        candidate_ids=[ideas[2].id],
    )
    assert takes_part(db=db, stakeholder_id=ann.id, session_id=scoring.id)
    assert takes_part(db=db, stakeholder_id=ann.id, round_id=round_id)
    assert not takes_part(db=db, stakeholder_id=ann.id, session_id=other.id)
    other_round = current_round(db=db, session_id=other.id).id
    assert not takes_part(db=db, stakeholder_id=ann.id, round_id=other_round)


def test_the_round_state_follows_the_newest_round(ballot, db):
    _, scoring, _, round_id, _, _ = ballot
    state = round_state(db=db, session_id=scoring.id)
    assert (state.round_id, state.number, state.round_status, state.session_status) == (
        round_id,
        1,
        RoundStatus.VOTING,
        SessionStatus.OPEN,
    )
    assert state.deadline is None
    start_timer(db=db, session_id=scoring.id, minutes=5, now=NOW)
    assert round_state(db=db, session_id=scoring.id).deadline == NOW + timedelta(minutes=5)
    reveal_round(db=db, session_id=scoring.id)
    assert round_state(db=db, session_id=scoring.id).round_status == RoundStatus.REVEALED
    assert round_state(db=db, session_id=10**6) is None


def test_the_list_is_the_rounds_candidates_and_those_answered_fully(ballot, db):
    ideas, scoring, setup, round_id, ann, bob = ballot
    first, second = ideas[0], ideas[1]
    vote_all(db, scoring, ann, first.id, setup)
    vote_all(db, scoring, ann, second.id, setup, criteria=setup.criteria[:1])  # not all
    vote_all(db, scoring, bob, second.id, setup)
    titles, answered = ballot_list(db=db, round_id=round_id, stakeholder_id=ann.id)
    assert titles == [(first.id, first.title), (second.id, second.title)]
    assert answered == [first.id]
    assert answered_ids(db=db, round_id=round_id, stakeholder_id=bob.id) == [second.id]


def test_everyone_rates_every_criterion_in_order_without_limits(ballot, db):
    _, _, setup, round_id, ann, _ = ballot
    assert my_criteria(db=db, round_id=round_id, stakeholder_id=ann.id) == [
        c.id for c in setup.criteria
    ]


def test_a_card_shows_the_candidate_and_only_one_of_the_round(ballot, db):
    ideas, _, _, round_id, _, _ = ballot
    card = candidate_card(db=db, round_id=round_id, candidate_id=ideas[0].id)
    assert (card.candidate, card.title, card.description) == (ideas[0].id, "Idea 0", "")
    assert card.phase == "Inspiration"
    assert card.channels == ["Website"]
    with pytest.raises(InvalidInput):
        candidate_card(db=db, round_id=round_id, candidate_id=ideas[2].id)  # not in the round


def test_my_answers_and_comment_are_mine_only(ballot, db):
    ideas, _, setup, round_id, ann, bob = ballot
    idea = ideas[0].id
    customer, business, effort = (c.id for c in setup.criteria)
    for criterion, label in ((customer, "4"), (business, None)):
        cast_vote(
            db=db,
            round_id=round_id,
            stakeholder_id=ann.id,
            candidate_id=idea,
            criterion_id=criterion,
            label=label,
        )
    cast_vote(
        db=db,
        round_id=round_id,
        stakeholder_id=bob.id,
        candidate_id=idea,
        criterion_id=effort,
        label="2",
    )
    set_comment(db=db, round_id=round_id, stakeholder_id=bob.id, candidate_id=idea, comment="Bob's")
    assert my_answers(db=db, round_id=round_id, stakeholder_id=ann.id, candidate_id=idea) == {
        customer: "4",
        business: None,  # don't know
    }
    assert my_comment(db=db, round_id=round_id, stakeholder_id=ann.id, candidate_id=idea) == ""
    assert my_comment(db=db, round_id=round_id, stakeholder_id=bob.id, candidate_id=idea) == (
        "Bob's"
    )
