"""Own-pace sessions on the facilitator's page: the "open until" choice when opening a
session, and for an own-pace session its invitees (add one by name, e-mail and role),
who finished, their mails, one-click nudges, and the links to copy when no mail server
is configured."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pandas as pd
import streamlit as st

from planner.access.links import personal_link
from planner.core import dates
from planner.core.db import reading
from planner.core.errors import Conflict, FieldName, InvalidInput, validated
from planner.core.limits import NAME_MAX
from planner.mail.config import configured_smtp
from planner.mail.own_pace import due_text, mail_states, zone
from planner.models import (
    EMAIL_MAX,
    InviteeCreate,
    OwnPace,
    OwnPaceCreate,
    ScoringSession,
    utcnow,
)
from planner.reminders import send_pending
from planner.scoring.lifecycle import RoundStatus, SessionStatus
from planner.scoring.own_pace import (
    DEFAULT_REMINDER_HOURS,
    check_due_date,
    parse_reminder_hours,
)
from planner.store.scoring.outbox import waiting
from planner.store.scoring.own_pace import (
    invite,
    invitees,
    link_token,
    nudge_by_mail,
    set_round_due,
)
from planner.store.scoring.sessions import current_round
from planner.store.scoring.stakeholders import workspace_roles
from planner.ui.shell.changes import run_change
from planner.ui.shell.engine import engine
from planner.ui.shell.lang import current_lang, t

TOGGLE_KEY = "session_own_pace"


def _browser_zone() -> str:
    """The facilitator's browser's time zone (UTC when the browser does not say)."""
    name = st.context.timezone or "UTC"
    return zone(name).key


def _due_inputs(left, right, key: str) -> tuple[date | None, time | None]:
    """A due date and time (in the browser's zone), a week from now at 17:00 at first."""
    tz = _browser_zone()
    soon = datetime.now(ZoneInfo(tz)) + timedelta(days=7)
    day: date | None = left.date_input(
        t("field.open_until"),
        value=soon.date(),
        key=f"{key}_day",
        format=dates.input_format(current_lang()),
    )
    hour: time | None = right.time_input(
        t("pace.time", zone=tz), value=time(17, 0), key=f"{key}_time", step=timedelta(minutes=15)
    )
    return day, hour


class Refused:
    """The "open until" choice was refused (shown on the page): open nothing."""


REFUSED = Refused()


def own_pace_choice() -> OwnPaceCreate | Refused | None:
    """The "open until" part of the new-session form: None for a live session, REFUSED
    when a field is refused (each refused field shown as an error naming it; the button
    then opens nothing, not a live session instead)."""
    if not st.toggle(t("pace.toggle"), key=TOGGLE_KEY, help=t("pace.toggle_help")):
        return None
    lang, tz = current_lang(), _browser_zone()
    left, middle, right = st.columns([2, 1, 2])
    day, hour = _due_inputs(left, middle, "pace")
    hours = right.text_input(
        t("field.reminder_hours"),
        value=", ".join(str(h) for h in DEFAULT_REMINDER_HOURS),
        key="pace_reminders",
        help=t("pace.reminders_help"),
    )
    when_done = st.checkbox(t("field.reveal_when_done"), key="pace_when_done")
    refused: list[InvalidInput] = []
    due = None
    if day is None or hour is None:
        refused.append(InvalidInput("error.required", field=FieldName("open_until")))
    else:
        due = datetime.combine(day, hour, tzinfo=ZoneInfo(tz))
        try:
            check_due_date(due, datetime.now(UTC))
        except InvalidInput as too_soon_or_far:
            refused.append(too_soon_or_far)
    try:
        reminder_hours = list(parse_reminder_hours(hours))
    except InvalidInput as not_hours:
        refused.append(not_hours)
    for problem in refused:
        st.error(problem.message(lang))
    if refused:
        return REFUSED
    try:
        return validated(
            OwnPaceCreate,
            open_until=due,
            reminder_hours=reminder_hours,
            reveal_when_done=when_done,
            timezone=tz,
        )
    except InvalidInput as problem:
        st.error(problem.message(lang))
        return REFUSED


def _send_now() -> None:
    """Send what waits in the outbox (the invitation just added, a nudge); what the
    server did not take stays there, and the page says why."""
    config = configured_smtp()
    if config is None:
        return
    done = send_pending(engine(), config)
    if done.sent:
        st.toast(t("pace.sent", count=len(done.sent)), icon=":material/outgoing_mail:")
    for failure in done.failed:
        st.warning(
            t("pace.not_sent", mail=failure.text(current_lang())), icon=":material/mail_lock:"
        )
    if done.left:
        st.warning(t("cli.remind_left", count=done.left), icon=":material/mail_lock:")


def own_pace_panel(scoring: ScoringSession, pace: OwnPace) -> None:
    """Invite, follow and nudge the stakeholders of an own-pace session."""
    lang = current_lang()
    mail_on = _mail_configured()
    st.subheader(t("pace.title"))
    st.write(t("pace.open_until", due=due_text(pace.open_until, pace.timezone, lang)))
    if not mail_on:
        st.info(t("pace.mail_off"), icon=":material/content_copy:")
    with reading(engine()) as db:
        roles = workspace_roles(db=db, workspace_id=scoring.workspace_id)
    if scoring.status == SessionStatus.OPEN:
        _invite_form(scoring, roles, mail_on)
        _round_due_form(scoring, mail_on)
    with reading(engine()) as db:
        people = invitees(db=db, session_id=scoring.id)
        stuck = waiting(db=db, session_id=scoring.id)
        links = (
            {
                p.stakeholder_id: personal_link(
                    st.context.url,
                    link_token(db=db, session_id=scoring.id, stakeholder_id=p.stakeholder_id),
                )
                for p in people
            }
            if not mail_on
            else {}
        )
    if not people:
        st.caption(t("pace.none"))
        return
    done = sum(p.finished for p in people)
    st.write(t("pace.finished", done=done, total=len(people)))
    table = pd.DataFrame(
        {
            t("field.name"): [p.name for p in people],
            t("field.role"): [p.role for p in people],
            t("field.email"): [p.email for p in people],
            t("pace.scored"): [p.scored for p in people],
            t("pace.done"): [p.finished for p in people],
            t("pace.mails"): [mail_states(p.mails, lang) for p in people],
        }
    )
    if links:
        table[t("pace.link")] = [links[p.stakeholder_id] for p in people]
    st.dataframe(table, hide_index=True, key=f"pace_people_{scoring.id}")
    for person in people:
        if person.last_error:
            st.warning(t("pace.waiting", name=person.name, error=person.last_error))
    behind = [p for p in people if not p.finished]
    if (
        mail_on
        and scoring.status == SessionStatus.OPEN
        and behind
        and st.button(
            t("pace.nudge", count=len(behind)),
            key=f"pace_nudge_{scoring.id}",
            icon=":material/notifications_active:",
        )
    ):
        nudged = run_change(
            lambda s: _nudge_once(s, scoring.id), success=t("pace.nudged", count=len(behind))
        )
        if nudged.ok:
            _send_now()
            st.rerun()
    if (
        mail_on
        and stuck
        and st.button(t("pace.retry", count=len(stuck)), key=f"pace_retry_{scoring.id}")
    ):
        _send_now()


def _nudge_once(db, session_id: int) -> list[int]:
    """Nudge by mail; a second click within the minute sends nothing (one mail a minute)
    and is refused, so neither the success nor the audit entry is written twice."""
    whom = nudge_by_mail(db=db, session_id=session_id)
    if not whom:
        raise Conflict("error.nudged_just_now")
    return whom


def _mail_configured() -> bool:
    try:
        return configured_smtp() is not None
    except InvalidInput as refused:  # a typing error in PLANNER_SMTP_URL: say which part
        st.error(refused.message(current_lang()))
        return False


INVITE_FIELDS = ("pace_name", "pace_email", "pace_role")
SUBMITTED_KEY = "pace_invite_submitted"
CLEAR_KEY = "pace_invite_clear"


def _take_invite() -> None:
    """The Invite button's callback: keep what was typed, once, for this run (a form that
    clears itself on submit, or a rerun after the invite, must not invite again or read
    emptied fields)."""
    st.session_state[SUBMITTED_KEY] = tuple(st.session_state.get(k) or "" for k in INVITE_FIELDS)


def _invite_form(scoring: ScoringSession, roles: list[str], mail_on: bool) -> None:
    if st.session_state.pop(CLEAR_KEY, False):  # invited: empty fields for the next one
        st.session_state["pace_name"] = st.session_state["pace_email"] = ""  # (the role stays)
    with st.form(f"pace_invite_{scoring.id}"):
        left, middle, right = st.columns(3)
        left.text_input(t("field.name"), key="pace_name", max_chars=NAME_MAX)
        middle.text_input(t("field.email"), key="pace_email", max_chars=EMAIL_MAX)
        if roles:
            right.selectbox(t("field.role"), roles, key="pace_role")
        else:
            right.text_input(t("field.role"), key="pace_role", max_chars=NAME_MAX)
        label = t("pace.invite" if mail_on else "pace.add")
        st.form_submit_button(label, icon=":material/person_add:", on_click=_take_invite)
    submitted = st.session_state.pop(SUBMITTED_KEY, None)
    if submitted is None:
        return
    name, email, role = submitted
    added = run_change(
        lambda s: invite(
            db=s,
            session_id=scoring.id,
            invitee_in=validated(InviteeCreate, name=name, email=email, role=role),
            send_mail=mail_on,
            now=utcnow(),
        ),
        success=t("pace.invited" if mail_on else "pace.added", name=name),
    )
    if added.ok:
        st.session_state[CLEAR_KEY] = True
        _send_now()  # what the server did not take shows in the table, with why
        st.rerun()


def _round_due_form(scoring: ScoringSession, mail_on: bool) -> None:
    """A re-vote round opens without a due date: the facilitator gives it one."""
    with reading(engine()) as db:
        last = current_round(db=db, session_id=scoring.id)
    if last.number == 1 or last.status != RoundStatus.VOTING or last.deadline is not None:
        return
    with st.form(f"pace_round_due_{last.id}"):
        st.write(t("pace.round_due", number=last.number))
        left, right = st.columns(2)
        day, hour = _due_inputs(left, right, f"pace_round_{last.id}")
        if not st.form_submit_button(t("pace.round_due_button")):
            return
    if day is None or hour is None:
        st.error(
            InvalidInput("error.required", field=FieldName("open_until")).message(current_lang())
        )
        return
    due = datetime.combine(day, hour, tzinfo=ZoneInfo(_browser_zone()))
    done = run_change(
        lambda s: set_round_due(db=s, session_id=scoring.id, open_until=due, send_mail=mail_on),
        success=t("pace.round_due_set", number=last.number),
    )
    if done.ok:
        _send_now()
        st.rerun()
