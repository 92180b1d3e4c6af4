"""Rounds scored at one's own pace: open until a due date, invitations and reminders.

A facilitator opens a session "open until" a moment instead of live; each stakeholder
is invited by e-mail and reminded before the due date (by default 48 and 4 hours
before) while they have not finished, each reminder once. At the due date the round
reveals itself (the time box's rule, planner.scoring.time_box: the due date is the
round's deadline). Every other rule is the live rounds'.

>>> from datetime import datetime, timedelta, UTC
>>> due = datetime(2026, 12, 9, 17, 0, tzinfo=UTC)
>>> reminder_due(now=due - timedelta(hours=5), due=due, hours=(48, 4),
...              invited=due - timedelta(days=5), sent=frozenset({"reminder-48h"}))
>>> reminder_due(now=due - timedelta(hours=3), due=due, hours=(48, 4),
...              invited=due - timedelta(days=5), sent=frozenset({"reminder-48h"}))
'reminder-4h'
"""

import re
from collections.abc import Iterable
from datetime import datetime, timedelta
from enum import StrEnum

from planner.core.errors import FieldName, InvalidInput

DEFAULT_REMINDER_HOURS = (48, 4)
HOURS_MAX = 24 * 30  # a reminder a month ahead is a typing error
DAYS_AHEAD_MAX = 90  # an own-pace round longer than a quarter is one too
SOONEST = timedelta(hours=1)  # an own-pace round shorter than this is a live one
INVITATION = "invitation"


class MailStatus(StrEnum):
    PENDING = "pending"  # to be sent; tried again after a failure
    SENT = "sent"
    SKIPPED = "skipped"  # a reminder passed over by a nearer one (never sent later)


def reminder_kind(hours: int) -> str:
    """The outbox kind of the reminder `hours` before the due date: 'reminder-48h'."""
    return f"reminder-{hours}h"


def round_prefix(number: int) -> str:
    """What the kinds of mail of a re-vote round start with: 'r2-reminder-48h' (round 1's
    have none), so each round's invitation and reminders go once each too."""
    return "" if number == 1 else f"r{number}-"


def kinds_of_round(kinds: Iterable[str], number: int) -> frozenset[str]:
    """The kinds recorded for round `number`, without its prefix."""
    prefix = round_prefix(number)
    if not prefix:
        return frozenset(k for k in kinds if not re.match(r"r\d+-", k))
    return frozenset(k.removeprefix(prefix) for k in kinds if k.startswith(prefix))


def nudge_kind(now: datetime) -> str:
    """The outbox kind of a nudge clicked at `now`: one per minute, so a double click
    sends one mail."""
    return f"nudge-{now:%Y%m%dT%H%M}"


def is_invitation(kind: str) -> bool:
    """Whether a kind of mail is an invitation (round 1's or a re-vote round's).

    >>> is_invitation("invitation"), is_invitation("r2-invitation"), is_invitation("reminder-4h")
    (True, True, False)
    """
    return re.sub(r"^r\d+-", "", kind) == INVITATION


def restored_status(kind: str, status: MailStatus) -> MailStatus:
    """What a mail of a backup is in the restored workspace. Sent and skipped stay so
    (nothing is sent again); one still waiting may have gone out after the backup was
    taken, which the backup cannot know: an invitation waits again (without it the
    stakeholder has no way in, and a second one is better than none), a reminder or
    nudge is skipped (a second one is spam; the next reminder still comes at its moment).

    >>> [restored_status(kind, MailStatus.PENDING) for kind in ("r2-invitation", "reminder-4h")]
    [<MailStatus.PENDING: 'pending'>, <MailStatus.SKIPPED: 'skipped'>]
    """
    if status != MailStatus.PENDING or is_invitation(kind):
        return status
    return MailStatus.SKIPPED


def check_due_date(due: datetime, now: datetime) -> datetime:
    """`due` if an own-pace round may run until then: at least an hour from `now`, at
    most DAYS_AHEAD_MAX days (InvalidInput naming the field)."""
    if due < now + SOONEST:
        raise InvalidInput("error.due_too_soon", field=FieldName("open_until"))
    if due > now + timedelta(days=DAYS_AHEAD_MAX):
        raise InvalidInput("error.due_too_far", field=FieldName("open_until"), limit=DAYS_AHEAD_MAX)
    return due


def check_address(text: str) -> str:
    """`text` if it looks like an e-mail address (one @, a dot in the domain, no spaces;
    the mail server is the real check), else InvalidInput naming the field."""
    local, at, domain = text.rpartition("@")
    if not (at and local and "." in domain.strip(".") and " " not in text):
        raise InvalidInput("error.not_an_address", field=FieldName("email"), value=text)
    return text


def parse_reminder_hours(text: str) -> tuple[int, ...]:
    """'48, 4' -> (48, 4): whole hours before the due date, largest first, each once;
    '' -> no reminders (InvalidInput naming the field for anything else)."""
    parts = [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]
    if not all(part.isdigit() and 1 <= int(part) <= HOURS_MAX for part in parts):
        raise InvalidInput(
            "error.reminder_hours", field=FieldName("reminder_hours"), limit=HOURS_MAX
        )
    return tuple(sorted({int(part) for part in parts}, reverse=True))


def is_overdue(now: datetime, due: datetime) -> bool:
    """Whether the due date has come: the round reveals (if anyone voted)."""
    return now >= due


def reminders_passed(
    *, now: datetime, due: datetime, hours: Iterable[int], invited: datetime
) -> list[str]:
    """The reminders whose moment has come and that this person was invited early enough
    for (someone invited 3 hours before the due date gets no 48-hour reminder), nearest
    to the due date last; none once the due date passed."""
    if is_overdue(now, due):
        return []
    return [
        reminder_kind(h)
        for h in sorted(hours, reverse=True)
        if invited < due - timedelta(hours=h) <= now
    ]


def reminder_due(
    *, now: datetime, due: datetime, hours: Iterable[int], invited: datetime, sent: frozenset[str]
) -> str | None:
    """The one reminder to send now to someone not finished who has not opted out: the
    nearest whose moment has come, unless it (or a nearer one) was recorded already; the
    passed-over ones are skipped (see `skipped_reminders`)."""
    passed = reminders_passed(now=now, due=due, hours=hours, invited=invited)
    if not passed or passed[-1] in sent:
        return None
    return passed[-1]


def skipped_reminders(
    *, now: datetime, due: datetime, hours: Iterable[int], invited: datetime, sent: frozenset[str]
) -> list[str]:
    """Reminders passed over by a nearer one (the app was not running at their moment):
    recorded as skipped, never sent late."""
    passed = reminders_passed(now=now, due=due, hours=hours, invited=invited)
    return [kind for kind in passed[:-1] if kind not in sent]


def finished(scored: int, candidates: int) -> bool:
    """Whether someone answered every candidate of the round."""
    return scored >= candidates
