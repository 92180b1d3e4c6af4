"""Stakeholders casting and changing votes at the same time (used by tests and bench)."""

import random
import time

from sqlalchemy import Engine

from planner.core.db import make_engine, writing
from planner.models import StakeholderJoin
from planner.store.scoring.stakeholders import join_session
from planner.store.scoring.votes import cast_vote

LABELS = ("1", "2", "3", "4", "5", None)


def stakeholder_session(
    engine: Engine,
    code: str,
    name: str,
    round_id: int,
    candidate_ids: list[int],
    criterion_ids: list[int],
    seed: int,
    changes: int = 20,
) -> tuple[dict, list[float]]:
    """Join, answer everything, then change some answers; (final answers, latencies in s)."""
    rng = random.Random(seed)
    with writing(engine) as db:
        stakeholder_id = join_session(db=db, code=code, join_in=StakeholderJoin(name=name))[1].id
    cells = [(c, k) for c in candidate_ids for k in criterion_ids]
    plan = [(cell, rng.choice(LABELS)) for cell in cells]
    plan += [(rng.choice(cells), rng.choice(LABELS)) for _ in range(changes)]
    final, latencies = {}, []
    for (candidate_id, criterion_id), label in plan:
        started = time.perf_counter()
        with writing(engine) as db:
            cast_vote(
                db=db,
                round_id=round_id,
                stakeholder_id=stakeholder_id,
                candidate_id=candidate_id,
                criterion_id=criterion_id,
                label=label,
            )
        latencies.append(time.perf_counter() - started)
        final[(stakeholder_id, candidate_id, criterion_id)] = label
    return final, latencies


def process_worker(
    url: str,
    code: str,
    names: list[str],
    round_id: int,
    candidate_ids: list[int],
    criterion_ids: list[int],
    seed: int,
) -> dict:
    """One OS process with several stakeholders in turn (run by a process pool)."""
    engine = make_engine(url)
    final = {}
    for offset, name in enumerate(names):
        answers, _ = stakeholder_session(
            engine, code, name, round_id, candidate_ids, criterion_ids, seed + offset
        )
        final.update(answers)
    engine.dispose()
    return final
