"""Own-pace sessions end to end in the store: invitations by e-mail to a real SMTP server
in the test process, reminders once each, opt-out, nudges, a server that is down, and
the reveal at the due date without anyone opening the app."""

import re
from datetime import UTC, datetime, timedelta

import pytest

from planner.access.mail_tokens import read_opt_out
from planner.core.db import reading, writing
from planner.core.errors import InvalidInput
from planner.mail.config import smtp_config
from planner.models import InviteeCreate, OwnPaceCreate, SessionCreate
from planner.reminders import OPT_OUT_SECRET, remind
from planner.store.access.server_secrets import server_secret
from planner.store.scoring.outbox import LEASE, waiting
from planner.store.scoring.own_pace import (
    add_invitee,
    invite,
    invitees,
    nudge_by_mail,
    open_own_pace,
    set_round_due,
    stop_reminders,
)
from planner.store.scoring.scoring_model import load_scoring_setup
from planner.store.scoring.sessions import current_round, open_revote
from planner.store.scoring.stakeholders import stakeholder_by_link
from tests.factories import add_candidate, join, make_journey, vote_all
from tests.smtp_server import free_port, smtp_server_fixture  # noqa: F401

pytestmark = pytest.mark.storage
START = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
DUE = START + timedelta(days=3)
H = timedelta(hours=1)
APP = "http://planner.example.org:8501/scoring_session"
PEOPLE = [("Ann", "ann@example.org"), ("Bob", "bob@example.org"), ("Cas", "cas@example.org")]


@pytest.fixture(name="own_pace")
def own_pace_fixture(engine):
    """A Dutch workspace with two candidates in an own-pace session due in three days,
    three invitees: (session id, setup, stakeholders, tokens)."""
    with writing(engine) as db:
        journey = make_journey(db, language="nl")
        ideas = [add_candidate(db, journey, f"Idee {i}") for i in range(2)]
        scoring = open_own_pace(
            db=db,
            workspace_id=journey.workspace.id,
            session_in=SessionCreate(name="Kwartaal"),
            candidate_ids=[i.id for i in ideas],
            pace_in=OwnPaceCreate(open_until=DUE, timezone="Europe/Amsterdam"),
            app_url=APP,
            now=START,
        )
        people, tokens = [], []
        for name, email in PEOPLE:
            person, token = invite(
                db=db,
                session_id=scoring.id,
                invitee_in=InviteeCreate(name=name, email=email),
                send_mail=True,
                now=START,
            )
            people.append(person)
            tokens.append(token)
        setup = load_scoring_setup(db=db, workspace_id=journey.workspace.id)
    return scoring, setup, people, tokens, [i.id for i in ideas]


def _finish(engine, scoring, setup, person, ideas):
    with writing(engine) as db:
        for idea in ideas:
            vote_all(db, scoring, person, idea, setup)


def _smtp(port):
    return smtp_config(f"smtp://127.0.0.1:{port}?from=planner@example.org&timeout=3")


def test_invitations_carry_the_personal_link_the_due_date_and_an_ics_in_dutch(
    engine, own_pace, smtp_server
):
    inbox, port = smtp_server
    _, _, people, tokens, _ = own_pace
    done = remind(engine, _smtp(port), START + H)
    assert len(done.sent) == 3 and not done.failed
    (mail,) = inbox.to("ann@example.org")
    assert mail["Content-Language"] == "nl"
    assert mail["Subject"] == "Graag scoren in “Kwartaal” vóór 4 dec 2026 10:00 (Europe/Amsterdam)"
    body = mail.get_body(("plain",)).get_content()
    assert body.startswith("Hallo Ann,")
    link = re.search(r"http://planner\.example\.org:8501/\?me=(\S+)", body)
    assert link.group(1) == tokens[0]
    with reading(engine) as db:
        assert stakeholder_by_link(db=db, token=link.group(1)).id == people[0].id
    (ics,) = mail.iter_attachments()
    calendar = ics.get_content()
    calendar = calendar.decode() if isinstance(calendar, bytes) else calendar
    assert "DTEND:20261204T090000Z" in calendar and "Kwartaal" in calendar


def test_each_reminder_goes_once_to_those_not_finished(engine, own_pace, smtp_server):
    inbox, port = smtp_server
    scoring, setup, people, _, ideas = own_pace
    remind(engine, _smtp(port), START + H)  # the invitations
    _finish(engine, scoring, setup, people[1], ideas)  # Bob is done
    for moment in [DUE - 48 * H, DUE - 47 * H, DUE - 47 * H]:  # cron, and a restart
        remind(engine, _smtp(port), moment)
    assert [len(inbox.to(f"{n.lower()}@example.org")) for n in ("Ann", "Bob", "Cas")] == [2, 1, 2]
    reminder = inbox.to("ann@example.org")[1]
    assert reminder["Subject"].startswith("Herinnering: “Kwartaal” sluit")
    body = reminder.get_body(("plain",)).get_content()
    assert "0 van 2 kandidaten" in body
    opt_out = re.search(r"/mail/reminders-off\?t=(\S+)", body).group(1)
    with writing(engine) as db:
        secret = server_secret(db=db, name=OPT_OUT_SECRET)
        session_id, stakeholder_id = read_opt_out(secret, opt_out)
        assert stop_reminders(db=db, session_id=session_id, stakeholder_id=stakeholder_id)
    remind(engine, _smtp(port), DUE - 3 * H)  # the 4-hour reminder: Cas only
    assert [len(inbox.to(f"{n.lower()}@example.org")) for n in ("Ann", "Bob", "Cas")] == [2, 1, 3]


