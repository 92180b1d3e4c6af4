"""Aggregation of votes: properties (hypothesis) and the rules for flags."""

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.scoring.consensus import (
    ConsensusMethod,
    ConsensusRules,
    aggregate,
    composites,
    settle,
    settle_numbers,
)

CRITERIA = pd.DataFrame(
    {
        "criterion_id": [1, 2, 3],
        "dimension": ["value", "value", "effort"],
        "weight": [2.0, 1.0, 1.0],
    }
)
SCORES = st.one_of(
    st.none(), st.sampled_from([0.0, 2.5, 5.0, 7.5, 10.0]), st.floats(0, 10, allow_nan=False)
)


@st.composite
def ballots(draw, max_stakeholders=6, max_candidates=3):
    """Votes of several stakeholders on several candidates; None = don't know."""
    rows = []
    for candidate in range(1, draw(st.integers(1, max_candidates)) + 1):
        for stakeholder in range(1, draw(st.integers(1, max_stakeholders)) + 1):
            for criterion in (1, 2, 3):
                score = draw(SCORES)
                rows.append((candidate, stakeholder, criterion, np.nan if score is None else score))
    return pd.DataFrame(rows, columns=["candidate_id", "stakeholder_id", "criterion_id", "score"])


WEIGHTS = st.dictionaries(st.integers(1, 6), st.floats(0.1, 5), max_size=6)
METHODS = st.sampled_from(list(ConsensusMethod))


def raw_range(votes, candidate, dimension):
    ids = CRITERIA.loc[CRITERIA["dimension"] == dimension, "criterion_id"]
    scores = votes[(votes["candidate_id"] == candidate) & votes["criterion_id"].isin(ids)]["score"]
    return scores.min(), scores.max()


@settings(max_examples=60)
@given(votes=ballots(), weights=WEIGHTS, method=METHODS)
def test_consensus_lies_between_the_lowest_and_highest_vote(votes, weights, method):
    result = aggregate(votes, CRITERIA, weights, ConsensusRules(method=method))
    for candidate, row in result.iterrows():
        for dimension in ("value", "effort"):
            if row[f"{dimension}_n"]:
                low, high = raw_range(votes, candidate, dimension)
                assert low - 1e-9 <= row[dimension] <= high + 1e-9


@settings(max_examples=40)
@given(votes=ballots(), weights=WEIGHTS, method=METHODS, seed=st.integers(0, 2**32 - 1))
def test_vote_order_does_not_matter(votes, weights, method, seed):
    rules = ConsensusRules(method=method)
    shuffled = votes.sample(frac=1, random_state=seed)
    pd.testing.assert_frame_equal(
        aggregate(votes, CRITERIA, weights, rules),
        aggregate(shuffled, CRITERIA, weights, rules),
        check_exact=False,
    )


@settings(max_examples=40)
@given(votes=ballots(), weights=WEIGHTS)
def test_dont_know_answers_are_ignored(votes, weights):
    answered = votes.dropna(subset=["score"])
    full, without = aggregate(votes, CRITERIA, weights), aggregate(answered, CRITERIA, weights)
    pd.testing.assert_frame_equal(full, without.reindex(full.index), check_exact=False)


@settings(max_examples=40)
@given(votes=ballots(), weights=WEIGHTS, factor=st.floats(0.01, 100), method=METHODS)
def test_scaling_all_weights_changes_nothing(votes, weights, factor, method):
    rules = ConsensusRules(method=method)
    scaled_criteria = CRITERIA.assign(weight=CRITERIA["weight"] * factor)
    scaled_people = {k: v * factor for k, v in weights.items()}
    default_people = {k: factor for k in range(1, 7)}  # unlisted people count 1, so scale them too
    pd.testing.assert_frame_equal(
        aggregate(votes, CRITERIA, {**{k: 1.0 for k in range(1, 7)}, **weights}, rules),
        aggregate(votes, scaled_criteria, {**default_people, **scaled_people}, rules),
        check_exact=False,
    )


