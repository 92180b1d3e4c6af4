"""Signed in stays signed in: a reload on any page keeps every role where it was, in its
language; new links end a manager's access at the next click; sign out ends it all."""

from playwright.sync_api import Page, expect

from planner.core.db import make_engine, reading
from planner.core.i18n import t
from planner.demo import DEMO_NAME, DEMO_PASSPHRASE
from planner.store.access.grants import get_access
from planner.store.journey.workspaces import list_workspaces
from planner.ui.page_files import PAGE_FILES
from tests.e2e.rounds import new_round
from tests.e2e.steps import DESKTOP, go, handed_over, new_page, pick_language, settled, sign_in

SIGNED_OUT = "Sign in to see this page"


def reload(page: Page) -> None:
    page.reload()
    settled(page)


def viewer_link(database_url: str) -> str:
    engine = make_engine(database_url)
    with reading(engine) as db:
        workspace = list_workspaces(db=db)[0]
        token = get_access(db=db, workspace_id=workspace.id).viewer_token
    engine.dispose()
    return token


def test_a_facilitator_reloads_every_page_and_stays_there(browser, served):
    page = new_page(browser, viewport=DESKTOP)
    sign_in(page, served.url, DEMO_NAME, DEMO_PASSPHRASE)
    pick_language(page, page.get_by_test_id("stSidebar"), "Nederlands")
    for key in PAGE_FILES:
        if key in ("vote", "presenter"):  # not in a facilitator's menu (the presenter
            continue  # view opens in its own tab: test_workshop_controls loads it by address)
        go(page, t(f"nav.{key}", "nl"))
        address = page.url
        reload(page)
        assert page.url == address
        expect(page.get_by_role("link", name=t("nav.session", "nl"))).to_be_visible()
        expect(page.get_by_text(t("workspace.sign_in_first", "nl")[:20])).to_have_count(0)
        expect(page.locator("h1").first).to_be_visible()
    # the language stays with the browser: a new sign-in record holds it alone
    with page.expect_response(handed_over):
        page.get_by_role("button", name=t("access.sign_out", "nl")).click()
    settled(page)
    page.goto(f"{served.url}/candidates")
    settled(page)
    # signed out; the language is a choice of this browser and stays
    expect(page.get_by_text(t("workspace.sign_in_first", "nl")[:25])).to_be_visible()
    page.context.close()


def test_a_manager_keeps_the_link_across_pages_until_it_is_renewed(browser, served):
    manager = new_page(browser, viewport=DESKTOP)
    with manager.expect_response(handed_over):
        manager.goto(f"{served.url}/?view={viewer_link(served.database_url)}")
    settled(manager)
    go(manager, "Roadmap")
    assert "view=" not in manager.url  # the address no longer holds the link
    reload(manager)
    expect(manager.get_by_role("heading", name="Roadmap").first).to_be_visible()
    go(manager, "Matrix")
    reload(manager)
    expect(manager.get_by_role("heading", name=t("matrix.title", "en"))).to_be_visible()

    facilitator = new_page(browser, viewport=DESKTOP)
    sign_in(facilitator, served.url, DEMO_NAME, DEMO_PASSPHRASE)
    facilitator.get_by_role("tab", name="Access").click()
    facilitator.get_by_role("button", name="New links").click()
    settled(facilitator)
    go(manager, "Roadmap")  # the next click: signed out of it, nothing shown
    expect(manager.get_by_text("You were signed out of a workspace")).to_be_visible()
    reload(manager)
    expect(manager.get_by_text(SIGNED_OUT)).to_be_visible()
    for page in (manager, facilitator):
        page.context.close()


def test_a_stakeholder_reloads_the_sign_off_in_their_language(browser, served):
    _, _, _, people = new_round(served.database_url)
    page = new_page(browser, viewport=DESKTOP)
    with page.expect_response(lambda r: "/api/ballot/remember" in r.url):
        page.goto(f"{served.url}/?me={people[0][1]}")
    settled(page)
    pick_language(page, page.get_by_test_id("stMain"), "Nederlands")
    page.get_by_role("link", name=t("nav.signoff", "nl")).first.click()
    settled(page)
    reload(page)
    expect(page.get_by_role("heading", name=t("signoff.title", "nl")).first).to_be_visible()
    assert "/signoff" in page.url
    expect(page.get_by_role("link", name=t("nav.vote", "nl")).first).to_be_visible()
    page.context.close()
