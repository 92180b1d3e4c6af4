"""Staging workspaces: a gone job's is removed with every row of it; a live job's is not."""

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select, update

from planner.backup.staging import (
    STALE_AFTER,
    _host,
    discard,
    is_stale,
    publish,
    remove_stale,
    staging_workspace,
)
from planner.core.db import make_engine, reading, sqlite_path, writing
from planner.models import SQLModel, Workspace
from planner.store.journey.workspaces import load_journey
from tests.factories import add_candidate

pytestmark = pytest.mark.storage

NOW = datetime(2027, 3, 1, 12, tzinfo=UTC)
MOMENT = timedelta(seconds=5)
SILENT = STALE_AFTER + timedelta(seconds=1)


def row_counts(engine) -> dict[str, int]:
    """The number of rows of every table."""
    with reading(engine) as db:
        return {
            table.name: db.scalar(select(func.count()).select_from(table))
            for table in SQLModel.metadata.sorted_tables
        }


def ended_pid() -> int:
    """The id of a process of this host that has ended."""
    probe = subprocess.Popen([sys.executable, "-c", "pass"])
    probe.wait()
    return probe.pid


def staged(engine, *, owner: str, candidates: int = 3) -> int:
    """A staging workspace written by `owner` (`pid@host`), with candidates."""
    with writing(engine) as db:
        workspace = staging_workspace(
            db, language="en", phases=["Buying"], channels=["Store"], personas=["Pat"]
        )
        workspace.name = f"staging 00ff {owner}"
        db.flush()
        journey = load_journey(db=db, workspace_id=workspace.id)
        for number in range(candidates):
            add_candidate(db, journey, f"Idea {number}")
        return workspace.id


def restoring_ids(engine) -> list[int]:
    with reading(engine) as db:
        return list(db.scalars(select(Workspace.id).where(Workspace.restoring == True)))  # noqa: E712


@pytest.mark.parametrize(
    ("name", "age", "host", "running", "stale"),
    [
        ("staging 1f 4242@web1", MOMENT, "web1", False, True),  # its process has ended
        ("staging 1f 4242@web1", MOMENT, "web1", True, False),  # still writing
        ("staging 1f 4242@web1", SILENT, "web1", True, True),  # a reused id: silent too long
        ("staging 1f 4242@web2", MOMENT, "web1", False, False),  # another host's: by age
        ("staging 1f 4242@web2", SILENT, "web1", False, True),
        ("staging 1f", MOMENT, "web1", False, False),  # the older name, without its owner
        ("staging 1f", SILENT, "web1", False, True),
        ("staging 1f 0@web1", MOMENT, "web1", False, False),  # no process has id 0
        ("staging 1f x@web1", MOMENT, "web1", False, False),
    ],
)
def test_stale_is_told_from_live(name, age, host, running, stale):
    assert is_stale(name, NOW - age, now=NOW, host=host, running=lambda pid: running) is stale


def test_remove_stale_takes_an_ended_jobs_workspace_and_every_row_of_it(engine):
    before = row_counts(engine)
    staged(engine, owner=f"{ended_pid()}@{_host()}")
    assert row_counts(engine) != before
    assert remove_stale(engine) == 1
    assert row_counts(engine) == before


def test_remove_stale_leaves_a_live_job_alone_until_it_falls_silent(engine):
    """This process writes it (a restore on another thread): kept while it is written."""
    workspace_id = staged(engine, owner=f"{os.getpid()}@{_host()}")
    assert remove_stale(engine) == 0 and restoring_ids(engine) == [workspace_id]
    later = datetime.now(UTC) + SILENT
    assert remove_stale(engine, now=later) == 1 and restoring_ids(engine) == []


def test_another_hosts_job_goes_only_when_silent(engine):
    workspace_id = staged(engine, owner=f"{ended_pid()}@elsewhere.example")
    assert remove_stale(engine) == 0
    with writing(engine) as db:
        db.execute(
            update(Workspace)
            .where(Workspace.id == workspace_id)
            .values(updated_at=datetime.now(UTC) - SILENT)
        )
    assert remove_stale(engine) == 1 and restoring_ids(engine) == []


def test_a_workspace_published_meanwhile_is_never_discarded(engine):
    workspace_id = staged(engine, owner=f"{ended_pid()}@{_host()}")
    with writing(engine) as db:
        publish(db, workspace_id=workspace_id, name="Published")
    counts = row_counts(engine)
    discard(lambda: writing(engine), workspace_id, batch=1)
    assert row_counts(engine) == counts


@pytest.mark.sqlite_only
def test_a_database_that_cannot_be_written_keeps_them_and_opens(engine, database_url):
    """Read-only: nothing removed, no error (the next start that can write removes it)."""
    staged(engine, owner=f"{ended_pid()}@{_host()}")
    read_only = make_engine(f"sqlite:///file:{sqlite_path(database_url)}?mode=ro&uri=true")
    assert remove_stale(read_only) == 0
    read_only.dispose()
    assert len(restoring_ids(engine)) == 1
