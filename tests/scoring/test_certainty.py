"""How sure the ranking is: resampling the stakeholders, seeded."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.roadmap.certainty import plan_certainty, quadrant_chances
from planner.roadmap.settings import RoadmapSettings
from planner.scoring.certainty import resample
from planner.scoring.consensus import (
    ConsensusMethod,
    ConsensusRules,
    aggregate,
    consensus_scores,
    settle,
)

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
    drawn = resample(SPLIT, settled_of(SPLIT), ConsensusRules(method=method), weights={2: 3.0})
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


# Every resample settled by the consensus's own rules ------------------------------------

CRITERIA = pd.DataFrame(
    {"criterion_id": [1, 2, 3], "dimension": ["value", "value", "effort"], "weight": [1, 3, 1]}
)
NO_OVERRIDES = pd.DataFrame(columns=["candidate_id", "value", "effort"])


def votes_of(table: dict[int, dict[int, dict[int, float]]]) -> pd.DataFrame:
    """{candidate: {stakeholder: {criterion: score}}} as votes."""
    rows = [
        (candidate, person, criterion, score)
        for candidate, people in table.items()
        for person, answers in people.items()
        for criterion, score in answers.items()
    ]
    return pd.DataFrame(rows, columns=["candidate_id", "stakeholder_id", "criterion_id", "score"])


def settled_and_resampled(votes, rules, pre=None):
    """The consensus as `settle` makes it, and its resamples (pre: {candidate: (v, e)})."""
    ids = sorted(votes["candidate_id"].unique())
    candidates = pd.DataFrame(
        {
            "id": ids,
            "pre_value": [(pre or {}).get(c, (np.nan, np.nan))[0] for c in ids],
            "pre_effort": [(pre or {}).get(c, (np.nan, np.nan))[1] for c in ids],
        }
    )
    settled = settle(candidates, aggregate(votes, CRITERIA, rules=rules), NO_OVERRIDES)
    scores = consensus_scores(votes, CRITERIA, rules.method)
    return settled, resample(scores, settled, rules)


def crowd(lonely: dict[int, dict[int, float]], others: int = 30) -> pd.DataFrame:
    """Candidate 1 voted on by `lonely`; candidate 2 by `others` people (all at 5)."""
    everyone = {p: {1: 5.0, 2: 5.0, 3: 5.0} for p in range(1, others + 1)}
    return votes_of({1: lonely, 2: everyone})


def test_a_draw_without_a_candidates_only_voter_takes_it_off_the_matrix():
    """One vote among 30 stakeholders (minimum 1): in ~1 - (29/30)**30 = 64 % of the draws
    the voter is there (a fill-in), else too few votes: off the matrix. It showed 100 %
    fill-in while a draw without the voter kept the number."""
    rules = ConsensusRules(min_votes=1)
    settled, drawn = settled_and_resampled(crowd({1: {1: 2.0, 2: 2.0, 3: 2.0}}), rules)
    assert settled.loc[1, "value_source"] == "votes"
    chances = quadrant_chances(drawn, "middle").loc[1]
    assert 0.5 < chances["fill_in"] < 0.8
    assert chances.sum() == pytest.approx(chances["fill_in"])  # the rest: off the matrix


def test_a_draw_with_too_few_voters_falls_back_on_the_pre_score():
    """3 of 30 rate it a quick win (minimum 3); the pre-score says money pit: a draw with
    fewer than 3 of them takes the pre-score, as the consensus would."""
    rules = ConsensusRules(min_votes=3)
    quick = {p: {1: 9.0, 2: 9.0, 3: 1.0} for p in (1, 2, 3)}
    settled, drawn = settled_and_resampled(crowd(quick), rules, pre={1: (1.0, 9.0)})
    assert settled.loc[1, "value_source"] == "votes"
    chances = quadrant_chances(drawn, "middle").loc[1]
    assert 0.2 < chances["money_pit"] < 0.8
    assert chances["quick_win"] == pytest.approx(1 - chances["money_pit"])


def test_a_pre_scored_candidate_with_too_few_votes_moves_only_when_a_draw_has_enough():
    """2 votes (minimum 3): the pre-score counts; only a draw holding one of them three
    times (a stakeholder drawn twice counts twice, as in the median) takes the votes."""
    rules = ConsensusRules(min_votes=3)
    quick = {p: {1: 9.0, 2: 9.0, 3: 1.0} for p in (1, 2)}
    settled, drawn = settled_and_resampled(crowd(quick), rules, pre={1: (1.0, 9.0)})
    assert settled.loc[1, "value_source"] == "import"
    chances = quadrant_chances(drawn, "middle").loc[1]
    assert 0.5 < chances["money_pit"] < 1
    assert chances["quick_win"] == pytest.approx(1 - chances["money_pit"])


def test_per_criterion_resamples_keep_the_criteria_weights():
    """Four Service people rate "Customer value" (weight 1) 10, two Marketing people
    "Business value" (weight 3) 0: 2.5 per criterion, 10 as a median of composites."""
    service = {p: {1: 10.0, 3: 5.0} for p in (1, 2, 3, 4)}
    marketing = {p: {2: 0.0, 3: 5.0} for p in (5, 6)}
    votes = votes_of({1: {**service, **marketing}})
    for method, expected in (("per_criterion", 2.5), ("median", 10.0)):
        settled, drawn = settled_and_resampled(votes, ConsensusRules(method=method))
        assert settled.loc[1, "value"] == expected
        assert np.median(drawn.value[:, 0]) == expected


@st.composite
def small_workshops(draw):
    """2-8 stakeholders, a minimum of 1-4 votes, and per candidate the stakeholders who
    voted on it (every criterion, 0-10), no pre-scores."""
    people = draw(st.integers(2, 8))
    table = {}
    for candidate in range(1, draw(st.integers(1, 4)) + 1):
        voters = draw(st.sets(st.integers(1, people), min_size=1, max_size=people))
        table[candidate] = {
            p: {c: draw(st.sampled_from([0.0, 2.5, 5.0, 7.5, 10.0])) for c in (1, 2, 3)}
            for p in voters
        }
    everyone = {p: {1: 5.0, 2: 5.0, 3: 5.0} for p in range(1, people + 1)}
    table[99] = everyone  # every stakeholder voted on something
    return votes_of(table), draw(st.integers(1, 4))


@settings(max_examples=60, deadline=None)
@given(
    workshop=small_workshops(),
    method=st.sampled_from(list(ConsensusMethod)),
    mode=st.sampled_from(["middle", "median"]),
)
def test_a_candidate_at_or_below_the_minimum_is_never_certain(workshop, method, mode):
    """Voted on by no more than the minimum number of stakeholders, not by all (and no
    pre-score or decision): some draws hold too few of them, so no quadrant reaches
    100 %."""
    votes, min_votes = workshop
    _, drawn = settled_and_resampled(votes, ConsensusRules(method, min_votes=min_votes))
    chances = quadrant_chances(drawn, mode)
    voters = votes.groupby("candidate_id")["stakeholder_id"].nunique()
    everyone = votes["stakeholder_id"].nunique()  # a draw can miss voters when some did not
    for candidate in voters[(voters <= min_votes) & (voters < everyone)].index:
        assert chances.loc[candidate].max() < 1
