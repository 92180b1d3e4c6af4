"""One rule check (planner.roadmap.plan_rules) under every planner: the greedy plan and the
best plan on random instances, the cases of the issue that broke the best plan, and the
best plan's proof (never NaN, no bound when the time ran out first)."""

import itertools
import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.bench_optimal import instance as bench_instance
from planner.roadmap.build import Roadmap
from planner.roadmap.optimal import PlanFigures, Proof, objective, optimise
from planner.roadmap.plan_rules import Instance, violations
from planner.roadmap.quadrants import Thresholds, quadrant_of
from planner.roadmap.ranking import Strategy, rank
from planner.roadmap.schedule import Placement, Schedule, schedule
from planner.roadmap.settings import RoadmapSettings
from planner.roadmap.table import best_plan_notes

SCORES = [0.0, 0.0, 1.0, 2.0, 5.0, 5.56, 8.89, 10.0, math.nan]  # ties, zeros, unscored
EFFORTS = [0.0, 0.5, 1.0, 2.0, 3.0, 5.0, 8.0, 13.0, math.nan]


@st.composite
def instances(draw, max_items=9, max_periods=5):
    """A ranked (WSJF) instance and its values: ties, zero and missing scores, dependency
    chains, pins (also of candidates larger than their period), periods without
    capacity."""
    n = draw(st.integers(1, max_items))
    ids = list(range(1, n + 1))
    values = [draw(st.sampled_from(SCORES)) for _ in ids]
    efforts = [draw(st.sampled_from(EFFORTS)) for _ in ids]
    periods = draw(st.integers(1, max_periods))
    capacities = [draw(st.sampled_from([0.0, 1.0, 3.0, 4.0, 5.0, 8.0])) for _ in range(periods)]
    frame = pd.DataFrame({"id": ids, "value": values, "effort": efforts})
    frame["quadrant"] = quadrant_of(frame["value"], frame["effort"], Thresholds())
    chain = draw(st.booleans())  # each needs the one before, or a few earlier ones
    needs = {
        c: {c - 1} if chain else set(draw(st.lists(st.integers(1, c - 1), max_size=2)))
        for c in ids[1:]
    }
    pinned = draw(st.lists(st.sampled_from(ids), max_size=4, unique=True))
    pins = {c: draw(st.integers(0, periods - 1)) for c in pinned}
    excluded = set(draw(st.lists(st.sampled_from(ids), max_size=1)))
    known = {c: 0.0 if math.isnan(v) else v for c, v in zip(ids, values, strict=True)}
    efforts_of = {c: 0.0 if math.isnan(e) else e for c, e in zip(ids, efforts, strict=True)}
    ranking = rank(frame, Strategy.WSJF)
    return Instance(ranking, efforts_of, capacities, needs, pins, excluded), known


def greedy_plan(instance: Instance) -> Schedule:
    return schedule(
        instance.ranking,
        instance.efforts,
        instance.capacities,
        instance.needs,
        instance.pins,
        instance.excluded,
    )


def best_plan(instance: Instance, values: dict[int, float], time_limit: float = 5.0):
    return optimise(
        instance.ranking,
        values,
        instance.efforts,
        instance.capacities,
        instance.needs,
        instance.pins,
        instance.excluded,
        time_limit,
    )


@settings(max_examples=200)
@given(drawn=instances())
def test_the_greedy_plan_keeps_every_rule(drawn):
    instance, _ = drawn
    assert violations(greedy_plan(instance), instance) == []


@settings(max_examples=60)
@given(drawn=instances(max_items=7, max_periods=4))
def test_the_best_plan_keeps_every_rule_and_never_falls_below_wsjf(drawn):
    instance, values = drawn
    plan, proof = best_plan(instance, values)
    assert violations(plan, instance) == []
    periods = len(instance.capacities)
    assert objective(plan, values, periods) >= objective(greedy_plan(instance), values, periods)
    assert proof.objective == pytest.approx(objective(plan, values, periods))
    assert not math.isnan(proof.gap if proof.gap is not None else 0.0)


def test_the_best_plan_keeps_a_pin_that_costs_value():
    """The issue's case: capacity 5, candidate 1 (value 1, effort 5) pinned to the first
    period, candidate 2 (value 10, effort 5). The best plan held 2 and said 'pinned period
    full' for 1; a pin is the user's decision."""
    instance = Instance([2, 1], {1: 5.0, 2: 5.0}, [5.0], pins={1: 0})
    plan, proof = best_plan(instance, {1: 1.0, 2: 10.0})
    assert violations(plan, instance) == []
    assert plan.placed[1] == Placement(0, 0, {0: 5.0})
    assert plan.unscheduled == {2: ("capacity", {})}
    assert proof.optimal and proof.objective == 1.0


