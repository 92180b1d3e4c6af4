"""Calibration references: at most three per dimension, each once, an answer of the scale."""

import pytest

from planner.core.errors import InvalidInput, NotFound
from planner.models import ReferenceSet, ScoringModelUpdate
from planner.store.scoring.calibration import references, set_references
from planner.store.scoring.scoring_model import update_scoring_model
from tests.factories import add_candidate, make_journey

pytestmark = pytest.mark.storage


def refs(*pairs):
    return [ReferenceSet(candidate_id=c, label=label) for c, label in pairs]


def test_references_are_set_per_dimension_and_read_in_scale_order(workshop, db):
    journey, ideas, _, _ = workshop
    wid = journey.workspace.id
    set_references(
        db=db,
        workspace_id=wid,
        dimension="effort",
        chosen=refs((ideas[0].id, "4"), (ideas[1].id, "1")),
    )
    set_references(db=db, workspace_id=wid, dimension="value", chosen=refs((ideas[2].id, "5")))
    found = references(db=db, workspace_id=wid)
    assert [(r.title, r.label) for r in found["effort"]] == [("Idea 1", "1"), ("Idea 0", "4")]
    assert [(r.title, r.label) for r in found["value"]] == [("Idea 2", "5")]
    set_references(db=db, workspace_id=wid, dimension="effort", chosen=[])  # replaced
    assert references(db=db, workspace_id=wid)["effort"] == []


@pytest.mark.parametrize(
    ("pairs", "message"),
    [
        ([(1, "1"), (2, "2"), (3, "3"), (1, "4")], "At most 3 reference candidates"),
        ([(1, "1"), (1, "2")], "once per dimension"),
        ([(1, "?")], "not an answer on this scale"),
        ([(1, "XL")], "not an answer on this scale"),
    ],
)
def test_bad_references_are_refused(workshop, db, pairs, message):
    journey, ideas, _, _ = workshop
    ids = [i.id for i in ideas]
    chosen = refs(*[(ids[c - 1], label) for c, label in pairs])
    with pytest.raises(InvalidInput, match=message):
        set_references(db=db, workspace_id=journey.workspace.id, dimension="value", chosen=chosen)


def test_a_reference_from_another_workspace_is_refused(workshop, db):
    journey, _, _, _ = workshop
    other = add_candidate(db, make_journey(db, name="Other"), "Elsewhere")
    with pytest.raises(NotFound):
        set_references(
            db=db,
            workspace_id=journey.workspace.id,
            dimension="value",
            chosen=refs((other.id, "3")),
        )


def test_a_scale_change_hides_answers_it_no_longer_has(workshop, db):
    journey, ideas, _, _ = workshop
    wid = journey.workspace.id
    set_references(db=db, workspace_id=wid, dimension="value", chosen=refs((ideas[0].id, "4")))
    update_scoring_model(db=db, workspace_id=wid, model_in=ScoringModelUpdate(scale="tshirt"))
    assert references(db=db, workspace_id=wid)["value"] == []
