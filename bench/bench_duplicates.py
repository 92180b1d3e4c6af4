"""Duplicate suggestions: precision and recall on the labelled pairs over thresholds, and
the time to suggest duplicates among 2,000 synthetic candidates (issue 35: < 1 s).

The synthetic candidates (bench/synthetic.py) are a hard case for speed: 70 titles
("Show delivery dates #12") repeated over 2,000 candidates give thousands of close pairs.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.synthetic import candidate_rows
from planner.journey.duplicates import THRESHOLD, DuplicateCandidate, suggest_duplicates
from tests.journey.duplicate_pairs import HELD_OUT, PAIRS, quality, scored_pairs

CANDIDATES = 2_000
THRESHOLDS = (50, 55, 60, 65, 70, 75, 80, 85, 90, 95, 100)


def quality_table(path=PAIRS) -> list[str]:
    scored = scored_pairs(path)
    lines = [
        f"{path.name}: {len(scored)} labelled pairs "
        f"({sum(same for _, same, _ in scored)} duplicates)",
        "| threshold | precision | recall | true + | false + | missed |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for threshold in THRESHOLDS:
        found = quality(scored, threshold)
        chosen = " (chosen)" if threshold == THRESHOLD else ""
        lines.append(
            f"| {threshold}{chosen} | {found.precision:.3f} | {found.recall:.3f} "
            f"| {found.true_positives} | {found.false_positives} | {found.false_negatives} |"
        )
    return lines


def measure(runs: int = 5) -> dict[str, float]:
    rows = candidate_rows(CANDIDATES)
    candidates = [
        DuplicateCandidate(number, row["phase"], row["title"], row["description"])
        for number, row in enumerate(rows)
    ]
    wall, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        found = suggest_duplicates(candidates)
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    chosen = quality(scored_pairs(), THRESHOLD)
    held_out = quality(scored_pairs(HELD_OUT), THRESHOLD)
    return {
        "duplicates_2000_ms": 1000 * statistics.median(wall),
        "duplicates_2000_cpu_ms": 1000 * statistics.median(cpu),
        "duplicates_2000_pairs": float(len(found)),
        "duplicates_precision": chosen.precision,
        "duplicates_recall": chosen.recall,
        "duplicates_held_out_precision": held_out.precision,
        "duplicates_held_out_recall": held_out.recall,
    }


if __name__ == "__main__":
    print("\n".join(quality_table()))
    print("\n".join(quality_table(HELD_OUT)))
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    for name, value in measure().items():
        print(f"{name}: {value:.3f}")
