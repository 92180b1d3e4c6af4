"""A writer killed with SIGKILL in the middle of a burst leaves only whole transactions."""

import os
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import func, select

from planner.core.db import make_engine, reading
from planner.models import Candidate, Workspace
from tests.conftest import ROOT

SIZE = 200  # candidates per transaction


@pytest.mark.parametrize("after_commits", [3, 10, 25])
def test_sigkill_mid_burst_keeps_the_database_whole(database_url, after_commits):
    writer = subprocess.Popen(
        [sys.executable, "-m", "tests.durability.burst_writer", database_url, str(SIZE)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    committed = [int(writer.stdout.readline()) for _ in range(after_commits)]
    time.sleep(0.013 * after_commits % 0.05)  # land the kill at varying points of a write
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait(timeout=10)
    assert writer.returncode == -signal.SIGKILL
    committed += [int(line) for line in writer.stdout.read().split()]  # printed meanwhile

    engine = make_engine(database_url)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert connection.exec_driver_sql("PRAGMA foreign_key_check").all() == []
    with reading(engine) as db:
        sizes = dict(
            db.execute(
                select(Workspace.name, func.count(Candidate.id))
                .outerjoin(Candidate, Candidate.workspace_id == Workspace.id)
                .group_by(Workspace.id)
            ).all()
        )
    engine.dispose()
    assert set(sizes.values()) == {SIZE}, "a workspace with part of its candidates"
    assert {f"Burst {n}" for n in committed} <= set(sizes)  # what was committed is there
    # At most one more than it printed: committed, killed before it could say so.
    assert len(sizes) in (len(committed), len(committed) + 1)
