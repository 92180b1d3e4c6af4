"""The mails of own-pace rounds: which mail a kind is, the due date in the facilitator's
time zone as the language writes it, the .ics with the invitation, the same Message-ID
on every attempt."""

from datetime import UTC, datetime

import icalendar
import pytest

from planner.mail.own_pace import (
    MailFacts,
    due_calendar,
    due_text,
    mail_states,
    mail_word,
    own_pace_mail,
)

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
DUE = datetime(2026, 12, 9, 17, 0, tzinfo=UTC)


def _facts(**changes) -> MailFacts:
    fields = {
        "kind": "invitation",
        "lang": "en",
        "name": "Ann de Vries",
        "email": "ann@example.org",
        "workspace": "Onboarding",
        "session": "Sprint 12",
        "session_id": 3,
        "due": DUE,
        "timezone": "Europe/Amsterdam",
        "link": "http://127.0.0.1:8501/?me=tok",
        "opt_out": "http://127.0.0.1:8501/?stop=tok",
        "scored": 2,
        "total": 5,
    }
    return MailFacts(**(fields | changes))


@pytest.mark.parametrize(
    ("kind", "word"),
    [
        ("invitation", "invitation"),
        ("reminder-48h", "reminder"),
        ("reminder-4h", "reminder"),
        ("nudge-20261209T1000", "nudge"),
        ("r2-invitation", "revote"),
        ("r3-reminder-4h", "reminder"),
        ("r2-nudge-20261209T1000", "nudge"),
    ],
)
def test_mail_word_names_the_mail_of_each_kind(kind, word):
    assert mail_word(kind) == word


def test_mail_states_lists_each_mail_and_its_state_in_the_language():
    mails = {"invitation": "sent", "reminder-48h": "pending"}
    assert mail_states(mails, "en") == "invitation (sent), reminder 48 h (waiting)"
    assert mail_states(mails, "nl") == "uitnodiging (verstuurd), herinnering 48 uur (wacht)"


def test_due_text_is_in_the_facilitators_time_zone_named():
    assert due_text(DUE, "Europe/Amsterdam", "en") == "9 Dec 2026 18:00 (Europe/Amsterdam)"
    assert due_text(DUE, "Europe/Amsterdam", "nl") == "9 dec 2026 18:00 (Europe/Amsterdam)"


@pytest.mark.parametrize("timezone", ["Nowhere/Zone", "", "../etc"])
def test_an_unknown_time_zone_falls_back_to_utc(timezone):
    assert due_text(DUE, timezone, "en") == "9 Dec 2026 17:00 (UTC)"


def test_the_invitation_says_the_due_date_and_carries_the_ics():
    message = own_pace_mail(_facts(lang="nl"), sender="planner@example.org", now=NOW)
    assert (
        message["Subject"] == "Graag scoren in “Sprint 12” vóór 9 dec 2026 18:00 (Europe/Amsterdam)"
    )
    assert message["Content-Language"] == "nl"
    assert "http://127.0.0.1:8501/?me=tok" in message.get_body(("plain",)).get_content()
    (ics,) = message.iter_attachments()
    assert (ics.get_filename(), ics.get_content_type()) == ("due-date.ics", "text/calendar")


@pytest.mark.parametrize("kind", ["reminder-48h", "nudge-20261209T1000"])
def test_reminders_and_nudges_carry_no_file(kind):
    message = own_pace_mail(_facts(kind=kind), sender="planner@example.org", now=NOW)
    assert list(message.iter_attachments()) == []
    assert "Sprint 12" in message["Subject"]


def test_a_revote_invitation_names_its_round_and_carries_the_ics():
    facts = _facts(kind="r2-invitation", round_number=2)
    message = own_pace_mail(facts, sender="planner@example.org", now=NOW)
    assert message["Subject"].startswith("Round 2 of “Sprint 12”")
    assert len(list(message.iter_attachments())) == 1


def test_a_renewed_link_is_not_sent_and_the_mail_says_so():
    message = own_pace_mail(_facts(kind="reminder-4h", link=None), sender="p@x.org", now=NOW)
    body = message.get_body(("plain",)).get_content()
    assert "the link in your invitation was replaced" in body
    assert "?me=" not in body


def test_the_message_id_is_the_same_on_every_attempt_at_one_mail():
    facts = _facts(mail_key="7:3:12:invitation", id_secret="secret")
    first = own_pace_mail(facts, sender="planner@example.org", now=NOW)
    again = own_pace_mail(facts, sender="planner@example.org", now=NOW.replace(hour=10))
    assert first["Message-ID"] == again["Message-ID"]
    assert first["Message-ID"].startswith("<own-pace.")


def test_the_calendar_has_a_half_hour_deadline_event_that_does_not_block_time():
    book = icalendar.Calendar.from_ical(due_calendar(_facts(), NOW))
    (event,) = book.walk("VEVENT")
    assert event.decoded("dtend") == DUE
    assert (event.decoded("dtend") - event.decoded("dtstart")).total_seconds() == 30 * 60
    assert str(event["transp"]) == "TRANSPARENT"
    assert str(event["description"]) == "http://127.0.0.1:8501/?me=tok"
    assert str(event["uid"]) == "own-pace-3-ann@example.org@journey-roadmap-planner"


def test_the_calendar_leaves_out_a_renewed_link():
    book = icalendar.Calendar.from_ical(due_calendar(_facts(link=None), NOW))
    (event,) = book.walk("VEVENT")
    assert "description" not in event
