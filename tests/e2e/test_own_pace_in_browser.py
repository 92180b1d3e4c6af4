"""An own-pace round in Chromium, from the invitation e-mail to the automatic reveal:
three stakeholders invited by e-mail (read from a real SMTP server in the test process)
open the link in their mail and score on different days; `python -m planner remind`
runs as cron would on those days (time simulated with --now); the reminders are counted
at the server, and the round reveals itself at the due date."""

import os
import re
import subprocess
import sys
from datetime import UTC, datetime, timedelta

from playwright.sync_api import expect

from planner.core.db import make_engine, reading, writing
from planner.models import InviteeCreate, OwnPaceCreate, SessionCreate
from planner.store.journey.workspaces import list_workspaces
from planner.store.scoring.own_pace import invite, open_own_pace
from planner.store.scoring.sessions import current_round
from tests.conftest import ROOT
from tests.e2e.rounds import close_open_sessions
from tests.e2e.steps import answer_current, new_page
from tests.smtp_server import smtp_server_fixture  # noqa: F401

PEOPLE = {"Ann": "ann@example.org", "Bob": "bob@example.org", "Cas": "cas@example.org"}


def _remind(served, port, now: datetime) -> str:
    env = {
        **os.environ,
        "DATABASE_URL": served.database_url,
        "PLANNER_SMTP_URL": f"smtp://127.0.0.1:{port}?from=planner@example.org",
        "PLANNER_PUBLIC_URL": served.url,
    }
    done = subprocess.run(
        [sys.executable, "-m", "planner", "remind", "--now", now.isoformat()],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def _link(mail) -> str:
    return re.search(r"http://\S+/\?me=\S+", mail.get_body(("plain",)).get_content()).group(0)


def _score(browser, link: str, count: int, total: int) -> None:
    page = new_page(browser)
    page.goto(link)
    expect(page.get_by_text(f"0 of {total} scored")).to_be_visible(timeout=30_000)
    for number in range(count):
        answer_current(page, "3", f"day note {number}", advances=number + 1 < total)
    expect(page.get_by_text(f"{count} of {total} scored")).to_be_visible()
    page.context.close()


def test_an_own_pace_round_from_invitation_to_reveal(browser, served, smtp_server):
    """Invited by e-mail, scored over days, reminded once each, revealed at the due date."""
    inbox, port = smtp_server
    start = datetime.now(UTC).replace(second=0, microsecond=0)
    due = start + timedelta(days=5)
    engine = make_engine(served.database_url)
    with writing(engine) as db:
        workspace = list_workspaces(db=db)[0]
        close_open_sessions(db, workspace.id)
        scoring = open_own_pace(
            db=db,
            workspace_id=workspace.id,
            session_in=SessionCreate(name="At your own pace"),
            candidate_ids=[1, 2],
            pace_in=OwnPaceCreate(open_until=due),
            app_url=served.url,
            now=start,
        )
        for name, email in PEOPLE.items():
            invite(
                db=db,
                session_id=scoring.id,
                invitee_in=InviteeCreate(name=name, email=email),
                send_mail=True,
                now=start,
            )
    day = start + timedelta(minutes=1)
    assert _remind(served, port, day).count(": invitation") == 3
    links = {name: _link(inbox.to(email)[0]) for name, email in PEOPLE.items()}
    _score(browser, links["Ann"], 2, 2)  # day 0: Ann finishes
    _score(browser, links["Bob"], 1, 2)  # day 2: Bob scores one of two
    sent = _remind(served, port, due - timedelta(hours=47))  # the 48-hour reminders
    assert sorted(re.findall(r"Sent: (\w+) .*reminder-48h", sent)) == ["Bob", "Cas"]
    _score(browser, links["Cas"], 2, 2)  # day 4: Cas finishes
    sent = _remind(served, port, due - timedelta(hours=3))  # the 4-hour reminder
    assert re.findall(r"Sent: (\w+) .*reminder-4h", sent) == ["Bob"]
    assert "Nothing to send." in _remind(served, port, due - timedelta(hours=2))
    with reading(engine) as db:
        assert current_round(db=db, session_id=scoring.id).status == "voting"
    assert "Revealed: At your own pace" in _remind(served, port, due)
    with reading(engine) as db:
        assert current_round(db=db, session_id=scoring.id).status == "revealed"
    counts = {name: len(inbox.to(email)) for name, email in PEOPLE.items()}
    assert counts == {"Ann": 1, "Bob": 3, "Cas": 2}  # invitation + reminders, once each
    page = new_page(browser)
    page.goto(links["Ann"])
    expect(page.get_by_text("of this round have been revealed")).to_be_visible(timeout=30_000)
    page.context.close()
    engine.dispose()
