"""The mails of own-pace rounds, in the workspace's language: the invitation (with an
.ics for the due date), the reminders and the nudges. Pure: facts in, a message out.

The due date is written as Babel writes it in that language, in the facilitator's time
zone, named.
"""

import re
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from typing import NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icalendar

from planner.core.dates import moment
from planner.core.i18n import t
from planner.mail.message import Attachment, build_message, stable_message_id

PRODUCT = "-//Journey Roadmap Planner//own-pace round//EN"


class MailFacts(NamedTuple):
    """What one mail says, read from the store."""

    kind: str  # 'invitation', 'reminder-48h', 'nudge-…'
    lang: str
    name: str
    email: str
    workspace: str
    session: str
    session_id: int
    due: datetime  # UTC
    timezone: str
    link: str | None  # None: the link was renewed since the invitation
    opt_out: str  # the 'no more reminders' link
    scored: int
    total: int
    round_number: int = 1
    mail_key: str = ""  # what names its outbox row: the Message-ID is made of it
    id_secret: str = ""


def mail_word(kind: str) -> str:
    """'invitation', 'revote' (a re-vote round's invitation), 'reminder' or 'nudge'.

    >>> mail_word("r2-invitation"), mail_word("r2-reminder-4h"), mail_word("nudge-20261209T1000")
    ('revote', 'reminder', 'nudge')
    """
    bare = re.sub(r"^r\d+-", "", kind)
    word = bare.split("-")[0]
    return "revote" if word == "invitation" and bare != kind else word


def mail_states(mails: dict[str, str], lang: str) -> str:
    """Each mail of someone and where it is, in `lang`: 'uitnodiging (verstuurd),
    herinnering 4 uur (wacht)'."""
    return ", ".join(
        t(f"pace.mail_{mail_word(kind)}", lang, hours=kind.split("-")[-1].rstrip("h"))
        + f" ({t(f'pace.status_{status}', lang)})"
        for kind, status in mails.items()
    )


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def due_text(due: datetime, timezone: str, lang: str) -> str:
    """'9 Dec 2026 18:00 (Europe/Amsterdam)' as `lang` writes it."""
    return f"{moment(due.astimezone(zone(timezone)), lang)} ({zone(timezone).key})"


def due_calendar(facts: MailFacts, now: datetime) -> bytes:
    """An iCalendar file with the due date as a short event (a deadline, not busy)."""
    book = icalendar.Calendar()
    book.add("prodid", PRODUCT)
    book.add("version", "2.0")
    book.add("method", "PUBLISH")
    event = icalendar.Event()
    event.add("uid", f"own-pace-{facts.session_id}-{facts.email}@journey-roadmap-planner")
    event.add("dtstamp", now.astimezone(UTC))
    event.add("dtstart", facts.due.astimezone(UTC) - timedelta(minutes=30))
    event.add("dtend", facts.due.astimezone(UTC))
    event.add("summary", t("mail.ics_summary", facts.lang, session=facts.session))
    if facts.link:
        event.add("description", facts.link)
    event.add("transp", "TRANSPARENT")
    book.add_component(event)
    data: bytes = book.to_ical()
    return data


def own_pace_mail(facts: MailFacts, *, sender: str, now: datetime) -> EmailMessage:
    """The message of `facts.kind` to one stakeholder."""
    lang = facts.lang
    words = {
        "name": facts.name,
        "workspace": facts.workspace,
        "session": facts.session,
        "due": due_text(facts.due, facts.timezone, lang),
        "scored": facts.scored,
        "total": facts.total,
        "link": facts.link or t("mail.link_renewed", lang),
        "opt_out": facts.opt_out,
        "round": facts.round_number,
    }
    kind = mail_word(facts.kind)  # invitation, revote, reminder, nudge
    attachments: tuple[Attachment, ...] = ()
    if kind in ("invitation", "revote"):
        ics = due_calendar(facts, now)
        attachments = (Attachment("due-date.ics", ics, "text", "calendar"),)
    return build_message(
        sender=sender,
        to=facts.email,
        to_name=facts.name,
        subject=t(f"mail.{kind}_subject", lang, **words),
        body=t(f"mail.{kind}_body", lang, **words),
        lang=lang,
        attachments=attachments,
        message_id=stable_message_id(facts.id_secret, facts.mail_key, sender)
        if facts.mail_key
        else "",
    )
