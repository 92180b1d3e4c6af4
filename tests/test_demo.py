"""The demo workspace shipped in data/."""

import pytest

from planner.demo import (
    DEMO_MIN_VOTES,
    demo_workspace,
    find_demo,
    is_demo,
    load_demo,
    load_demo_if_empty,
)
from planner.journey.grid import cell_counts, empty_cells
from planner.store.journey.candidates import candidate_frame
from planner.store.journey.workspaces import list_workspaces, load_journey
from planner.store.scoring.scoring_model import load_scoring_setup

pytestmark = pytest.mark.storage


def test_demo_is_a_realistic_six_phase_journey(db):
    workspace = load_demo(db=db)
    journey = load_journey(db=db, workspace_id=workspace.id)
    frame = candidate_frame(db=db, workspace_id=workspace.id)
    assert len(journey.phases) == 6 and len(journey.channels) == 7
    assert 2 <= len(journey.personas) <= 3
    assert 35 <= len(frame) <= 50
    counts = cell_counts(frame, journey.phase_names, journey.channel_names)
    assert 0 < len(empty_cells(counts)) < counts.size / 2  # some gaps, on purpose


def test_demo_is_recreated_not_duplicated(db):
    load_demo(db=db)
    load_demo(db=db)
    assert len(list_workspaces(db=db)) == 1


def test_demo_loads_only_into_an_empty_database(db):
    assert load_demo_if_empty(db=db) is not None
    assert load_demo_if_empty(db=db) is None


def test_the_demo_is_found_by_name_and_loaded_only_when_missing(db):
    assert find_demo(db=db) is None
    demo = demo_workspace(db=db)
    assert find_demo(db=db).id == demo.id and is_demo(demo)
    assert demo_workspace(db=db).created_at == demo.created_at  # not made again
    assert len(list_workspaces(db=db)) == 1


def test_a_first_round_with_two_colleagues_counts_in_the_demo(db):
    """The README's first round has two colleagues: the demo asks two votes a candidate."""
    workspace = load_demo(db=db)
    assert (
        load_scoring_setup(db=db, workspace_id=workspace.id).model.min_votes == DEMO_MIN_VOTES == 2
    )
