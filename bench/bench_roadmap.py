"""Scheduling 10,000 candidates with 5,000 dependencies into 24 periods; the matrix and
roadmap pages at 2,000 scored candidates."""

import os
import random
import statistics
import tempfile
import time

from bench.apptest_timing import page_ms
from bench.synthetic import populate
from planner.roadmap.schedule import schedule

PAGES = {
    "matrix_page_2000_ms": "planner/ui/pages/matrix.py",
    "roadmap_page_2000_ms": "planner/ui/pages/roadmap.py",
}


def scheduling_ms(
    candidates: int = 10_000, edges: int = 5_000, periods: int = 24, runs: int = 5
) -> float:
    rng = random.Random(3)
    ranking = list(range(1, candidates + 1))
    rng.shuffle(ranking)
    efforts = {c: rng.choice([0.5, 1, 2, 3, 5, 8, 13]) for c in ranking}
    needs: dict[int, set[int]] = {}
    while sum(len(n) for n in needs.values()) < edges:
        a, b = rng.sample(range(1, candidates + 1), 2)
        needs.setdefault(max(a, b), set()).add(min(a, b))  # lower ids first: no cycles
    pins = {c: rng.randrange(periods) for c in rng.sample(ranking, 50)}
    capacities = [1_000.0] * periods
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        schedule(ranking, efforts, capacities, needs, pins, set(rng.sample(ranking, 100)))
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def measure(candidates: int = 2_000, runs: int = 11) -> dict[str, float]:
    figures = {"schedule_10k_ms": scheduling_ms()}
    with tempfile.TemporaryDirectory() as folder:
        os.environ["DATABASE_URL"] = f"sqlite:///{folder}/roadmap.db"
        populate(os.environ["DATABASE_URL"], candidates)  # pre-scores: every one is scored
        figures |= {name: page_ms(page, runs) for name, page in PAGES.items()}
    return figures


if __name__ == "__main__":
    for name, value in measure().items():
        print(f"{name}: {value:.1f}")
