"""Own-pace sessions on the facilitator's page (open until…, e-mail invitations to a real
SMTP server, who finished, the nudge button; both languages), the links to copy when no
mail server is configured, and the reminders' opt-out route."""

import re
from datetime import UTC, datetime, time, timedelta

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from planner.access.mail_tokens import opt_out_token
from planner.core.db import reading, writing
from planner.models import InviteeCreate, OwnPaceCreate, SessionCreate, Stakeholder, Workspace
from planner.reminders import OPT_OUT_SECRET
from planner.store.access.server_secrets import server_secret
from planner.store.audit import audit_log
from planner.store.scoring.own_pace import invite, invitees, open_own_pace, own_pace_of
from planner.store.scoring.scoring_model import load_scoring_setup
from planner.store.scoring.sessions import current_round, open_revote, reveal_round, sessions_of
from planner.ui.scoring import reminder_routes
from tests.factories import vote_all
from tests.smtp_server import smtp_server_fixture  # noqa: F401
from tests.ui.conftest import texts

SMTP_FROM = "planner@example.org"


@pytest.fixture(name="mail_on")
def mail_on_fixture(smtp_server, monkeypatch):
    inbox, port = smtp_server
    monkeypatch.setenv("PLANNER_SMTP_URL", f"smtp://127.0.0.1:{port}?from={SMTP_FROM}")
    return inbox


def _own_pace(engine, workspace_id, people=()):
    with writing(engine) as db:
        scoring = open_own_pace(
            db=db,
            workspace_id=workspace_id,
            session_in=SessionCreate(name="Async"),
            candidate_ids=[1, 2],
            pace_in=OwnPaceCreate(open_until=datetime.now(UTC) + timedelta(days=5)),
            app_url="http://127.0.0.1:8501/",
        )
        for name in people:
            invite(
                db=db,
                session_id=scoring.id,
                invitee_in=InviteeCreate(name=name, email=f"{name.lower()}@example.org"),
                send_mail=True,
            )
    return scoring


def _speak(engine, workspace_id, lang):
    with writing(engine) as db:
        db.get(Workspace, workspace_id).language = lang


def _submit(at, prefix):
    return next(b for b in at.button if b.key and b.key.startswith(prefix))


@pytest.mark.parametrize(
    ("lang", "toggle", "opened", "subject"),
    [
        ("en", "Open until a due date", "Open until", "Please score “Async” by"),
        ("nl", "Open tot een einddatum", "Open tot", "Graag scoren in “Async” vóór"),
    ],
)
def test_the_facilitator_opens_an_own_pace_session_and_invites_by_e_mail(
    open_page, demo, engine, mail_on, lang, toggle, opened, subject
):
    _speak(engine, demo.id, lang)
    at = open_page("scoring_session", lang)
    at.text_input(key="session_name").set_value("Async")
    assert toggle in at.toggle(key="session_own_pace").label
    at.toggle(key="session_own_pace").set_value(True).run()
    day = datetime.now(UTC).date() + timedelta(days=5)
    at.date_input(key="pace_day").set_value(day)
    at.text_input(key="pace_reminders").set_value("24, 2")
    at.button(key="open_session").click().run()
    assert not at.exception
    with reading(engine) as db:
        (scoring,) = [s for s in sessions_of(db=db, workspace_id=demo.id) if s.name == "Async"]
        pace = own_pace_of(db=db, session_id=scoring.id)
    assert pace.reminder_hours == [24, 2] and pace.timezone == "UTC"
    assert pace.open_until.replace(tzinfo=UTC) == datetime.combine(day, time(17), tzinfo=UTC)
    assert opened in texts(at)
    at.text_input(key="pace_name").set_value("Ann")
    at.text_input(key="pace_email").set_value("ann@example.org")
    roles = [box for box in at.selectbox if box.key == "pace_role"]
    if roles:  # the workspace lists roles: one of them
        roles[0].set_value(roles[0].options[0])
    _submit(at, f"FormSubmitter:pace_invite_{scoring.id}").click().run()
    assert not at.exception
    (mail,) = mail_on.to("ann@example.org")
    assert mail["Subject"].startswith(subject) and mail["Content-Language"] == lang
    assert re.search(r"/\?me=\S{43}", mail.get_body(("plain",)).get_content())  # AppTest: no host
    with reading(engine) as db:
        assert invitees(db=db, session_id=scoring.id)[0].mails == {"invitation": "sent"}


