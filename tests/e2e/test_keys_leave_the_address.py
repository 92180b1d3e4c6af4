"""A personal link's key leaves the address bar and the history before the page loads
(the server moves it to the HttpOnly cookie: planner.ui.access.key_in_address): the
address keeps only the session code (docs/tour/scoring.md), and the page still knows who
this is. The light page's sign-off link carries no key either."""

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, expect

from planner.core.i18n import t
from tests.e2e.rounds import new_round
from tests.e2e.steps import DESKTOP, new_page, settled
from tests.e2e.test_light_ballot import code_of


def history_length(page: Page) -> int:
    """The tab's history length, read once the page it went back to has loaded (a
    Streamlit page may navigate again as it loads, and the read fails with it)."""
    for _ in range(20):
        try:
            return page.evaluate("() => history.length")
        except PlaywrightError as error:
            if "Execution context was destroyed" not in error.message:
                raise
            page.wait_for_load_state()
    raise AssertionError("the page kept navigating")


def history_of(page: Page) -> list[str]:
    """Every address in this tab's history, newest first (walked back to its start)."""
    seen = [page.url]
    while history_length(page) > len(seen):
        page.go_back(wait_until="commit")
        seen.append(page.url)
    return seen


def expect_stakeholder_sign_off(page: Page) -> None:
    """The sign-off page, shown to a stakeholder (their menu: Vote, Sign-off)."""
    main = page.get_by_test_id("stMain")
    expect(main.get_by_role("heading", name=t("signoff.title", "en")).first).to_be_visible()
    expect(main.get_by_role("link", name=t("nav.vote", "en")).first).to_be_visible()


@pytest.mark.parametrize("path", ["/?me={key}", "/?join={code}&me={key}", "/signoff?me={key}"])
def test_a_personal_link_leaves_no_key_in_the_address_or_history(browser, served, path):
    """Opened, settled, then every history entry read back: none holds the key."""
    session_id, _, _, people = new_round(served.database_url)
    key = people[0][1]
    page = new_page(browser, viewport=DESKTOP)
    page.goto(served.url + path.format(key=key, code=code_of(served.database_url, session_id)))
    settled(page)
    if path.startswith("/signoff"):  # nothing is up for sign-off: no name shown there
        expect_stakeholder_sign_off(page)
    else:  # the ballot knows who this is
        you = page.get_by_test_id("stMain").get_by_text(f"You are Person {session_id}-0")
        expect(you.first).to_be_visible()
    assert "me=" not in page.url and "link=" not in page.url
    history = history_of(page)
    assert not [address for address in history if key in address or "me=" in address], history
    page.context.close()


def test_the_light_pages_sign_off_link_carries_no_key(browser, served):
    """The light page's Sign-off link opens the sign-off as the same person, without ?me=."""
    session_id, _, _, people = new_round(served.database_url)
    key = people[0][1]
    page = new_page(browser, viewport=DESKTOP)
    page.goto(f"{served.url}/b/{code_of(served.database_url, session_id)}?me={key}")
    link = page.locator("#signoff")
    expect(link).not_to_have_attribute("href", "/")
    assert key not in link.get_attribute("href") and "me=" not in link.get_attribute("href")
    page.locator("#personal summary").click()  # the personal link's fold
    link.click()
    settled(page)
    expect_stakeholder_sign_off(page)
    assert "me=" not in page.url and key not in page.url
    page.context.close()
