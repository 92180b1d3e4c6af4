"""Sending the own-pace outbox, module by module of what `remind` does: the opt-out link
on the address others open, the facts a mail is made of (read when it is sent), each
pending mail claimed and sent once, a refused address or a server that is down
recorded, and without a mail server only the reveal (the flows end to end:
tests/store/scoring/test_own_pace.py)."""

from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest

from planner.access.mail_tokens import read_opt_out
from planner.core.db import reading, writing
from planner.mail.config import smtp_config
from planner.mail.sender import MailFailed
from planner.models import InviteeCreate, OwnPaceCreate, SessionCreate
from planner.reminders import (
    OPT_OUT_PATH,
    OPT_OUT_SECRET,
    Failure,
    mail_facts,
    opt_out_link,
    remind,
    send_pending,
)
from planner.store.access.server_secrets import server_secret
from planner.store.scoring.outbox import get_mail, pending, waiting
from planner.store.scoring.own_pace import invite, open_own_pace
from planner.store.scoring.scoring_model import load_scoring_setup
from planner.store.scoring.sessions import current_round, round_candidate_ids
from tests.factories import add_candidate, make_journey, vote_all
from tests.smtp_server import free_port, smtp_server_fixture  # noqa: F401

pytestmark = pytest.mark.storage
START = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
DUE = START + timedelta(days=3)
APP = "http://planner.example.org:8501/scoring_session"


@pytest.fixture(name="invited")
def invited_fixture(engine):
    """An English own-pace session due in three days with Ann and Bob invited by mail
    (two invitations pending): (session, [Ann, Bob])."""
    with writing(engine) as db:
        journey = make_journey(db, name="Reminders")
        ideas = [add_candidate(db, journey, f"Idea {i}") for i in range(3)]
        scoring = open_own_pace(
            db=db,
            workspace_id=journey.workspace.id,
            session_in=SessionCreate(name="Quarter"),
            candidate_ids=[i.id for i in ideas],
            pace_in=OwnPaceCreate(open_until=DUE, timezone="Europe/Amsterdam"),
            app_url=APP,
            now=START,
        )
        people = [
            invite(
                db=db,
                session_id=scoring.id,
                invitee_in=InviteeCreate(name=name, email=email),
                send_mail=True,
                now=START,
            )[0]
            for name, email in (("Ann", "ann@example.org"), ("Bob", "refused@example.org"))
        ]
    return scoring, people


def smtp(port: int):
    return smtp_config(f"smtp://127.0.0.1:{port}?from=planner@example.org&timeout=3")


def test_the_opt_out_link_is_on_the_address_others_open(monkeypatch):
    monkeypatch.delenv("PLANNER_PUBLIC_URL", raising=False)
    link = urlsplit(opt_out_link(APP, "tok.en"))
    assert (link.scheme, link.netloc, link.path) == (
        "http",
        "planner.example.org:8501",
        OPT_OUT_PATH,
    )
    assert parse_qs(link.query) == {"t": ["tok.en"]}
    monkeypatch.setenv("PLANNER_PUBLIC_URL", "https://plan.example.org/team")
    assert opt_out_link(APP, "x") == "https://plan.example.org/team/mail/reminders-off?t=x"


def test_a_failure_says_who_and_why_in_the_language_asked():
    failure = Failure(
        "Ann <ann@example.org>: invitation",
        MailFailed("error.mail_failed", server="h:25", reason="x"),
    )
    assert failure.text("en").startswith("Ann <ann@example.org>: invitation (")
    assert failure.text("en") != failure.text("nl")


def test_the_facts_of_a_mail_are_read_when_it_is_sent(engine, invited):
    scoring, (ann, _) = invited
    with reading(engine) as db:
        first = pending(db=db, now=START)[0]
        facts = mail_facts(db=db, mail_id=first)
        secret = server_secret(db=db, name=OPT_OUT_SECRET)
        mail = get_mail(db=db, mail_id=first)
    assert (facts.kind, facts.name, facts.email, facts.lang) == (
        "invitation",
        "Ann",
        "ann@example.org",
        "en",
    )
    assert (facts.session, facts.workspace, facts.timezone) == (
        "Quarter",
        "Reminders",
        "Europe/Amsterdam",
    )
    assert (facts.scored, facts.total, facts.round_number) == (0, 3, 1)
    assert facts.due == DUE
    assert facts.link.startswith("http://planner.example.org:8501/")
    token = parse_qs(urlsplit(facts.opt_out).query)["t"][0]
    assert read_opt_out(secret, token) == (scoring.id, ann.id)
    assert facts.mail_key.startswith(f"{mail.id}:{scoring.id}:{ann.id}:invitation:")


def test_send_pending_sends_each_mail_once_and_a_refused_address_waits(
    engine, invited, smtp_server
):
    scoring, _ = invited
    inbox, port = smtp_server
    result = send_pending(engine, smtp(port), now=START)
    assert result.sent == ["Ann <ann@example.org>: invitation"]
    assert [failure.label for failure in result.failed] == ["Bob <refused@example.org>: invitation"]
    assert result.left == 0  # a refused address stops only its own mail
    assert len(inbox.messages) == 1
    with reading(engine) as db:
        (left,) = waiting(db=db, session_id=scoring.id)
    assert left.last_error and left.attempts == 1
    again = send_pending(engine, smtp(port), now=START + timedelta(minutes=1))
    assert again.sent == [] and len(inbox.messages) == 1  # Ann's was not sent twice


def test_a_server_that_is_down_ends_the_run_and_says_how_many_wait(engine, invited):
    result = send_pending(engine, smtp(free_port()), now=START)
    assert result.sent == []
    assert len(result.failed) == 1
    assert result.left == 1
    with reading(engine) as db:
        assert len(pending(db=db, now=START)) == 2


def test_without_a_mail_server_remind_only_reveals(engine, invited):
    scoring, (ann, _) = invited
    with writing(engine) as db:  # a round nobody scored is not revealed
        setup = load_scoring_setup(db=db, workspace_id=scoring.workspace_id)
        for candidate_id in round_candidate_ids(
            db=db, round_id=current_round(db=db, session_id=scoring.id).id
        ):
            vote_all(db, scoring, ann, candidate_id, setup)
    assert remind(engine, None, now=DUE - timedelta(minutes=1)).revealed == []
    result = remind(engine, None, now=DUE + timedelta(minutes=1))
    assert result.mail_off is True
    assert result.revealed == ["Quarter"]
    assert result.sent == [] and result.failed == []
    with reading(engine) as db:
        assert len(pending(db=db, now=DUE)) == 2  # nothing sent, nothing dropped
