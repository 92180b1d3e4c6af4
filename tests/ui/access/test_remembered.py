"""Staying signed in: a reload (a new browser session with the same cookie) brings back
the roles, the language and the workspace, for every role; sign out and expiry end it."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import update

from planner.core.db import reading, writing
from planner.demo import DEMO_PASSPHRASE
from planner.models import Language, SessionCreate, SignInRecord, StakeholderJoin, Workspace
from planner.store.access.grants import get_access, renew_links
from planner.store.scoring.sessions import open_session
from planner.store.scoring.stakeholders import join_session
from tests.ui.access.conftest import OTHER_BROWSER, TOKEN, records, visit
from tests.ui.conftest import texts
from tests.ui.pages.test_workspaces import sign_in


def test_a_facilitator_stays_signed_in_with_language_and_workspace(browser, engine, demo):
    at = sign_in(visit(), demo.name, DEMO_PASSPHRASE)
    at.selectbox(key="lang").set_value("nl").run()
    assert at.session_state["grants"] == {demo.id: "facilitator"}
    for page in ("candidates", "matrix", "roadmap", "scoring_session", "audit"):
        again = visit(page)  # a reload on that page
        assert again.session_state["grants"] == {demo.id: "facilitator"}
        assert again.session_state["lang"] == "nl"
        assert again.session_state["workspace_id"] == demo.id
        assert again.session_state["actor"] == "Eva"
        assert "Meld je aan om deze pagina te zien" not in texts(again)
    [record] = records(engine)  # the database keeps the token's hash, never the token
    assert TOKEN not in str(record.model_dump()) and len(record.token_hash) == 64


def test_english_chosen_on_a_dutch_workspace_stays_english(browser, engine, demo):
    with writing(engine) as db:
        db.execute(update(Workspace).where(Workspace.id == demo.id).values(language="nl"))
    at = sign_in(visit(), demo.name, DEMO_PASSPHRASE)
    at.selectbox(key="lang").set_value("nl").run()
    at.selectbox(key="lang").set_value("en").run()  # back to English: a choice too
    [record] = records(engine)
    assert record.lang == Language.EN  # chosen: kept, though it is the default elsewhere
    again = visit("candidates")
    assert again.session_state["lang"] == "en"
    assert "Candidates" in texts(again)


def test_another_browser_gets_nothing(browser, demo):
    sign_in(visit(), demo.name, DEMO_PASSPHRASE)
    browser["planner_visit"] = OTHER_BROWSER
    at = visit("candidates")
    assert not at.session_state["grants"]
    assert "Sign in to see this page" in texts(at)  # the form on the page asked for
    sign_in(at, demo.name, DEMO_PASSPHRASE)
    assert at.title[0].value == "Candidates"  # signed in where they were


def test_sign_out_ends_it_for_every_reload(browser, engine, demo):
    at = sign_in(visit(), demo.name, DEMO_PASSPHRASE)
    at.sidebar.button(key="sign_out").click().run()
    assert not at.session_state["grants"]
    assert "Signed out on this browser, in every tab." in texts(at)
    assert not records(engine)
    assert not visit("candidates").session_state["grants"]


def test_an_idle_or_old_sign_in_expires(browser, engine, demo, monkeypatch):
    sign_in(visit(), demo.name, DEMO_PASSPHRASE)
    with writing(engine) as db:
        db.execute(update(SignInRecord).values(seen_at=datetime.now(UTC) - timedelta(hours=13)))
    monkeypatch.setenv("PLANNER_SIGNIN_IDLE_HOURS", "14")  # configurable
    assert visit().session_state["grants"] == {demo.id: "facilitator"}
    with writing(engine) as db:
        db.execute(update(SignInRecord).values(seen_at=datetime.now(UTC) - timedelta(hours=13)))
    monkeypatch.delenv("PLANNER_SIGNIN_IDLE_HOURS")  # 12 hours
    assert not visit().session_state["grants"]
    assert not records(engine)


@pytest.mark.parametrize("kind", ["view", "owner"])
def test_a_link_holder_stays_in_after_the_address_changes(browser, engine, demo, kind):
    with reading(engine) as db:
        access = get_access(db=db, workspace_id=demo.id)
    token = access.viewer_token if kind == "view" else access.owner_token
    visit(**{kind: token})
    role = "viewer" if kind == "view" else "owner"
    for page in ("matrix", "roadmap", "signoff", "commitments", "progress"):
        assert visit(page).session_state["grants"] == {demo.id: role}  # the URL is /page
    with writing(engine) as db:
        renew_links(db=db, workspace_id=demo.id)
    at = visit("matrix")  # revoked: the reload does not bring it back
    assert not at.session_state["grants"]


def test_a_stakeholder_comes_back_to_the_sign_off_and_can_leave(browser, engine, demo):
    with writing(engine) as db:
        scoring = open_session(
            db=db,
            workspace_id=demo.id,
            session_in=SessionCreate(name="Workshop"),
            candidate_ids=[1],
        )
        ann = join_session(db=db, code=scoring.code, join_in=StakeholderJoin(name="Ann"))
    at = visit(me=ann.token)
    at.selectbox(key="lang").set_value("nl").run()
    browser["planner_me"] = ann.token  # what the ballot's /remember route set
    again = visit("signoff")  # the address is /signoff: no code, no link
    assert again.session_state["ballot_me"].name == "Ann"
    assert again.session_state["lang"] == "nl"
    assert not again.session_state.get("grants")
    vote = visit("vote")
    vote.button(key="leave_ballot").click().run()
    assert vote.query_params["join"] == scoring.code  # the join form of that session
    assert visit("vote").session_state.get("ballot_me") is None  # left on this browser
    assert visit("vote", me=ann.token).session_state["ballot_me"].name == "Ann"
