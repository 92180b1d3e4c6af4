"""The demo workspace shipped in data/."""

import pytest

from planner.demo import load_demo, load_demo_if_empty
from planner.journey.grid import cell_counts, empty_cells
from planner.store.candidates import candidate_frame
from planner.store.workspaces import list_workspaces, load_journey

pytestmark = pytest.mark.storage


def test_demo_is_a_realistic_six_phase_journey(session):
    workspace = load_demo(session=session)
    journey = load_journey(session=session, workspace_id=workspace.id)
    frame = candidate_frame(session=session, workspace_id=workspace.id)
    assert len(journey.phases) == 6 and len(journey.channels) == 7
    assert 2 <= len(journey.personas) <= 3
    assert 35 <= len(frame) <= 50
    counts = cell_counts(frame, journey.phase_names, journey.channel_names)
    assert 0 < len(empty_cells(counts)) < counts.size / 2  # some gaps, on purpose


def test_demo_is_recreated_not_duplicated(session):
    load_demo(session=session)
    load_demo(session=session)
    assert len(list_workspaces(session=session)) == 1


def test_demo_loads_only_into_an_empty_database(session):
    assert load_demo_if_empty(session=session) is not None
    assert load_demo_if_empty(session=session) is None
