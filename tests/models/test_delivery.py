"""The delivery input schemas: sign-off answers, commitments (a new one is committed or
proposed, KPIs finite numbers), status changes, due-date moves and results; each refused
naming the field."""

import math
from datetime import date

import pytest

from planner.delivery.workflow import Status
from planner.models import (
    KPI_LIMIT,
    CommitmentCreate,
    DueMove,
    ResultRecord,
    SignoffCreate,
    StatusChange,
)
from tests.models.helpers import refusals

PROMISE = {"owner": "Ann", "committed_by": "Eva"}


def test_a_commitment_is_committed_unless_proposed():
    commitment = CommitmentCreate(**PROMISE)
    assert commitment.status == Status.COMMITTED
    assert (commitment.period, commitment.due, commitment.kpi_target) == (None, None, None)
    assert CommitmentCreate(**PROMISE, status="proposed").status == Status.PROPOSED


@pytest.mark.parametrize("status", ["in_progress", "done", "dropped", "blocked"])
def test_a_new_commitment_cannot_start_further_along(status):
    assert refusals(CommitmentCreate, **PROMISE, status=status) != []


@pytest.mark.parametrize("kpi", [math.inf, -math.inf, math.nan, KPI_LIMIT * 10])
def test_a_kpi_is_a_finite_number_within_the_limit(kpi):
    found = refusals(CommitmentCreate, **PROMISE, kpi_target=kpi)
    assert found and found[0].startswith("Target")
    assert refusals(ResultRecord, by="Ann", kpi_result=kpi) != []


def test_a_commitment_period_is_an_index_from_zero():
    assert refusals(CommitmentCreate, **PROMISE, period=-1) != []
    assert CommitmentCreate(**PROMISE, period=0, due=date(2027, 3, 31)).period == 0


def test_a_result_keeps_what_is_left_out_and_effort_is_on_zero_to_ten():
    result = ResultRecord(by="Ann", actual_effort=4)
    assert (result.kpi_result, result.learnings, result.rescore) == (None, None, False)
    assert refusals(ResultRecord, by="Ann", actual_effort=11) == [
        "Actual effort (0-10) may be at most 10."
    ]
    assert ResultRecord(by="Ann", learnings="One\r\nTwo").learnings == "One\nTwo"


def test_a_status_change_is_one_of_the_statuses_and_says_who():
    assert StatusChange(status="blocked", by="Ann").status == Status.BLOCKED
    assert refusals(StatusChange, status="paused", by="Ann")[0].startswith("Status must be one of")
    assert refusals(StatusChange, status="done", by="") == ["By is required."]


def test_a_due_move_needs_a_reason_of_three_characters_or_more():
    moved = DueMove(due=date(2027, 6, 30), reason="Supplier late", by="Ann")
    assert moved.due == date(2027, 6, 30)
    assert refusals(DueMove, due=date(2027, 6, 30), reason="no", by="Ann") != []
    assert DueMove(reason="Supplier late", by="Ann").due is None  # the move says so


def test_a_sign_off_answer_is_a_decision_with_an_optional_comment():
    assert SignoffCreate(decision="approve").comment == ""
    assert refusals(SignoffCreate, decision="maybe")[0].startswith("Decision must be one of")
