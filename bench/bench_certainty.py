"""How sure the ranking is, at workshop size: 300 candidates x 30 stakeholders x 200
resamples — the resampling alone (budget 1 s), and with every resample put through the
roadmap (quadrants, ranking, schedule)."""

import random
import statistics
import sys
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from planner.roadmap.certainty import plan_certainty
from planner.roadmap.settings import RoadmapSettings
from planner.scoring.certainty import resample

CANDIDATES, STAKEHOLDERS = 300, 30


def workshop(seed: int = 1) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = random.Random(seed)
    rows = []
    for candidate in range(1, CANDIDATES + 1):
        truth = {"value": rng.uniform(1, 9), "effort": rng.uniform(1, 9)}
        for person in range(1, STAKEHOLDERS + 1):
            for dimension, centre in truth.items():
                score = min(10.0, max(0.0, rng.gauss(centre, 1.5)))
                rows.append((candidate, person, dimension, score))
    composites = pd.DataFrame(
        rows, columns=["candidate_id", "stakeholder_id", "dimension", "score"]
    )
    settled = (
        composites.groupby(["candidate_id", "dimension"])["score"]
        .median()
        .unstack()
        .assign(value_source="votes", effort_source="votes")
    )
    return composites, settled


def measure(runs: int = 3) -> dict[str, float]:
    composites, settled = workshop()
    settings = RoadmapSettings(
        start=pd.Timestamp("2027-01-01").date(), strategy="wsjf", periods=4, capacities=(250,)
    )
    resampling, whole = [], []
    for _ in range(runs):
        began = time.perf_counter()
        drawn = resample(composites, settled)
        resampling.append(time.perf_counter() - began)
        plan_certainty(drawn, settings, plan_first=set())
        whole.append(time.perf_counter() - began)
    return {
        "resample_300x30x200_s": statistics.median(resampling),
        "certainty_300x30x200_s": statistics.median(whole),
    }


if __name__ == "__main__":
    for name, value in measure().items():
        print(f"{name:32} {value:8.3f}")
