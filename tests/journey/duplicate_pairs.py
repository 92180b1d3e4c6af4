"""The labelled pairs of tests/data/duplicate_pairs.csv, scored: shared by the quality
test and bench/bench_duplicates.py.

Each row is two candidates of one phase, in English or Dutch (a few across the two), and
whether they are the same idea: `channel` (the idea per channel), `wording` (other
words), `cross_language`, or a `near_miss` (same words, another idea: "track order
status" / "change order address")."""

import csv
from dataclasses import dataclass
from pathlib import Path

from planner.journey.duplicates import DuplicateCandidate, pair_score

DATA = Path(__file__).resolve().parents[1] / "data"
PAIRS = DATA / "duplicate_pairs.csv"  # the rules and the threshold were chosen on these
HELD_OUT = DATA / "duplicate_pairs_holdout.csv"  # written after, never tuned on


@dataclass(frozen=True)
class Quality:
    threshold: float
    precision: float
    recall: float
    true_positives: int
    false_positives: int
    false_negatives: int


def labelled_pairs(path: Path = PAIRS) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def scored_pairs(path: Path = PAIRS) -> list[tuple[float, bool, dict[str, str]]]:
    """(score, is a duplicate, row) of every labelled pair, the file's channels taken out
    as a workspace's own channel names are."""
    rows = labelled_pairs(path)
    channels = {row["channel_a"] for row in rows} | {row["channel_b"] for row in rows}
    scored = []
    for row in rows:
        first, second = (
            DuplicateCandidate(n, row["phase"], row[f"title_{side}"], row[f"description_{side}"])
            for n, side in ((1, "a"), (2, "b"))
        )
        score, _ = pair_score(first, second, channels)
        scored.append((score, row["duplicate"] == "1", row))
    return scored


def quality(scored: list[tuple[float, bool, dict[str, str]]], threshold: float) -> Quality:
    """Precision and recall of "suggested when the score reaches `threshold`"."""
    tp = sum(1 for score, same, _ in scored if score >= threshold and same)
    fp = sum(1 for score, same, _ in scored if score >= threshold and not same)
    fn = sum(1 for score, same, _ in scored if score < threshold and same)
    return Quality(threshold, tp / max(tp + fp, 1), tp / max(tp + fn, 1), tp, fp, fn)
