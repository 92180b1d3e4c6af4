"""The value-effort matrix: each candidate's quadrant at the thresholds, a threshold
itself counting as high, and the thresholds from the middle of the range or the medians."""

import math

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.roadmap.quadrants import (
    QUADRANTS,
    Quadrant,
    ThresholdMode,
    Thresholds,
    quadrant_of,
    thresholds_for,
)

SCORES = st.floats(min_value=0, max_value=10, allow_nan=False)


@pytest.mark.parametrize(
    ("value", "effort", "quadrant"),
    [
        (8.0, 2.0, Quadrant.QUICK_WIN),
        (8.0, 8.0, Quadrant.BIG_BET),
        (2.0, 2.0, Quadrant.FILL_IN),
        (2.0, 8.0, Quadrant.MONEY_PIT),
        (5.0, 4.9, Quadrant.QUICK_WIN),  # the value threshold itself is high
        (5.0, 5.0, Quadrant.BIG_BET),  # so is the effort threshold
        (4.9, 4.9, Quadrant.FILL_IN),
        (4.9, 5.0, Quadrant.MONEY_PIT),
    ],
)
def test_quadrant_of_splits_at_the_thresholds(value, effort, quadrant):
    found = quadrant_of(pd.Series([value]), pd.Series([effort]), Thresholds())
    assert found.tolist() == [quadrant.value]


def test_a_candidate_without_value_or_effort_has_no_quadrant():
    value = pd.Series([8.0, None, 8.0], index=[10, 11, 12], dtype=float)
    effort = pd.Series([2.0, 2.0, None], index=[10, 11, 12], dtype=float)
    found = quadrant_of(value, effort, Thresholds())
    assert found.index.tolist() == [10, 11, 12]
    assert found[10] == Quadrant.QUICK_WIN
    assert found[[11, 12]].isna().all()


@given(st.lists(st.tuples(SCORES, SCORES), min_size=1, max_size=30), SCORES, SCORES)
def test_every_scored_candidate_is_in_exactly_the_quadrant_its_sides_say(
    pairs, at_value, at_effort
):
    value = pd.Series([v for v, _ in pairs])
    effort = pd.Series([e for _, e in pairs])
    found = quadrant_of(value, effort, Thresholds(at_value, at_effort))
    for (v, e), quadrant in zip(pairs, found, strict=True):
        high_value, high_effort = v >= at_value, e >= at_effort
        assert (
            quadrant
            == {
                (True, False): Quadrant.QUICK_WIN,
                (True, True): Quadrant.BIG_BET,
                (False, False): Quadrant.FILL_IN,
                (False, True): Quadrant.MONEY_PIT,
            }[(high_value, high_effort)]
        )


def test_the_middle_thresholds_are_five_whatever_the_scores():
    scored = pd.DataFrame({"value": [1.0, 2.0, 9.0], "effort": [1.0, 1.0, 1.0]})
    assert thresholds_for(scored) == Thresholds(5.0, 5.0)
    assert thresholds_for(scored, ThresholdMode.MIDDLE) == Thresholds(5.0, 5.0)


def test_the_median_thresholds_count_only_candidates_on_the_matrix():
    scored = pd.DataFrame(
        {"value": [1.0, 3.0, 9.0, 10.0], "effort": [2.0, 4.0, 6.0, math.nan]},
    )
    # the last has no effort: not on the matrix, so not in either median
    assert thresholds_for(scored, ThresholdMode.MEDIAN) == Thresholds(3.0, 4.0)


def test_the_median_of_nothing_on_the_matrix_falls_back_to_the_middle():
    scored = pd.DataFrame({"value": [7.0], "effort": [math.nan]})
    assert thresholds_for(scored, ThresholdMode.MEDIAN) == Thresholds()


def test_the_quadrants_are_in_the_order_of_the_quick_wins_strategy():
    assert QUADRANTS == (
        Quadrant.QUICK_WIN,
        Quadrant.BIG_BET,
        Quadrant.FILL_IN,
        Quadrant.MONEY_PIT,
    )
