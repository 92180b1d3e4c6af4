"""The whole story in real browsers: from a new workspace to a commitment that is done.

A facilitator makes a workspace from a template, adds candidates in the journey grid and
by import, opens a scoring session; three stakeholders score at once in their own
browsers; the facilitator reveals, settles a consensus, looks at the matrix, saves the
roadmap as a version and downloads it as Excel and PDF; the stakeholders sign it off; a
product owner (by their link) commits to an item and marks it done. Every page is
photographed at desktop (1366x768) and phone (390x844) width.
"""

import io

from openpyxl import load_workbook
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from tests.e2e.steps import (
    DESKTOP,
    PHONE,
    add_candidate_here,
    answer_current,
    choose,
    go,
    horizontal_overflow,
    join,
    new_page,
    open_session,
    settled,
)

WORKSPACE = "Bike shop journey"
PASSPHRASE = "pedals and chains"
GRID_IDEAS = ["Book a test ride online", "Show stock per store"]
IMPORTED = """title,phase,channel,description
Pay in three instalments,Buying,Website,Spread the cost of an e-bike
Click and collect in two hours,Buying,Store,Order online and pick up the same day
Bike fitting video call,Planning,Chat,Find the right frame size from home
"""
# Per stakeholder, one label per candidate (the same on value and effort).
SCORES = {
    "Annelies": ("5", "2", "4"),
    "Bram": ("4", "3", "5"),
    "Chen": ("5", "1", "4"),
}


def photograph(page: Page, screenshot, name: str) -> None:
    """The page from its top, at desktop width, then at phone width (and back)."""
    settled(page)
    page.evaluate(
        "() => { window.scrollTo(0, 0);"
        " document.querySelectorAll('[data-testid=stMain], [data-testid=stAppViewContainer]')"
        ".forEach(e => e.scrollTo(0, 0)); }"
    )
    screenshot(page, f"{name}-desktop")
    page.set_viewport_size(PHONE)
    settled(page)
    screenshot(page, f"{name}-phone")
    page.set_viewport_size(DESKTOP)
    settled(page)


def create_workspace(page: Page, url: str) -> None:
    page.goto(url)
    page.get_by_role("tab", name="New workspace").click()
    form = page.get_by_test_id("stForm").nth(1)
    form.get_by_label("Name", exact=True).fill(WORKSPACE)
    form.get_by_role("textbox", name="Passphrase").fill(PASSPHRASE)
    form.get_by_label("Your name").fill("Eva")
    page.get_by_role("button", name="Create workspace").click()
    expect(page.get_by_text(f"Workspace “{WORKSPACE}” created.")).to_be_visible()
    expect(page.get_by_role("link", name="Journey grid")).to_be_visible()


def add_in_grid(page: Page, title: str, phase: str, channel: str) -> None:
    choose(page, "Phase", phase)
    choose(page, "Channel", channel)
    add_candidate_here(page, title)


def import_file(page: Page, screenshot, tmp_path) -> None:
    path = tmp_path / "ideas.csv"
    path.write_text(IMPORTED, encoding="utf-8")
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(path)
    expect(page.get_by_role("button", name="Import 3 candidates")).to_be_visible()
    photograph(page, screenshot, "import-preview")  # the docs' tour shows the preview
    page.get_by_role("button", name="Import 3 candidates").click()
    expect(page.get_by_text("Imported 3 candidates")).to_be_visible()


def download(page: Page, label: str) -> bytes:
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("link", name=label, exact=True).first.click()
    return info.value.path().read_bytes()


