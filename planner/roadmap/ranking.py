"""Ranking candidates by a strategy: deterministic, with documented tie-breaks.

- quick-wins: quadrants in the order quick wins, big bets, fill-ins, money pits;
  within a quadrant by value / effort, highest first.
- wsjf: value / effort, highest first (weighted shortest job first: on one team it
  minimises the value-weighted waiting time).
- value: highest value first.  - effort: lowest effort first.
- optimal: ranked as wsjf; the plan itself comes from planner.roadmap.optimal.

Ties are broken by higher value, then lower effort, then the older candidate (lower id).
An effort of 0 counts as 0.1 in value / effort. Candidates without a value or an effort
are not ranked. Numbers are compared exactly (see `exact_ranks`): on 1–10, a value of 3
over an effort of 4 and a value of 7 over an effort of 10 are both 2/3, a tie the higher
value wins, though their quotients in floating point differ in the last digit.
"""

from enum import StrEnum
from fractions import Fraction
from functools import lru_cache
from itertools import pairwise

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
DENOMINATOR = 10**6  # the largest denominator a stored number is read back with
NEAR = 1e-9  # quotients closer than this (relative) are compared exactly


@lru_cache(maxsize=65_536)
def exact(number: float) -> Fraction:
    """The fraction a stored number stands for: the closest one with a denominator up to a
    million. Scores are fractions with small denominators (a 3 on 1–10 is 20/9 of 0–10);
    their floating-point forms are a few 1e-15 off, and two such fractions are at least
    1e-12 apart, so the closest one is the one meant.

    >>> exact(2.2222222222222223), exact(0.1)
    (Fraction(20, 9), Fraction(1, 10))
    """
    return Fraction(number).limit_denominator(DENOMINATOR)


def exact_ranks(top: np.ndarray, bottom: np.ndarray | None = None) -> np.ndarray:
    """`top / bottom` (or `top`) of every element as dense ranks, lowest 0, compared as
    the fractions the numbers stand for (`exact`): equal quotients share one rank however
    their floating-point forms differ. Any shape; every element is ranked against every
    other one. Only quotients within `NEAR` of each other are compared as fractions."""
    top = np.asarray(top, dtype=float)
    bottom = np.ones_like(top) if bottom is None else np.broadcast_to(bottom, top.shape)
    over, under = top.ravel(), np.asarray(bottom, dtype=float).ravel()
    with np.errstate(divide="ignore", invalid="ignore"):
        quotient = over / under
    order = np.argsort(quotient)  # equal quotients get one rank: no need of a stable sort
    in_order = quotient[order]
    near = np.diff(in_order) <= NEAR * np.abs(in_order[1:])
    first = np.concatenate([np.ones(min(len(order), 1), dtype=bool), ~near])  # of a run
    # A run of near quotients of different numbers is sorted and ranked as fractions.
    differ = near & ((np.diff(over[order]) != 0) | (np.diff(under[order]) != 0))
    starts = np.flatnonzero(first)
    run_of = np.cumsum(first) - 1
    for run in np.unique(run_of[1:][differ]):
        start = starts[run]
        end = starts[run + 1] if run + 1 < len(starts) else len(order)
        members = order[start:end]
        fractions = [exact(float(over[i])) / exact(float(under[i])) for i in members]
        by_fraction = sorted(range(len(members)), key=fractions.__getitem__)
        order[start:end] = members[by_fraction]
        ranked = [fractions[i] for i in by_fraction]
        first[start + 1 : end] = [a != b for a, b in pairwise(ranked)]
    ranks = np.empty(len(order), dtype=np.int64)
    ranks[order] = np.cumsum(first) - 1
    return ranks.reshape(top.shape)


def sort_keys(
    strategy: str, value: np.ndarray, effort: np.ndarray, order: np.ndarray, ids: np.ndarray
) -> list[np.ndarray]:
    """The keys candidates are sorted by, most important first, each ascending (a
    "highest first" key is negated). Arrays of any shape: the last axis is sorted, so
    many sets of numbers (resamples) rank at once. Numbers compare exactly
    (`exact_ranks`), so do the ranking, its certainty and the best plan's start."""
    ratio = exact_ranks(value, np.maximum(effort, MIN_EFFORT))
    value, effort = exact_ranks(value), exact_ranks(effort)
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
