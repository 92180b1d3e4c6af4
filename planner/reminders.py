"""Send the own-pace outbox: what `python -m planner remind` does from cron, and what
the facilitator's page does after an invitation or a nudge.

`remind` reveals the rounds whose due date came, puts the reminders due now into the
outbox (each once: planner.store.scoring.outbox) and sends every pending mail. One transaction
decides, another claims each mail (one sender wins), the SMTP conversation happens
outside any transaction, and a failure leaves the mail pending with its error.
"""

from datetime import datetime
from typing import NamedTuple
from urllib.parse import urlencode, urlunsplit

from sqlalchemy import Engine
from sqlmodel import Session

from planner.access.links import personal_link, shared_root
from planner.access.mail_tokens import opt_out_token
from planner.core.db import reading, utc, writing
from planner.mail.config import SmtpConfig
from planner.mail.own_pace import MailFacts, own_pace_mail
from planner.mail.sender import MailFailed, send
from planner.models import Invitee, Stakeholder, Workspace, utcnow
from planner.store.access.server_secrets import server_secret
from planner.store.scoring.outbox import claim, get_mail, mark_failed, mark_sent, pending
from planner.store.scoring.own_pace import (
    invitees,
    link_still_valid,
    link_token,
    own_pace_of,
    plan_reminders,
    reveal_due_rounds,
)
from planner.store.scoring.sessions import candidate_count, current_round, get_session

OPT_OUT_SECRET = "own-pace-opt-out"
MESSAGE_ID_SECRET = "own-pace-message-ids"
OPT_OUT_PATH = "/mail/reminders-off"


class Failure(NamedTuple):
    """A mail not sent: 'who <address>: kind' and why (in any language)."""

    label: str
    error: MailFailed

    def text(self, lang: str) -> str:
        return f"{self.label} ({self.error.message(lang)})"


class Sent(NamedTuple):
    """What one run did: each as 'who <address>: kind'."""

    sent: list[str]
    failed: list[Failure]
    revealed: list[str]  # session names
    mail_off: bool = False
    left: int = 0  # mails not tried after a failure for all (they wait for the next run)


def opt_out_link(app_url: str, token: str) -> str:
    """The reminder's 'no more reminders' link, on the address others open (as every
    link for others: planner.access.links.shared_root)."""
    scheme, netloc, prefix = shared_root(app_url)
    return urlunsplit((scheme, netloc, prefix + OPT_OUT_PATH, urlencode({"t": token}), ""))


def mail_facts(*, db: Session, mail_id: int) -> MailFacts:
    """What the mail `mail_id` says, read now (the progress as it is now)."""
    mail = get_mail(db=db, mail_id=mail_id)
    scoring = get_session(db=db, session_id=mail.session_id)
    pace = own_pace_of(db=db, session_id=mail.session_id)
    stakeholder = db.get(Stakeholder, mail.stakeholder_id)
    invitee = db.get(Invitee, (mail.session_id, mail.stakeholder_id))
    workspace = db.get(Workspace, scoring.workspace_id)
    person = next(
        p for p in invitees(db=db, session_id=scoring.id) if p.stakeholder_id == stakeholder.id
    )
    last = current_round(db=db, session_id=scoring.id)
    total = candidate_count(db=db, round_id=last.id)
    link = None
    if link_still_valid(db=db, session_id=scoring.id, stakeholder=stakeholder):
        token = link_token(db=db, session_id=scoring.id, stakeholder_id=stakeholder.id)
        link = personal_link(pace.app_url, token)
    secret = server_secret(db=db, name=OPT_OUT_SECRET)
    stop = opt_out_token(secret, session_id=scoring.id, stakeholder_id=stakeholder.id)
    return MailFacts(
        kind=mail.kind,
        lang=workspace.language,
        name=stakeholder.name,
        email=invitee.email,
        workspace=workspace.name,
        session=scoring.name,
        session_id=scoring.id,
        due=utc(pace.open_until),
        timezone=pace.timezone,
        link=link,
        opt_out=opt_out_link(pace.app_url, stop),
        scored=person.scored,
        total=total,
        round_number=last.number,
        # Every attempt of this row: the same Message-ID (see mail.message.stable_message_id)
        mail_key=f"{mail.id}:{mail.session_id}:{mail.stakeholder_id}:{mail.kind}:"
        f"{utc(mail.created_at).isoformat()}",
        id_secret=server_secret(db=db, name=MESSAGE_ID_SECRET),
    )


def send_pending(engine: Engine, config: SmtpConfig, now: datetime | None = None) -> Sent:
    """Send every pending mail that no other sender holds; each is claimed first. A
    server that cannot be reached ends the run at the first failure (a page waits on
    it; the rest stay pending), a refused address only skips that mail."""
    now = now or utcnow()
    sent, failed = [], []
    with reading(engine) as db:
        waiting = pending(db=db, now=now)
    for tried, mail_id in enumerate(waiting, start=1):
        with writing(engine) as db:
            if not claim(db=db, mail_id=mail_id, now=now):
                continue  # another process took it
            facts = mail_facts(db=db, mail_id=mail_id)
        label = f"{facts.name} <{facts.email}>: {facts.kind}"
        try:
            send(config, own_pace_mail(facts, sender=config.sender, now=now))
        except MailFailed as error:
            with writing(engine) as db:
                mark_failed(db=db, mail_id=mail_id, error=error.message(facts.lang))
            failed.append(Failure(label, error))
            if error.for_all:  # the server is down: the rest wait for the next run
                return Sent(sent, failed, [], left=len(waiting) - tried)
            continue
        with writing(engine) as db:
            mark_sent(db=db, mail_id=mail_id, now=utcnow())
        sent.append(label)
    return Sent(sent, failed, [])


def remind(engine: Engine, config: SmtpConfig | None, now: datetime | None = None) -> Sent:
    """Reveal the due rounds, queue the reminders due now, send the outbox (without a
    mail server: reveal only, nothing is queued)."""
    now = now or utcnow()
    with writing(engine) as db:
        if config is None:
            return Sent([], [], reveal_due_rounds(db=db, now=now), mail_off=True)
        planned = plan_reminders(db=db, now=now)
    result = send_pending(engine, config, now)
    return result._replace(revealed=planned.revealed)