def test_the_whole_workshop(browser, app_url, screenshot, tmp_path):
    facilitator = new_page(browser, viewport=DESKTOP)
    create_workspace(facilitator, app_url)
    photograph(facilitator, screenshot, "workspaces")

    go(facilitator, "Journey grid")
    add_in_grid(facilitator, GRID_IDEAS[0], "Buying", "Website")
    add_in_grid(facilitator, GRID_IDEAS[1], "Information", "Store")
    expect(facilitator.get_by_test_id("stMetricValue").first).to_have_text("2")
    photograph(facilitator, screenshot, "journey-grid")

    go(facilitator, "Journey setup")
    photograph(facilitator, screenshot, "journey-setup")

    go(facilitator, "Import")
    import_file(facilitator, screenshot, tmp_path)
    go(facilitator, "Candidates")
    photograph(facilitator, screenshot, "candidates")

    go(facilitator, "Scoring session")
    code = open_session(
        facilitator, "Buying workshop", {"Phase": "Buying"}, "3 of 5 candidates will be scored."
    )
    stakeholders = {}
    for name in SCORES:
        viewport = PHONE if name == "Chen" else DESKTOP  # one stakeholder on a phone
        stakeholders[name] = new_page(browser, viewport=viewport)
        join(stakeholders[name], app_url, code, name, total=3)
    for candidate in range(3):  # everyone answers the same candidate at the same time
        for name, page in stakeholders.items():
            # The ballot moves on by itself once a candidate is complete (auto-advance).
            answer_current(
                page, SCORES[name][candidate], f"{name} on {candidate}", advances=candidate < 2
            )
    for page in stakeholders.values():
        expect(page.get_by_text("3 of 3 scored")).to_be_visible()
    phone = stakeholders["Chen"]
    assert horizontal_overflow(phone) <= 0, "the ballot scrolls sideways on a phone"
    phone.evaluate(
        "() => document.querySelectorAll('[data-testid=stMain]').forEach(e => e.scrollTo(0, 0))"
    )
    screenshot(phone, "vote-phone")
    screenshot(stakeholders["Annelies"], "vote-desktop")
    expect(facilitator.get_by_test_id("stMetricValue").nth(2)).to_have_text("3", timeout=20_000)
    photograph(facilitator, screenshot, "scoring-session")

    facilitator.get_by_role("button", name="Reveal the scores").click()
    expect(facilitator.get_by_text("Scores revealed.")).to_be_visible()
    expect(phone.get_by_text("of this round have been revealed")).to_be_visible(timeout=20_000)
    assert horizontal_overflow(phone) <= 0, "the reveal scrolls sideways on a phone"

    go(facilitator, "Consensus")
    choose(facilitator, "Candidate", "Click and collect in two hours")
    facilitator.get_by_label("Value", exact=True).fill("8")
    facilitator.get_by_label("Reason").fill("Store managers expect most of this one")
    facilitator.get_by_label("Decided by").fill("Eva")
    facilitator.get_by_role("button", name="Save decision").click()
    settled(facilitator)
    photograph(facilitator, screenshot, "consensus")

    go(facilitator, "Matrix")
    expect(facilitator.get_by_test_id("stVegaLiteChart").first).to_be_visible()
    photograph(facilitator, screenshot, "matrix")
    facilitator.get_by_role("tab", name="Candidates per quadrant").click()
    settled(facilitator)
    cells = facilitator.locator("[data-testid='stDataFrame'] [role='gridcell']")
    # The grids fill their cells' text after they are drawn (seen empty in CI once the
    # page had become faster): wait for each title rather than read them at once.
    for title in ("Pay in three instalments", "Click and collect in two hours", GRID_IDEAS[0]):
        expect(cells.filter(has_text=title).first).to_be_attached(timeout=20_000)

    go(facilitator, "Roadmap")
    facilitator.get_by_label("Name", exact=True).fill("Spring plan")
    facilitator.get_by_label("Saved by").fill("Eva")
    facilitator.get_by_role("button", name="Save as version").click()
    expect(facilitator.get_by_text("Version “Spring plan” saved.")).to_be_visible()
    book = load_workbook(io.BytesIO(download(facilitator, "Excel")))
    titles = [row[4].value for row in book["Roadmap"].iter_rows(min_row=2)]
    assert set(titles) >= {"Pay in three instalments", GRID_IDEAS[0]}
    pdf = PdfReader(io.BytesIO(download(facilitator, "PDF report")))
    text = "\n".join(page.extract_text() for page in pdf.pages)
    assert WORKSPACE in text and "Click and collect in two hours" in text
    photograph(facilitator, screenshot, "roadmap")

    go(facilitator, "Sign-off")
    facilitator.get_by_label("By", exact=True).fill("Eva")
    facilitator.get_by_role("button", name="Request sign-off").click()
    expect(facilitator.get_by_text("Sign-off of “Spring plan” requested.")).to_be_visible()
    for name, page in stakeholders.items():
        go(page, "Sign-off")
        page.get_by_role("button", name="Send my answer").click()
        expect(page.get_by_text(f"Thank you, {name}")).to_be_visible()
    screenshot(phone, "signoff-phone")
    go(facilitator, "Progress")  # and back: the page reads the answers afresh
    go(facilitator, "Sign-off")
    expect(facilitator.get_by_text("3 of 3 approved")).to_be_visible()
    photograph(facilitator, screenshot, "signoff")

    go(facilitator, "Workspaces")
    facilitator.get_by_role("tab", name="Access").click()
    owner_link = facilitator.get_by_test_id("stCode").nth(1).inner_text().strip()
    assert "?owner=" in owner_link
    owner = new_page(browser, viewport=DESKTOP)
    owner.goto(owner_link)
    settled(owner)
    go(owner, "Commitments")
    owner.get_by_label("Owner", exact=True).fill("Team Webshop")
    owner.get_by_label("Committed by").fill("Paula")
    owner.get_by_label("KPI", exact=True).fill("Online conversion (%)")
    owner.get_by_role("button", name="Commit").click()
    expect(owner.get_by_text("Committed to")).to_be_visible()
    for status in ("in progress", "done"):
        choose(owner, "Move to", status)
        change = owner.get_by_test_id("stForm").filter(
            has=owner.get_by_role("button", name="Change status")
        )
        change.get_by_label("By", exact=True).fill("Paula")  # the due-date form has a By too
        change.get_by_role("button", name="Change status").click()
        expect(owner.get_by_text(f"is now {status}")).to_be_visible()
    expect(owner.get_by_role("link", name="Journey grid")).to_have_count(0)
    photograph(owner, screenshot, "commitments")
    go(owner, "Progress")
    expect(owner.get_by_text("On time")).to_be_visible()
    photograph(owner, screenshot, "progress")
    for page in (owner, facilitator, *stakeholders.values()):
        page.context.close()
