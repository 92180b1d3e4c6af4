"""Re-planning windows of periods: the plan stays valid, never gets worse, leaves pinned
and spanning candidates where they are, and finds the reshuffle greedy misses."""

import time

import pytest
from hypothesis import given, settings

from planner.roadmap.neighbourhood import improve
from planner.roadmap.optimal import objective
from planner.roadmap.schedule import schedule
from tests.roadmap.test_optimal import assert_keeps_the_rules, valued_plans

FOREVER = float("inf")  # no deadline


@settings(max_examples=120, deadline=None)
@given(plan=valued_plans())
def test_a_better_plan_keeps_every_rule_and_never_loses_value(plan):
    ranking, values, efforts, capacities, needs, pins, _ = plan
    greedy = schedule(ranking, efforts, capacities, needs, pins)
    if greedy.unscheduled and any(r[0] != "capacity" for r in greedy.unscheduled.values()):
        return  # the rules keep it out whatever the plan (optimal.py removes those first)
    better = improve(greedy, ranking, values, efforts, capacities, needs, pins, FOREVER)
    assert_keeps_the_rules(better, ranking, efforts, capacities, needs, pins, set())
    periods = len(capacities)
    assert objective(better, values, periods) >= objective(greedy, values, periods) - 1e-9
    for candidate, placement in greedy.placed.items():
        if candidate in pins or placement.end > placement.start:
            assert better.placed[candidate] == placement


def test_it_reshuffles_three_periods_greedy_filled_badly():
    """Capacities 10/10/10; greedy fills the first period with the 9 (effort 9) and
    puts the two 6s (effort 5 each) second: the better plan puts the pair first."""
    ranking = [1, 2, 3, 4]
    values = {1: 9.0, 2: 6.0, 3: 6.0, 4: 1.0}
    efforts = {1: 9.0, 2: 5.0, 3: 5.0, 4: 10.0}
    capacities = [10.0, 10.0, 10.0]
    greedy = schedule(ranking, efforts, capacities)
    better = improve(greedy, ranking, values, efforts, capacities, {}, {}, FOREVER)
    assert objective(greedy, values, 3) == pytest.approx(9 * 3 + 6 * 2 + 6 * 2 + 1)
    assert {c: p.start for c, p in better.placed.items()} == {2: 0, 3: 0, 1: 1, 4: 2}
    assert objective(better, values, 3) == pytest.approx(12 * 3 + 9 * 2 + 1)


def test_it_stops_when_told_or_at_its_deadline():
    ranking, values, efforts, capacities = [1, 2], {1: 1.0, 2: 9.0}, {1: 3.0, 2: 3.0}, [3.0, 3.0]
    greedy = schedule(ranking, efforts, capacities)
    told = improve(greedy, ranking, values, efforts, capacities, {}, {}, FOREVER, lambda: False)
    late = improve(greedy, ranking, values, efforts, capacities, {}, {}, time.monotonic())
    free = improve(greedy, ranking, values, efforts, capacities, {}, {}, FOREVER)
    assert told.placed == late.placed == greedy.placed
    assert free.placed[2].start == 0  # the more valuable one first