def test_the_round_reveals_at_the_due_date_by_the_remind_run(engine, own_pace, smtp_server):
    _, port = smtp_server
    scoring, setup, people, _, ideas = own_pace
    _finish(engine, scoring, setup, people[0], ideas)
    assert remind(engine, _smtp(port), DUE - H).revealed == []
    assert remind(engine, _smtp(port), DUE).revealed == ["Kwartaal"]
    with reading(engine) as db:
        assert current_round(db=db, session_id=scoring.id).status == "revealed"
    assert remind(engine, _smtp(port), DUE + H).revealed == []  # once


def test_without_a_mail_server_remind_still_reveals(engine, own_pace):
    scoring, setup, people, _, ideas = own_pace
    _finish(engine, scoring, setup, people[0], ideas)
    done = remind(engine, None, DUE + H)
    assert done.mail_off and done.revealed == ["Kwartaal"] and not done.sent


def test_a_server_that_is_down_loses_nothing(engine, own_pace, smtp_server):
    inbox, port = smtp_server
    scoring, *_ = own_pace
    down = smtp_config(f"smtp://127.0.0.1:{free_port()}?from=planner@example.org&timeout=2")
    done = remind(engine, down, START + H)
    # The first failure ends the run: nobody waits 3 timeouts for a server that is down.
    assert len(done.failed) == 1 and "127.0.0.1" in done.failed[0].text("en")
    assert done.left == 2  # said, not only the first one printed
    # The reason in words of the catalog, in the language asked, not the exception's text.
    assert "connection refused" in done.failed[0].text("en")
    assert "verbinding geweigerd" in done.failed[0].text("nl")
    assert "Errno" not in done.failed[0].text("nl")
    with reading(engine) as db:
        kept = waiting(db=db, session_id=scoring.id)
        shown = invitees(db=db, session_id=scoring.id)
    assert [(m.kind, m.attempts) for m in kept] == [
        ("invitation", 1),
        ("invitation", 0),
        ("invitation", 0),
    ]
    assert "127.0.0.1" in kept[0].last_error and "127.0.0.1" in shown[0].last_error
    assert len(remind(engine, _smtp(port), START + 2 * H).sent) == 3
    assert len(inbox.messages) == 3
    with reading(engine) as db:
        assert waiting(db=db, session_id=scoring.id) == []


def test_a_nudge_mails_those_not_finished_once_per_click(engine, own_pace, smtp_server):
    inbox, port = smtp_server
    scoring, setup, people, _, ideas = own_pace
    remind(engine, _smtp(port), START + H)
    _finish(engine, scoring, setup, people[2], ideas)
    click = START + 30 * H
    with writing(engine) as db:
        nudged = nudge_by_mail(db=db, session_id=scoring.id, now=click)
        again = nudge_by_mail(db=db, session_id=scoring.id, now=click)  # a double click
    assert nudged == [people[0].id, people[1].id] and again == []
    remind(engine, _smtp(port), click)
    nudges = [m for m in inbox.messages if m["Subject"].startswith("Een duwtje")]
    assert sorted(str(m["To"]) for m in nudges) == [
        "Ann <ann@example.org>",
        "Bob <bob@example.org>",
    ]


def test_an_own_pace_round_refuses_a_due_date_within_the_hour(engine):
    with writing(engine) as db:
        journey = make_journey(db)
        idea = add_candidate(db, journey, "Idea")
        with pytest.raises(InvalidInput, match="at least an hour"):
            open_own_pace(
                db=db,
                workspace_id=journey.workspace.id,
                session_in=SessionCreate(name="Soon"),
                candidate_ids=[idea.id],
                pace_in=OwnPaceCreate(open_until=START + 0.5 * H),
                app_url=APP,
                now=START,
            )


def test_add_invitee_gives_a_joined_stakeholder_a_personal_link_as_invite_does(engine, own_pace):
    """What a restore calls for each invitee: the link resolves to them, their invitation
    moment and opt-out are kept, and no mail is queued."""
    scoring, *_ = own_pace
    with writing(engine) as db:
        dee = join(db, scoring, "Dee")
        token = add_invitee(
            db=db,
            session_id=scoring.id,
            stakeholder=dee,
            email="dee@example.org",
            invited_at=START + H,
            reminders_off_at=START + 2 * H,
        )
    with reading(engine) as db:
        assert stakeholder_by_link(db=db, token=token).id == dee.id
        (state,) = [p for p in invitees(db=db, session_id=scoring.id) if p.name == "Dee"]
        queued = [m.stakeholder_id for m in waiting(db=db, session_id=scoring.id)]
    assert (state.email, state.reminders_off, state.mails) == ("dee@example.org", True, {})
    assert len(queued) == len(PEOPLE) and dee.id not in queued  # the fixture's invitations


