"""Send a message over SMTP; a server that cannot be reached or refuses is a domain
error (MailFailed) whose message says so, so the caller keeps the message to retry."""

import smtplib
import ssl
from email.message import EmailMessage

from planner.core.errors import PlannerError
from planner.mail.config import SmtpConfig


class MailFailed(PlannerError):
    """The mail server could not be reached, or it refused the message; `for_all`: the
    next message would fail too (no connection, no login), so a sender stops there."""

    for_all = True


class RecipientRefused(MailFailed):
    """The server refused this message's address; other messages may still go."""

    for_all = False


def send(config: SmtpConfig, message: EmailMessage) -> None:
    """Send `message` through the server of `config` (MailFailed naming the server and
    the reason when it cannot be)."""
    try:
        if config.tls:
            context = ssl.create_default_context()
            client = smtplib.SMTP_SSL(
                config.host, config.port, timeout=config.timeout, context=context
            )
        else:
            client = smtplib.SMTP(config.host, config.port, timeout=config.timeout)
        with client:
            if config.starttls:
                client.starttls(context=ssl.create_default_context())
            if config.user:
                client.login(config.user, config.password)
            client.send_message(message)
    except smtplib.SMTPRecipientsRefused as error:
        reason = str(error) or type(error).__name__
        raise RecipientRefused("error.mail_failed", server=config.server, reason=reason) from None
    except (OSError, smtplib.SMTPException) as error:  # refused, timed out, TLS, auth
        reason = str(error) or type(error).__name__
        raise MailFailed("error.mail_failed", server=config.server, reason=reason) from None
