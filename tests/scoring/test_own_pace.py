"""Own-pace rounds' rules as tables: due dates, reminder hours, which reminder is due."""

from datetime import UTC, datetime, timedelta

import pytest

from planner.core.errors import InvalidInput
from planner.scoring.own_pace import (
    check_address,
    check_due_date,
    finished,
    is_overdue,
    kinds_of_round,
    nudge_kind,
    parse_reminder_hours,
    reminder_due,
    round_prefix,
    skipped_reminders,
)

DUE = datetime(2026, 12, 9, 17, 0, tzinfo=UTC)
H = timedelta(hours=1)
LONG_AGO = DUE - timedelta(days=7)


@pytest.mark.parametrize(
    ("now", "overdue"),
    [(DUE - H, False), (DUE - timedelta(seconds=1), False), (DUE, True), (DUE + H, True)],
)
def test_is_overdue_from_the_due_date_on(now, overdue):
    assert is_overdue(now, DUE) is overdue


@pytest.mark.parametrize(
    ("due", "ok"),
    [
        (DUE - 30 * timedelta(minutes=1), False),  # half an hour: a live round
        (DUE + H, True),
        (DUE + timedelta(days=90), True),
        (DUE + timedelta(days=91), False),
    ],
)
def test_check_due_date_between_an_hour_and_90_days(due, ok):
    if ok:
        assert check_due_date(due, DUE) == due
    else:
        with pytest.raises(InvalidInput) as refused:
            check_due_date(due, DUE)
        assert "Open until" in refused.value.message("en")
        assert "Open tot" in refused.value.message("nl")


@pytest.mark.parametrize(
    ("text", "hours"),
    [("48, 4", (48, 4)), ("4;48", (48, 4)), ("24,24", (24,)), ("", ()), (" 1 ", (1,))],
)
def test_parse_reminder_hours(text, hours):
    assert parse_reminder_hours(text) == hours


@pytest.mark.parametrize("text", ["0", "-4", "4.5", "soon", "721", "48,,x"])
def test_parse_reminder_hours_refuses_naming_the_field(text):
    with pytest.raises(InvalidInput, match="Reminders"):
        parse_reminder_hours(text)


# now, invited, already recorded -> the reminder to send now, the ones skipped
CASES = [
    (DUE - 50 * H, LONG_AGO, set(), None, []),  # too early for any
    (DUE - 48 * H, LONG_AGO, set(), "reminder-48h", []),  # its moment
    (DUE - 47 * H, LONG_AGO, {"reminder-48h"}, None, []),  # sent already: once
    (DUE - 5 * H, LONG_AGO, {"reminder-48h"}, None, []),
    (DUE - 3 * H, LONG_AGO, {"reminder-48h"}, "reminder-4h", []),
    (DUE - 3 * H, LONG_AGO, {"reminder-48h", "reminder-4h"}, None, []),
    (DUE - 3 * H, LONG_AGO, set(), "reminder-4h", ["reminder-48h"]),  # app was down
    (DUE - 3 * H, DUE - 10 * H, set(), "reminder-4h", []),  # invited after the 48h moment
    (DUE - 3 * H, DUE - 3.5 * H, set(), None, []),  # invited after both moments
    (DUE, LONG_AGO, set(), None, []),  # due: the round reveals, no reminder
    (DUE + H, LONG_AGO, set(), None, []),
]


@pytest.mark.parametrize(("now", "invited", "sent", "due", "skipped"), CASES)
def test_which_reminder_is_due(now, invited, sent, due, skipped):
    facts = {"now": now, "due": DUE, "hours": (48, 4), "invited": invited, "sent": frozenset(sent)}
    assert reminder_due(**facts) == due
    assert skipped_reminders(**facts) == skipped


def test_no_reminders_when_none_are_configured():
    assert reminder_due(now=DUE - H, due=DUE, hours=(), invited=LONG_AGO, sent=frozenset()) is None


def test_a_nudge_is_one_mail_per_minute():
    assert nudge_kind(DUE) == nudge_kind(DUE + timedelta(seconds=59)) != nudge_kind(DUE + H)


@pytest.mark.parametrize(("scored", "total", "done"), [(0, 3, False), (2, 3, False), (3, 3, True)])
def test_finished_when_every_candidate_is_answered(scored, total, done):
    assert finished(scored, total) is done


@pytest.mark.parametrize(
    ("kinds", "number", "of_round"),
    [
        (
            {"invitation", "reminder-48h", "r2-invitation", "nudge-x"},
            1,
            {"invitation", "reminder-48h", "nudge-x"},
        ),
        (
            {"invitation", "reminder-48h", "r2-invitation", "r2-reminder-4h"},
            2,
            {"invitation", "reminder-4h"},
        ),
        ({"invitation", "r2-reminder-4h"}, 3, set()),
    ],
)
def test_each_round_has_its_own_invitation_and_reminders(kinds, number, of_round):
    assert kinds_of_round(kinds, number) == of_round
    assert round_prefix(number) == ("" if number == 1 else f"r{number}-")


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("ann@example.org", True),
        ("a.b+c@mail.example.co.uk", True),
        ("ann@example", False),
        ("ann example.org", False),
        ("@example.org", False),
        ("ann@.org.", False),
        ("ann @example.org", False),
    ],
)
def test_check_address(text, ok):
    if ok:
        assert check_address(text) == text
    else:
        with pytest.raises(InvalidInput, match="E-mail address"):
            check_address(text)
