"""A workspace's settled consensus: revealed votes, overrides, pre-scores."""

import pytest

from planner.core.errors import InvalidInput, validated
from planner.models import OverrideCreate, ScoringModelUpdate
from planner.store.consensus import add_override, override_history, workspace_consensus
from planner.store.scoring_model import update_scoring_model
from planner.store.sessions import open_revote, reveal_round
from tests.factories import add_candidate, join, make_journey, vote_all

pytestmark = pytest.mark.storage


def consensus(session, journey):
    return workspace_consensus(session=session, workspace_id=journey.workspace.id)


def test_votes_count_only_once_revealed(workshop, session):
    journey, ideas, scoring, setup = workshop
    for name, label in (("A", "1"), ("B", "3"), ("C", "5")):
        vote_all(session, scoring, join(session, scoring, name), ideas[0].id, setup, label)
    before = consensus(session, journey).loc[ideas[0].id]
    assert before["value_source"] == "none"
    reveal_round(session=session, session_id=scoring.id)
    after = consensus(session, journey).loc[ideas[0].id]
    assert (after["value"], after["effort"], after["value_source"]) == (5.0, 5.0, "votes")
    assert after["value_n"] == 3


def test_too_few_votes_are_marked_not_scored(workshop, session):
    journey, ideas, scoring, setup = workshop
    vote_all(session, scoring, join(session, scoring, "A"), ideas[0].id, setup, "5")
    reveal_round(session=session, session_id=scoring.id)
    row = consensus(session, journey).loc[ideas[0].id]
    assert row["insufficient"] and row["value_source"] == "insufficient"
    assert row["value"] != row["value"]  # NaN
    update_scoring_model(
        session=session, workspace_id=journey.workspace.id, model_in=ScoringModelUpdate(min_votes=1)
    )
    assert consensus(session, journey).loc[ideas[0].id, "value"] == 10.0


def test_the_newest_revealed_round_counts(workshop, session):
    journey, ideas, scoring, setup = workshop
    people = [join(session, scoring, name) for name in "ABC"]
    for person in people:
        vote_all(session, scoring, person, ideas[0].id, setup, "1")
    reveal_round(session=session, session_id=scoring.id)
    open_revote(session=session, session_id=scoring.id, candidate_ids=[ideas[0].id])
    for person in people:
        vote_all(session, scoring, person, ideas[0].id, setup, "5")
    assert consensus(session, journey).loc[ideas[0].id, "value"] == 0.0  # round 2 not revealed
    reveal_round(session=session, session_id=scoring.id)
    assert consensus(session, journey).loc[ideas[0].id, "value"] == 10.0


def test_override_wins_and_is_recorded(session):
    journey = make_journey(session)
    idea = add_candidate(session, journey, pre_value=3.0, pre_effort=4.0)
    row = consensus(session, journey).loc[idea.id]
    assert (row["value"], row["value_source"]) == (3.0, "import")
    add_override(
        session=session,
        candidate_id=idea.id,
        override_in=OverrideCreate(value=9, reason="Board decision", decided_by="Eva"),
    )
    row = consensus(session, journey).loc[idea.id]
    assert (row["value"], row["value_source"]) == (9.0, "override")
    assert (row["effort"], row["effort_source"]) == (4.0, "import")
    [record] = override_history(session=session, workspace_id=journey.workspace.id).to_dict(
        "records"
    )
    assert (record["reason"], record["decided_by"]) == ("Board decision", "Eva")


@pytest.mark.parametrize("reason", ["", "  ", "ok"])
def test_an_override_needs_a_reason(reason):
    with pytest.raises(InvalidInput, match="Reason"):
        validated(OverrideCreate, value=5, reason=reason, decided_by="Eva")
