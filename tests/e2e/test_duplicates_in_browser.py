"""Duplicates merged in the browser: from the candidates page's Possible duplicates (with
its confirmation and Undo), from the journey grid's marked cells (the same merge and
Undo, the grid redrawn), and from the import preview instead of adding the row."""

import pytest
from playwright.sync_api import expect

from planner.core.db import make_engine, reading, writing
from planner.demo import DEMO_NAME, DEMO_PASSPHRASE
from planner.store.journey.candidates import candidate_frame
from planner.store.journey.merges import recent_merges
from planner.store.journey.workspaces import find_workspace, load_journey
from tests.e2e.steps import DESKTOP, go, new_page, settled, sign_in
from tests.factories import add_candidate

IMPORTED = (
    "title;phase;channel\nSelf-service returns portal;Service;Store\nGift wrap;Buying;Store\n"
)


def rows(served) -> int:
    """How many candidates the demo holds (repeated titles counted)."""
    engine = make_engine(served.database_url)
    with reading(engine) as db:
        count = len(candidate_frame(db=db, workspace_id=find_workspace(db=db, name=DEMO_NAME).id))
    engine.dispose()
    return count


@pytest.fixture(name="stored")
def stored_fixture(served):
    """The demo with the order status proposed in the app and on the website; a function
    that reads its candidates (title -> channels) anew."""
    engine = make_engine(served.database_url)
    with writing(engine) as db:
        journey = load_journey(db=db, workspace_id=find_workspace(db=db, name=DEMO_NAME).id)
        for title, channel in (
            ("Order status in the app", "Mobile app"),
            ("Order status on the website", "Website"),
        ):
            add_candidate(db, journey, title, "Service", [channel])

    def candidates() -> dict[str, list[str]]:
        with reading(engine) as db:
            frame = candidate_frame(db=db, workspace_id=journey.workspace.id)
        return dict(zip(frame["title"], frame["channels"], strict=True))

    yield candidates
    engine.dispose()


@pytest.fixture(name="paying")
def paying_fixture(served):
    """The demo with paying later proposed in the app and in the store (Buying: no other
    test of this module adds there); a function that reads Buying's candidates
    (title, channels) anew, in order, repeats included."""
    engine = make_engine(served.database_url)
    with writing(engine) as db:
        journey = load_journey(db=db, workspace_id=find_workspace(db=db, name=DEMO_NAME).id)
        for title, channel in (
            ("Pay later in the app", "Mobile app"),
            ("Pay later in the store", "Store"),
        ):
            add_candidate(db, journey, title, "Buying", [channel])

    def buying() -> list[tuple[str, list[str]]]:
        with reading(engine) as db:
            frame = candidate_frame(db=db, workspace_id=journey.workspace.id)
        frame = frame[frame["phase"] == "Buying"].sort_values("id")
        return list(zip(frame["title"], frame["channels"], strict=True))

    yield buying
    engine.dispose()


def test_a_merge_from_the_candidates_page_and_its_undo(browser, served, stored):
    """Merge after the confirmation, both channels kept; Undo brings the other back."""
    page = new_page(browser, viewport=DESKTOP)
    sign_in(page, served.url, DEMO_NAME, DEMO_PASSPHRASE)
    go(page, "Candidates")
    page.get_by_text("Possible duplicates", exact=True).click()
    settled(page)
    pair = (
        page.get_by_test_id("stVerticalBlock")
        .filter(has_text="Order status in the app and Order status on the website")
        .last
    )
    expect(pair).to_contain_text("same words apart from the channel")
    pair.get_by_role("button", name="Merge", exact=True).click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("Keep “Order status in the app” on Mobile app, Website?")
    assert "Order status on the website" in stored()  # nothing merged before the yes
    dialog.get_by_role("button", name="Yes, merge").click()
    expect(page.get_by_text("merged into “Order status in the app”")).to_be_visible()
    settled(page)
    after = stored()
    assert after["Order status in the app"] == ["Website", "Mobile app"]
    assert "Order status on the website" not in after
    page.get_by_role("button", name="Undo", exact=True).first.click()
    expect(page.get_by_text("Merge undone: “Order status on the website” is back.")).to_be_visible()
    settled(page)
    after = stored()
    assert after["Order status in the app"] == ["Mobile app"]
    assert after["Order status on the website"] == ["Website"]


