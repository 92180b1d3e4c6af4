"""The wait after failed tries: free tries first, then growing, capped."""

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from planner.access.rate_limit import FREE_FAILURES, wait_needed

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@given(st.integers(0, 40), st.integers(0, 2000))
def test_waits_grow_and_are_capped(failures, seconds_since):
    last = NOW - timedelta(seconds=seconds_since)
    wait = wait_needed(failures, last, NOW)
    assert timedelta(0) <= wait <= timedelta(minutes=15)
    if failures < FREE_FAILURES:
        assert wait == timedelta(0)
    assert wait_needed(failures + 1, last, NOW) >= wait
