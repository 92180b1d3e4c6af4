"""A workspace's settled consensus: revealed votes, overrides, pre-scores."""

import json
from datetime import date

import pytest

from planner.backup.export import dump_workspace, read_document
from planner.backup.restore import restore_workspace
from planner.core.errors import InvalidInput, validated
from planner.delivery.estimating import estimating_bias
from planner.models import (
    CommitmentCreate,
    OverrideCreate,
    ResultRecord,
    ScoringModelUpdate,
    SessionCreate,
    StatusChange,
)
from planner.store.delivery.commitments import change_status, commit, record_result
from planner.store.scoring.consensus import (
    add_override,
    effort_estimates,
    override_history,
    workspace_consensus,
)
from planner.store.scoring.scoring_model import load_scoring_setup, update_scoring_model
from planner.store.scoring.sessions import open_revote, open_session, reveal_round
from tests.factories import add_candidate, join, make_journey, saved_version, vote_all

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


@pytest.fixture(name="delivered")
def delivered_fixture(db, demo):
    """The demo roadmap's first item done; Ann (IT) scored its effort 5 (= 10) and Bo
    (Sales) 1 (= 0) in a revealed round."""
    version = saved_version(db, demo.id)
    commitment = commit(
        db=db,
        version_id=version.id,
        position=0,
        commitment_in=CommitmentCreate(owner="Team Web", committed_by="Paula", period=0),
    )
    for status in ("in_progress", "done"):
        change_status(
            db=db,
            commitment_id=commitment.id,
            change=StatusChange(status=status, by="Paula"),
            today=date(2027, 2, 1),
        )
    scoring = open_session(
        db=db,
        workspace_id=demo.id,
        session_in=SessionCreate(name="Effort check"),
        candidate_ids=[commitment.candidate_id],
    )
    setup = load_scoring_setup(db=db, workspace_id=demo.id)
    for name, role, label in (("Ann", "IT", "5"), ("Bo", "Sales", "1")):
        person = join(db, scoring, name, role)
        vote_all(db, scoring, person, commitment.candidate_id, setup, label)
    reveal_round(db=db, session_id=scoring.id)
    return commitment


def estimated(db, workspace_id):
    return estimating_bias(*effort_estimates(db=db, workspace_id=workspace_id))


def test_the_actual_effort_recorded_is_the_one_estimating_reads(db, demo, delivered):
    assert estimated(db, demo.id).recorded == 0
    record_result(
        db=db, commitment_id=delivered.id, result=ResultRecord(actual_effort=4, by="Paula")
    )
    _, actuals = effort_estimates(db=db, workspace_id=demo.id)
    assert actuals.to_dict("records") == [
        {"candidate_id": delivered.candidate_id, "actual_effort": 4.0}
    ]
    bias = estimated(db, demo.id)
    assert (bias.recorded, bias.scored) == (1, 1)
    assert bias.people.set_index("stakeholder")["bias"].to_dict() == {"Ann": 6.0, "Bo": -4.0}
    assert bias.roles.set_index("role")["mean_error"].to_dict() == {"IT": 6.0, "Sales": 4.0}


def test_an_unscored_delivered_item_still_counts_its_actual_effort(db, demo):
    version = saved_version(db, demo.id)
    commitment = commit(
        db=db,
        version_id=version.id,
        position=1,
        commitment_in=CommitmentCreate(owner="Team Web", committed_by="Paula", period=0),
    )
    for status in ("in_progress", "done"):
        change_status(
            db=db,
            commitment_id=commitment.id,
            change=StatusChange(status=status, by="Paula"),
            today=date(2027, 2, 1),
        )
    record_result(
        db=db, commitment_id=commitment.id, result=ResultRecord(actual_effort=3, by="Paula")
    )
    bias = estimated(db, demo.id)
    assert (bias.recorded, bias.scored, len(bias.people)) == (1, 0, 0)


def test_a_restored_backup_brings_its_actual_efforts_along(db, demo, delivered):
    """The import that can carry an actual effort: a workspace backup (JSON)."""
    record_result(
        db=db, commitment_id=delivered.id, result=ResultRecord(actual_effort=4, by="Paula")
    )
    document = dump_workspace(db=db, workspace_id=demo.id)
    copy = restore_workspace(
        db=db, document=read_document(json.dumps(document).encode()), name="Copy"
    )
    original, restored = estimated(db, demo.id), estimated(db, copy.id)
    assert (restored.recorded, restored.scored) == (1, 1)
    assert restored.people.equals(original.people)
    assert restored.roles.equals(original.roles)