@pytest.mark.parametrize(
    ("lang", "finished", "nudged"),
    [
        ("en", "Finished: 1 of 3.", "Nudged 2 by e-mail."),
        ("nl", "Klaar: 1 van 3.", "2 een duwtje gegeven per e-mail."),
    ],
)
def test_the_facilitator_sees_who_finished_and_nudges_the_others(
    open_page, demo, engine, mail_on, lang, finished, nudged
):
    _speak(engine, demo.id, lang)
    scoring = _own_pace(engine, demo.id, ["Ann", "Bob", "Cas"])
    with writing(engine) as db:
        ann = invitees(db=db, session_id=scoring.id)[0]
        setup = load_scoring_setup(db=db, workspace_id=demo.id)
        person = db.get(Stakeholder, ann.stakeholder_id)
        for candidate in (1, 2):
            vote_all(db, scoring, person, candidate, setup)
    at = open_page("scoring_session", lang)
    assert finished in texts(at)
    at.button(key=f"pace_nudge_{scoring.id}").click().run()
    assert not at.exception and nudged in texts(at)
    nudges = [
        m for m in mail_on.messages if "nudge" in m["Subject"].lower() or "duwtje" in m["Subject"]
    ]
    assert sorted(str(m["To"]) for m in nudges) == [
        "Bob <bob@example.org>",
        "Cas <cas@example.org>",
    ]


def test_without_a_mail_server_the_links_are_there_to_copy(open_page, demo, engine, monkeypatch):
    monkeypatch.delenv("PLANNER_SMTP_URL", raising=False)
    scoring = _own_pace(engine, demo.id)
    at = open_page("scoring_session")
    assert "No mail server is configured" in texts(at)
    at.text_input(key="pace_name").set_value("Dee")
    at.text_input(key="pace_email").set_value("dee@example.org")
    _submit(at, "FormSubmitter:pace_invite").click().run()
    assert not at.exception
    (table,) = [d for d in at.dataframe if "Personal link" in d.value.columns]
    assert re.fullmatch(r"\S*/\?me=\S{43}", table.value["Personal link"][0])  # AppTest: no host
    with reading(engine) as db:
        assert invitees(db=db, session_id=scoring.id)[0].mails == {}


def test_a_refused_address_names_the_field(open_page, demo, engine, mail_on):
    scoring = _own_pace(engine, demo.id)
    at = open_page("scoring_session")
    at.text_input(key="pace_name").set_value("Eve")
    at.text_input(key="pace_email").set_value("eve at example")
    _submit(at, "FormSubmitter:pace_invite").click().run()
    assert not at.exception
    assert "E-mail address" in texts(at), [e.value for e in at.error]
    with reading(engine) as db:
        assert invitees(db=db, session_id=scoring.id) == []


def test_the_opt_out_link_asks_then_stops_the_reminders(demo, engine, database_url):
    scoring = _own_pace(engine, demo.id, ["Ann"])
    with writing(engine) as db:
        (ann,) = invitees(db=db, session_id=scoring.id)
        secret = server_secret(db=db, name=OPT_OUT_SECRET)
    token = opt_out_token(secret, session_id=scoring.id, stakeholder_id=ann.stakeholder_id)
    with TestClient(Starlette(routes=reminder_routes.ROUTES)) as client:
        asked = client.get("/mail/reminders-off", params={"t": token})
        assert asked.status_code == 200 and "Stop the reminders" in asked.text
        with reading(engine) as db:
            assert not invitees(db=db, session_id=scoring.id)[0].reminders_off  # not by a GET
        done = client.post("/mail/reminders-off", data={"t": token})
        assert done.status_code == 200 and "No more reminders for “Async”" in done.text
        forged = client.post("/mail/reminders-off", data={"t": token[:-2] + "xx"})
        assert forged.status_code == 400 and "does not work" in forged.text
    with reading(engine) as db:
        assert invitees(db=db, session_id=scoring.id)[0].reminders_off


def test_a_re_vote_round_is_given_its_due_date_on_the_page(open_page, demo, engine, mail_on):
    scoring = _own_pace(engine, demo.id, ["Ann", "Bob"])
    with writing(engine) as db:
        (ann, _) = invitees(db=db, session_id=scoring.id)
        setup = load_scoring_setup(db=db, workspace_id=demo.id)
        vote_all(db, scoring, db.get(Stakeholder, ann.stakeholder_id), 1, setup)
        reveal_round(db=db, session_id=scoring.id)
        second = open_revote(db=db, session_id=scoring.id, candidate_ids=[1])
    at = open_page("scoring_session")
    assert "Round 2 has no due date yet" in texts(at)
    day = datetime.now(UTC).date() + timedelta(days=4)
    at.date_input(key=f"pace_round_{second.id}_day").set_value(day)
    _submit(at, f"FormSubmitter:pace_round_due_{second.id}").click().run()
    assert not at.exception
    assert "Round 2 has no due date yet" not in texts(at)
    with reading(engine) as db:
        assert current_round(db=db, session_id=scoring.id).deadline is not None
    revotes = [m for m in mail_on.messages if m["Subject"].startswith("Round 2 of “Async”")]
    assert sorted(str(m["To"]) for m in revotes) == [
        "Ann <ann@example.org>",
        "Bob <bob@example.org>",
    ]


