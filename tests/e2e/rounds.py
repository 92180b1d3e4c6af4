"""A scoring round set up for the browser tests by the domain API, and what it stored."""

import os
import subprocess
import sys
from contextlib import contextmanager

from planner.core.db import make_engine, reading, writing
from planner.models import SessionCreate, StakeholderJoin
from planner.store.journey.candidates import candidate_frame
from planner.store.journey.workspaces import list_workspaces
from planner.store.scoring.scoring_model import load_scoring_setup
from planner.store.scoring.sessions import close_session, current_round, open_session, sessions_of
from planner.store.scoring.stakeholders import join_session
from planner.store.scoring.votes import my_ballot

STAKEHOLDERS = 8
CANDIDATES = 8


@contextmanager
def busy_machine():
    """Every core kept busy by a spinning process, stopped whatever happens."""
    spinners = [
        subprocess.Popen([sys.executable, "-c", "while True: pass"])
        for _ in range(os.cpu_count() or 2)
    ]
    try:
        yield
    finally:
        for spinner in spinners:
            spinner.kill()
            spinner.wait()


def close_open_sessions(db, workspace_id: int) -> None:
    """One session at a time: a new one starts the demo's room afresh."""
    for old in sessions_of(db=db, workspace_id=workspace_id):
        if old.status == "open":
            close_session(db=db, session_id=old.id)


def new_round(database_url: str) -> tuple[int, dict[str, int], dict[str, int], list[tuple]]:
    """A fresh session on the demo's candidates (the previous one closed) and eight
    stakeholders with their personal links."""
    engine = make_engine(database_url)
    with writing(engine) as db:
        workspace = list_workspaces(db=db)[0]
        close_open_sessions(db, workspace.id)
        frame = candidate_frame(db=db, workspace_id=workspace.id)
        chosen = frame.sample(CANDIDATES, random_state=len(frame))
        scoring = open_session(
            db=db,
            workspace_id=workspace.id,
            session_in=SessionCreate(name="Fast fingers"),
            candidate_ids=chosen["id"].tolist(),
        )
        setup = load_scoring_setup(db=db, workspace_id=workspace.id)
        people = [
            join_session(
                db=db,
                code=scoring.code,
                join_in=StakeholderJoin(name=f"Person {scoring.id}-{n}"),
            )
            for n in range(STAKEHOLDERS)
        ]
    engine.dispose()
    titles = dict(zip(chosen["title"], chosen["id"], strict=True))
    criteria = {c.name: c.id for c in setup.criteria}
    return scoring.id, titles, criteria, [(p.stakeholder.id, p.token) for p in people]


def stored_answers(database_url, session_id, people) -> dict:
    """Per stakeholder: (candidate, criterion) -> stored label, "?" for don't know."""
    engine = make_engine(database_url)
    stored = {}
    with reading(engine) as db:
        round_id = current_round(db=db, session_id=session_id).id
        for stakeholder_id, _ in people:
            answers = my_ballot(db=db, round_id=round_id, stakeholder_id=stakeholder_id).answers
            stored[stakeholder_id] = {k: v or "?" for k, v in answers.items()}
    engine.dispose()
    return stored
