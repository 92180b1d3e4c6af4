"""What the stakeholders said, once revealed: every vote with its answer as chosen and
every comment, round by round; nothing of a round still voting, nor of another
workspace."""

import pytest

from planner.store.scoring.sessions import current_round, open_revote, reveal_round
from planner.store.scoring.transcript import revealed_comments, revealed_votes
from planner.store.scoring.votes import set_comment
from tests.factories import join, make_journey, vote_all

pytestmark = pytest.mark.storage


def comment(db, scoring, person, candidate_id, text):
    round_id = current_round(db=db, session_id=scoring.id).id
    set_comment(
        db=db, round_id=round_id, stakeholder_id=person.id, candidate_id=candidate_id, comment=text
    )


@pytest.fixture(name="said")
def said_fixture(workshop, db):
    """Ann (Sales) and Bob (IT) scored and commented the first idea in round 1."""
    journey, ideas, scoring, setup = workshop
    ann, bob = join(db, scoring, "Ann", "Sales"), join(db, scoring, "Bob", "IT")
    vote_all(db, scoring, ann, ideas[0].id, setup, label="4")
    vote_all(db, scoring, bob, ideas[0].id, setup, label="2")
    comment(db, scoring, ann, ideas[0].id, "Customers ask for it")
    comment(db, scoring, bob, ideas[0].id, "")  # an emptied comment is no comment
    return journey, ideas, scoring, setup, ann, bob


def test_nothing_of_a_round_still_voting_is_in_the_transcript(said, db):
    journey, *_ = said
    assert revealed_votes(db=db, workspace_id=journey.workspace.id).empty
    assert revealed_comments(db=db, workspace_id=journey.workspace.id).empty


def test_a_revealed_round_gives_every_vote_with_its_answer_as_chosen(said, db):
    journey, ideas, scoring, setup, ann, bob = said
    reveal_round(db=db, session_id=scoring.id)
    votes = revealed_votes(db=db, workspace_id=journey.workspace.id)
    assert len(votes) == 2 * len(setup.criteria)
    assert set(votes["session"]) == {"Workshop"}
    assert set(votes["round"]) == {1}
    assert set(votes["candidate_id"]) == {ideas[0].id}
    by_person = votes.groupby("stakeholder_id")
    assert set(by_person.get_group(ann.id)["label"]) == {"4"}
    assert set(by_person.get_group(bob.id)["role"]) == {"IT"}
    assert votes["score"].dtype == float
    # on 0-10: 4 of 1-5 is 7.5, 2 is 2.5
    assert set(by_person.get_group(ann.id)["score"]) == {7.5}
    assert set(by_person.get_group(bob.id)["score"]) == {2.5}


def test_a_revealed_round_gives_every_comment_not_the_empty_ones(said, db):
    journey, ideas, scoring, _, ann, _ = said
    reveal_round(db=db, session_id=scoring.id)
    comments = revealed_comments(db=db, workspace_id=journey.workspace.id)
    assert comments.to_dict("records") == [
        {
            "session": "Workshop",
            "round": 1,
            "stakeholder_id": ann.id,
            "role": "Sales",
            "candidate_id": ideas[0].id,
            "comment": "Customers ask for it",
        }
    ]


def test_a_revote_round_appears_once_revealed_after_the_first(said, db):
    journey, ideas, scoring, setup, ann, _ = said
    reveal_round(db=db, session_id=scoring.id)
    open_revote(db=db, session_id=scoring.id, candidate_ids=[ideas[0].id])
    vote_all(db, scoring, ann, ideas[0].id, setup, label="5")
    assert set(revealed_votes(db=db, workspace_id=journey.workspace.id)["round"]) == {1}
    reveal_round(db=db, session_id=scoring.id)
    votes = revealed_votes(db=db, workspace_id=journey.workspace.id)
    assert votes["round"].tolist() == sorted(votes["round"].tolist())
    assert set(votes.loc[votes["round"] == 2, "label"]) == {"5"}


def test_another_workspaces_votes_are_not_in_the_transcript(said, db):
    _, _, scoring, _, _, _ = said
    reveal_round(db=db, session_id=scoring.id)
    other = make_journey(db, name="Other")
    assert revealed_votes(db=db, workspace_id=other.workspace.id).empty
    assert revealed_comments(db=db, workspace_id=other.workspace.id).empty
