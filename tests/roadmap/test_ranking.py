"""Ranking by a strategy: the order of each strategy, ties and missing scores."""

import pandas as pd
import pytest

from planner.roadmap.quadrants import Thresholds, quadrant_of, thresholds_for
from planner.roadmap.ranking import rank


def frame_of(rows):
    frame = pd.DataFrame(rows, columns=["id", "value", "effort"])
    return frame.assign(quadrant=quadrant_of(frame["value"], frame["effort"], Thresholds()))


@pytest.mark.parametrize(
    ("strategy", "expected"),
    [
        ("quick-wins", [3, 1, 4, 2]),  # QW (3), BB (1), FI (4), MP (2)
        ("wsjf", [3, 4, 1, 2]),  # 9/1, 4/2=2, 8/8=1, 1/9
        ("value", [3, 1, 4, 2]),
        ("effort", [3, 4, 1, 2]),
    ],
)
def test_rank_strategies(strategy, expected):
    frame = frame_of([(1, 8, 8), (2, 1, 9), (3, 9, 1), (4, 4, 2)])
    assert rank(frame, strategy) == expected


def test_rank_ties_and_missing_scores():
    frame = frame_of([(5, 6, 3), (2, 6, 3), (7, 4, 2), (9, None, 3)])
    assert rank(frame, "wsjf") == [2, 5, 7]  # equal ratio and value: older (lower id) first
    assert rank(frame.assign(effort=[0, 3, 2, 3]), "wsjf")[0] == 5  # effort 0 counts 0.1


@pytest.mark.parametrize("strategy", ["quick-wins", "wsjf", "value", "effort"])
def test_nothing_scored_ranks_nothing(strategy):
    """Not a list of NaN ids (pandas gave the unscored rows back, the scheduler crashed)."""
    nothing = frame_of([(1, None, None), (2, None, 3), (3, 4, None)])
    assert rank(nothing, strategy) == []


def test_median_lines_are_the_medians_of_the_candidates_on_the_matrix():
    """Only candidates with both a value and an effort are on the matrix; one with only a
    value (or only an effort) does not move the lines."""
    frame = pd.DataFrame(
        {"value": [2.0, 4.0, 6.0, 10.0, None], "effort": [1.0, 3.0, 5.0, None, 9.0]}
    )
    assert thresholds_for(frame, "median") == Thresholds(value=4.0, effort=3.0)
    assert thresholds_for(frame.iloc[3:], "median") == Thresholds()  # none on the matrix
