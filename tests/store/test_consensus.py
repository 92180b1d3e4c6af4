"""A workspace's settled consensus: revealed votes, overrides, pre-scores."""

import pytest

from planner.core.errors import InvalidInput, validated
from planner.models import OverrideCreate, ScoringModelUpdate
from planner.store.consensus import add_override, override_history, workspace_consensus
from planner.store.scoring_model import update_scoring_model
from planner.store.sessions import open_revote, reveal_round
from tests.factories import add_candidate, join, make_journey, vote_all

pytestmark = pytest.mark.storage


def consensus(db, journey):
    return workspace_consensus(db=db, workspace_id=journey.workspace.id)


def test_votes_count_only_once_revealed(workshop, db):
    journey, ideas, scoring, setup = workshop
    for name, label in (("A", "1"), ("B", "3"), ("C", "5")):
        vote_all(db, scoring, join(db, scoring, name), ideas[0].id, setup, label)
    before = consensus(db, journey).loc[ideas[0].id]
    assert before["value_source"] == "none"
    reveal_round(db=db, session_id=scoring.id)
    after = consensus(db, journey).loc[ideas[0].id]
    assert (after["value"], after["effort"], after["value_source"]) == (5.0, 5.0, "votes")
    assert after["value_n"] == 3


def test_too_few_votes_are_marked_not_scored(workshop, db):
    journey, ideas, scoring, setup = workshop
    vote_all(db, scoring, join(db, scoring, "A"), ideas[0].id, setup, "5")
    reveal_round(db=db, session_id=scoring.id)
    row = consensus(db, journey).loc[ideas[0].id]
    assert row["insufficient"] and row["value_source"] == "insufficient"
    assert row["value"] != row["value"]  # NaN
    update_scoring_model(
        db=db, workspace_id=journey.workspace.id, model_in=ScoringModelUpdate(min_votes=1)
    )
    assert consensus(db, journey).loc[ideas[0].id, "value"] == 10.0


def test_the_newest_revealed_round_counts(workshop, db):
    journey, ideas, scoring, setup = workshop
    people = [join(db, scoring, name) for name in "ABC"]
    for person in people:
        vote_all(db, scoring, person, ideas[0].id, setup, "1")
    reveal_round(db=db, session_id=scoring.id)
    open_revote(db=db, session_id=scoring.id, candidate_ids=[ideas[0].id])
    for person in people:
        vote_all(db, scoring, person, ideas[0].id, setup, "5")
    assert consensus(db, journey).loc[ideas[0].id, "value"] == 0.0  # round 2 not revealed
    reveal_round(db=db, session_id=scoring.id)
    assert consensus(db, journey).loc[ideas[0].id, "value"] == 10.0


def test_override_wins_and_is_recorded(db):
    journey = make_journey(db)
    idea = add_candidate(db, journey, pre_value=3.0, pre_effort=4.0)
    row = consensus(db, journey).loc[idea.id]
    assert (row["value"], row["value_source"]) == (3.0, "import")
    add_override(
        db=db,
        candidate_id=idea.id,
        override_in=OverrideCreate(value=9, reason="Board decision", decided_by="Eva"),
    )
    row = consensus(db, journey).loc[idea.id]
    assert (row["value"], row["value_source"]) == (9.0, "override")
    assert (row["effort"], row["effort_source"]) == (4.0, "import")
    [record] = override_history(db=db, workspace_id=journey.workspace.id).to_dict("records")
    assert (record["reason"], record["decided_by"]) == ("Board decision", "Eva")


@pytest.mark.parametrize("reason", ["", "  ", "ok"])
def test_an_override_needs_a_reason(reason):
    with pytest.raises(InvalidInput, match="Reason"):
        validated(OverrideCreate, value=5, reason=reason, decided_by="Eva")
