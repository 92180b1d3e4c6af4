"""A restore or import killed with SIGKILL half-way leaves its staging workspace behind; the
next start or the next restore removes it with every row of it, and never the staging
workspace of a job that is still running."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import func, select

from planner.backup.export import dump_workspace
from planner.backup.restore import restore_in_batches
from planner.cli import main
from planner.core.db import reading, writing
from planner.demo import load_demo
from planner.models import Candidate, CandidateCreate, Workspace
from planner.store.journey.candidates import create_candidates
from planner.store.journey.workspaces import delete_workspace, find_workspace, load_journey
from tests.backup.test_staging import restoring_ids, row_counts
from tests.conftest import ROOT

DEMO = "Demo – Van Dijk Wonen online & in store"
SIZE = 1_000  # candidates the job writes, 20 at a time
KILL_AT = 200  # candidates written when the job is killed (or stopped)


@pytest.fixture(name="job_file")
def job_file_fixture(request, engine, tmp_path):
    """(job, file): a backup of the demo grown by SIZE candidates, or a CSV of SIZE rows
    (the demo is in the database either way)."""
    with writing(engine) as db:
        demo = load_demo(db=db)
    if request.param == "import":
        path = tmp_path / "ideas.csv"
        rows = [f"Idea {n},Buying,Store" for n in range(SIZE)]
        path.write_text("title,phase,channel\n" + "\n".join(rows), encoding="utf-8")
        return "import", path
    with writing(engine) as db:
        journey = load_journey(db=db, workspace_id=demo.id)
        phase, channel = journey.phases[0].id, journey.channels[0].id
        create_candidates(
            db=db,
            workspace_id=demo.id,
            candidates_in=[
                CandidateCreate(title=f"Extra idea {n}", phase_id=phase, channel_ids=[channel])
                for n in range(SIZE)
            ],
        )
        document = dump_workspace(db=db, workspace_id=demo.id)
    path = tmp_path / "backup.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return "restore", path


def staged_candidates(engine) -> int:
    with reading(engine) as db:
        return db.scalar(
            select(func.count(Candidate.id))
            .join(Workspace, Workspace.id == Candidate.workspace_id)
            .where(Workspace.restoring == True)  # noqa: E712
        )


def start_job(database_url, job, path, engine) -> subprocess.Popen:
    """The job in its own process, once it has written KILL_AT candidates."""
    writer = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.durability.staging_writer",
            database_url,
            job,
            str(path),
            "20",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while staged_candidates(engine) < KILL_AT:
        assert writer.poll() is None, "the job ended before it could be stopped"
        assert time.monotonic() < deadline
        time.sleep(0.005)
    return writer


@pytest.mark.parametrize("job_file", ["restore", "import"], indirect=True)
@pytest.mark.parametrize("next_step", ["start", "restore"])
def test_a_killed_jobs_staging_workspace_goes_at_the_next_start_or_restore(
    database_url, engine, job_file, next_step, capsys
):
    job, path = job_file
    before = row_counts(engine)
    writer = start_job(database_url, job, path, engine)
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait(timeout=10)
    assert writer.returncode == -signal.SIGKILL
    assert restoring_ids(engine) and staged_candidates(engine) >= KILL_AT  # left behind
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"

    if next_step == "start":
        assert main(["workspaces", "--db", database_url]) == 0
        assert "staging" not in capsys.readouterr().out
    else:
        with reading(engine) as db:
            demo = dump_workspace(db=db, workspace_id=find_workspace(db=db, name=DEMO).id)
        second = restore_in_batches(engine=engine, document=demo, name="Second")
        with writing(engine) as db:  # what this restore added, so the rest can be compared
            delete_workspace(db=db, workspace_id=second.id)
    assert restoring_ids(engine) == []
    assert row_counts(engine) == before  # nothing of it left, in any table


@pytest.mark.parametrize("job_file", ["restore", "import"], indirect=True)
def test_a_running_jobs_staging_workspace_is_left_alone(database_url, engine, job_file, capsys):
    """Stopped (SIGSTOP) half-way, it is alive: a start meanwhile keeps every row of it, and
    the job, continued, publishes the whole workspace."""
    job, path = job_file
    writer = start_job(database_url, job, path, engine)
    os.kill(writer.pid, signal.SIGSTOP)
    try:
        staged = staged_candidates(engine)
        assert main(["workspaces", "--db", database_url]) == 0
        assert staged_candidates(engine) == staged and len(restoring_ids(engine)) == 1
    finally:
        os.kill(writer.pid, signal.SIGCONT)
    out, _ = writer.communicate(timeout=120)
    assert writer.returncode == 0 and out == "done\n"
    assert restoring_ids(engine) == []
    with reading(engine) as db:
        copy = find_workspace(db=db, name="Copy")
        count = db.scalar(select(func.count(Candidate.id)).where(Candidate.workspace_id == copy.id))
    assert count == SIZE + (42 if job == "restore" else 0)