@pytest.mark.parametrize(
    ("days", "refused"),
    [
        (30, ["Reminders (hours before)"]),
        (-1, ["Open until: an own-pace round runs", "Reminders (hours before)"]),
    ],
)
def test_bad_reminders_open_nothing_rather_than_a_live_session(
    open_page, demo, engine, days, refused
):
    at = open_page("scoring_session")
    at.text_input(key="session_name").set_value("Async")
    at.toggle(key="session_own_pace").set_value(True).run()
    at.date_input(key="pace_day").set_value(datetime.now(UTC).date() + timedelta(days=days))
    at.text_input(key="pace_reminders").set_value("abc, -5")
    at.button(key="open_session").click().run()
    assert not at.exception
    errors = [e.value for e in at.error]
    for start in refused:
        assert any(e.replace("\\", "").startswith(start) for e in errors), errors
    assert any("between 1 and 720" in e for e in errors), errors
    with reading(engine) as db:
        assert [s for s in sessions_of(db=db, workspace_id=demo.id) if s.name == "Async"] == []


def test_a_nudge_the_server_answers_451_is_explained_in_dutch(open_page, demo, engine, mail_on):
    _speak(engine, demo.id, "nl")
    scoring = _own_pace(engine, demo.id, ["Ann"])
    mail_on.busy = True
    at = open_page("scoring_session", "nl")
    at.button(key=f"pace_nudge_{scoring.id}").click().run()
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning).replace("\\", "")
    assert "tijdelijke fout (451)" in warnings, warnings
    assert "Temporary" not in warnings and "b'" not in warnings and "could not" not in warnings


def test_a_refused_address_is_named_and_a_success_leaves_no_error(open_page, demo, engine, mail_on):
    _speak(engine, demo.id, "nl")
    scoring = _own_pace(engine, demo.id)
    at = open_page("scoring_session", "nl")
    at.text_input(key="pace_name").set_value("Karel")
    at.text_input(key="pace_email").set_value("karel-at-voorbeeld")
    _submit(at, "FormSubmitter:pace_invite").click().run()
    errors = [e.value.replace("\\", "") for e in at.error]
    assert len(errors) == 1 and errors[0].startswith("E-mailadres: “karel-at-voorbeeld”"), errors
    at.text_input(key="pace_email").set_value("karel@voorbeeld.nl")
    _submit(at, "FormSubmitter:pace_invite").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert at.text_input(key="pace_name").value == ""  # emptied for the next one
    at.run()  # a rerun invites nobody again and shows no error
    assert not at.error, [e.value for e in at.error]
    with reading(engine) as db:
        assert [p.name for p in invitees(db=db, session_id=scoring.id)] == ["Karel"]
    assert len(mail_on.to("karel@voorbeeld.nl")) == 1


def test_a_refused_opt_out_link_speaks_the_workspace_or_browser_language(demo, engine):
    _speak(engine, demo.id, "nl")
    scoring = _own_pace(engine, demo.id, ["Ann"])
    with writing(engine) as db:
        secret = server_secret(db=db, name=OPT_OUT_SECRET)
    not_invited = opt_out_token(secret, session_id=scoring.id, stakeholder_id=999)
    with TestClient(Starlette(routes=reminder_routes.ROUTES)) as client:
        refused = client.post("/mail/reminders-off", data={"t": not_invited})
        assert refused.status_code == 400 and "Deze link werkt niet" in refused.text
        assert 'lang="nl"' in refused.text
        forged = client.post(
            "/mail/reminders-off", data={"t": "x" * 40}, headers={"Accept-Language": "nl-NL,en"}
        )
        assert forged.status_code == 400 and "Link niet geldig" in forged.text
        english = client.post("/mail/reminders-off", data={"t": "x" * 40})
        assert english.status_code == 400 and "does not work" in english.text


def test_a_nudge_clicked_twice_in_a_minute_counts_once(
    open_page, demo, engine, mail_on, monkeypatch
):
    scoring = _own_pace(engine, demo.id, ["Ann"])
    moment = datetime.now(UTC)  # both clicks in one minute, whatever the clock does
    monkeypatch.setattr("planner.store.scoring.own_pace.utcnow", lambda: moment)
    with reading(engine) as db:
        before = len(audit_log(db=db, workspace_id=demo.id))
    at = open_page("scoring_session")
    at.button(key=f"pace_nudge_{scoring.id}").click().run()
    assert "Nudged 1 by e-mail." in texts(at)
    at.button(key=f"pace_nudge_{scoring.id}").click().run()
    assert not at.exception and "Nudged 1 by e-mail." not in texts(at)
    assert any("less than a minute ago" in e.value for e in at.error)
    with reading(engine) as db:
        assert len(audit_log(db=db, workspace_id=demo.id)) == before + 1
    assert len([m for m in mail_on.to("ann@example.org") if "nudge" in m["Subject"].lower()]) == 1
