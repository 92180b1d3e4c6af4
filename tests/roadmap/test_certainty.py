"""How sure the roadmap is, from given resamples: each candidate's chance of each
quadrant (middle or median lines), the chance of a quadrant looked up per point, and
the rank intervals, first period and stability of a plan."""

import numpy as np
import pandas as pd
import pytest

from planner.roadmap.certainty import chance_of, plan_certainty, quadrant_chances
from planner.roadmap.quadrants import ThresholdMode
from planner.roadmap.settings import RoadmapSettings
from planner.scoring.certainty import Resampled

START = pd.Timestamp("2027-01-01").date()
NAN = np.nan


def drawn(value: list[list[float]], effort: list[list[float]], ids=(1, 2, 3)) -> Resampled:
    """Resamples (rows) x candidates (columns)."""
    return Resampled(np.array(ids), np.array(value, float), np.array(effort, float))


# Four resamples of three candidates: 1 always a quick win, 2 half quick win half fill-in,
# 3 without an effort in the last resample.
FOUR = drawn(
    value=[[9, 6, 2], [9, 6, 2], [9, 4, 2], [9, 4, 2]],
    effort=[[1, 2, 8], [1, 2, 8], [1, 2, 8], [1, 2, NAN]],
)


def test_quadrant_chances_are_the_share_of_resamples_in_each_quadrant():
    chances = quadrant_chances(FOUR, ThresholdMode.MIDDLE)
    assert chances.index.tolist() == [1, 2, 3]
    assert chances.columns.tolist() == ["quick_win", "big_bet", "fill_in", "money_pit"]
    assert chances.loc[1].tolist() == [1.0, 0.0, 0.0, 0.0]
    assert chances.loc[2].tolist() == [0.5, 0.0, 0.5, 0.0]
    assert chances.loc[3].tolist() == [0.0, 0.0, 0.0, 0.75]  # off the matrix once


def test_median_lines_are_drawn_per_resample_over_the_candidates_on_the_matrix():
    one = drawn(value=[[1, 2, 3]], effort=[[1, 2, 3]])
    chances = quadrant_chances(one, ThresholdMode.MEDIAN)
    # lines at 2 and 2: 1 is a fill-in, 2 and 3 at or above both lines are big bets
    assert chances["fill_in"].tolist() == [1.0, 0.0, 0.0]
    assert chances["big_bet"].tolist() == [0.0, 1.0, 1.0]
    nothing = drawn(value=[[NAN, 7.0]], effort=[[1.0, NAN]], ids=(1, 2))
    assert quadrant_chances(nothing, ThresholdMode.MEDIAN).to_numpy().sum() == 0


def test_chance_of_looks_up_each_points_quadrant_and_nan_where_unknown():
    chances = quadrant_chances(FOUR, ThresholdMode.MIDDLE)
    found = chance_of(chances, [2, 1, 99, 3], ["quick_win", "quick_win", "quick_win", None])
    assert found[:2].tolist() == [0.5, 1.0]
    assert np.isnan(found[2]) and np.isnan(found[3])
    assert chance_of(chances, [], []).tolist() == []


def test_plan_certainty_of_a_clear_plan_is_sure():
    settings = RoadmapSettings(start=START, strategy="wsjf", periods=2, capacities=(1.5,))
    sure = plan_certainty(FOUR, settings, plan_first={1, 2})  # 2 starts in it, spilling over
    assert sure.ranks["rank_low"].tolist() == sure.ranks["rank_high"].tolist() == [1, 2, 3]
    assert sure.first_period.tolist() == [1.0, 1.0, 0.0]
    assert sure.stability == 1.0
    assert plan_certainty(FOUR, settings, plan_first={1}).stability == 0.0
    assert not sure.uncertain_first().any()
    assert sure.quadrants.equals(quadrant_chances(FOUR, ThresholdMode.MIDDLE))


def test_a_candidate_in_the_first_period_half_the_time_is_uncertain():
    # two candidates of effort 1 and room for one: their order flips half the time
    flips = drawn(value=[[9, 8], [8, 9], [9, 8], [8, 9]], effort=[[1, 1]] * 4, ids=(1, 2))
    settings = RoadmapSettings(start=START, strategy="wsjf", periods=2, capacities=(1.0,))
    result = plan_certainty(flips, settings, plan_first={1})
    assert result.first_period.tolist() == [0.5, 0.5]
    assert result.uncertain_first().all()
    assert result.stability == 0.5
    assert result.ranks.loc[1, "rank_low"] == 1 and result.ranks.loc[1, "rank_high"] == 2


@pytest.mark.parametrize("strategy", ["optimal", "wsjf"])
def test_the_best_plan_is_followed_through_its_wsjf_ranking(strategy):
    settings = RoadmapSettings(start=START, strategy=strategy, periods=2, capacities=(1.5,))
    result = plan_certainty(FOUR, settings, plan_first={1})
    assert result.first_period.loc[1] == 1.0
