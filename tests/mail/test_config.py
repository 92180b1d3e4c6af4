"""PLANNER_SMTP_URL read: host, port, TLS, login and sender, and a bad URL refused
naming the variable and the part that is wrong."""

import pytest

from planner.core.errors import InvalidInput
from planner.mail.config import configured_smtp, smtp_config

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


def test_the_server_names_host_and_port_never_the_password():
    config = smtp_config("smtp://ann:s3cret@mail.x.org:587?from=a@b.org")
    assert config.server == "mail.x.org:587"


def test_the_urls_from_wins_over_planner_smtp_from():
    assert smtp_config("smtp://mail.x.org?from=a@b.org", "c@d.org").sender == "a@b.org"
    assert smtp_config("smtp://mail.x.org", "c@d.org").sender == "c@d.org"


@pytest.mark.parametrize(
    ("flag", "starttls"), [("1", True), ("yes", True), ("ON", True), ("0", False)]
)
def test_starttls_is_on_for_the_usual_words_of_yes(flag, starttls):
    assert smtp_config(f"smtp://mail.x.org?from=a@b.org&starttls={flag}").starttls is starttls


def test_the_timeout_is_ten_seconds_unless_the_url_says():
    assert smtp_config("smtp://mail.x.org?from=a@b.org").timeout == 10.0
    assert smtp_config("smtp://mail.x.org?from=a@b.org&timeout=2.5").timeout == 2.5


def test_a_blank_planner_smtp_url_means_mail_is_off(monkeypatch):
    monkeypatch.setenv("PLANNER_SMTP_URL", "   ")
    assert configured_smtp() is None
