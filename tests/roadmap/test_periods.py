"""Roadmap periods: sprints, months and quarters from a start date, end to end with no
gap, labelled as the language writes them, and which period holds a day."""

from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.roadmap.periods import PeriodKind, make_periods, period_of


def test_sprints_are_two_weeks_labelled_by_number_and_first_day():
    periods = make_periods(date(2027, 1, 6), PeriodKind.SPRINT, 3)
    assert [(p.start, p.end) for p in periods] == [
        (date(2027, 1, 6), date(2027, 1, 19)),
        (date(2027, 1, 20), date(2027, 2, 2)),
        (date(2027, 2, 3), date(2027, 2, 16)),
    ]
    assert [p.label for p in periods] == ["S1 · 6 Jan", "S2 · 20 Jan", "S3 · 3 Feb"]
    assert [p.label_in("nl") for p in periods] == ["S1 · 6 jan", "S2 · 20 jan", "S3 · 3 feb"]


def test_months_are_labelled_by_the_month_of_their_first_day():
    periods = make_periods(date(2027, 1, 1), PeriodKind.MONTH, 3)
    assert [p.end for p in periods] == [date(2027, 1, 31), date(2027, 2, 28), date(2027, 3, 31)]
    assert [p.label for p in periods] == ["Jan 2027", "Feb 2027", "Mar 2027"]
    assert [p.label_in("nl") for p in periods] == ["jan 2027", "feb 2027", "mrt 2027"]


def test_quarters_are_three_months_labelled_by_the_quarter_of_their_first_day():
    periods = make_periods(date(2026, 11, 1), PeriodKind.QUARTER, 2)
    assert [(p.start, p.end) for p in periods] == [
        (date(2026, 11, 1), date(2027, 1, 31)),
        (date(2027, 2, 1), date(2027, 4, 30)),
    ]
    assert [p.label for p in periods] == ["Q4 2026", "Q1 2027"]


def test_an_unknown_kind_is_refused():
    with pytest.raises(ValueError):
        make_periods(date(2027, 1, 1), "fortnight", 2)


def test_period_of_finds_the_period_holding_a_day_or_none_outside():
    periods = make_periods(date(2027, 1, 6), PeriodKind.SPRINT, 2)
    assert period_of(periods, date(2027, 1, 6)) == 0
    assert period_of(periods, date(2027, 1, 19)) == 0
    assert period_of(periods, date(2027, 1, 20)) == 1
    assert period_of(periods, date(2027, 1, 5)) is None
    assert period_of(periods, date(2027, 2, 3)) is None


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)),
    st.sampled_from(list(PeriodKind)),
    st.integers(min_value=1, max_value=30),
)
def test_periods_follow_each_other_with_no_gap_and_no_overlap(start, kind, count):
    periods = make_periods(start, kind, count)
    assert [p.index for p in periods] == list(range(count))
    assert periods[0].start == start
    for before, after in pairwise(periods):
        assert after.start == before.end + timedelta(days=1)
    for period in periods:
        assert period.start <= period.end
        assert period_of(periods, period.start) == period.index
        assert period_of(periods, period.end) == period.index
    assert period_of(periods, periods[-1].end + timedelta(days=1)) is None
