"""Where mail goes: `PLANNER_SMTP_URL`, parsed once per use.

    smtp://user:password@mail.example.org:587?starttls=1&from=planner@example.org
    smtps://user:password@mail.example.org            (TLS from the start, port 465)
    smtp://localhost:2525                               (no password, no TLS)

The sender address is the URL's `from`, else `PLANNER_SMTP_FROM`. Unset: no mail, the
facilitator copies the links from the page.

>>> smtp_config("smtps://ann%40x.org:s3cret@mail.x.org?from=planner@x.org").port
465
"""

import os
from typing import NamedTuple
from urllib.parse import parse_qs, unquote, urlsplit

from planner.core.errors import InvalidInput

SMTP_URL = "PLANNER_SMTP_URL"
SMTP_FROM = "PLANNER_SMTP_FROM"
TRUE = {"1", "true", "yes", "on"}


class SmtpConfig(NamedTuple):
    host: str
    port: int
    tls: bool  # TLS from the first byte (smtps)
    starttls: bool  # upgrade a plain connection (smtp + ?starttls=1)
    user: str
    password: str
    sender: str
    timeout: float

    @property
    def server(self) -> str:
        """host:port, as a message to a person names the server (never the password)."""
        return f"{self.host}:{self.port}"


def _refused(detail: str) -> InvalidInput:
    return InvalidInput("error.smtp_url", variable=SMTP_URL, detail=detail)


def smtp_config(url: str, sender: str = "") -> SmtpConfig:
    """The server of an smtp:// or smtps:// URL (InvalidInput naming the variable if not)."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("smtp", "smtps"):
        raise _refused("smtp:// or smtps://")
    if not parts.hostname:
        raise _refused("host")
    try:
        port = parts.port or (465 if parts.scheme == "smtps" else 25)
    except ValueError:
        raise _refused("port") from None
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    sender = query.get("from") or sender
    if "@" not in sender:
        raise _refused(f"from=… or {SMTP_FROM}")
    try:
        timeout = float(query.get("timeout", "10"))
    except ValueError:
        raise _refused("timeout") from None
    return SmtpConfig(
        host=parts.hostname,
        port=port,
        tls=parts.scheme == "smtps",
        starttls=query.get("starttls", "").lower() in TRUE,
        user=unquote(parts.username or ""),
        password=unquote(parts.password or ""),
        sender=sender,
        timeout=timeout,
    )


def configured_smtp() -> SmtpConfig | None:
    """The server of `PLANNER_SMTP_URL` (None: not set, mail is off)."""
    url = os.environ.get(SMTP_URL, "").strip()
    if not url:
        return None
    return smtp_config(url, os.environ.get(SMTP_FROM, "").strip())
