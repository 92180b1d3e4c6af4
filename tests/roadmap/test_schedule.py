"""The scheduler: properties (hypothesis) and rules."""

import itertools

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.roadmap.plan_rules import Instance, violations
from planner.roadmap.ranking import rank
from planner.roadmap.schedule import DependencyCycle, check_acyclic, schedule

EPS = 1e-6


@st.composite
def plans(draw, max_items=12, max_periods=6):
    """Ranked candidates with efforts, capacities, acyclic dependencies, pins, exclusions."""
    n = draw(st.integers(1, max_items))
    ranking = draw(st.permutations(list(range(1, n + 1))))
    efforts = {c: draw(st.sampled_from([0.0, 0.5, 1.0, 2.0, 3.0, 5.0, 8.0, 13.0])) for c in ranking}
    periods = draw(st.integers(1, max_periods))
    capacities = [draw(st.sampled_from([1.0, 3.0, 5.0, 8.0])) for _ in range(periods)]
    # Dependencies only on lower ids: acyclic by construction.
    needs = {
        c: set(draw(st.lists(st.integers(1, c - 1), max_size=2))) if c > 1 else set()
        for c in ranking
    }
    pins = {
        c: draw(st.integers(0, periods - 1))
        for c in draw(st.lists(st.sampled_from(ranking), max_size=2, unique=True))
    }
    excluded = set(draw(st.lists(st.sampled_from(ranking), max_size=2, unique=True)))
    return ranking, efforts, capacities, needs, pins, excluded


@settings(max_examples=300)
@given(plan=plans())
def test_schedule_invariants(plan):
    ranking, efforts, capacities, needs, pins, excluded = plan
    result = schedule(ranking, efforts, capacities, needs, pins, excluded)
    # Every rule of every plan (planner.roadmap.plan_rules), checked as for the best plan.
    instance = Instance(ranking, efforts, capacities, needs, pins, excluded)
    assert violations(result, instance) == []
    # Same input, same output.
    again = schedule(ranking, efforts, capacities, needs, pins, excluded)
    assert again.placed == result.placed and again.unscheduled == result.unscheduled


@settings(max_examples=100)
@given(plan=plans())
def test_unlimited_capacity_keeps_the_ranking(plan):
    ranking, efforts, *_ = plan
    result = schedule(ranking, efforts, [1e9] * 3)
    assert {p.start for p in result.placed.values()} == {0}
    placed = sorted(result.placed, key=lambda c: (result.placed[c].start, ranking.index(c)))
    assert placed == ranking


@st.composite
def one_team(draw):
    n = draw(st.integers(1, 7))
    values = [draw(st.integers(0, 10)) for _ in range(n)]
    efforts = [draw(st.integers(1, 5)) for _ in range(n)]
    return values, efforts


@settings(max_examples=150)
@given(team=one_team())
def test_wsjf_minimises_value_weighted_completion_on_one_team(team):
    """Capacity 1 per period: value/effort order is as good as the best of all orders."""
    values, efforts = team
    ids = list(range(1, len(values) + 1))
    frame = pd.DataFrame({"id": ids, "value": values, "effort": efforts, "quadrant": "fill_in"})
    ranking = rank(frame, "wsjf")
    result = schedule(ranking, dict(zip(ids, efforts, strict=True)), [1.0] * sum(efforts))
    assert not result.unscheduled
    cost = sum(values[c - 1] * (result.placed[c].end + 1) for c in ids)

    def completion_cost(order):
        time, total = 0, 0
        for c in order:
            time += efforts[c - 1]
            total += values[c - 1] * time
        return total

    assert cost == min(completion_cost(order) for order in itertools.permutations(ids))


def test_a_large_candidate_spans_consecutive_periods():
    result = schedule([1, 2], {1: 8, 2: 2}, [5, 5, 5])
    assert (result.placed[1].start, result.placed[1].end) == (0, 1)
    assert result.placed[1].load == {0: 5, 1: 3}
    assert result.placed[2].start == 1  # fits in what period 1 has left


def test_earliest_period_after_dependencies():
    result = schedule([2, 1], {1: 3, 2: 1}, [5, 5, 5], needs={2: {1}})
    assert result.placed[1].start == 0 and result.placed[2].start == 1


