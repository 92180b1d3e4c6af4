"""How sure the ranking is, at workshop size: 300 candidates x 30 stakeholders x 200
resamples — the resampling alone (budget 1 s), the same per criterion (two value criteria
and one effort criterion: three medians per draw), and with every resample put through
the roadmap (quadrants, ranking, schedule)."""

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
from planner.scoring.consensus import ConsensusRules

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


def per_criterion(composites: pd.DataFrame) -> pd.DataFrame:
    """The composites as answers on three criteria: value twice (weights 1 and 3), effort."""
    value = composites[composites["dimension"] == "value"]
    effort = composites[composites["dimension"] == "effort"]
    return pd.concat(
        [
            value.assign(criterion_id=1, weight=1.0),
            value.assign(criterion_id=2, weight=3.0, score=(value["score"] + 1).clip(upper=10)),
            effort.assign(criterion_id=3, weight=1.0),
        ],
        ignore_index=True,
    )


def measure(runs: int = 3) -> dict[str, float]:
    composites, settled = workshop()
    answers, by_criterion = per_criterion(composites), ConsensusRules(method="per_criterion")
    settings = RoadmapSettings(
        start=pd.Timestamp("2027-01-01").date(), strategy="wsjf", periods=4, capacities=(250,)
    )
    resampling, criteria, whole = [], [], []
    for _ in range(runs):
        began = time.perf_counter()
        resample(answers, settled, by_criterion)
        criteria.append(time.perf_counter() - began)
        began = time.perf_counter()
        drawn = resample(composites, settled)
        resampling.append(time.perf_counter() - began)
        plan_certainty(drawn, settings, plan_first=set())
        whole.append(time.perf_counter() - began)
    return {
        "resample_300x30x200_s": statistics.median(resampling),
        "resample_per_criterion_s": statistics.median(criteria),
        "certainty_300x30x200_s": statistics.median(whole),
    }


if __name__ == "__main__":
    for name, value in measure().items():
        print(f"{name:32} {value:8.3f}")
