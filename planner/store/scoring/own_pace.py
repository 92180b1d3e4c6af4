"""Own-pace sessions: open one until a due date, invite stakeholders by e-mail, follow
who finished, nudge, and plan the reminders into the outbox (planner.store.scoring.outbox sends).

The rules are planner.scoring.own_pace's; the reveal at the due date is the time box's
(planner.store.scoring.round_timing.reveal_if_due): the due date is round 1's deadline.
"""

from datetime import datetime
from typing import NamedTuple

from sqlalchemy import func, select, update
from sqlmodel import Session

from planner.access.mail_tokens import personal_token
from planner.core.db import utc
from planner.core.errors import Conflict, NotFound
from planner.models import (
    Invitee,
    InviteeCreate,
    OutboxMail,
    OwnPace,
    OwnPaceCreate,
    ScoringRound,
    ScoringSession,
    SessionCreate,
    Stakeholder,
    StakeholderJoin,
    utcnow,
)
from planner.scoring import own_pace as rules
from planner.scoring.lifecycle import SessionStatus, accepts_votes, require_open, require_voting
from planner.store.access.server_secrets import server_secret
from planner.store.scoring.outbox import enqueue, kinds_recorded
from planner.store.scoring.round_timing import nudge, reveal_if_due
from planner.store.scoring.sessions import candidate_count, current_round, get_session, open_session
from planner.store.scoring.stakeholders import join_session, link_hash
from planner.store.scoring.votes import progress

LINK_SECRET = "own-pace-links"


class InviteeState(NamedTuple):
    """One invitee as the facilitator and `round-state` see them."""

    stakeholder_id: int
    name: str
    role: str
    email: str
    scored: int
    finished: bool
    reminders_off: bool
    mails: dict[str, str]  # outbox kind -> status
    last_error: str


def open_own_pace(
    *,
    db: Session,
    workspace_id: int,
    session_in: SessionCreate,
    candidate_ids: list[int],
    pace_in: OwnPaceCreate,
    app_url: str,
    now: datetime | None = None,
) -> ScoringSession:
    """A session scored at one's own pace until `pace_in.open_until`: round 1's deadline
    is the due date and the round reveals itself then (or once all finished, if chosen)."""
    now = now or utcnow()
    due = rules.check_due_date(utc(pace_in.open_until), now)
    hours = rules.parse_reminder_hours(",".join(str(h) for h in pace_in.reminder_hours))
    live = SessionCreate(name=session_in.name)  # focus mode is for a room, not for days
    scoring = open_session(
        db=db, workspace_id=workspace_id, session_in=live, candidate_ids=candidate_ids
    )
    scoring.reveal_at_zero, scoring.reveal_when_done = True, pace_in.reveal_when_done
    first = current_round(db=db, session_id=scoring.id)
    first.deadline = due
    db.add_all([scoring, first])
    db.add(
        OwnPace(
            session_id=scoring.id,
            open_until=due,
            reminder_hours=list(hours),
            app_url=app_url[:500],
            timezone=pace_in.timezone,
        )
    )
    db.flush()
    return scoring


def own_pace_of(*, db: Session, session_id: int) -> OwnPace | None:
    """The own-pace settings of a session (None: a live session)."""
    return db.get(OwnPace, session_id)


def link_token(*, db: Session, session_id: int, stakeholder_id: int) -> str:
    """The personal link token an invitation carries (see planner.access.mail_tokens)."""
    secret = server_secret(db=db, name=LINK_SECRET)
    return personal_token(secret, session_id=session_id, stakeholder_id=stakeholder_id)


def link_still_valid(*, db: Session, session_id: int, stakeholder: Stakeholder) -> bool:
    """Whether the invitation's link still works (a facilitator may have renewed it)."""
    token = link_token(db=db, session_id=session_id, stakeholder_id=stakeholder.id)
    return stakeholder.link_hash == link_hash(token)


