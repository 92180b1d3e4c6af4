from datetime import date
from itertools import product

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.core.errors import InvalidInput
from planner.delivery.workflow import (
    NEEDS_REASON,
    OPEN,
    STATUSES,
    allowed,
    check_due_move,
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


def accepts(current: str, wanted: str) -> bool:
    try:
        check_transition(current, wanted, "a reason")
    except InvalidInput:
        return False
    return True


@given(st.lists(st.sampled_from(STATUSES), max_size=30))
def test_a_walk_moves_only_as_the_table_above_allows(wanted):
    """Any sequence of wanted moves: each is accepted exactly when the independent table
    ALLOWED has it, and only accepted moves change the status."""
    status = "proposed"
    for step in wanted:
        assert accepts(status, step) == ((status, step) in ALLOWED), (status, step)
        if (status, step) in ALLOWED:
            status = step
    assert status in STATUSES


@pytest.mark.parametrize("start", STATUSES)
def test_every_status_can_still_reach_done(start):
    """No dead end: from any status some path of allowed moves ends in done."""
    seen, todo = {start}, [start]
    while todo:
        for step in allowed(todo.pop()):
            if step not in seen:
                seen.add(step)
                todo.append(step)
    assert start == "done" or "done" in seen
    if start in OPEN:  # whatever is open can still be dropped, with a reason
        assert "dropped" in allowed(start)


DUE = date(2027, 3, 31)


@pytest.mark.parametrize("status", STATUSES)
def test_only_an_open_commitment_moves_its_due_date(status):
    if status in OPEN:
        check_due_move(status, DUE, date(2027, 4, 30), "Supplier late")
    else:
        with pytest.raises(InvalidInput, match="only an open commitment can be re-planned"):
            check_due_move(status, DUE, date(2027, 4, 30), "Supplier late")


@pytest.mark.parametrize(
    ("wanted", "reason", "message"),
    [
        (DUE, "Supplier late", "Due date: the commitment is already due that day"),
        (None, "Supplier late", "Due date is required"),
        (date(2027, 4, 30), "", "Reason is required to move a due date"),
        (date(2027, 4, 30), "  ok  ", "Reason is required to move a due date"),
    ],
)
def test_a_move_needs_another_day_and_a_reason(wanted, reason, message):
    with pytest.raises(InvalidInput, match=message):
        check_due_move("committed", DUE, wanted, reason)


def test_a_due_date_may_move_earlier_too():
    assert check_due_move("in_progress", DUE, date(2027, 3, 1), "Ahead of plan") is None
