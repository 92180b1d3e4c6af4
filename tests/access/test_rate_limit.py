"""The wait after failed tries: free tries first, then growing, at most 30 s from the
last failure; a ceiling per target that never refuses a client without failures. A
guesser is slowed to one try per 30 s; whoever waits the stated time gets their try."""

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.access.rate_limit import (
    BURST,
    CEILING,
    CLIENT_FREE_FAILURES,
    FREE_FAILURES,
    MAX_WAIT,
    WINDOW,
    Buckets,
    Tries,
    wait_for,
    wait_needed,
)

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def ago(seconds: float) -> datetime:
    return NOW - timedelta(seconds=seconds)


@pytest.mark.parametrize(
    ("failures", "seconds_since", "wait"),
    [
        (0, 0, 0),
        (FREE_FAILURES - 1, 0, 0),
        (FREE_FAILURES, 0, 2),
        (FREE_FAILURES + 1, 0, 4),
        (FREE_FAILURES + 2, 0, 8),
        (FREE_FAILURES + 3, 0, 16),
        (FREE_FAILURES + 4, 0, 30),
        (30, 0, 30),  # the office behind one address: 30 wrong passphrases
        (30, 10, 20),
        (30, 30, 0),
        (10_000, 0, 30),
        (FREE_FAILURES + 1, 3, 1),
    ],
)
def test_waits_double_from_two_seconds_up_to_thirty(failures, seconds_since, wait):
    assert wait_needed(failures, ago(seconds_since), NOW) == timedelta(seconds=wait)


@given(st.integers(0, 10_000), st.integers(0, 2000))
def test_waits_grow_and_are_capped(failures, seconds_since):
    wait = wait_needed(failures, ago(seconds_since), NOW)
    assert timedelta(0) <= wait <= MAX_WAIT
    if failures < FREE_FAILURES:
        assert wait == timedelta(0)
    assert wait_needed(failures + 1, ago(seconds_since), NOW) >= wait


def tries(most: int = 10_000):
    """A bucket's failures in the window; the last one no later than now."""
    return st.one_of(
        st.just(Tries()),
        st.builds(Tries, st.integers(1, most), st.floats(0, WINDOW.total_seconds()).map(ago)),
    )


@given(tries(), tries(), tries())
def test_a_right_try_never_waits_more_than_the_cap(client, pair, target):
    """Whatever came from this address before, its next try waits at most 30 s, and
    after the stated wait it is made (a refused try records nothing)."""
    wait = wait_for(client=client, pair=pair, target=target, now=NOW)
    assert timedelta(0) <= wait <= MAX_WAIT
    assert wait_for(client=client, pair=pair, target=target, now=NOW + wait) == timedelta(0)


@given(tries())
def test_a_client_without_failures_is_never_refused(target):
    clean = Tries()
    assert wait_for(client=clean, pair=clean, target=target, now=NOW) == timedelta(0)


def guess(at_seconds: list[float]) -> list[float]:
    """The tries a lone guesser at one target gets made, trying at these moments (refused
    tries are not recorded, as in planner.store.access.attempts)."""
    made: list[datetime] = []
    for offset in sorted(at_seconds):
        now = NOW + timedelta(seconds=offset)
        recent = [t for t in made if t > now - WINDOW]
        seen = Tries(len(recent), max(recent, default=None))
        if wait_for(client=seen, pair=seen, target=seen, now=now) == timedelta(0):
            made.append(now)
    return [(t - NOW).total_seconds() for t in made]


@given(st.lists(st.floats(0, 3 * 3600), max_size=400), st.floats(1, 3600))
def test_a_guesser_gets_at_most_nine_tries_then_one_per_thirty_seconds(moments, span):
    """In any `span` seconds a guesser from one address makes at most BURST (9) tries
    plus one per 30 s, however they time them."""
    made = guess(moments)
    for start in made:
        inside = [t for t in made if start <= t < start + span]
        assert len(inside) <= BURST + span / MAX_WAIT.total_seconds()


def test_a_guesser_trying_every_second_for_an_hour():
    made = guess([float(s) for s in range(3600)])
    assert made[:BURST] == [0, 1, 2, 3, 4, 6, 10, 18, 34]  # 5 free, then 2, 4, 8, 16 s
    assert len(made) == BURST + (3600 - 34) // 30  # then one per 30 s: 127 in the hour


@given(st.integers(CEILING, 500), st.integers(0, 60))
def test_past_the_ceiling_a_client_that_failed_waits_thirty_seconds_at_most(
    failures, seconds_since
):
    target = Tries(failures, NOW)
    once = Tries(1, ago(seconds_since))
    expected = max(MAX_WAIT - timedelta(seconds=seconds_since), timedelta(0))
    assert wait_for(client=once, pair=Tries(), target=target, now=NOW) == expected
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


def test_a_success_forgives_at_one_target_not_at_every_one_of_a_kind():
    assert Buckets.of("signin", "demo", "10.0.0.9").forgives
    assert not Buckets.of("join", "*", "10.0.0.9").forgives
