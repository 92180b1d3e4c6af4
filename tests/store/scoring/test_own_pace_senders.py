"""`python -m planner remind` as cron runs it: two processes at once against one database
send each invitation and reminder exactly once (counted at a real SMTP server), and
`round-state` shows who finished. Run with --database postgresql for the server case."""

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from planner.core.db import writing
from planner.models import InviteeCreate, OwnPaceCreate, SessionCreate
from planner.store.scoring.own_pace import invite, open_own_pace
from tests.factories import add_candidate, make_journey
from tests.smtp_server import smtp_server_fixture  # noqa: F401

pytestmark = pytest.mark.storage
ROOT = Path(__file__).resolve().parents[3]
PEOPLE = 6


def _planner(database_url, port, *args) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "PLANNER_SMTP_URL": f"smtp://127.0.0.1:{port}?from=planner@example.org",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "planner", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_remind_processes_send_each_mail_once(engine, database_url, smtp_server):
    inbox, port = smtp_server
    now = datetime.now(UTC).replace(microsecond=0)
    due = now + timedelta(hours=3)  # the 4-hour reminder is due; the 48-hour one passed
    with writing(engine) as db:
        journey = make_journey(db)
        idea = add_candidate(db, journey, "Order status in the app")
        scoring = open_own_pace(
            db=db,
            workspace_id=journey.workspace.id,
            session_in=SessionCreate(name="Async"),
            candidate_ids=[idea.id],
            pace_in=OwnPaceCreate(open_until=due, timezone="Europe/Amsterdam"),
            app_url="http://127.0.0.1:8501/",
            now=now,
        )
        for number in range(PEOPLE):
            invite(
                db=db,
                session_id=scoring.id,
                invitee_in=InviteeCreate(name=f"P{number}", email=f"p{number}@example.org"),
                send_mail=True,
                now=now - timedelta(days=3),
            )
        code = scoring.code
    runs = [_planner(database_url, port, "remind") for _ in range(2)]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    printed = "".join(out for out, _ in outputs)
    assert printed.count(": invitation") == PEOPLE and printed.count(": reminder-4h") == PEOPLE
    kinds = sorted((str(m["To"]), m["Subject"].split(":")[0].split(" ")[0]) for m in inbox.messages)
    expected = sorted(
        (f"P{n} <p{n}@example.org>", word) for n in range(PEOPLE) for word in ("Please", "Reminder")
    )
    assert kinds == expected  # each invitation and each reminder once, none of 48 h
    again = _planner(database_url, port, "remind")
    out, _ = again.communicate(timeout=120)
    assert again.returncode == 0 and "Nothing to send." in out
    assert len(inbox.messages) == 2 * PEOPLE
    state = _planner(database_url, port, "round-state", "--session", code, "--lang", "nl")
    out, err = state.communicate(timeout=120)
    assert state.returncode == 0, err
    assert "Ronde 1: stemmen" in out or "Ronde 1" in out
    mails = (
        "uitnodiging (verstuurd), herinnering 48 uur (overgeslagen), herinnering 4 uur (verstuurd)"
    )
    assert f"P0\tp0@example.org\t0\tniet klaar\t{mails}" in out
    local = due.astimezone(ZoneInfo("Europe/Amsterdam"))  # the session's zone, not UTC
    assert f"{local:%H:%M} (Europe/Amsterdam)" in out, out
