"""How far the greedy strategies fall short of the best plan, and how fast it is proven.

Seeded random instances: n candidates (values 0-10, efforts 0.5-13), 4-8 periods whose
capacities hold about half of the total effort, 0-20 % of candidates needing another.
For each: the objective (value x periods left after the period it ends in) of every
greedy strategy as a gap below the best plan, and the solver's proven gap (to its bound)
and wall time: the whole call of `optimise`, building the program included, against its
time limit.

Run: `python bench/bench_optimal.py` (also part of `make bench`).
"""

import math
import random
import statistics
import sys
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from planner.roadmap.optimal import objective, optimise
from planner.roadmap.quadrants import Thresholds, quadrant_of
from planner.roadmap.ranking import Strategy, rank
from planner.roadmap.schedule import schedule

SIZES = (10, 30, 100, 300)
SEEDS = 5
TIME_LIMIT = 10.0  # seconds, the default of the page and the CLI
GREEDY = (Strategy.WSJF, Strategy.QUICK_WINS, Strategy.VALUE, Strategy.EFFORT)


def instance(n: int, seed: int):
    rng = random.Random(seed * 1000 + n)
    ids = list(range(1, n + 1))
    values = {c: round(rng.uniform(0, 10), 1) for c in ids}
    efforts = {c: round(rng.uniform(0.5, 13), 1) for c in ids}
    periods = rng.randint(4, 8)
    per_period = sum(efforts.values()) / 2 / periods
    capacities = [round(per_period * rng.uniform(0.8, 1.2), 1) for _ in range(periods)]
    share = rng.uniform(0, 0.2)
    needs = {c: {rng.randrange(1, c)} for c in ids[1:] if rng.random() < share}
    frame = pd.DataFrame({"id": ids, "value": values.values(), "effort": efforts.values()})
    frame["quadrant"] = quadrant_of(frame["value"], frame["effort"], Thresholds())
    return frame, values, efforts, capacities, needs


def measure() -> dict[str, float]:
    figures: dict[str, float] = {}
    for n in SIZES:
        gaps: dict[str, list[float]] = {s: [] for s in GREEDY}
        walls, proven_gaps = [], []
        for seed in range(SEEDS):
            frame, values, efforts, capacities, needs = instance(n, seed)
            ranking = rank(frame, Strategy.WSJF)
            began = time.monotonic()
            _, proof = optimise(ranking, values, efforts, capacities, needs, time_limit=TIME_LIMIT)
            walls.append(time.monotonic() - began)
            proven_gaps.append(math.inf if proof.gap is None else 100 * proof.gap)
            for strategy in GREEDY:
                plan = schedule(rank(frame, strategy), efforts, capacities, needs)
                value = objective(plan, values, len(capacities))
                gaps[strategy].append(100 * (1 - value / proof.objective))
        for strategy, found in gaps.items():
            figures[f"gap_{strategy}_{n}_median_pct"] = statistics.median(found)
            figures[f"gap_{strategy}_{n}_worst_pct"] = max(found)
        figures[f"solve_{n}_median_proven_gap_pct"] = statistics.median(proven_gaps)
        figures[f"solve_{n}_worst_proven_gap_pct"] = max(proven_gaps)
        figures[f"solve_{n}_max_wall_s"] = max(walls)
        figures[f"solve_{n}_max_overrun_s"] = max(walls) - TIME_LIMIT
    figures["solve_worst_proven_gap_pct"] = max(
        figures[f"solve_{n}_worst_proven_gap_pct"] for n in SIZES
    )
    figures["solve_worst_overrun_s"] = max(figures[f"solve_{n}_max_overrun_s"] for n in SIZES)
    return figures


if __name__ == "__main__":
    for name, value in measure().items():
        print(f"{name:40} {value:10.2f}")
