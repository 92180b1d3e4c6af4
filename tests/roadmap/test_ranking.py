"""Ranking by a strategy: the order of each strategy, ties (compared exactly) and missing
scores."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from planner.roadmap.certainty import plan_certainty
from planner.roadmap.quadrants import Thresholds, quadrant_of, thresholds_for
from planner.roadmap.ranking import Strategy, exact, exact_ranks, rank
from planner.roadmap.settings import RoadmapSettings
from planner.scoring.certainty import Resampled
from planner.scoring.scales import SCALES


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


# Ties compared exactly ------------------------------------------------------------------

ONE_TO_TEN = SCALES["1-10"]
# A: value 3 / effort 4, B: value 7 / effort 10 on 1–10; both 2/3 on 0–10 as well (20/9
# over 10/3, 60/9 over 10), though 0.6667 > 0.6666 in floating point.
TIED = pd.DataFrame(
    {
        "id": [1, 2],
        "value": [ONE_TO_TEN.score("3"), ONE_TO_TEN.score("7")],
        "effort": [ONE_TO_TEN.score("4"), ONE_TO_TEN.score("10")],
        "quadrant": ["fill_in", "fill_in"],  # one quadrant: quick wins ranks by the ratio
    }
)


@pytest.mark.parametrize("strategy", ["wsjf", "optimal", "quick-wins"])
def test_an_exact_tie_goes_to_the_higher_value(strategy):
    """Ranked 1 before 2 when the quotients were compared in floating point."""
    assert rank(TIED, strategy) == [2, 1]


def test_the_certainty_ranks_a_tie_as_the_ranking_does():
    drawn = Resampled(
        candidate_ids=np.array([1, 2]),
        value=np.tile(TIED["value"].to_numpy(), (5, 1)),
        effort=np.tile(TIED["effort"].to_numpy(), (5, 1)),
    )
    settings = RoadmapSettings(
        start=pd.Timestamp("2027-01-01").date(), strategy="wsjf", periods=1, capacities=(10.0,)
    )
    ranks = plan_certainty(drawn, settings, plan_first=set()).ranks
    assert ranks["rank_median"].to_dict() == {1: 2, 2: 1}


@pytest.mark.parametrize(
    ("top", "bottom", "expected"),
    [
        ([2.2222222222222223, 6.666666666666666], [3.333333333333333, 10.0], [0, 0]),  # 2/3
        ([0.1 + 0.2, 0.3], None, [0, 0]),  # 0.30000000000000004 is 3/10
        ([1.0, 1.0 + 1e-6, 1.0 - 1e-6], None, [1, 2, 0]),  # near, but not equal
        ([0.0, 0.0, 5.0], [1.0, 7.0, 2.0], [0, 0, 1]),  # nothing over anything is 0
        ([[3.0, 1.0], [2.0, 1.0]], None, [[2, 0], [1, 0]]),  # ranked over every element
    ],
)
def test_exact_ranks(top, bottom, expected):
    bottom = None if bottom is None else np.array(bottom)
    assert exact_ranks(np.array(top), bottom).tolist() == expected


SCALE_NUMBERS = st.sampled_from(
    sorted({s.score(label) for s in SCALES.values() if s.numeric for label in s.labels} - {0.0})
)
FACTORS = st.tuples(st.integers(1, 12), st.integers(1, 4))  # a / b


@st.composite
def scored_frames(draw):
    """Candidates with values and efforts the scales give (never effort 0: 0 counts 0.1),
    some with a partner of the same value / effort (both scaled by c / d): exact ties."""
    rows = draw(st.lists(st.tuples(SCALE_NUMBERS, SCALE_NUMBERS), min_size=1, max_size=6))
    for value, effort in list(rows):
        if draw(st.booleans()):
            c, d = draw(FACTORS)
            rows.append((value * c / d, effort * c / d))
    return pd.DataFrame(
        {
            "id": range(1, len(rows) + 1),
            "value": [v for v, _ in rows],
            "effort": [e for _, e in rows],
            "quadrant": [draw(st.sampled_from(["quick_win", "fill_in"])) for _ in rows],
        }
    )


@settings(max_examples=200)
@given(frame=scored_frames(), factor=FACTORS, strategy=st.sampled_from(list(Strategy)))
def test_scaling_every_number_by_one_factor_keeps_the_order(frame, factor, strategy):
    """value / effort, value and effort keep their order when all are scaled alike, so do
    the ties; the scaled floats are rounded differently from the originals."""
    a, b = factor
    scaled = frame.assign(value=frame["value"] * a / b, effort=frame["effort"] * a / b)
    assert rank(scaled, strategy) == rank(frame, strategy)


@settings(max_examples=200)
@given(value=SCALE_NUMBERS, effort=SCALE_NUMBERS, factor=FACTORS)
def test_the_same_ratio_scaled_up_goes_first(value, effort, factor):
    """B = A scaled by a factor over 1: the same value / effort, a higher value."""
    a, b = factor
    assume(a > b)
    frame = pd.DataFrame(
        {
            "id": [1, 2],
            "value": [value, value * a / b],
            "effort": [effort, effort * a / b],
            "quadrant": ["fill_in", "fill_in"],
        }
    )
    assert rank(frame, "wsjf") == rank(frame, "quick-wins") == [2, 1]


@settings(max_examples=200)
@given(pairs=st.lists(st.tuples(SCALE_NUMBERS, SCALE_NUMBERS, FACTORS), min_size=1, max_size=12))
def test_exact_ranks_are_the_dense_ranks_of_the_fractions(pairs):
    """Against the slow definition: every quotient as a fraction, sorted, ranked densely."""
    top = np.array([v * a / b for v, _, (a, b) in pairs])
    bottom = np.array([e * a / b for _, e, (a, b) in pairs])
    fractions = [exact(t) / exact(u) for t, u in zip(top, bottom, strict=True)]
    dense = {f: i for i, f in enumerate(sorted(set(fractions)))}
    assert exact_ranks(top, bottom).tolist() == [dense[f] for f in fractions]
