"""Import rows that repeat a workspace's candidate: found per phase, the best match per
row, rows tied by dependencies left alone; merged instead of added."""

import pytest

from planner.importing.duplicates import duplicate_rows, merge_rows, without_rows
from planner.importing.preview import preview_import
from planner.importing.reading import read_table
from planner.store.journey.candidates import candidate_frame
from planner.store.journey.merges import recent_merges
from tests.factories import add_candidate, make_journey
from tests.importing.helpers import csv_bytes

pytestmark = pytest.mark.storage


@pytest.fixture(name="workspace")
def workspace_fixture(db):
    journey = make_journey(db)
    status = add_candidate(db, journey, "Order status in the app", "Service", ["Mobile app"])
    wrap = add_candidate(db, journey, "Gift wrapping", "Buying", ["Store"])
    return journey, status.id, wrap.id


def previewed(db, journey, rows):
    existing = candidate_frame(db=db, workspace_id=journey.workspace.id)
    preview = preview_import(read_table(csv_bytes(rows), "x.csv"), journey, existing=existing)
    return preview, duplicate_rows(preview, existing, journey.channel_names)


def test_a_row_is_matched_to_the_candidate_it_repeats_in_its_phase(db, workspace):
    journey, status, _ = workspace
    preview, found = previewed(
        db,
        journey,
        [
            {"title": "Order status by e-mail", "phase": "Service", "channel": "E-mail"},
            {"title": "Order status by e-mail", "phase": "Buying", "channel": "E-mail"},
            {"title": "Gift wrapping", "phase": "Service", "channel": "Store"},
        ],
    )
    assert list(found) == [2]  # row 3 is another phase; row 4 matches a Buying candidate
    assert (found[2].candidate_id, found[2].title) == (status, "Order status in the app")
    assert found[2].describe("en") == (
        "Possible duplicate of “Order status in the app” (same words apart from the channel)"
    )
    assert [row.row for row in without_rows(preview, found).rows] == [3, 4]


def test_rows_tied_by_dependencies_are_left_to_the_import(db, workspace):
    journey, *_ = workspace
    _, found = previewed(
        db,
        journey,
        [
            {"title": "Order status by e-mail", "phase": "Service", "channel": "E-mail"},
            {
                "title": "Order status by SMS",
                "phase": "Service",
                "channel": "E-mail",
                "depends_on": "Order status by e-mail",
            },
        ],
    )
    assert found == {}


def test_a_merged_row_adds_its_channel_to_the_candidate(db, workspace):
    journey, status, _ = workspace
    row = {"title": "Order status by e-mail", "phase": "Service", "channel": "E-mail"}
    preview, found = previewed(db, journey, [row])
    count = merge_rows(
        db=db, workspace_id=journey.workspace.id, preview=preview, duplicates=found, actor="Eva"
    )
    frame = candidate_frame(db=db, workspace_id=journey.workspace.id).set_index("id")
    assert count == 1 and len(frame) == 2
    assert frame.at[status, "channels"] == ["Mobile app", "E-mail"]
    assert recent_merges(db=db, workspace_id=journey.workspace.id)[0].actor == "Eva"