def invite(
    *,
    db: Session,
    session_id: int,
    invitee_in: InviteeCreate,
    send_mail: bool,
    now: datetime | None = None,
) -> tuple[Stakeholder, str]:
    """Add a stakeholder (name, e-mail, role) to an own-pace session, by the join rules
    (a name taken in the workspace is refused, the role must be listed); with
    `send_mail`, their invitation goes into the outbox. Returns them and their link token."""
    scoring = get_session(db=db, session_id=session_id)
    if own_pace_of(db=db, session_id=session_id) is None:
        raise Conflict("error.not_own_pace", name=scoring.name)
    rules.check_address(invitee_in.email)
    joined = join_session(
        db=db,
        code=scoring.code,
        join_in=StakeholderJoin(name=invitee_in.name, role=invitee_in.role),
    )
    stakeholder = joined.stakeholder
    token = add_invitee(
        db=db,
        session_id=session_id,
        stakeholder=stakeholder,
        email=invitee_in.email,
        invited_at=now or utcnow(),
    )
    db.flush()
    if send_mail:
        enqueue(db=db, session_id=session_id, stakeholder_id=stakeholder.id, kind=rules.INVITATION)
    return stakeholder, token


def add_invitee(
    *,
    db: Session,
    session_id: int,
    stakeholder: Stakeholder,
    email: str,
    invited_at: datetime,
    reminders_off_at: datetime | None = None,
) -> str:
    """`stakeholder` invited to an own-pace session at `email`, with a new personal link
    (only its hash kept, on the stakeholder); returns the link's token. Checks nothing:
    `invite` checks what people type, a restore what its document holds."""
    token = link_token(db=db, session_id=session_id, stakeholder_id=stakeholder.id)
    stakeholder.link_hash = link_hash(token)
    db.add(stakeholder)
    db.add(
        Invitee(
            session_id=session_id,
            stakeholder_id=stakeholder.id,
            email=email,
            invited_at=invited_at,
            reminders_off_at=reminders_off_at,
        )
    )
    return token


def invitees(*, db: Session, session_id: int) -> list[InviteeState]:
    """Who was invited, how far each got in the current round, and their mails."""
    last = current_round(db=db, session_id=session_id)
    total = candidate_count(db=db, round_id=last.id)
    scored = dict(
        (int(row.stakeholder_id), int(row.scored))
        for row in progress(db=db, round_id=last.id).itertuples()
    )
    mails: dict[int, dict[str, str]] = {}
    errors: dict[int, str] = {}
    for who, kind, status, error in db.execute(
        select(OutboxMail.stakeholder_id, OutboxMail.kind, OutboxMail.status, OutboxMail.last_error)
        .where(OutboxMail.session_id == session_id)
        .order_by(OutboxMail.id)
    ):
        mails.setdefault(who, {})[kind] = status
        if status == rules.MailStatus.PENDING and error:
            errors[who] = error
    rows = db.execute(
        select(Invitee, Stakeholder.name, Stakeholder.role)
        .join(Stakeholder, Stakeholder.id == Invitee.stakeholder_id)
        .where(Invitee.session_id == session_id)
        .order_by(Invitee.invited_at, Stakeholder.id)
    )
    return [
        InviteeState(
            invitee.stakeholder_id,
            name,
            role,
            invitee.email,
            scored.get(invitee.stakeholder_id, 0),
            rules.finished(scored.get(invitee.stakeholder_id, 0), total),
            invitee.reminders_off_at is not None,
            mails.get(invitee.stakeholder_id, {}),
            errors.get(invitee.stakeholder_id, ""),
        )
        for invitee, name, role in rows
    ]


def nudge_by_mail(*, db: Session, session_id: int, now: datetime | None = None) -> list[int]:
    """Nudge every invitee who has not finished: a mail each (once a minute at most) and
    the ballot's banner. Returns whom."""
    now = now or utcnow()
    behind = [p.stakeholder_id for p in invitees(db=db, session_id=session_id) if not p.finished]
    nudge(db=db, session_id=session_id, stakeholder_ids=behind, now=now)
    kind = rules.nudge_kind(now)
    return [
        who
        for who in behind
        if enqueue(db=db, session_id=session_id, stakeholder_id=who, kind=kind)
    ]


def stop_reminders(
    *, db: Session, session_id: int, stakeholder_id: int, now: datetime | None = None
) -> bool:
    """No more reminders to this invitee (their opt-out link; again: the first moment
    stays). False: not invited."""
    done = db.execute(
        update(Invitee)
        .where(Invitee.session_id == session_id, Invitee.stakeholder_id == stakeholder_id)
        .values(reminders_off_at=func.coalesce(Invitee.reminders_off_at, now or utcnow()))
    )
    return done.rowcount == 1