@pytest.mark.parametrize(
    ("kwargs", "candidate", "reason"),
    [
        ({"excluded": {1}}, 1, "excluded"),
        ({"excluded": {1}, "needs": {2: {1}}}, 2, "needs_excluded"),
        ({"needs": {2: {1}}, "capacities": [1]}, 2, "needs_unscheduled"),
        ({"pins": {2: 0}, "needs": {2: {1}}}, 2, "pin_after_dependency"),
        ({"pins": {1: 0, 2: 0}, "capacities": [4, 9]}, 2, "pin_full"),  # 1 left, needs 2
        ({"capacities": [2]}, 1, "capacity"),  # 3 points, one period of 2
    ],
)
def test_reasons_for_unscheduled(kwargs, candidate, reason):
    capacities = kwargs.pop("capacities", [5, 5])
    result = schedule([1, 2], {1: 3, 2: 2}, capacities, **kwargs)
    assert result.unscheduled[candidate][0] == reason


def test_pinned_candidates_and_what_they_need_go_first():
    # 3 is ranked last but pinned to period 1 and needs 2: 2 must be placed in period 0.
    result = schedule([1, 2, 3], {1: 5, 2: 5, 3: 5}, [5, 5], needs={3: {2}}, pins={3: 1})
    assert result.placed[2].start == 0 and result.placed[3].start == 1
    assert result.unscheduled[1][0] == "capacity"


def test_cycles_are_refused_naming_the_candidates():
    with pytest.raises(DependencyCycle) as error:
        check_acyclic({1: {2}, 2: {3}, 3: {1}, 4: {1}})
    assert sorted(error.value.cycle) == [1, 2, 3]


# --- the rules docs/tour/roadmap.md states, one test each ----------------------------


def test_a_dependency_on_a_candidate_without_scores_keeps_the_dependent_out():
    """B needs A, A has no value or effort yet (not ranked): B waits, with the reason."""
    result = schedule([2], {2: 1}, [5, 5], needs={2: {1}})
    assert result.unscheduled[2] == ("needs_unscored", {"needed": 1})
    chained = schedule([2, 3], {2: 1, 3: 1}, [5, 5], needs={2: {1}, 3: {2}})
    assert chained.unscheduled[3] == ("needs_unscheduled", {"needed": 2})


def test_a_pinned_candidate_larger_than_its_period_fills_periods_from_its_pin():
    result = schedule([1], {1: 2}, [1, 8], pins={1: 0})
    assert (result.placed[1].start, result.placed[1].end) == (0, 1)
    assert result.placed[1].load == {0: 1, 1: 1}


def test_a_candidate_that_fits_a_period_is_never_split_over_leftovers():
    """Capacities 10/10, efforts 6, 6, 8: the 8 fits no period whole any more and is
    unscheduled, not placed as 4 + 4."""
    result = schedule([1, 2, 3], {1: 6, 2: 6, 3: 8}, [10, 10])
    assert result.unscheduled[3] == ("capacity", {})
    assert all(result.placed[c].start == result.placed[c].end for c in (1, 2))


def test_an_item_of_7_8_with_capacity_12_stays_in_one_period():
    result = schedule([1, 2], {1: 6, 2: 7.8}, [12, 12, 12])
    assert (result.placed[2].start, result.placed[2].end) == (1, 1)


def test_only_a_candidate_larger_than_a_period_spans():
    result = schedule([1], {1: 15}, [10, 10])
    assert result.placed[1].load == {0: 10, 1: 5}


def test_efforts_below_a_tenth_take_their_own_room_and_rank_as_a_tenth():
    """Against capacity an effort counts as given (0 takes none); in value / effort an
    effort below 0.1 counts as 0.1, so a zero effort never divides by zero."""
    result = schedule([1, 2], {1: 0.0, 2: 0.05}, [0.05])
    assert result.placed[1].load == {0: 0.0} and result.placed[2].load == {0: 0.05}
    frame = pd.DataFrame(
        {"id": [1, 2, 3], "value": [5.0, 5.0, 6.0], "effort": [0.0, 0.05, 0.1], "quadrant": None}
    )
    assert rank(frame, "wsjf") == [3, 1, 2]  # 60, 50, 50: then lower effort, then id
