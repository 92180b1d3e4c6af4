"""Downloads in a real browser: every click gives its file, even one made while the page
is rerunning (Streamlit's own button lost such clicks: its file id was the last run's)."""

from pathlib import Path

from planner.demo import DEMO_NAME, DEMO_PASSPHRASE
from tests.e2e.steps import DESKTOP, go, new_page, settled, sign_in

STARTS = {"Excel": b"PK", "PDF report": b"%PDF", "CSV": b"\xef\xbb\xbf"}


def test_every_click_downloads_its_file_while_the_page_reruns(browser, app_url, tmp_path):
    page = new_page(browser, viewport=DESKTOP, accept_downloads=True)
    sign_in(page, app_url, DEMO_NAME, DEMO_PASSPHRASE)
    go(page, "Roadmap")
    lanes = page.get_by_role("radiogroup").last
    got = []
    for click, label in enumerate(["Excel", "PDF report", "CSV"] * 3):
        # A rerun starts (the timeline's lanes change) and the download is clicked at once.
        lanes.get_by_text("Channel" if click % 2 == 0 else "Phase", exact=True).click()
        with page.expect_download(timeout=60_000) as started:
            page.get_by_role("link", name=label, exact=True).first.click()
        download = started.value
        assert download.failure() is None, (click, label, download.failure())
        saved = tmp_path / f"{click}-{download.suggested_filename}"
        download.save_as(saved)
        assert Path(saved).read_bytes().startswith(STARTS[label]), label
        got.append(download.suggested_filename)
    settled(page)
    # The link works in this browser only: copied to another, it gives nothing.
    address = page.get_by_role("link", name="Excel", exact=True).first.get_attribute("href")
    assert page.context.request.get(app_url + address).status == 200
    stranger = browser.new_context()
    assert stranger.request.get(app_url + address).status == 403
    stranger.close()
    assert got[:3] == [
        "Demo-Van-Dijk-Wonen-online-in-store-roadmap.xlsx",
        "Demo-Van-Dijk-Wonen-online-in-store-roadmap.pdf",
        "Demo-Van-Dijk-Wonen-online-in-store-roadmap.csv",
    ]
    page.context.close()
