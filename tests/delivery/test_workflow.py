from itertools import product

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.core.errors import InvalidInput
from planner.delivery.workflow import (
    NEEDS_REASON,
    OPEN,
    STATUSES,
    TRANSITIONS,
    allowed,
    check_transition,
)

ALLOWED = {
    ("proposed", "committed"),
    ("proposed", "blocked"),
    ("proposed", "dropped"),
    ("committed", "in_progress"),
    ("committed", "blocked"),
    ("committed", "dropped"),
    ("in_progress", "done"),
    ("in_progress", "blocked"),
    ("in_progress", "dropped"),
    ("blocked", "committed"),
    ("blocked", "in_progress"),
    ("blocked", "dropped"),
    ("dropped", "proposed"),
}


@pytest.mark.parametrize(("current", "wanted"), sorted(product(STATUSES, STATUSES)))
def test_every_pair_is_allowed_or_refused(current, wanted):
    if (current, wanted) in ALLOWED:
        check_transition(current, wanted, "because of the supplier")
        assert wanted in allowed(current)
    else:
        with pytest.raises(InvalidInput) as error:
            check_transition(current, wanted, "because of the supplier")
        assert error.value.key == "error.transition_refused"
        assert wanted not in allowed(current)


def test_refusal_names_the_statuses_in_the_users_language():
    with pytest.raises(InvalidInput) as error:
        check_transition("proposed", "done", "")
    assert error.value.message("en") == (
        "A commitment that is proposed cannot become done; allowed: committed, blocked, dropped."
    )
    assert "voorgesteld" in error.value.message("nl")


def test_done_is_final():
    assert allowed("done") == ()
    with pytest.raises(InvalidInput, match="allowed: —"):
        check_transition("done", "in_progress", "reopen")


@pytest.mark.parametrize("wanted", sorted(NEEDS_REASON))
@pytest.mark.parametrize("comment", ["", "  ", "no"])
def test_blocked_and_dropped_need_a_reason(wanted, comment):
    with pytest.raises(InvalidInput) as error:
        check_transition("committed", wanted, comment)
    assert error.value.key == "error.reason_required"
    assert "Reason" in error.value.message("en")


@given(st.lists(st.sampled_from(STATUSES), max_size=30))
def test_any_walk_through_allowed_steps_stays_in_the_workflow(wanted):
    status = "proposed"
    for step in wanted:
        try:
            check_transition(status, step, "a reason")
        except InvalidInput:
            assert step not in TRANSITIONS[status]
            continue
        status = step
        assert status in STATUSES
    assert status in OPEN or status in {"done", "dropped"}
