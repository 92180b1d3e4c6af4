"""PLANNER_SMTP_URL read, a message built by the standard library, sent to a real SMTP
server in this process (tests/smtp_server.py), and a server that is not there."""

from urllib.parse import quote

import pytest

from planner.core.errors import InvalidInput
from planner.mail.config import configured_smtp, smtp_config
from planner.mail.message import Attachment, build_message
from planner.mail.sender import MailFailed, send
from tests.smtp_server import PASSWORD, USER, free_port, smtp_server_fixture  # noqa: F401

SENDER = "planner@example.org"


@pytest.mark.parametrize(
    ("url", "host", "port", "tls", "starttls", "user", "password"),
    [
        ("smtp://localhost:2525?from=a@b.org", "localhost", 2525, False, False, "", ""),
        (
            "smtp://u:p@mail.x.org:587?starttls=1&from=a@b.org",
            "mail.x.org",
            587,
            False,
            True,
            "u",
            "p",
        ),
        (
            "smtps://ann%40x.org:p%2Fw@mail.x.org?from=a@b.org",
            "mail.x.org",
            465,
            True,
            False,
            "ann@x.org",
            "p/w",
        ),
        ("smtp://mail.x.org?from=a@b.org", "mail.x.org", 25, False, False, "", ""),
    ],
)
def test_smtp_config_reads_the_url(url, host, port, tls, starttls, user, password):
    config = smtp_config(url)
    assert (config.host, config.port, config.tls, config.starttls) == (host, port, tls, starttls)
    assert (config.user, config.password, config.sender) == (user, password, "a@b.org")
    assert password not in config.server or not password


@pytest.mark.parametrize(
    ("url", "named"),
    [
        ("http://mail.x.org?from=a@b.org", "smtp://"),
        ("smtp://?from=a@b.org", "host"),
        ("smtp://mail.x.org:99999?from=a@b.org", "port"),
        ("smtp://mail.x.org", "PLANNER_SMTP_FROM"),
        ("smtp://mail.x.org?from=a@b.org&timeout=soon", "timeout"),
    ],
)
def test_smtp_config_refuses_a_bad_url_naming_the_variable(url, named):
    with pytest.raises(InvalidInput) as refused:
        smtp_config(url)
    assert "PLANNER_SMTP_URL" in refused.value.message("en")
    assert named in refused.value.message("en")
    assert "PLANNER_SMTP_URL" in refused.value.message("nl")


def test_configured_smtp_takes_the_sender_from_the_environment(monkeypatch):
    monkeypatch.delenv("PLANNER_SMTP_URL", raising=False)
    assert configured_smtp() is None
    monkeypatch.setenv("PLANNER_SMTP_URL", "smtp://localhost:2525")
    monkeypatch.setenv("PLANNER_SMTP_FROM", SENDER)
    assert configured_smtp().sender == SENDER


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
