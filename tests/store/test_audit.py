"""The audit log: who did what and when, newest first; an audited change logs itself in
its own transaction, and is not logged when it fails or when it deleted the workspace."""

import pytest

from planner.core.db import reading, writing
from planner.core.errors import InvalidInput
from planner.models import NAME_MAX
from planner.store.audit import ACTION_MAX, audit_log, audited, record
from planner.store.journey.workspaces import delete_workspace
from tests.factories import make_journey

pytestmark = pytest.mark.storage


@pytest.fixture(name="workspace_id")
def workspace_id_fixture(engine) -> int:
    with writing(engine) as db:
        return make_journey(db, name="Audited").workspace.id


def log(engine, workspace_id) -> list[tuple[str, str]]:
    with reading(engine) as db:
        frame = audit_log(db=db, workspace_id=workspace_id)
    return list(zip(frame["actor"], frame["action"], strict=True))


def test_the_log_is_newest_first_and_per_workspace(engine, workspace_id):
    with writing(engine) as db:
        other = make_journey(db, name="Other").workspace.id
        record(db=db, workspace_id=workspace_id, actor="Eva", action="First")
        record(db=db, workspace_id=workspace_id, actor="Bo", action="Second")
        record(db=db, workspace_id=other, actor="Eva", action="Elsewhere")
    assert log(engine, workspace_id) == [("Bo", "Second"), ("Eva", "First")]
    assert log(engine, other) == [("Eva", "Elsewhere")]


def test_actor_and_action_are_cleaned_and_cut_to_their_size(engine, workspace_id):
    with writing(engine) as db:
        record(
            db=db,
            workspace_id=workspace_id,
            actor="  Eva\u200b\n",
            action="Renamed\tthe\x00 plan " + "x" * 600,
        )
        record(db=db, workspace_id=workspace_id, actor="A" * 79 + " B", action="Long name")
    [(long_name, _), (actor, action)] = log(engine, workspace_id)
    assert actor == "Eva"
    assert action.startswith("Renamed the plan ")
    assert len(action) == ACTION_MAX
    assert long_name == "A" * 79  # cut, then no space left at its end
    assert len(long_name) <= NAME_MAX


def test_an_audited_change_is_logged_with_it(engine, workspace_id):
    with audited(engine, actor="Eva", action="Renamed", workspace_id=workspace_id) as change:
        assert change.db is not None
    assert log(engine, workspace_id) == [("Eva", "Renamed")]


def test_the_workspace_and_action_may_be_set_inside_the_change(engine, workspace_id):
    with audited(engine, actor="", action="Import") as change:
        change.workspace_id = workspace_id
        change.action = "Import of 12 candidates"
    assert log(engine, workspace_id) == [("?", "Import of 12 candidates")]


def test_a_change_without_a_workspace_is_not_logged(engine, workspace_id):
    with audited(engine, actor="Eva", action="Nothing in particular") as change:
        assert change.workspace_id is None
    assert log(engine, workspace_id) == []


def test_a_failed_change_is_not_logged_and_its_writes_are_undone(engine, workspace_id):
    failing = audited(engine, actor="Eva", action="Fails", workspace_id=workspace_id)
    with pytest.raises(InvalidInput), failing as change:
        record(db=change.db, workspace_id=workspace_id, actor="Eva", action="Inside")
        raise InvalidInput("error.dependency_invalid")
    assert log(engine, workspace_id) == []


def test_a_change_that_deleted_its_workspace_logs_nothing(engine, workspace_id):
    with audited(engine, actor="Eva", action="Deleted", workspace_id=workspace_id) as change:
        delete_workspace(db=change.db, workspace_id=workspace_id)
    assert log(engine, workspace_id) == []
