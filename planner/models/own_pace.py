"""Own-pace rounds: the due date of a session, who was invited at which address, and
the outbox of invitations, reminders and nudges (planner.scoring.own_pace)."""

from datetime import datetime

from sqlalchemy import JSON, Column, DateTime, UniqueConstraint
from sqlmodel import Field, SQLModel

from planner.core.text import text_field
from planner.models.columns import EnumText
from planner.models.journey import Name, _timestamp
from planner.models.scoring import Role, _key, _moment
from planner.scoring.own_pace import MailStatus

EMAIL_MAX = 254
KIND_MAX = 40
ERROR_MAX = 500
URL_MAX = 500


# Cleaned by the text rule like every field; whether it looks like an address is the
# domain's check (planner.scoring.own_pace.check_address), the server's the real one.
Email = text_field(EMAIL_MAX, min_length=3)
Zone = text_field(64, min_length=1)


class InviteeCreate(SQLModel):
    name: Name
    email: Email
    role: Role = ""


class OwnPaceCreate(SQLModel):
    open_until: datetime
    reminder_hours: list[int] = Field(default=[48, 4], max_length=10)
    reveal_when_done: bool = False
    timezone: Zone = "UTC"


class OwnPace(SQLModel, table=True):
    """A session scored at one's own pace until `open_until` (its first round's deadline);
    `app_url` is the address the facilitator used, for the links in the mails."""

    __tablename__ = "own_pace"
    session_id: int = Field(sa_column=_key("scoring_session", primary=True))
    open_until: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    reminder_hours: list[int] = Field(sa_column=Column(JSON, nullable=False))
    app_url: str = Field(default="", max_length=URL_MAX)
    timezone: str = Field(default="UTC", max_length=64)  # the facilitator's, for the mails
    created_at: datetime = Field(sa_column=_timestamp())


class Invitee(SQLModel, table=True):
    """A stakeholder invited by e-mail to an own-pace session."""

    session_id: int = Field(sa_column=_key("scoring_session", primary=True))
    stakeholder_id: int = Field(sa_column=_key("stakeholder", primary=True))
    email: str = Field(max_length=EMAIL_MAX)
    invited_at: datetime = Field(sa_column=_timestamp())
    reminders_off_at: datetime | None = Field(default=None, sa_column=_moment())


class OutboxMail(SQLModel, table=True):
    """One mail to one stakeholder of a session; the unique key makes each invitation and
    reminder exist once, whoever decides to send it first. `claimed_until`: a sender is
    at it (another waits until then)."""

    __tablename__ = "outbox_mail"
    __table_args__ = (UniqueConstraint("session_id", "stakeholder_id", "kind"),)
    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(sa_column=_key("scoring_session"))
    stakeholder_id: int = Field(sa_column=_key("stakeholder"))
    # Not a closed set: 'invitation', 'reminder-48h', 'nudge-…' with a re-vote round's
    # 'r2-' before it, made by planner.scoring.own_pace (reminder_kind, nudge_kind...).
    kind: str = Field(max_length=KIND_MAX)
    status: MailStatus = Field(default=MailStatus.PENDING, sa_type=EnumText(MailStatus, 10))
    attempts: int = 0
    last_error: str = Field(default="", max_length=ERROR_MAX)
    created_at: datetime = Field(sa_column=_timestamp())
    claimed_until: datetime | None = Field(default=None, sa_column=_moment())
    sent_at: datetime | None = Field(default=None, sa_column=_moment())
