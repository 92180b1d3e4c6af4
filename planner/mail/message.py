"""A message as the standard library builds it: headers, a plain-text body, and files
attached (an .ics). Never hand-written MIME."""

import hashlib
import hmac
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import make_msgid
from typing import NamedTuple


class Attachment(NamedTuple):
    filename: str
    content: bytes
    maintype: str
    subtype: str


def stable_message_id(secret: str, mail: str, sender: str) -> str:
    """The Message-ID of the mail that `mail` names (everything its outbox row holds
    that never changes), the same on every attempt, so a mail server or client that
    drops a repeated Message-ID drops a second attempt that the first one's server had
    accepted; keyed with a secret of the database, so no other database's mail, nor one
    of a later row that happens to reuse an id, gets it.

    >>> stable_message_id("s", "7:3:12:invitation:2026-12-01T09:00:00+00:00", "p@x.org")
    '<own-pace.8a3e0cab385221d804824c8d5c0b4871@x.org>'
    """
    digest = hmac.new(secret.encode(), mail.encode(), hashlib.sha256).hexdigest()[:32]
    return f"<own-pace.{digest}@{sender.rpartition('@')[2] or 'localhost'}>"


def build_message(
    *,
    sender: str,
    to: str,
    to_name: str,
    subject: str,
    body: str,
    lang: str,
    attachments: tuple[Attachment, ...] = (),
    message_id: str = "",
) -> EmailMessage:
    """An e-mail in `lang` (its Content-Language) with `attachments`; `message_id`: its
    Message-ID (else a new one)."""
    message = EmailMessage()
    message["From"] = sender
    # An Address, not formataddr's string: a name with a comma and an accent ('Vries,
    # Anné de') lost its quotes when encoded and read back as two addresses.
    user, _, domain = to.rpartition("@")
    message["To"] = Address(display_name=to_name, username=user, domain=domain)
    message["Subject"] = subject
    message["Message-ID"] = message_id or make_msgid(domain=sender.rpartition("@")[2] or None)
    message.set_content(body)
    for attached in attachments:
        message.add_attachment(
            attached.content,
            maintype=attached.maintype,
            subtype=attached.subtype,
            filename=attached.filename,
        )
    # After the attachments: making the message multipart moves Content-* headers inward.
    message["Content-Language"] = lang
    return message
