"""The value–effort matrix: four quadrants split at a value and an effort threshold.

A value at or above the value threshold is high; an effort at or above the effort
threshold is high. Quick wins: high value, low effort. Big bets: high value, high
effort. Fill-ins: low value, low effort. Money pits: low value, high effort.
"""

from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import pandas as pd


class Quadrant(StrEnum):
    QUICK_WIN = "quick_win"
    BIG_BET = "big_bet"
    FILL_IN = "fill_in"
    MONEY_PIT = "money_pit"


class ThresholdMode(StrEnum):
    MIDDLE = "middle"  # the middle of the range
    MEDIAN = "median"  # the medians of the scored candidates


QUADRANTS = tuple(Quadrant)  # in the order of the quick-wins strategy
MIDDLE = 5.0  # the middle of the 0–10 range


@dataclass(frozen=True)
class Thresholds:
    value: float = MIDDLE
    effort: float = MIDDLE


def thresholds_for(scored: pd.DataFrame, mode: str = ThresholdMode.MIDDLE) -> Thresholds:
    """The middle of the range, or ("median") the medians over the candidates on the
    matrix: those with both a value and an effort (one with only a value is not)."""
    on_matrix = scored.dropna(subset=["value", "effort"])
    if mode == ThresholdMode.MEDIAN and not on_matrix.empty:
        return Thresholds(float(on_matrix["value"].median()), float(on_matrix["effort"].median()))
    return Thresholds()


def quadrant_of(value: pd.Series, effort: pd.Series, thresholds: Thresholds) -> pd.Series:
    """Each candidate's quadrant; missing (NaN) where value or effort is missing."""
    high_value, high_effort = value >= thresholds.value, effort >= thresholds.effort
    names = np.select(
        [high_value & ~high_effort, high_value & high_effort, ~high_value & ~high_effort],
        [Quadrant.QUICK_WIN.value, Quadrant.BIG_BET.value, Quadrant.FILL_IN.value],
        default=Quadrant.MONEY_PIT.value,
    )
    return pd.Series(names, index=value.index).where(value.notna() & effort.notna())
