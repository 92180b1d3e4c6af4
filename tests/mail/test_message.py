"""A message as the standard library builds it, and the Message-ID that stays the same
on every attempt at one mail."""

from email import message_from_bytes, policy

from planner.mail.message import Attachment, build_message, stable_message_id

SENDER = "planner@example.org"


def _message(**changes):
    fields = {
        "sender": SENDER,
        "to": "ann@example.org",
        "to_name": "Ann de Vries",
        "subject": "Uitnodiging: scoren tot 9 dec 2026",
        "body": "Hallo Ann,\nhttp://127.0.0.1:8501/?me=tok\n",
        "lang": "nl",
    }
    return build_message(**(fields | changes))


def test_a_message_has_its_headers_and_plain_body():
    message = _message()
    assert message["From"] == SENDER
    assert message["To"].addresses[0].display_name == "Ann de Vries"
    assert message["To"].addresses[0].addr_spec == "ann@example.org"
    assert message["Subject"] == "Uitnodiging: scoren tot 9 dec 2026"
    assert message["Content-Language"] == "nl"
    assert message.get_content_type() == "text/plain"
    assert "?me=tok" in message.get_content()


def test_attachments_make_it_multipart_and_keep_the_language_on_the_whole():
    ics = Attachment("due.ics", b"BEGIN:VCALENDAR\r\n", "text", "calendar")
    message = _message(attachments=(ics,))
    parsed = message_from_bytes(message.as_bytes(), policy=policy.default)
    assert parsed.get_content_type() == "multipart/mixed"
    assert parsed["Content-Language"] == "nl"
    (attached,) = parsed.iter_attachments()
    assert attached.get_filename() == "due.ics"
    assert attached.get_content_type() == "text/calendar"
    assert "Hallo Ann" in parsed.get_body(("plain",)).get_content()


def test_a_message_id_is_new_each_time_unless_given():
    first, second = _message(), _message()
    assert first["Message-ID"] != second["Message-ID"]
    assert first["Message-ID"].endswith("@example.org>")
    assert _message(message_id="<kept@example.org>")["Message-ID"] == "<kept@example.org>"


def test_a_name_with_a_comma_and_an_accent_reads_back_as_one_address():
    # formataddr's string lost its quotes when encoded: 'Vries' and 'Anné de <ann@…>'.
    message = _message(to_name="Vries, Anné de")
    parsed = message_from_bytes(message.as_bytes(), policy=policy.default)
    (address,) = parsed["To"].addresses
    assert (address.display_name, address.addr_spec) == ("Vries, Anné de", "ann@example.org")


def test_the_stable_message_id_is_the_same_for_the_same_mail_and_secret():
    mail = "7:3:12:invitation:2026-12-01T09:00:00+00:00"
    assert stable_message_id("s", mail, SENDER) == stable_message_id("s", mail, SENDER)
    assert stable_message_id("s", mail, "p@x.org") == (
        "<own-pace.8a3e0cab385221d804824c8d5c0b4871@x.org>"
    )


def test_the_stable_message_id_differs_by_mail_and_by_secret():
    mail = "7:3:12:invitation:2026-12-01T09:00:00+00:00"
    ids = {
        stable_message_id("s", mail, SENDER),
        stable_message_id("other secret", mail, SENDER),
        stable_message_id("s", mail.replace(":12:", ":13:"), SENDER),
    }
    assert len(ids) == 3
