"""Switching language in a real browser keeps what the user chose on the page."""

from playwright.sync_api import expect

from planner.demo import DEMO_NAME, DEMO_PASSPHRASE
from tests.e2e.steps import DESKTOP, go, new_page, pick, settled, sign_in


def switch(page, language: str) -> None:
    pick(page, page.get_by_test_id("stSidebar").get_by_role("combobox").first, language)


def test_a_switch_keeps_the_choices_and_the_open_tab(browser, app_url):
    page = new_page(browser, viewport=DESKTOP)
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
    # Streamlit's own uploader words are English; the catalog's show in their place.
    button = page.get_by_test_id("stFileUploaderDropzone").locator("button p")
    assert button.evaluate("p => getComputedStyle(p, '::after').content") == '"Bestand kiezen"'
    assert button.evaluate("p => getComputedStyle(p).fontSize") == "0px"
    expect(page.get_by_text("CSV, XLSX · tot 20 MB per bestand")).to_be_visible()
    go(page, "Roadmap")
    page.get_by_role("tab", name="Versies").click()
    settled(page)
    switch(page, "English")
    expect(page.get_by_role("tab", name="Versions")).to_have_attribute("aria-selected", "true")
    expect(page.get_by_text("No saved versions yet", exact=False)).to_be_visible()
    page.context.close()


def test_the_browser_writes_numbers_and_dates_in_the_apps_language(browser, app_url):
    """An English browser on a Dutch page: the grid's "localized" cells use the page's
    locale, which follows the app's language (the grid draws on a canvas, so the locale it
    formats with is what can be read)."""
    page = new_page(browser, viewport=DESKTOP, locale="en-US")
    sign_in(page, app_url, DEMO_NAME, DEMO_PASSPHRASE)
    go(page, "Matrix")
    written = (
        "new Intl.NumberFormat(navigator.languages, {minimumFractionDigits: 1}).format(1234.5)"
    )
    assert page.evaluate("navigator.languages") == ["en-GB"]
    assert page.evaluate(written) == "1,234.5"
    switch(page, "Nederlands")
    expect(page.locator("html")).to_have_attribute("lang", "nl-NL")
    assert page.evaluate("[navigator.language, ...navigator.languages]") == ["nl-NL", "nl-NL"]
    assert page.evaluate(written) == "1.234,5"
    day = "new Intl.DateTimeFormat(navigator.languages, {dateStyle: 'medium'})"
    assert page.evaluate(f"{day}.format(new Date(2026, 9, 1))") == "1 okt 2026"
    page.get_by_role("tab", name="Kandidaten per kwadrant").click()
    settled(page)
    expect(page.get_by_test_id("stDataFrame").first).to_be_visible()
    page.context.close()


def test_help_icons_and_pickers_speak_the_apps_language(browser, app_url):
    """Streamlit names each help icon "Help for <label>" for screen readers and offers
    "Select all" in a multiselect, in English whatever the page: a Dutch page names its
    icons in Dutch and offers no English option; back in English all is as it was."""
    page = new_page(browser, viewport=DESKTOP)
    sign_in(page, app_url, DEMO_NAME, DEMO_PASSPHRASE)
    go(page, "Roadmap")
    english, dutch = (
        page.locator('[aria-label^="Help for "]'),
        page.locator('[aria-label^="Uitleg bij "]'),
    )
    expect(english.first).to_be_attached()
    switch(page, "Nederlands")
    expect(dutch.first).to_be_attached()
    expect(english).to_have_count(0)
    go(page, "Kandidaten")
    expect(english).to_have_count(0)
    page.get_by_test_id("stMultiSelect").first.get_by_role("combobox").click()
    expect(page.get_by_test_id("stMultiSelectDropdown")).to_be_visible()
    expect(page.get_by_role("option").first).to_be_visible()
    expect(page.locator('[data-key="__select_all__"]')).to_have_count(0)
    page.keyboard.press("Escape")
    switch(page, "English")
    expect(english.first).to_be_attached()
    expect(dutch).to_have_count(0)
    page.context.close()
