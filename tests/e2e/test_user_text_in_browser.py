"""Typed text that looks like HTML or a Markdown link stays text in a real browser."""

from playwright.sync_api import expect

from planner.demo import DEMO_NAME, DEMO_PASSPHRASE
from tests.e2e.steps import DESKTOP, add_candidate_here, choose, go, new_page, settled, sign_in

TRICKY = ["<script>alert(1)</script>", "[x](javascript:alert(1))", "<img src=x onerror=alert(2)>"]


def test_tricky_titles_show_as_typed_and_run_nothing(browser, app_url):
    page = new_page(browser, viewport=DESKTOP)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    sign_in(page, app_url, DEMO_NAME, DEMO_PASSPHRASE)
    go(page, "Journey grid")
    choose(page, "Phase", "Service")
    choose(page, "Channel", "Chat")
    for title in TRICKY:  # the confirmation is Markdown with the title in it: as typed
        add_candidate_here(page, title)
    go(page, "Consensus")
    go(page, "Journey grid")
    choose(page, "Phase", "Service")
    choose(page, "Channel", "Chat")
    cells = page.locator("[data-testid='stDataFrame'] [role='gridcell']")
    for title in TRICKY:  # the cell's table lists each exactly as typed
        expect(cells.filter(has_text=title).first).to_be_attached()
        assert title in cells.filter(has_text=title).all_text_contents()
    assert page.locator("a[href^='javascript']").count() == 0
    assert page.locator("main img[src='x']").count() == 0
    assert page.locator("script:text('alert(1)')").count() == 0
    settled(page)  # and every image loaded or failed: an onerror= would have run by now
    page.wait_for_function("() => [...document.images].every((image) => image.complete)")
    assert dialogs == []
    page.context.close()