@given(value=st.floats(0, 10), effort=st.floats(0, 10), method=METHODS)
def test_one_vote_gives_that_vote(value, effort, method):
    criteria = CRITERIA[CRITERIA["criterion_id"] != 2]
    votes = pd.DataFrame(
        {
            "candidate_id": [7, 7],
            "stakeholder_id": [1, 1],
            "criterion_id": [1, 3],
            "score": [value, effort],
        }
    )
    row = aggregate(votes, criteria, rules=ConsensusRules(method=method, min_votes=1)).loc[7]
    assert math.isclose(row["value"], value, abs_tol=1e-9)
    assert math.isclose(row["effort"], effort, abs_tol=1e-9)
    assert not row["insufficient"]


def votes_of(*scores, criterion=1, candidate=1):
    """One vote per stakeholder on one criterion, plus an effort vote of 5."""
    rows = [(candidate, s, criterion, score) for s, score in enumerate(scores, start=1)]
    rows += [(candidate, s, 3, 5.0) for s in range(1, len(scores) + 1)]
    return pd.DataFrame(rows, columns=["candidate_id", "stakeholder_id", "criterion_id", "score"])


def test_composite_weighs_the_criteria():
    votes = pd.DataFrame(
        {
            "candidate_id": [1, 1],
            "stakeholder_id": [1, 1],
            "criterion_id": [1, 2],
            "score": [10.0, 4.0],
        }
    )
    [row] = composites(votes, CRITERIA).itertuples()
    assert row.score == pytest.approx((2 * 10 + 4) / 3)


@pytest.mark.parametrize(
    ("scores", "discuss", "both_ends"),
    [
        ((5, 5, 6), False, False),
        ((2.5, 5, 7.5), False, False),  # sd 2.04 <= 2.5
        ((0, 2.5, 7.5, 10), True, True),  # both ends
        ((2.5, 2.5, 10, 10), True, False),  # sd 3.75 > 2.5
        ((0, 2.5, 2.5, 2.5), False, False),  # the lowest answer alone is no "both ends"
    ],
)
def test_discuss_flag(scores, discuss, both_ends):
    row = aggregate(votes_of(*scores), CRITERIA).loc[1]
    assert (bool(row["discuss"]), bool(row["both_ends"])) == (discuss, both_ends)


def test_discuss_threshold_is_configurable():
    votes = votes_of(2.5, 5, 7.5)
    assert not aggregate(votes, CRITERIA, rules=ConsensusRules(disagreement=0.25)).loc[1, "discuss"]
    assert aggregate(votes, CRITERIA, rules=ConsensusRules(disagreement=0.2)).loc[1, "discuss"]


@pytest.mark.parametrize(
    ("voters", "min_votes", "insufficient"), [(2, 3, True), (3, 3, False), (1, 1, False)]
)
def test_insufficient_votes(voters, min_votes, insufficient):
    row = aggregate(votes_of(*[5] * voters), CRITERIA, rules=ConsensusRules(min_votes=min_votes))
    assert bool(row.loc[1, "insufficient"]) == insufficient


def test_median_and_weighted_mean():
    votes = votes_of(2, 4, 9)
    rules = ConsensusRules(method="weighted_mean")
    assert aggregate(votes, CRITERIA).loc[1, "value"] == 4
    assert aggregate(votes, CRITERIA, {3: 2.0}, rules).loc[1, "value"] == pytest.approx(6)


def test_enough_votes_count_per_dimension():
    """A value with enough votes is used although the effort has too few (and the other
    way round); the source says so per dimension."""
    rows = [(1, s, 1, 8.0) for s in (1, 2, 3)] + [(1, 1, 3, 4.0)]  # 3 value votes, 1 effort
    votes = pd.DataFrame(rows, columns=["candidate_id", "stakeholder_id", "criterion_id", "score"])
    aggregates = aggregate(votes, CRITERIA, rules=ConsensusRules(min_votes=3))
    row = aggregates.loc[1]
    assert not row["value_insufficient"] and row["effort_insufficient"] and row["insufficient"]
    candidates = pd.DataFrame({"id": [1], "pre_value": [None], "pre_effort": [6.0]})
    overrides = pd.DataFrame(columns=["candidate_id", "value", "effort"])
    settled = settle(candidates, aggregates, overrides).loc[1]
    assert (settled["value"], settled["value_source"]) == (8.0, "votes")
    assert (settled["effort"], settled["effort_source"]) == (6.0, "import")  # too few votes
    no_pre = settle(candidates.assign(pre_effort=[None]), aggregates, overrides).loc[1]
    assert math.isnan(no_pre["effort"]) and no_pre["effort_source"] == "insufficient"


