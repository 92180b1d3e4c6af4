"""The wait after failed tries: free tries first, then growing, capped; a ceiling per
target that never refuses a client without failures."""

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from planner.access.rate_limit import (
    CEILING,
    CEILING_WAIT,
    CLIENT_FREE_FAILURES,
    FREE_FAILURES,
    Buckets,
    Tries,
    wait_for,
    wait_needed,
)

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@given(st.integers(0, 40), st.integers(0, 2000))
def test_waits_grow_and_are_capped(failures, seconds_since):
    last = NOW - timedelta(seconds=seconds_since)
    wait = wait_needed(failures, last, NOW)
    assert timedelta(0) <= wait <= timedelta(minutes=15)
    if failures < FREE_FAILURES:
        assert wait == timedelta(0)
    assert wait_needed(failures + 1, last, NOW) >= wait


tries = st.builds(
    Tries,
    st.integers(0, 200),
    st.one_of(st.none(), st.integers(0, 2000).map(lambda s: NOW - timedelta(seconds=s))),
)


@given(tries, tries, tries)
def test_a_client_without_failures_is_never_refused(client, pair, target):
    clean = Tries()
    assert wait_for(client=clean, pair=clean, target=target, now=NOW) == timedelta(0)
    wait = wait_for(client=client, pair=pair, target=target, now=NOW)
    assert timedelta(0) <= wait <= timedelta(minutes=15)


@given(st.integers(CEILING, 500))
def test_past_the_ceiling_a_client_that_failed_waits(failures):
    target = Tries(failures, NOW)
    once = Tries(1, NOW)
    assert wait_for(client=once, pair=Tries(), target=target, now=NOW) == CEILING_WAIT
    below = Tries(CEILING - 1, NOW)
    assert wait_for(client=once, pair=once, target=below, now=NOW) == timedelta(0)


def test_the_client_bucket_allows_more_than_one_target():
    many = Tries(CLIENT_FREE_FAILURES - 1, NOW)
    assert wait_for(client=many, pair=Tries(), target=Tries(), now=NOW) == timedelta(0)
    more = Tries(CLIENT_FREE_FAILURES, NOW)
    assert wait_for(client=more, pair=Tries(), target=Tries(), now=NOW) > timedelta(0)


def test_buckets_name_the_kind_target_and_client():
    assert Buckets.of("join", "*", "10.0.0.9").all() == (
        "join@10.0.0.9",
        "join:*@10.0.0.9",
        "join:*",
    )
