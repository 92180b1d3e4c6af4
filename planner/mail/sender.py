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
        raise RecipientRefused(
            "error.mail_failed", server=config.server, reason=failure_reason(error)
        ) from None
    except (OSError, smtplib.SMTPException) as error:  # refused, timed out, TLS, auth
        raise MailFailed(
            "error.mail_failed", server=config.server, reason=failure_reason(error)
        ) from None


def failure_reason(error: Exception) -> PlannerError:
    """Why a mail did not go, as words of the catalog (shown in any language) instead of
    the exception's own text ('[Errno 111] Connection refused', "(451, b'Try later')").

    >>> failure_reason(ConnectionRefusedError(111, "Connection refused")).message("nl")
    'verbinding geweigerd'
    >>> failure_reason(smtplib.SMTPDataError(451, b"Temporary failure")).message("en")
    'temporary failure (451)'
    """
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = sorted({code for code, _ in error.recipients.values()})
        return PlannerError("mail_reason.address_refused", code=", ".join(map(str, codes)))
    if isinstance(error, smtplib.SMTPAuthenticationError):
        return PlannerError("mail_reason.login", code=error.smtp_code)
    if isinstance(error, smtplib.SMTPResponseException):
        temporary = 400 <= error.smtp_code < 500
        key = "mail_reason.temporary" if temporary else "mail_reason.refused"
        return PlannerError(key, code=error.smtp_code)
    if isinstance(error, smtplib.SMTPServerDisconnected):
        return PlannerError("mail_reason.disconnected")
    if isinstance(error, ConnectionRefusedError):
        return PlannerError("mail_reason.connection_refused")
    if isinstance(error, TimeoutError):
        return PlannerError("mail_reason.timeout")
    if isinstance(error, ssl.SSLError):
        return PlannerError("mail_reason.tls")
    if isinstance(error, OSError):
        return PlannerError("mail_reason.unreachable")
    return PlannerError("mail_reason.unexpected")
