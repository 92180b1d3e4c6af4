"""Aggregation of 100,000 votes, and the facilitator's view at 300 candidates x 30 people."""

import os
import statistics
import tempfile
import time

import numpy as np
import pandas as pd
from sqlalchemy import insert

from bench.apptest_timing import page_ms
from bench.synthetic import populate
from planner.core.db import make_engine, writing
from planner.models import Participant, SessionCreate, Stakeholder, Vote, utcnow
from planner.scoring.consensus import aggregate
from planner.store.scoring.scoring_model import load_scoring_setup
from planner.store.scoring.sessions import current_round, open_session, reveal_round

FACILITATOR = "planner/ui/pages/scoring_session.py"


def aggregation_ms(votes: int = 100_000, runs: int = 7) -> float:
    rng = np.random.default_rng(1)
    frame = pd.DataFrame(
        {
            "candidate_id": rng.integers(1, 1001, votes),
            "stakeholder_id": rng.integers(1, 31, votes),
            "criterion_id": rng.integers(1, 4, votes),
            "score": rng.choice([0, 2.5, 5, 7.5, 10, np.nan], votes),
        }
    )
    criteria = pd.DataFrame(
        {
            "criterion_id": [1, 2, 3],
            "dimension": ["value", "value", "effort"],
            "weight": [1.0, 2.0, 1.0],
        }
    )
    weights = {i: 1 + i % 2 for i in range(1, 31)}
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        aggregate(frame, criteria, weights)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def workshop(url: str, candidates: int, people: int) -> int:
    """A workspace of `candidates`, a session on all of them, everyone having voted."""
    workspace_id = populate(url, candidates)
    engine = make_engine(url)
    with writing(engine) as db:
        setup = load_scoring_setup(db=db, workspace_id=workspace_id)
        ids = list(range(1, candidates + 1))
        scoring = open_session(
            db=db,
            workspace_id=workspace_id,
            session_in=SessionCreate(name="Bench"),
            candidate_ids=ids,
        )
        round_id = current_round(db=db, session_id=scoring.id).id
        now, rng = utcnow(), np.random.default_rng(2)
        db.execute(
            insert(Stakeholder),
            [
                {
                    "workspace_id": workspace_id,
                    "name": f"P{i}",
                    "name_key": f"p{i}",
                    "role": "",
                    "created_at": now,
                }
                for i in range(people)
            ],
        )
        db.execute(
            insert(Participant),
            [
                {"session_id": scoring.id, "stakeholder_id": i + 1, "joined_at": now}
                for i in range(people)
            ],
        )
        db.execute(
            insert(Vote),
            [
                {
                    "round_id": round_id,
                    "stakeholder_id": p + 1,
                    "candidate_id": c,
                    "criterion_id": k.id,
                    "score": float(rng.choice([0, 2.5, 5, 7.5, 10])),
                    "label": "3",
                    "updated_at": now,
                }
                for p in range(people)
                for c in ids
                for k in setup.criteria
            ],
        )
    engine.dispose()
    return scoring.id


def measure(candidates: int = 300, people: int = 30, runs: int = 15) -> dict[str, float]:
    figures = {"aggregate_100k_ms": aggregation_ms()}
    with tempfile.TemporaryDirectory() as folder:
        url = os.environ["DATABASE_URL"] = f"sqlite:///{folder}/scoring.db"
        session_id = workshop(url, candidates, people)
        figures["facilitator_live_ms"] = page_ms(FACILITATOR, runs)
        engine = make_engine(url)
        with writing(engine) as db:
            reveal_round(db=db, session_id=session_id)
        engine.dispose()
        figures["facilitator_reveal_ms"] = page_ms(FACILITATOR, runs)
    return figures


if __name__ == "__main__":
    for name, value in measure().items():
        print(f"{name}: {value:.1f}")
