"""How long a sign-in holds: idle and absolute limits, and their settings."""

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.access.sign_ins import Lifetime, lifetime_from, needs_touch

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
hours = st.floats(0, 400, allow_nan=False)


@given(hours, hours)
def test_alive_exactly_while_neither_limit_is_reached(age, idle):
    created = NOW - timedelta(hours=age)
    seen = max(created, NOW - timedelta(hours=idle))
    alive = Lifetime().alive(created=created, seen=seen, now=NOW)
    assert alive == (NOW - seen < timedelta(hours=12) and age < 7 * 24)


def test_a_visit_is_written_down_at_most_every_five_minutes():
    assert not needs_touch(seen=NOW - timedelta(minutes=4), now=NOW)
    assert needs_touch(seen=NOW - timedelta(minutes=5), now=NOW)


def test_settings_from_the_environment():
    assert lifetime_from({}) == Lifetime()
    set_ = lifetime_from({"PLANNER_SIGNIN_IDLE_HOURS": "0.5", "PLANNER_SIGNIN_MAX_DAYS": "30"})
    assert set_ == Lifetime(idle=timedelta(minutes=30), absolute=timedelta(days=30))


@pytest.mark.parametrize("value", ["0", "-1", "twelve", "nan", "1e9"])
def test_a_setting_that_is_not_a_positive_number_is_refused_by_name(value):
    with pytest.raises(ValueError, match="PLANNER_SIGNIN_IDLE_HOURS must be a number above 0"):
        lifetime_from({"PLANNER_SIGNIN_IDLE_HOURS": value})
