"""An import in batches: the same result as one transaction, nothing seen before the
end, nothing left when it fails."""

import pytest
from sqlalchemy import func, select

from planner.core.db import reading, writing
from planner.core.errors import Conflict
from planner.importing import batched
from planner.importing.batched import import_in_batches
from planner.importing.preview import preview_import
from planner.importing.reading import ImportFailed, read_table
from planner.models import Workspace, WorkspaceCreate
from planner.store.journey.candidates import candidate_frame
from planner.store.journey.workspaces import list_workspaces, load_journey
from planner.store.roadmap.dependencies import dependency_frame
from tests.factories import make_journey
from tests.importing.helpers import csv_bytes
from tests.importing.test_apply import BAD, GOOD

pytestmark = pytest.mark.storage


@pytest.fixture(name="journey")
def journey_fixture(engine):
    with writing(engine) as db:
        return make_journey(db)


def rows(count: int) -> list[dict]:
    many = [{**GOOD, "title": f"Idea {n}", "phase": "Aftercare"} for n in range(count)]
    many[0] |= {"persona": "Student", "channel": "Kiosk|Website"}
    return [*many, {**GOOD, "title": "Collect", "depends_on": "Idea 3"}]


def preview_of(journey, data):
    table = read_table(csv_bytes(data), "x.csv")
    unknown = preview_import(table, journey).unknown
    return preview_import(table, journey, accept_new=unknown)


def workspaces(engine) -> int:
    with reading(engine) as db:
        return db.scalar(select(func.count()).select_from(Workspace))


def test_batches_give_what_one_transaction_gives(engine, journey):
    preview = preview_of(journey, rows(7))
    workspace, count = import_in_batches(
        engine=engine, preview=preview, workspace_id=journey.workspace.id, batch=3
    )
    assert (workspace.id, count) == (journey.workspace.id, 8)
    with reading(engine) as db:
        frame = candidate_frame(db=db, workspace_id=journey.workspace.id)
        after = load_journey(db=db, workspace_id=journey.workspace.id)
        needs = dependency_frame(db=db, workspace_id=journey.workspace.id)
    assert len(frame) == 8 and set(frame["phase"]) == {"Aftercare", "Buying"}
    first = frame.set_index("title").loc["Idea 0"]
    assert first["persona"] == "Student" and sorted(first["channels"]) == ["Kiosk", "Website"]
    assert "Aftercare" in after.phase_names and "Kiosk" in after.channel_names
    assert needs[["title", "needs_title"]].values.tolist() == [["Collect", "Idea 3"]]
    assert workspaces(engine) == 1  # the staging workspace is gone


def test_nothing_is_seen_before_the_end_and_nothing_is_left_after_a_failure(
    engine, journey, monkeypatch
):
    preview = preview_of(journey, rows(7))
    calls, seen = [], []
    real = batched.create_candidates

    def failing(**kwargs):
        calls.append(1)
        with reading(engine) as db:
            seen.append(len(candidate_frame(db=db, workspace_id=journey.workspace.id)))
            seen.append(len(list_workspaces(db=db, include_archived=True)))
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return real(**kwargs)

    monkeypatch.setattr(batched, "create_candidates", failing)
    with pytest.raises(RuntimeError):
        import_in_batches(
            engine=engine, preview=preview, workspace_id=journey.workspace.id, batch=3
        )
    assert seen == [0, 1, 0, 1]  # no candidate, no extra workspace in sight meanwhile
    assert workspaces(engine) == 1
    with reading(engine) as db:
        assert "Aftercare" not in load_journey(db=db, workspace_id=journey.workspace.id).phase_names


def test_a_new_workspace_is_published_with_what_on_publish_sets(engine):
    preview = preview_of(None, rows(4))
    published = []
    workspace, count = import_in_batches(
        engine=engine,
        preview=preview,
        new_workspace=WorkspaceCreate(name="From a file", language="nl"),
        batch=2,
        on_publish=lambda db, wid: published.append(wid),
    )
    assert count == 5 and published == [workspace.id] and workspace.name == "From a file"
    with reading(engine) as db:
        assert [w.name for w in list_workspaces(db=db)] == ["From a file"]
    with pytest.raises(Conflict):
        import_in_batches(
            engine=engine,
            preview=preview,
            new_workspace=WorkspaceCreate(name="FROM A FILE"),
        )
    assert workspaces(engine) == 1


def test_errors_refuse_before_anything_is_written(engine, journey):
    with pytest.raises(ImportFailed):
        import_in_batches(
            engine=engine,
            preview=preview_import(read_table(csv_bytes([GOOD, BAD]), "x.csv"), journey),
            workspace_id=journey.workspace.id,
        )
    assert workspaces(engine) == 1
