"""How sure the ranking is: resampling the stakeholders, seeded."""

import numpy as np
import pandas as pd
import pytest

from planner.roadmap.certainty import plan_certainty
from planner.roadmap.settings import RoadmapSettings
from planner.scoring.certainty import resample

START = pd.Timestamp("2027-01-01").date()


def composites_of(table: dict[int, dict[str, list[float]]]) -> pd.DataFrame:
    """{candidate: {"value": [per stakeholder], "effort": [...]}} as composites."""
    rows = [
        (candidate, person, dimension, score)
        for candidate, dims in table.items()
        for dimension, scores in dims.items()
        for person, score in enumerate(scores, start=1)
    ]
    return pd.DataFrame(rows, columns=["candidate_id", "stakeholder_id", "dimension", "score"])


def settled_of(composites: pd.DataFrame, sources: dict[int, str] | None = None) -> pd.DataFrame:
    medians = composites.groupby(["candidate_id", "dimension"])["score"].median().unstack()
    settled = medians.assign(value_source="votes", effort_source="votes")
    for candidate, source in (sources or {}).items():
        settled.loc[candidate, ["value_source", "effort_source"]] = source
    return settled


SPLIT = composites_of(
    {
        1: {"value": [9, 9, 9, 9, 9, 9], "effort": [1, 1, 1, 1, 1, 1]},  # a sure quick win
        2: {"value": [2, 8, 3, 7, 2, 8], "effort": [4, 4, 4, 4, 4, 4]},  # split on value
        3: {"value": [1, 1, 1, 1, 1, 1], "effort": [9, 9, 9, 9, 9, 9]},  # a sure money pit
    }
)
SETTINGS = RoadmapSettings(start=START, strategy="wsjf", periods=2, capacities=(1.5,))


def test_unanimous_candidates_are_sure_and_split_ones_are_not():
    drawn = resample(SPLIT, settled_of(SPLIT))
    sure = plan_certainty(drawn, SETTINGS, plan_first={1})
    assert sure.quadrants.loc[1, "quick_win"] == 1.0
    assert sure.quadrants.loc[3, "money_pit"] == 1.0
    assert 0 < sure.quadrants.loc[2, "quick_win"] < 1  # value 2..8 around the line at 5
    assert (sure.ranks.loc[1, "rank_low"], sure.ranks.loc[1, "rank_high"]) == (1, 1)
    assert sure.ranks.loc[2, "rank_low"] <= sure.ranks.loc[2, "rank_high"]
    assert sure.first_period.loc[1] == 1.0 and sure.stability == 1.0


def test_facilitator_decisions_and_pre_scores_are_certain_by_definition():
    settled = settled_of(SPLIT, sources={2: "override"})
    drawn = resample(SPLIT, settled)
    assert np.all(drawn.value[:, list(drawn.candidate_ids).index(2)] == settled.loc[2, "value"])
    result = plan_certainty(drawn, SETTINGS, plan_first={1})
    assert result.quadrants.loc[2].max() == 1.0


def test_the_same_votes_give_the_same_figures():
    one = resample(SPLIT, settled_of(SPLIT))
    two = resample(SPLIT, settled_of(SPLIT))
    assert np.array_equal(one.value, two.value) and np.array_equal(one.effort, two.effort)
    other_seed = resample(SPLIT, settled_of(SPLIT), seed=1)
    assert not np.array_equal(one.value, other_seed.value)


@pytest.mark.parametrize("method", ["median", "weighted_mean"])
def test_each_resample_stays_within_the_votes(method):
    drawn = resample(SPLIT, settled_of(SPLIT), method=method, weights={2: 3.0})
    column = list(drawn.candidate_ids).index(2)
    assert drawn.value[:, column].min() >= 2 and drawn.value[:, column].max() <= 8
    assert drawn.value.shape == (200, 3)


def test_an_uncertain_first_period_is_flagged():
    drawn = resample(SPLIT, settled_of(SPLIT))
    settings = SETTINGS.model_copy(update={"capacities": (4.0, 4.0)})
    result = plan_certainty(drawn, settings, plan_first={1})
    flagged = result.uncertain_first()
    assert not flagged.loc[1] and not flagged.loc[3]
    assert result.first_period.between(0, 1).all()
