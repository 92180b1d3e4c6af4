"""Focus mode's queue: the next candidate after the current one, wrapping round, that
is not revealed yet."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.scoring.focus import next_in_queue


@pytest.mark.parametrize(
    ("queue", "current", "done", "next_one"),
    [
        ([4, 7, 9, 2], None, set(), 4),  # nothing started: the first
        ([4, 7, 9, 2], 4, set(), 7),  # the one after, even when the current is not done
        ([4, 7, 9, 2], 7, {4, 7}, 9),
        ([4, 7, 9, 2], 7, {4, 7, 9}, 2),  # skips the revealed
        ([4, 7, 9, 2], 2, {7, 9, 2}, 4),  # wraps round
        ([4, 7, 9, 2], 9, {4, 7, 2}, 9),  # back to the current when only it is left
        ([4, 7], 7, {4, 7}, None),  # every one revealed
        ([4, 7], 5, {4}, 7),  # a current no longer queued: from the start
        ([], None, set(), None),
    ],
)
def test_next_in_queue(queue, current, done, next_one):
    assert next_in_queue(queue, current=current, done=done) == next_one


@given(
    st.lists(st.integers(min_value=1, max_value=50), unique=True, max_size=12).flatmap(
        lambda queue: st.tuples(
            st.just(queue),
            st.sampled_from([None, *queue]),
            st.sets(st.sampled_from(queue)) if queue else st.just(set()),
        )
    )
)
def test_next_in_queue_is_none_only_when_every_one_is_done(case):
    queue, current, done = case
    found = next_in_queue(queue, current=current, done=done)
    if set(queue) <= done:
        assert found is None
    else:
        assert found in queue
        assert found not in done
