"""A message sent to a real SMTP server in this process (tests/smtp_server.py), a
server that is not there or refuses, and why a mail did not go in words of the catalog."""

import smtplib
import ssl
from urllib.parse import quote

import pytest

from planner.mail.config import smtp_config
from planner.mail.message import Attachment, build_message
from planner.mail.sender import MailFailed, RecipientRefused, failure_reason, send
from tests.smtp_server import PASSWORD, USER, free_port, smtp_server_fixture  # noqa: F401

SENDER = "planner@example.org"


def _message(**changes):
    fields = {
        "sender": SENDER,
        "to": "ann@example.org",
        "to_name": "Ann de Vries",
        "subject": "Uitnodiging: scoren tot 9 dec 2026",
        "body": "Hallo Ann,\nhttp://127.0.0.1:8501/?me=tok\n",
        "lang": "nl",
        "attachments": (Attachment("due.ics", b"BEGIN:VCALENDAR\r\n", "text", "calendar"),),
    }
    return build_message(**(fields | changes))


def test_send_delivers_headers_body_and_attachment(smtp_server):
    inbox, port = smtp_server
    send(smtp_config(f"smtp://127.0.0.1:{port}?from={SENDER}"), _message())
    (received,) = inbox.messages
    assert received["To"].addresses[0].addr_spec == "ann@example.org"
    assert received["To"].addresses[0].display_name == "Ann de Vries"
    assert received["Subject"] == "Uitnodiging: scoren tot 9 dec 2026"
    assert received["Content-Language"] == "nl"
    assert "?me=tok" in received.get_body(("plain",)).get_content()
    (ics,) = received.iter_attachments()
    assert ics.get_filename() == "due.ics"
    assert ics.get_content_type() == "text/calendar"


def test_send_logs_in_with_the_urls_user(smtp_server):
    inbox, port = smtp_server
    url = f"smtp://{USER}:{quote(PASSWORD)}@127.0.0.1:{port}?from={SENDER}"
    send(smtp_config(url), _message())
    assert len(inbox.messages) == 1


def test_send_with_a_wrong_password_fails_clearly(smtp_server):
    inbox, port = smtp_server
    with pytest.raises(MailFailed) as failed:
        send(
            smtp_config(f"smtp://{USER}:wrong@127.0.0.1:{port}?from={SENDER}&timeout=3"), _message()
        )
    assert f"127.0.0.1:{port}" in failed.value.message("en")
    assert "wrong" not in failed.value.message("en")
    assert not inbox.messages


def test_send_to_a_server_that_is_not_there_fails_clearly():
    config = smtp_config(f"smtp://127.0.0.1:{free_port()}?from={SENDER}&timeout=2")
    with pytest.raises(MailFailed) as failed:
        send(config, _message())
    assert "127.0.0.1" in failed.value.message("en")
    assert "127.0.0.1" in failed.value.message("nl")


def test_a_refused_address_fails_that_message_only(smtp_server):
    inbox, port = smtp_server
    config = smtp_config(f"smtp://127.0.0.1:{port}?from={SENDER}")
    with pytest.raises(MailFailed) as refused:
        send(config, _message(to="refused@example.org"))
    assert refused.value.for_all is False
    send(config, _message())
    assert len(inbox.messages) == 1


@pytest.mark.parametrize(
    ("error", "english", "dutch"),
    [
        (
            smtplib.SMTPRecipientsRefused({"a@x.org": (550, b"no"), "b@x.org": (553, b"no")}),
            "address refused (550, 553)",
            "adres geweigerd (550, 553)",
        ),
        (
            smtplib.SMTPAuthenticationError(535, b"bad"),
            "login refused (535)",
            "inloggen geweigerd (535)",
        ),
        (smtplib.SMTPDataError(451, b"later"), "temporary failure (451)", "tijdelijke fout (451)"),
        (smtplib.SMTPDataError(554, b"spam"), "message refused (554)", "bericht geweigerd (554)"),
        (
            smtplib.SMTPServerDisconnected("bye"),
            "the server closed the connection",
            "de server verbrak de verbinding",
        ),
        (
            ConnectionRefusedError(111, "Connection refused"),
            "connection refused",
            "verbinding geweigerd",
        ),
        (TimeoutError("timed out"), "no answer in time", "geen antwoord op tijd"),
        (
            ssl.SSLError("bad handshake"),
            "the secure connection (TLS) failed",
            "de beveiligde verbinding (TLS) mislukte",
        ),
        (
            OSError(113, "No route to host"),
            "the server cannot be reached",
            "de server is niet bereikbaar",
        ),
        (
            ValueError("odd"),
            "unexpected answer from the server",
            "onverwacht antwoord van de server",
        ),
    ],
)
def test_failure_reason_says_why_in_words_of_the_catalog(error, english, dutch):
    reason = failure_reason(error)
    assert reason.message("en") == english
    assert reason.message("nl") == dutch


def test_a_refused_address_is_a_mail_failure_that_stops_only_that_message():
    assert issubclass(RecipientRefused, MailFailed)
    assert MailFailed.for_all is True
    assert RecipientRefused.for_all is False
