"""A message as the standard library builds it: headers, a plain-text body, and files
attached (an .ics). Never hand-written MIME."""

from email.message import EmailMessage
from email.utils import formataddr, make_msgid
from typing import NamedTuple


class Attachment(NamedTuple):
    filename: str
    content: bytes
    maintype: str
    subtype: str


def build_message(
    *,
    sender: str,
    to: str,
    to_name: str,
    subject: str,
    body: str,
    lang: str,
    attachments: tuple[Attachment, ...] = (),
) -> EmailMessage:
    """An e-mail in `lang` (its Content-Language) with `attachments`."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = formataddr((to_name, to))
    message["Subject"] = subject
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or None)
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
