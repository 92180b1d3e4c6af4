"""Switching language in a real browser keeps what the user chose on the page."""

from playwright.sync_api import expect

from planner.demo import DEMO_NAME, DEMO_PASSPHRASE
from tests.e2e.steps import DESKTOP, go, pick, settled, sign_in


def switch(page, language: str) -> None:
    pick(page, page.get_by_test_id("stSidebar").get_by_role("combobox").first, language)


def test_a_switch_keeps_the_choices_and_the_open_tab(browser, app_url):
    page = browser.new_context(viewport=DESKTOP).new_page()
    sign_in(page, app_url, DEMO_NAME, DEMO_PASSPHRASE)
    go(page, "Import")
    page.get_by_text("a new workspace made from the file").click()
    settled(page)
    page.get_by_label("Name", exact=True).fill("From a file")
    page.get_by_label("Name", exact=True).press("Tab")
    settled(page)
    switch(page, "Nederlands")
    # The radio showed nothing chosen here, while the page acted on "new".
    expect(
        page.get_by_role("radio", name="een nieuwe werkruimte op basis van het bestand")
    ).to_be_checked()
    expect(page.get_by_label("Naam", exact=True)).to_have_value("From a file")
    go(page, "Roadmap")
    page.get_by_role("tab", name="Versies").click()
    settled(page)
    switch(page, "English")
    expect(page.get_by_role("tab", name="Versions")).to_have_attribute("aria-selected", "true")
    expect(page.get_by_text("No saved versions yet", exact=False)).to_be_visible()
    page.context.close()
