"""50 concurrent writers x 200 votes each: write latency and lost votes.

Each writer is a stakeholder in its own thread, sharing the engine as the sessions of one
Streamlit server do. A writer joins, answers 200 questions (some changed again) and
waits a "think time" between answers; closed loop (no think time) is reported too.
"""

import random
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from sqlmodel import select

from bench.synthetic import populate
from planner.core.db import make_engine, reading, writing
from planner.models import Candidate, SessionCreate, StakeholderJoin, Vote
from planner.store.scoring.scoring_model import load_scoring_setup
from planner.store.scoring.sessions import current_round, open_session
from planner.store.scoring.stakeholders import join_session
from planner.store.scoring.votes import cast_vote
from tests import postgres_server

WRITERS, VOTES = 50, 200
LABELS = ("1", "2", "3", "4", "5", None)


def prepare(url: str):
    """A synthetic workspace of 60 candidates and an open session on all of them."""
    workspace_id = populate(url, 60)
    engine = make_engine(url)
    with writing(engine) as db:
        ids = list(db.exec(select(Candidate.id).where(Candidate.workspace_id == workspace_id)))
        scoring = open_session(
            db=db,
            workspace_id=workspace_id,
            session_in=SessionCreate(name="Bench"),
            candidate_ids=ids,
        )
        criteria = [c.id for c in load_scoring_setup(db=db, workspace_id=workspace_id).criteria]
        round_id = current_round(db=db, session_id=scoring.id).id
    return engine, scoring.code, round_id, ids, criteria


def writer(engine, code, round_id, ids, criteria, index, think, start):
    rng = random.Random(index)
    with writing(engine) as db:
        me = join_session(db=db, code=code, join_in=StakeholderJoin(name=f"Writer {index}"))[1].id
    cells = [(c, k) for c in ids for k in criteria][:150]
    plan = [(cell, rng.choice(LABELS)) for cell in cells]
    plan += [(rng.choice(cells), rng.choice(LABELS)) for _ in range(VOTES - len(plan))]
    start.wait()
    final, latencies = {}, []
    for (candidate_id, criterion_id), label in plan:
        if think:
            time.sleep(rng.uniform(0, 2 * think))
        began = time.perf_counter()
        with writing(engine) as db:
            cast_vote(
                db=db,
                round_id=round_id,
                stakeholder_id=me,
                candidate_id=candidate_id,
                criterion_id=criterion_id,
                label=label,
            )
        latencies.append(time.perf_counter() - began)
        final[(me, candidate_id, criterion_id)] = label
    return final, latencies


def run(url: str, think: float, writers: int = WRITERS) -> dict[str, float]:
    engine, code, round_id, ids, criteria = prepare(url)
    start = threading.Barrier(writers)
    began = time.perf_counter()
    with ThreadPoolExecutor(max_workers=writers) as pool:
        results = list(
            pool.map(
                lambda i: writer(engine, code, round_id, ids, criteria, i, think, start),
                range(writers),
            )
        )
    elapsed = time.perf_counter() - began
    expected = {k: v for final, _ in results for k, v in final.items()}
    with reading(engine) as db:
        stored = {
            (s, c, k): (label if score is not None else None)
            for s, c, k, label, score in db.exec(
                select(
                    Vote.stakeholder_id,
                    Vote.candidate_id,
                    Vote.criterion_id,
                    Vote.label,
                    Vote.score,
                )
            )
        }
    latencies = sorted(x for _, lat in results for x in lat)
    engine.dispose()
    return {
        "p50_ms": statistics.median(latencies) * 1000,
        "p95_ms": latencies[int(0.95 * len(latencies))] * 1000,
        "votes_per_s": len(latencies) / elapsed,
        "lost": sum(1 for k, v in expected.items() if stored.get(k, "missing") != v),
        "extra": len(set(stored) - set(expected)),
    }


def measure(url: str | None = None, think: float = 0.25) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        return run(url or f"sqlite:///{folder}/votes.db", think)


def measure_postgres(writers: int = 100, think: float = 0.25) -> dict[str, float]:
    """The same on a PostgreSQL server started for the run (see tests/postgres_server.py)."""
    server = postgres_server.start(durable=True)
    try:
        return run(server.admin_url, think, writers)
    finally:
        server.stop()


if __name__ == "__main__":
    think = float(sys.argv[1]) if len(sys.argv) > 1 else 0.25
    print({k: round(v, 2) for k, v in measure(think=think).items()})