class Planned(NamedTuple):
    revealed: list[str]  # names of the sessions revealed now
    queued: int  # reminders put into the outbox


def plan_reminders(*, db: Session, now: datetime | None = None) -> Planned:
    """Reveal the own-pace rounds whose due date came, and put the reminders due now into
    the outbox: each (session, stakeholder, kind) once, whichever process comes first."""
    now = now or utcnow()
    revealed, queued = [], 0
    sessions = db.execute(
        select(ScoringSession, OwnPace)
        .join(OwnPace, OwnPace.session_id == ScoringSession.id)
        .where(ScoringSession.status == SessionStatus.OPEN)
        .order_by(ScoringSession.id)
    ).all()
    for scoring, pace in sessions:
        if reveal_if_due(db=db, session_id=scoring.id, now=now) is not None:
            revealed.append(scoring.name)
            continue
        last = current_round(db=db, session_id=scoring.id)
        if not accepts_votes(scoring.status, last.status) or last.deadline is None:
            continue
        due, prefix = utc(last.deadline), rules.round_prefix(last.number)
        recorded = kinds_recorded(db=db, session_id=scoring.id)
        for person in invitees(db=db, session_id=scoring.id):
            if person.finished or person.reminders_off:
                continue
            invited = utc(db.get(Invitee, (scoring.id, person.stakeholder_id)).invited_at)
            if last.number > 1:  # a re-vote round: reminded of since it opened
                invited = max(invited, utc(last.opened_at))
            sent = rules.kinds_of_round(recorded.get(person.stakeholder_id, ()), last.number)
            facts = {"now": now, "due": due, "hours": pace.reminder_hours, "invited": invited}
            for kind in rules.skipped_reminders(**facts, sent=sent):
                enqueue(
                    db=db,
                    session_id=scoring.id,
                    stakeholder_id=person.stakeholder_id,
                    kind=prefix + kind,
                    status=rules.MailStatus.SKIPPED,
                )
            kind = rules.reminder_due(**facts, sent=sent)
            if kind and enqueue(
                db=db,
                session_id=scoring.id,
                stakeholder_id=person.stakeholder_id,
                kind=prefix + kind,
            ):
                queued += 1
    return Planned(revealed, queued)


def reveal_due_rounds(*, db: Session, now: datetime | None = None) -> list[str]:
    """Reveal every own-pace round whose due date came (what `plan_reminders` does first)."""
    now = now or utcnow()
    ids = db.scalars(
        select(OwnPace.session_id)
        .join(ScoringSession, ScoringSession.id == OwnPace.session_id)
        .where(ScoringSession.status == SessionStatus.OPEN)
    ).all()
    return [
        get_session(db=db, session_id=i).name
        for i in ids
        if reveal_if_due(db=db, session_id=i, now=now) is not None
    ]


def set_round_due(
    *,
    db: Session,
    session_id: int,
    open_until: datetime,
    send_mail: bool,
    now: datetime | None = None,
) -> ScoringRound:
    """Give the voting re-vote round of an own-pace session its due date: it reveals
    itself then, its reminders follow it, and (with `send_mail`) each invitee is told
    by mail. The session's due date becomes this one."""
    now = now or utcnow()
    pace = require_own_pace(db=db, session_id=session_id)
    scoring = get_session(db=db, session_id=session_id)
    require_open(scoring.status, scoring.name)
    last = current_round(db=db, session_id=session_id)
    require_voting(last.status)
    due = rules.check_due_date(utc(open_until), now)
    last.deadline = pace.open_until = due
    db.add_all([last, pace])
    db.flush()
    if send_mail:
        kind = rules.round_prefix(last.number) + rules.INVITATION
        for person in invitees(db=db, session_id=session_id):
            enqueue(db=db, session_id=session_id, stakeholder_id=person.stakeholder_id, kind=kind)
    return last


def require_own_pace(*, db: Session, session_id: int) -> OwnPace:
    pace = own_pace_of(db=db, session_id=session_id)
    if pace is None:
        raise NotFound("error.session_not_found")
    return pace
