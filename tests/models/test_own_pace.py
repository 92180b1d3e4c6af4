"""The own-pace input schemas: an invitee's name and address cleaned and held to their
limits, an own-pace round's defaults (reminders 48 and 4 hours before, UTC)."""

from datetime import UTC, datetime

import pytest

from planner.models import EMAIL_MAX, InviteeCreate, OwnPaceCreate
from tests.models.helpers import dutch_refusal, refusals

DUE = datetime(2026, 12, 9, 17, 0, tzinfo=UTC)


def test_an_invitee_is_cleaned_and_has_no_role_unless_given():
    invitee = InviteeCreate(name=" Ann de Vries ", email=" ann@example.org\n")
    assert (invitee.name, invitee.email, invitee.role) == ("Ann de Vries", "ann@example.org", "")


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("", "E-mail address must have at least 3 character(s)."),
        ("a@", "E-mail address must have at least 3 character(s)."),
        ("a" * (EMAIL_MAX + 1), f"E-mail address may have at most {EMAIL_MAX} characters."),
    ],
)
def test_an_address_is_held_to_its_length_naming_the_field(email, message):
    assert refusals(InviteeCreate, name="Ann", email=email) == [message]


def test_a_refused_invitee_is_told_in_dutch_too():
    assert "E-mailadres" in dutch_refusal(InviteeCreate, name="Ann", email="")


def test_an_own_pace_round_reminds_48_and_4_hours_before_in_utc_by_default():
    round_ = OwnPaceCreate(open_until=DUE)
    assert (round_.reminder_hours, round_.timezone, round_.reveal_when_done) == (
        [48, 4],
        "UTC",
        False,
    )


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"open_until": "next week"}, "Open until"),
        ({"reminder_hours": list(range(1, 12))}, "Reminders (hours before)"),
        ({"timezone": ""}, "Time zone"),
    ],
)
def test_an_own_pace_round_is_refused_naming_the_field(fields, field):
    found = refusals(OwnPaceCreate, **({"open_until": DUE} | fields))
    assert len(found) == 1 and found[0].startswith(field)
