"""Ranking candidates by a strategy: deterministic, with documented tie-breaks.

- quick-wins: quadrants in the order quick wins, big bets, fill-ins, money pits;
  within a quadrant by value / effort, highest first.
- wsjf: value / effort, highest first (weighted shortest job first: on one team it
  minimises the value-weighted waiting time).
- value: highest value first.  - effort: lowest effort first.
- optimal: ranked as wsjf; the plan itself comes from planner.roadmap.optimal.

Ties are broken by higher value, then lower effort, then the older candidate (lower id).
An effort of 0 counts as 0.1 in value / effort. Candidates without a value or an effort
are not ranked.
"""

from enum import StrEnum

import numpy as np
import pandas as pd

from planner.roadmap.quadrants import QUADRANTS


class Strategy(StrEnum):
    QUICK_WINS = "quick-wins"
    WSJF = "wsjf"
    VALUE = "value"
    EFFORT = "effort"
    OPTIMAL = "optimal"  # the best plan (planner.roadmap.optimal); ranked as wsjf


MIN_EFFORT = 0.1


def sort_keys(
    strategy: str, value: np.ndarray, effort: np.ndarray, order: np.ndarray, ids: np.ndarray
) -> list[np.ndarray]:
    """The keys candidates are sorted by, most important first, each ascending (a
    "highest first" key is negated). Arrays of any shape: the last axis is sorted, so
    many sets of numbers (resamples) rank at once."""
    ratio = value / np.maximum(effort, MIN_EFFORT)
    by = {
        Strategy.QUICK_WINS: [order, -ratio, -value, effort, ids],
        Strategy.WSJF: [-ratio, -value, effort, ids],
        Strategy.OPTIMAL: [-ratio, -value, effort, ids],
        Strategy.VALUE: [-value, effort, ids],
        Strategy.EFFORT: [effort, -value, ids],
    }
    return by[Strategy(strategy)]


def quadrant_order(quadrant: pd.Series | np.ndarray) -> np.ndarray:
    """Each quadrant's place in the quick-wins order (4 for none)."""
    places = {q.value: i for i, q in enumerate(QUADRANTS)}
    return np.array([places.get(q, len(QUADRANTS)) for q in np.asarray(quadrant).ravel()]).reshape(
        np.shape(quadrant)
    )


def rank(frame: pd.DataFrame, strategy: str) -> list[int]:
    """Candidate ids, best first. frame: id, value, effort, quadrant."""
    scored = frame.dropna(subset=["value", "effort"])
    keys = sort_keys(
        strategy,
        scored["value"].to_numpy(dtype=float),
        scored["effort"].to_numpy(dtype=float),
        quadrant_order(scored["quadrant"].to_numpy(dtype=object)),
        scored["id"].to_numpy(),
    )
    order = np.lexsort(keys[::-1])  # lexsort: the last key is the primary one
    return [int(i) for i in scored["id"].to_numpy()[order]]
