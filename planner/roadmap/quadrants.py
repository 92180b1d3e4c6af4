"""The value–effort matrix: four quadrants split at a value and an effort threshold.

A value at or above the value threshold is high; an effort at or above the effort
threshold is high. Quick wins: high value, low effort. Big bets: high value, high
effort. Fill-ins: low value, low effort. Money pits: low value, high effort.
"""

from dataclasses import dataclass

import numpy as np
import pandas as pd

QUADRANTS = ("quick_win", "big_bet", "fill_in", "money_pit")
MIDDLE = 5.0  # the middle of the 0–10 range


@dataclass(frozen=True)
class Thresholds:
    value: float = MIDDLE
    effort: float = MIDDLE


def thresholds_for(scored: pd.DataFrame, mode: str = "middle") -> Thresholds:
    """The middle of the range, or ("median") the medians of the scored candidates."""
    if mode == "median" and not scored.dropna(subset=["value", "effort"]).empty:
        return Thresholds(float(scored["value"].median()), float(scored["effort"].median()))
    return Thresholds()


def quadrant_of(value: pd.Series, effort: pd.Series, thresholds: Thresholds) -> pd.Series:
    """Each candidate's quadrant; missing (NaN) where value or effort is missing."""
    high_value, high_effort = value >= thresholds.value, effort >= thresholds.effort
    names = np.select(
        [high_value & ~high_effort, high_value & high_effort, ~high_value & ~high_effort],
        ["quick_win", "big_bet", "fill_in"],
        default="money_pit",
    )
    return pd.Series(names, index=value.index).where(value.notna() & effort.notna())
