"""When a round reveals itself: the rules of docs/tour/workshop.md (Timer, Nudges), case by case."""

from datetime import UTC, datetime, timedelta

import pytest

from planner.scoring.time_box import Due, reveal_due, seconds_left

NOW = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
PAST, FUTURE = NOW - timedelta(seconds=1), NOW + timedelta(minutes=3)


@pytest.mark.parametrize(
    ("deadline", "at_zero", "when_done", "joined", "finished", "voted", "due"),
    [
        (PAST, True, False, 5, 1, True, Due.TIME_UP),
        (NOW, True, False, 5, 1, True, Due.TIME_UP),  # zero is zero
        (FUTURE, True, False, 5, 1, True, None),
        (PAST, False, False, 5, 1, True, None),  # the facilitator reveals
        (None, True, False, 5, 1, True, None),  # no time box
        (PAST, True, False, 5, 0, False, None),  # no vote: nothing to show
        (None, False, True, 5, 5, True, Due.ALL_DONE),
        (None, False, True, 5, 4, True, None),
        (None, False, True, 0, 0, False, None),  # nobody joined
        (FUTURE, True, True, 3, 3, True, Due.ALL_DONE),  # finished before the time
        (PAST, True, True, 3, 3, True, Due.TIME_UP),
    ],
)
def test_reveal_due(deadline, at_zero, when_done, joined, finished, voted, due):
    found = reveal_due(
        now=NOW,
        deadline=deadline,
        at_zero=at_zero,
        when_done=when_done,
        joined=joined,
        finished=finished,
        voted=voted,
    )
    assert found == due


def test_seconds_left_count_down_to_zero_and_stay_there():
    assert seconds_left(None, NOW) is None
    assert seconds_left(NOW + timedelta(seconds=90.2), NOW) == 91  # never shows 0 too soon
    assert seconds_left(PAST, NOW) == 0