def test_a_merge_from_the_grid_and_its_undo(browser, served, paying):
    """A marked cell opened from the grid's list, merged there; the grid stays, redrawn."""
    before = paying()
    page = new_page(browser, viewport=DESKTOP)
    sign_in(page, served.url, DEMO_NAME, DEMO_PASSPHRASE)
    go(page, "Journey grid")
    cells = page.get_by_role("radiogroup", name="Likely duplicates across channels, in")
    opener = cells.get_by_role("radio", name="Buying × Store (1)")
    expect(cells.get_by_role("radio", name="Buying × Mobile app (1)")).to_be_visible()
    opener.click()
    settled(page)
    expect(page.get_by_role("heading", name="Buying × Store")).to_be_visible()
    expect(page.get_by_text("Likely duplicates on other channels (1)")).to_be_visible()
    pair = (
        page.get_by_test_id("stVerticalBlock")
        .filter(has_text="Pay later in the app (Mobile app) and Pay later in the store (Store)")
        .last
    )
    expect(pair).to_contain_text("same words apart from the channel")
    pair.get_by_role("button", name="Merge", exact=True).click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("Keep “Pay later in the app” on Mobile app, Store?")
    assert paying() == before  # nothing merged before the yes
    dialog.get_by_role("button", name="Yes, merge").click()
    expect(page.get_by_text("merged into “Pay later in the app”")).to_be_visible()
    settled(page)
    after = paying()
    assert ("Pay later in the app", ["Mobile app", "Store"]) in after
    assert [title for title, _ in after].count("Pay later in the store") == 0
    assert len(after) == len(before) - 1
    # Still on the grid, the cell still open, its marks gone, the kept one listed there
    expect(page.get_by_role("heading", name="Journey grid")).to_be_visible()
    expect(page.get_by_role("heading", name="Buying × Store")).to_be_visible()
    expect(opener).to_have_count(0)
    expect(page.get_by_role("radio", name="Buying × Mobile app (1)")).to_have_count(0)
    page.get_by_role("button", name="Undo", exact=True).first.click()
    expect(page.get_by_text("Merge undone: “Pay later in the store” is back.")).to_be_visible()
    settled(page)
    assert paying() == before
    expect(opener).to_be_visible()


def test_a_row_of_an_import_merged_instead_of_added(browser, served, stored, tmp_path):
    """The preview offers the merge only for a repeating row; the other row is added."""
    before, rows_before = stored(), rows(served)
    assert before["Self-service returns portal"] == ["Website", "Mobile app"]
    page = new_page(browser, viewport=DESKTOP)
    sign_in(page, served.url, DEMO_NAME, DEMO_PASSPHRASE)
    go(page, "Import")
    path = tmp_path / "ideas.csv"
    path.write_text(IMPORTED, encoding="utf-8")
    page.get_by_test_id("stFileUploaderDropzoneInput").set_input_files(path)
    tick = page.get_by_text("Merge rows that duplicate a candidate into it instead of adding them")
    expect(tick).to_be_visible()
    tick.click()
    settled(page)
    page.get_by_role("button", name="Add 1 candidate, merge 1 row").click()
    expect(page.get_by_text("1 row merged into the candidate it repeats.")).to_be_visible()
    after = stored()
    assert rows(served) == rows_before + 1  # Gift wrap only: the repeat was not added
    assert after["Self-service returns portal"] == ["Website", "Mobile app", "Store"]
    assert after["Gift wrap"] == ["Store"]
    engine = make_engine(served.database_url)
    with reading(engine) as db:
        [merge, *_] = recent_merges(db=db, workspace_id=find_workspace(db=db, name=DEMO_NAME).id)
    engine.dispose()
    assert (merge.kept_title, merge.merged_titles) == (
        "Self-service returns portal",
        ["Self-service returns portal"],
    )