# Split criteria: four Service people rate "Customer value" (weight 1) 10, two Marketing
# people "Business value" (weight 3) 0 (each rates only their own criterion); all effort 5.
SPLIT_CRITERIA = pd.DataFrame(
    {
        "criterion_id": [1, 2, 3],
        "dimension": ["value", "value", "effort"],
        "weight": [1.0, 3.0, 1.0],
    }
)
SPLIT_VOTES = pd.DataFrame(
    [(1, p, 1, 10.0) for p in (1, 2, 3, 4)]
    + [(1, p, 2, 0.0) for p in (5, 6)]
    + [(1, p, 3, 5.0) for p in range(1, 7)],
    columns=["candidate_id", "stakeholder_id", "criterion_id", "score"],
)


@pytest.mark.parametrize(
    ("method", "value"),
    [
        ("median", 10.0),  # the median of six composites: four 10s, two 0s
        ("weighted_mean", 40 / 6),  # the composites' mean (every role weight 1)
        ("per_criterion", 2.5),  # (1 x 10 + 3 x 0) / 4: the weights hold
    ],
)
def test_split_criteria_per_method(method, value):
    row = aggregate(SPLIT_VOTES, SPLIT_CRITERIA, rules=ConsensusRules(method=method)).loc[1]
    assert row["value"] == pytest.approx(value)
    assert (row["effort"], row["value_n"], row["value_median"]) == (5.0, 6, 10.0)


def test_per_criterion_leaves_out_a_criterion_nobody_answered():
    votes = SPLIT_VOTES[SPLIT_VOTES["criterion_id"] != 2]
    row = aggregate(votes, SPLIT_CRITERIA, rules=ConsensusRules(method="per_criterion")).loc[1]
    assert row["value"] == 10.0 and row["value_n"] == 4


def test_per_criterion_takes_each_criterions_median():
    """Criterion 1: 2, 4, 9 (median 4); criterion 2: 8 (one answer); weights 2 and 1."""
    votes = votes_of(2, 4, 9)
    votes = pd.concat(
        [votes, pd.DataFrame([(1, 1, 2, 8.0)], columns=votes.columns)], ignore_index=True
    )
    row = aggregate(votes, CRITERIA, rules=ConsensusRules(method="per_criterion")).loc[1]
    assert row["value"] == pytest.approx((2 * 4 + 8) / 3)


NAN = math.nan


@pytest.mark.parametrize(
    ("override", "from_votes", "n", "enough", "pre", "expected"),
    [
        (6.0, 2.0, 5, True, 1.0, (6.0, "override")),  # the facilitator's decision first
        (NAN, 2.0, 5, True, 1.0, (2.0, "votes")),
        (NAN, 2.0, 2, False, 1.0, (1.0, "import")),  # too few votes: the pre-score
        (NAN, 2.0, 2, False, NAN, (NAN, "insufficient")),
        (NAN, NAN, 0, False, 1.0, (1.0, "import")),
        (NAN, NAN, 0, False, NAN, (NAN, "none")),
    ],
)
def test_settle_numbers(override, from_votes, n, enough, pre, expected):
    value, source = settle_numbers(override, from_votes, n, enough, pre)
    assert (source.item(), math.isnan(value) or value.item()) == (
        expected[1],
        math.isnan(expected[0]) or expected[0],
    )


def test_settle_numbers_settles_many_draws_at_once():
    """Resamples (rows) x candidates, with each candidate's override and pre-score."""
    value, source = settle_numbers(
        np.array([NAN, 7.0]),
        np.array([[3.0, 3.0], [4.0, 4.0]]),
        2,
        [[True, True], [False, False]],
        np.array([1.0, NAN]),
    )
    assert value.tolist() == [[3.0, 7.0], [1.0, 7.0]]
    assert source.tolist() == [["votes", "override"], ["import", "override"]]
