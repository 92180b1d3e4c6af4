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

import pandas as pd

from planner.roadmap.quadrants import QUADRANTS


class Strategy(StrEnum):
    QUICK_WINS = "quick-wins"
    WSJF = "wsjf"
    VALUE = "value"
    EFFORT = "effort"
    OPTIMAL = "optimal"  # the best plan (planner.roadmap.optimal); ranked as wsjf


MIN_EFFORT = 0.1


def ratio(frame: pd.DataFrame) -> pd.Series:
    return frame["value"] / frame["effort"].clip(lower=MIN_EFFORT)


def rank(frame: pd.DataFrame, strategy: str) -> list[int]:
    """Candidate ids, best first. frame: id, value, effort, quadrant."""
    # Every column from the scored rows themselves: a Series of all rows assigned to an
    # empty frame would bring its rows back (with NaN ids).
    scored = frame.dropna(subset=["value", "effort"])
    scored = scored.assign(
        ratio=ratio(scored),
        order=scored["quadrant"].map({q: i for i, q in enumerate(QUADRANTS)}),
        neg_value=-scored["value"],
    )
    keys = {
        Strategy.QUICK_WINS: (
            ["order", "ratio", "neg_value", "effort", "id"],
            [True, False, True, True, True],
        ),
        Strategy.WSJF: (["ratio", "neg_value", "effort", "id"], [False, True, True, True]),
        Strategy.OPTIMAL: (["ratio", "neg_value", "effort", "id"], [False, True, True, True]),
        Strategy.VALUE: (["neg_value", "effort", "id"], [True, True, True]),
        Strategy.EFFORT: (["effort", "neg_value", "id"], [True, True, True]),
    }
    columns, ascending = keys[Strategy(strategy)]
    return scored.sort_values(columns, ascending=ascending, kind="stable")["id"].tolist()
