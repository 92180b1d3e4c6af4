"""The own-pace invite form in Chromium (issue #35, F2): a refused address is named by
its own message, and a success leaves no error behind (the form used to clear itself on
submit and the rerun after the invite read the emptied fields: "Name is required")."""

from datetime import UTC, datetime, timedelta

from playwright.sync_api import expect

from planner.core.db import make_engine, reading, writing
from planner.demo import DEMO_NAME as DEMO
from planner.demo import DEMO_PASSPHRASE
from planner.models import OwnPaceCreate, SessionCreate
from planner.store.journey.workspaces import list_workspaces
from planner.store.scoring.own_pace import invitees, open_own_pace
from tests.e2e.rounds import close_open_sessions
from tests.e2e.steps import go, new_page, settled, sign_in


def test_the_invite_form_names_the_address_and_leaves_no_error(browser, served):
    """A bad address: the e-mail field's message; then a good one: added, no error."""
    engine = make_engine(served.database_url)
    with writing(engine) as db:
        workspace = list_workspaces(db=db)[0]
        close_open_sessions(db, workspace.id)
        scoring = open_own_pace(
            db=db,
            workspace_id=workspace.id,
            session_in=SessionCreate(name="Invite form"),
            candidate_ids=[1, 2],
            pace_in=OwnPaceCreate(open_until=datetime.now(UTC) + timedelta(days=5)),
            app_url=served.url,
        )
    page = new_page(browser)
    sign_in(page, served.url, DEMO, DEMO_PASSPHRASE)
    go(page, "Scoring session")
    form = page.get_by_test_id("stForm").filter(has=page.get_by_role("button", name="Add"))
    form.get_by_label("Name", exact=True).fill("Karel")
    form.get_by_label("E-mail address", exact=True).fill("karel-at-voorbeeld")
    form.get_by_role("button", name="Add").click()
    settled(page)
    expect(page.get_by_text("“karel-at-voorbeeld” is not an e-mail address")).to_be_visible()
    expect(page.get_by_text("Name is required")).to_have_count(0)
    form.get_by_label("E-mail address", exact=True).fill("karel@voorbeeld.nl")
    form.get_by_role("button", name="Add").click()
    settled(page)
    expect(page.get_by_text("Karel is added")).to_be_visible()
    expect(page.get_by_test_id("stAlertContentError")).to_have_count(0)
    expect(form.get_by_label("Name", exact=True)).to_have_value("")
    with reading(engine) as db:
        assert [p.name for p in invitees(db=db, session_id=scoring.id)] == ["Karel"]
    page.context.close()
    engine.dispose()
