"""The opt-out link of a real reminder, followed through the app's own route list (app.py
as `streamlit run` serves it): it asks in the workspace's language, a POST stops that
stakeholder's reminders only, and a changed, replayed or outdated link does no harm."""

import importlib.util
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import select
from starlette.testclient import TestClient

from planner.core.db import reading, writing
from planner.mail.config import smtp_config
from planner.models import Invitee, InviteeCreate, OwnPaceCreate, SessionCreate
from planner.reminders import OPT_OUT_PATH, remind
from planner.store.scoring.own_pace import invite, invitees, open_own_pace, own_pace_of
from planner.ui.scoring.reminder_routes import LINK_DAYS
from tests.factories import add_candidate, make_journey
from tests.smtp_server import smtp_server_fixture  # noqa: F401

APP_PY = Path(__file__).parents[3] / "app.py"
H = timedelta(hours=1)
PEOPLE = ["ann", "bob", "cas"]


@pytest.fixture(name="served", scope="module")
def served_fixture():
    """The app object app.py gives `streamlit run`, with all its routes (one per process:
    Streamlit's runtime is a singleton; its lifespan is not entered, the routes need none)."""
    spec = importlib.util.spec_from_file_location("served_app", APP_PY)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.app


@pytest.fixture(name="client")
def client_fixture(served, database_url):
    """A client of the served app; its routes read this test's database."""
    return TestClient(served)


@pytest.fixture(name="reminded")
def reminded_fixture(engine, smtp_server):
    """A Dutch own-pace session due in three days whose 48-hour reminders went out:
    (session id, inbox, mail config, due date)."""
    inbox, port = smtp_server
    config = smtp_config(f"smtp://127.0.0.1:{port}?from=planner@example.org&timeout=3")
    start = datetime.now(UTC).replace(microsecond=0)
    due = start + timedelta(days=3)
    with writing(engine) as db:
        journey = make_journey(db, language="nl")
        ideas = [add_candidate(db, journey, f"Idee {i}") for i in range(2)]
        scoring = open_own_pace(
            db=db,
            workspace_id=journey.workspace.id,
            session_in=SessionCreate(name="Kwartaal"),
            candidate_ids=[i.id for i in ideas],
            pace_in=OwnPaceCreate(open_until=due, timezone="Europe/Amsterdam"),
            app_url="http://planner.example.org:8501/",
            now=start,
        )
        for name in PEOPLE:
            invite(
                db=db,
                session_id=scoring.id,
                invitee_in=InviteeCreate(name=name.title(), email=f"{name}@example.org"),
                send_mail=True,
                now=start,
            )
    remind(engine, config, start + H)  # the invitations
    remind(engine, config, due - 47 * H)  # the 48-hour reminders
    return scoring.id, inbox, config, due


def _link(inbox, name: str) -> str:
    """The path and query of the opt-out link in `name`'s last reminder."""
    body = inbox.to(f"{name}@example.org")[-1].get_body(("plain",)).get_content()
    found = re.search(r"https?://[^/\s]+(/mail/reminders-off\?t=\S+)", body)
    assert found, body
    return found.group(1)


def _off(engine, session_id) -> dict[str, bool]:
    with reading(engine) as db:
        return {p.name.lower(): p.reminders_off for p in invitees(db=db, session_id=session_id)}


def _stopped_at(engine, session_id) -> list:
    with reading(engine) as db:
        rows = db.exec(select(Invitee).where(Invitee.session_id == session_id)).all()
        return sorted(str(row.reminders_off_at) for row in rows)


def test_the_link_of_a_reminder_asks_in_dutch_then_stops_that_one(engine, reminded, client):
    session_id, inbox, config, due = reminded
    link = _link(inbox, "ann")
    asked = client.get(link)
    assert asked.status_code == 200
    assert '<html lang="nl">' in asked.text and "Herinneringen stoppen" in asked.text
    assert "“Kwartaal”" in asked.text and f'action="{OPT_OUT_PATH}"' in asked.text
    assert _off(engine, session_id) == dict.fromkeys(PEOPLE, False)  # a GET changes nothing
    token = re.search(r'name="t" value="([^"]+)"', asked.text).group(1)
    done = client.post(OPT_OUT_PATH, data={"t": token})
    assert done.status_code == 200 and "Geen herinneringen meer" in done.text
    assert _off(engine, session_id) == {"ann": True, "bob": False, "cas": False}
    first = _stopped_at(engine, session_id)
    again = client.post(OPT_OUT_PATH, data={"t": token})  # replayed: same answer, same state
    assert again.status_code == 200 and _stopped_at(engine, session_id) == first
    before = {name: len(inbox.to(f"{name}@example.org")) for name in PEOPLE}
    remind(engine, config, due - 3 * H)  # the 4-hour reminders
    after = {name: len(inbox.to(f"{name}@example.org")) for name in PEOPLE}
    assert {name: after[name] - before[name] for name in PEOPLE} == {"ann": 0, "bob": 1, "cas": 1}


def test_another_stakeholders_link_stops_only_theirs(engine, reminded, client):
    session_id, inbox, *_ = reminded
    token = _link(inbox, "bob").split("t=", 1)[1]
    assert client.post(OPT_OUT_PATH, data={"t": token}).status_code == 200
    assert _off(engine, session_id) == {"ann": False, "bob": True, "cas": False}


@pytest.mark.parametrize(
    "change",
    [
        lambda t: t[:-2] + ("xx" if not t.endswith("xx") else "yy"),  # signature changed
        lambda t: t.replace(t.split(".")[0], "WzEsMl0"),  # [1, 2]: another (session, stakeholder)
        lambda t: "",
        lambda t: t * 10,  # too long
    ],
    ids=["forged signature", "changed payload", "empty", "too long"],
)
def test_a_changed_token_is_refused(engine, reminded, client, change):
    session_id, inbox, *_ = reminded
    token = change(_link(inbox, "ann").split("t=", 1)[1])
    assert client.get(OPT_OUT_PATH, params={"t": token}).status_code == 400
    assert client.post(OPT_OUT_PATH, data={"t": token}).status_code == 400
    assert _off(engine, session_id) == dict.fromkeys(PEOPLE, False)


def test_the_link_ends_a_month_after_the_due_date(engine, reminded, client):
    session_id, inbox, *_ = reminded
    token = _link(inbox, "ann").split("t=", 1)[1]
    with writing(engine) as db:
        own_pace_of(db=db, session_id=session_id).open_until = datetime.now(UTC) - timedelta(
            days=LINK_DAYS, hours=1
        )
    assert client.get(OPT_OUT_PATH, params={"t": token}).status_code == 400
    assert client.post(OPT_OUT_PATH, data={"t": token}).status_code == 400
    assert _off(engine, session_id) == dict.fromkeys(PEOPLE, False)