def test_an_invitee_needs_an_e_mail_address(engine, own_pace):
    scoring, *_ = own_pace
    with writing(engine) as db, pytest.raises(InvalidInput) as refused:
        invite(
            db=db,
            session_id=scoring.id,
            invitee_in=InviteeCreate(name="Dee", email="dee at example"),
            send_mail=True,
        )
    assert "E-mail address" in refused.value.message("en")
    assert "E-mailadres" in refused.value.message("nl")


def test_a_re_vote_round_gets_its_own_due_date_invitation_and_reminders(
    engine, own_pace, smtp_server
):
    inbox, port = smtp_server
    scoring, setup, people, _, ideas = own_pace
    remind(engine, _smtp(port), START + H)
    _finish(engine, scoring, setup, people[0], ideas)
    remind(engine, _smtp(port), DUE - 47 * H)  # round 1's 48-hour reminders: Bob, Cas
    assert remind(engine, _smtp(port), DUE).revealed == ["Kwartaal"]
    later = DUE + 2 * H
    second_due = later + timedelta(days=3)
    with writing(engine) as db:
        open_revote(db=db, session_id=scoring.id, candidate_ids=ideas[:1])
        with pytest.raises(InvalidInput, match="at least an hour"):
            set_round_due(db=db, session_id=scoring.id, open_until=later, send_mail=True, now=later)
    with writing(engine) as db:
        current_round(db=db, session_id=scoring.id).opened_at = later
        set_round_due(
            db=db, session_id=scoring.id, open_until=second_due, send_mail=True, now=later
        )
    remind(engine, _smtp(port), later)
    revotes = [m for m in inbox.messages if m["Subject"].startswith("Ronde 2 van “Kwartaal”")]
    assert len(revotes) == 3
    assert "1 kandidaten" in revotes[0].get_body(("plain",)).get_content()
    _finish(engine, scoring, setup, people[1], ideas[:1])
    for moment in [second_due - 47 * H, second_due - 46 * H]:  # the 48-hour reminder, once
        remind(engine, _smtp(port), moment)
    reminders = [m for m in inbox.messages if m["Subject"].startswith("Herinnering")]
    assert sorted(str(m["To"]) for m in reminders) == [
        "Ann <ann@example.org>",  # round 2: Ann has not scored it yet
        "Bob <bob@example.org>",  # round 1
        "Cas <cas@example.org>",  # round 1
        "Cas <cas@example.org>",  # round 2 (Bob finished it)
    ]
    _finish(engine, scoring, setup, people[0], ideas[:1])
    assert remind(engine, _smtp(port), second_due).revealed == ["Kwartaal"]


def test_an_address_the_server_refuses_holds_back_no_other_mail(engine, own_pace, smtp_server):
    inbox, port = smtp_server
    scoring, *_ = own_pace
    with writing(engine) as db:
        invite(
            db=db,
            session_id=scoring.id,
            invitee_in=InviteeCreate(name="Dee", email="refused@example.org"),
            send_mail=True,
            now=START,
        )
    done = remind(engine, _smtp(port), START + H)
    assert len(done.sent) == 3 and len(done.failed) == 1 and "Dee" in done.failed[0].text("en")
    assert len(inbox.messages) == 3
    with reading(engine) as db:
        (dee,) = [p for p in invitees(db=db, session_id=scoring.id) if p.name == "Dee"]
    assert dee.mails == {"invitation": "pending"} and "adres geweigerd (550)" in dee.last_error


class _Died(Exception):
    """The process ending between the server's 250 and recording the mail as sent."""


def test_a_mail_sent_again_after_a_crash_carries_the_same_message_id(
    engine, own_pace, smtp_server, monkeypatch
):
    """The at-least-once window: the server took the mail, the sender died before
    recording it; the next run sends it again, under the same Message-ID."""
    inbox, port = smtp_server

    def died(**_):
        raise _Died

    with monkeypatch.context() as patched:
        patched.setattr("planner.reminders.mark_sent", died)
        with pytest.raises(_Died):
            remind(engine, _smtp(port), START + H)
    assert len(inbox.to("ann@example.org")) == 1  # accepted, not recorded
    remind(engine, _smtp(port), START + H + LEASE + H)  # the claim ran out: sent again
    first, again = inbox.to("ann@example.org")
    assert first["Message-ID"] == again["Message-ID"]
    assert re.fullmatch(r"<own-pace\.[0-9a-f]{32}@example\.org>", first["Message-ID"])
    ids = {str(m["Message-ID"]) for m in inbox.messages}
    assert len(ids) == 3  # Ann's twice; Bob's and Cas's each their own
