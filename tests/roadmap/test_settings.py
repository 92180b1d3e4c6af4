"""The roadmap's settings: one value, validated once, the same through JSON and the plan."""

from datetime import date
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.core.errors import InvalidInput, validated
from planner.roadmap.periods import PeriodKind
from planner.roadmap.quadrants import ThresholdMode
from planner.roadmap.ranking import Strategy
from planner.roadmap.settings import RoadmapSettings, parse_capacities, quarter_start

START = date(2027, 1, 1)


@pytest.mark.parametrize(
    ("typed", "numbers"),
    [("20", [20.0]), ("10,20,30", [10, 20, 30]), (" 10 ; 20, 30 ", [10, 20, 30]), ("7.5", [7.5])],
)
def test_capacities_as_typed(typed, numbers):
    assert parse_capacities(typed) == numbers


@pytest.mark.parametrize("typed", ["", "ten", "10,,20", "10 20"])
def test_capacities_that_are_not_numbers_are_refused_with_the_rule(typed):
    with pytest.raises(InvalidInput, match="separated by commas or semicolons"):
        parse_capacities(typed)


def test_one_capacity_counts_for_every_period():
    assert RoadmapSettings(start=START, periods=3, capacities=(10,)).capacities == (10, 10, 10)
    assert RoadmapSettings(start=START, periods=6).capacities == (20.0,) * 6


@pytest.mark.parametrize(
    ("capacities", "message"),
    [
        ((10, 20, 30), "3 capacities for 4 periods"),
        ((10, 0, 10, 10), "more than 0"),
        ((float("nan"),), "more than 0"),
        ((float("inf"),), "more than 0"),
        ((-5,), "more than 0"),
    ],
)
def test_capacities_must_fit_the_periods_and_be_positive(capacities, message):
    with pytest.raises(InvalidInput, match=message):
        RoadmapSettings(start=START, periods=4, capacities=capacities)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("strategy", "fastest", "quick-wins"),
        ("period_kind", "week", "quarter"),
        ("threshold_mode", "mean", "median"),
        ("periods", 0, "at least 1"),
        ("periods", 61, "at most 60"),
    ],
)
def test_bad_settings_name_the_field_and_what_is_allowed(field, value, message):
    with pytest.raises(InvalidInput, match=message):
        validated(RoadmapSettings, start=START, **{field: value})


@given(
    strategy=st.sampled_from(list(Strategy)),
    kind=st.sampled_from(list(PeriodKind)),
    mode=st.sampled_from(list(ThresholdMode)),
    capacities=st.lists(st.floats(0.1, 1000), min_size=1, max_size=12),
    start=st.dates(date(2000, 1, 1), date(2100, 1, 1)),
)
def test_json_and_the_stored_plan_give_the_same_settings(strategy, kind, mode, capacities, start):
    settings = RoadmapSettings(
        start=start,
        strategy=strategy,
        period_kind=kind,
        threshold_mode=mode,
        periods=len(capacities),
        capacities=tuple(capacities),
    )
    assert RoadmapSettings.from_json(settings.to_json()) == settings
    row = SimpleNamespace(**{**settings.to_json(), "start": start})  # as the plan table holds it
    assert RoadmapSettings.from_plan(row) == settings
    assert all(type(v) in (str, int, float, list) for v in settings.to_json().values())


def test_the_default_is_four_quarters_of_twenty_from_this_quarter():
    settings = RoadmapSettings.default(date(2026, 11, 23))
    assert settings.start == quarter_start(date(2026, 11, 23)) == date(2026, 10, 1)
    assert (settings.period_kind, settings.periods, settings.capacities) == (
        PeriodKind.QUARTER,
        4,
        (20.0,) * 4,
    )


def test_dutch_capacities_take_decimal_commas():
    assert parse_capacities("12,5; 10", "nl") == [12.5, 10.0]
    with pytest.raises(InvalidInput) as refused:
        parse_capacities("12,5,10", "nl")
    assert "puntkomma" in refused.value.message("nl")