def test_a_pin_that_cannot_hold_says_why_as_in_the_greedy_plan():
    """Two candidates pinned to one period with room for one: the first ranked holds it,
    the other is 'pinned period full' in both plans."""
    instance = Instance([1, 2], {1: 4.0, 2: 4.0}, [5.0, 5.0], pins={1: 0, 2: 0})
    plan, _ = best_plan(instance, {1: 9.0, 2: 9.0})
    assert violations(plan, instance) == []
    assert (
        plan.unscheduled[2] == greedy_plan(instance).unscheduled[2] == ("pin_full", {"period": 0})
    )


@pytest.mark.parametrize("ranking", list(itertools.permutations([1, 2, 3])))
def test_a_span_starts_where_its_work_does(ranking):
    """The issue's case: capacities 4 x 5; (value 5.56, effort 2), (8.89, 1), (10, 8). The
    best plan showed candidate 3 over periods 1-3 with loads 0, 4, 4 (in some orders)."""
    instance = Instance(list(ranking), {1: 2.0, 2: 1.0, 3: 8.0}, [4.0] * 5)
    plan, proof = best_plan(instance, {1: 5.56, 2: 8.89, 3: 10.0})
    assert violations(plan, instance) == []
    assert plan.placed[3] == Placement(0, 2, {0: 1.0, 1: 4.0, 2: 3.0})  # filled from its start
    assert proof.optimal


@pytest.mark.parametrize(
    ("placement", "broken"),
    [
        (Placement(0, 2, {0: 0.0, 1: 4.0, 2: 4.0}), "with no work in [0]"),
        (Placement(0, 2, {0: 4.0, 1: 0.0, 2: 4.0}), "with no work in [1]"),
        (Placement(0, 1, {0: 3.0, 1: 5.0}), "exceeds"),
        (Placement(1, 1, {1: 8.0}), "carries 8.0 of 4.0"),
    ],
)
def test_the_rule_check_finds_a_broken_span(placement, broken):
    instance = Instance([3], {3: 8.0}, [4.0, 4.0, 4.0])
    plan = Schedule(placed={3: placement})
    found = violations(plan, instance)
    if broken == "exceeds":  # 3 + 5 is 8 but 5 does not fit period 1
        assert found == ["period 1 carries 5.0 of 4.0"]
    else:
        assert any(broken in line for line in found)


def test_the_rule_check_finds_a_split_that_fits_and_a_dropped_pin():
    instance = Instance([1, 2], {1: 2.0, 2: 5.0}, [4.0, 4.0, 4.0], pins={2: 0})
    split = Schedule(
        placed={1: Placement(0, 1, {0: 1.0, 1: 1.0})}, unscheduled={2: ("pin_full", {})}
    )
    found = violations(split, instance)
    assert "candidate 1 fits period 0 whole but is split over 0-1" in found
    assert "pin of 2 to 0 dropped (pin_full)" in found


def test_without_time_for_a_bound_the_plan_still_shows_and_says_so():
    """A time limit that ends before the program is even built: the best greedy plan,
    no bound, no NaN; the notes say no bound was found (English and Dutch)."""
    frame, values, efforts, capacities, needs = bench_instance(100, 0)
    ranking = rank(frame, Strategy.WSJF)
    instance = Instance(ranking, efforts, capacities, needs)
    plan, proof = best_plan(instance, values, time_limit=1e-9)
    assert violations(plan, instance) == []
    assert plan.placed and proof.bound is None and proof.gap is None and not proof.optimal
    assert proof.objective >= objective(greedy_plan(instance), values, len(capacities))
    notes = {lang: best_plan_notes(roadmap_with(proof), lang) for lang in ("en", "nl")}
    assert "no bound found within the time limit of 0.05 s" in notes["en"][0]
    assert "geen grens gevonden binnen de tijdslimiet van 0,05 s" in notes["nl"][0]
    assert not any("nan" in note.lower() for note in notes["en"] + notes["nl"])


def test_the_notes_write_numbers_as_the_language_does():
    proof = Proof(objective=95.0, bound=100.0, optimal=False, seconds=10.2)
    notes = best_plan_notes(roadmap_with(proof), "nl")
    assert notes[0].startswith("Binnen 5,0 % van het best mogelijke plan")
    assert "62,5 / 30" in notes[1]


def roadmap_with(proof: Proof) -> Roadmap:
    figures = PlanFigures((62.5, 30.0), 1.5, 0.0)
    settings = RoadmapSettings(
        start=pd.Timestamp("2027-01-01").date(), strategy="optimal", periods=2, time_limit=0.05
    )
    return Roadmap(
        settings, [], Thresholds(), pd.DataFrame(), proof=proof, compared=(figures, figures)
    )
