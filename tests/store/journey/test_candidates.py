"""Candidates: create, limits, update, delete, and the candidate frame."""

import pytest

from planner.core.errors import InvalidInput, validated
from planner.models import CandidateCreate, CandidateUpdate
from planner.store.journey.candidates import (
    candidate_counts,
    candidate_frame,
    delete_candidates,
    update_candidate,
)
from tests.factories import add_candidate, make_journey

pytestmark = pytest.mark.storage


def test_candidate_frame_resolves_names(db):
    journey = make_journey(db)
    add_candidate(
        db,
        journey,
        "Callback",
        phase="Service",
        channels=["Contact centre", "Website"],
        persona_id=journey.personas[0].id,
        tags=["cost"],
        proposer="Service desk",
        channel_switch=True,
    )
    row = candidate_frame(db=db, workspace_id=journey.workspace.id).iloc[0]
    assert row["title"] == "Callback"
    assert row["phase"] == "Service"
    assert row["channels"] == ["Website", "Contact centre"]  # channel order, not typed order
    assert row["persona"] == "Family"
    assert row["tags"] == ["cost"]
    assert row["channel_switch"]
    assert row["created_at"] is not None


@pytest.mark.parametrize(
    ("fields", "field_label"),
    [
        ({"title": ""}, "Title"),
        ({"title": "x" * 201}, "Title"),
        ({"description": "x" * 5001}, "Description"),
        ({"channel_ids": []}, "Channels"),
        ({"pre_value": 11}, "Value"),
    ],
)
def test_limits_give_a_message_naming_the_field(fields, field_label):
    data = {"title": "Ok", "phase_id": 1, "channel_ids": [1], **fields}
    with pytest.raises(InvalidInput) as error:
        validated(CandidateCreate, **data)
    assert field_label in error.value.message("en")


def test_limits_at_the_edge_are_fine():
    candidate = validated(
        CandidateCreate, title="x" * 200, description="y" * 5000, phase_id=1, channel_ids=[1]
    )
    assert (len(candidate.title), len(candidate.description)) == (200, 5000)


def test_update_changes_only_what_is_set(db):
    journey = make_journey(db)
    candidate = add_candidate(db, journey, "Old", description="Keep me")
    update_candidate(db=db, candidate_id=candidate.id, candidate_in=CandidateUpdate(title="New"))
    row = candidate_frame(db=db, workspace_id=journey.workspace.id).iloc[0]
    assert (row["title"], row["description"]) == ("New", "Keep me")


def test_update_replaces_channels_and_clears_persona(db):
    journey = make_journey(db)
    candidate = add_candidate(db, journey, persona_id=journey.personas[0].id)
    update_candidate(
        db=db,
        candidate_id=candidate.id,
        candidate_in=CandidateUpdate(channel_ids=[journey.channel_id("Chat")], clear_persona=True),
    )
    row = candidate_frame(db=db, workspace_id=journey.workspace.id).iloc[0]
    assert row["channels"] == ["Chat"] and row["persona"] is None


def test_a_phase_of_another_workspace_is_refused(db):
    mine, theirs = make_journey(db, "Mine"), make_journey(db, "Theirs")
    candidate = add_candidate(db, mine)
    with pytest.raises(InvalidInput):
        update_candidate(
            db=db,
            candidate_id=candidate.id,
            candidate_in=CandidateUpdate(phase_id=theirs.phases[0].id),
        )


def test_delete_only_touches_the_workspace(db):
    mine, theirs = make_journey(db, "Mine"), make_journey(db, "Theirs")
    keep = add_candidate(db, theirs)
    gone = add_candidate(db, mine)
    assert (
        delete_candidates(db=db, workspace_id=mine.workspace.id, candidate_ids=[gone.id, keep.id])
        == 1
    )
    assert candidate_counts(db=db) == {theirs.workspace.id: 1}
