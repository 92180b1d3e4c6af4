"""The best plan: valid under every rule, never below WSJF, the brute-force optimum on
tiny instances, and the same answer for the same input."""

import itertools

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.roadmap.build import build_roadmap, roadmap_figures
from planner.roadmap.optimal import figures, objective, optimise
from planner.roadmap.plan_rules import Instance, violations
from planner.roadmap.schedule import schedule
from planner.roadmap.settings import RoadmapSettings
from tests.roadmap.test_schedule import EPS, plans


@st.composite
def valued_plans(draw, **kwargs):
    ranking, efforts, capacities, needs, pins, excluded = draw(plans(**kwargs))
    values = {c: draw(st.sampled_from([0.0, 1.0, 2.5, 5.0, 7.5, 10.0])) for c in ranking}
    return ranking, values, efforts, capacities, needs, pins, excluded


def assert_keeps_the_rules(result, ranking, efforts, capacities, needs, pins, excluded):
    """Every rule of every plan (planner.roadmap.plan_rules)."""
    instance = Instance(ranking, efforts, capacities, needs, pins, excluded)
    assert violations(result, instance) == []


@settings(max_examples=120, deadline=None)
@given(plan=valued_plans())
def test_the_best_plan_keeps_every_rule_and_beats_or_equals_wsjf(plan):
    ranking, values, efforts, capacities, needs, pins, excluded = plan
    result, proof = optimise(ranking, values, efforts, capacities, needs, pins, excluded)
    assert_keeps_the_rules(result, ranking, efforts, capacities, needs, pins, excluded)
    greedy = schedule(ranking, efforts, capacities, needs, pins, excluded)
    periods = len(capacities)
    assert proof.objective == pytest.approx(objective(result, values, periods))
    assert proof.objective >= objective(greedy, values, periods) - 1e-6
    assert proof.bound is not None and proof.bound >= proof.objective - 1e-6
    again, _ = optimise(ranking, values, efforts, capacities, needs, pins, excluded)
    assert again.placed == result.placed  # same input, same output


def brute_force(ranking, values, efforts, capacities, needs):
    """Every assignment of each candidate to a period or to nothing (efforts fit any
    period whole, so nothing spans): the best objective that keeps the rules."""
    periods = len(capacities)
    best = 0.0
    for choice in itertools.product([None, *range(periods)], repeat=len(ranking)):
        at = dict(zip(ranking, choice, strict=True))
        used = [0.0] * periods
        for c, p in at.items():
            if p is not None:
                used[p] += efforts[c]
        if any(u > cap + EPS for u, cap in zip(used, capacities, strict=True)):
            continue
        ok = all(
            at[n] is not None and at[n] < at[c]
            for c in ranking
            if at[c] is not None
            for n in needs.get(c, ())
        )
        if ok:
            best = max(best, sum(values[c] * (periods - p) for c, p in at.items() if p is not None))
    return best


@settings(max_examples=60, deadline=None)
@given(
    data=st.data(),
    n=st.integers(1, 4),
    periods=st.integers(1, 3),
)
def test_equals_brute_force_on_tiny_instances(data, n, periods):
    ranking = list(range(1, n + 1))
    capacities = [data.draw(st.sampled_from([3.0, 4.0, 6.0])) for _ in range(periods)]
    efforts = {c: data.draw(st.sampled_from([0.0, 1.0, 2.0, 3.0])) for c in ranking}
    values = {c: data.draw(st.sampled_from([0.0, 1.0, 4.0, 9.0])) for c in ranking}
    needs = {
        c: set(data.draw(st.lists(st.integers(1, c - 1), max_size=1))) for c in ranking if c > 1
    }
    _, proof = optimise(ranking, values, efforts, capacities, needs)
    assert proof.optimal
    assert proof.objective == pytest.approx(
        brute_force(ranking, values, efforts, capacities, needs)
    )


def test_the_example_of_the_issue_repacks_what_greedy_skips():
    """Capacities 10/10, efforts 6, 6, 8 (values 5, 4, 9): WSJF places the two 6s and has
    no room for the 8; the best plan places the 8 first and gains 9."""
    ranking, values, efforts = [1, 2, 3], {1: 5, 2: 4, 3: 9}, {1: 6, 2: 6, 3: 8}
    result, proof = optimise(ranking, values, efforts, [10, 10])
    assert proof.optimal and proof.gap == 0
    assert proof.objective == 9 * 2 + 5 * 1
    assert objective(schedule(ranking, efforts, [10, 10]), values, 2) == 5 * 2 + 4 * 1
    assert result.unscheduled == {2: ("capacity", {})}


def test_what_the_rules_keep_out_stays_out():
    result, _ = optimise(
        [1, 2, 3, 4],
        {1: 9, 2: 9, 3: 9, 4: 9},
        {1: 1, 2: 1, 3: 1, 4: 1},
        [10],
        needs={2: {1}, 3: {2}, 4: {99}},
        excluded={1},
    )
    assert result.unscheduled[1][0] == "excluded"
    assert result.unscheduled[2][0] == "needs_excluded"
    assert result.unscheduled[3][0] == "needs_unscheduled"
    assert result.unscheduled[4] == ("needs_unscored", {"needed": 99})


def test_a_roadmaps_figures_agree_with_its_schedule():
    """roadmap_figures (from a built roadmap) and figures (from a schedule) say the same."""
    candidates = pd.DataFrame(
        {"id": [1, 2, 3], "title": list("ABC"), "phase": "P", "channels": [["W"]] * 3}
    )
    consensus = pd.DataFrame({"value": [5.0, 4.0, 9.0], "effort": [6.0, 6.0, 8.0]}, index=[1, 2, 3])
    settings = RoadmapSettings(
        start=pd.Timestamp("2027-01-01").date(), strategy="wsjf", periods=2, capacities=(10,)
    )
    roadmap = build_roadmap(candidates, consensus, settings)
    ranking = [int(c) for c in roadmap.items.sort_values("rank")["candidate_id"].dropna()]
    plan = schedule(ranking, {1: 6.0, 2: 6.0, 3: 8.0}, [10.0, 10.0])
    assert roadmap_figures(roadmap) == figures(plan, {1: 5.0, 2: 4.0, 3: 9.0}, [10, 10], ranking)
    best = build_roadmap(candidates, consensus, settings.model_copy(update={"strategy": "optimal"}))
    assert best.compared[0] == roadmap_figures(best)  # the page's figures are the plan's own
