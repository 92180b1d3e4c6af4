"""A newcomer's first minutes, in a real browser: the first page after `make run` offers
the demo by name; one click reaches its Matrix, as facilitator on the machine that runs
the app, as a marked read-only tour when the installation says so. Nothing is typed."""

import subprocess
import sys

import pytest
from playwright.sync_api import Page, expect

from planner.core.db import make_engine, reading
from planner.core.i18n import t
from planner.demo import find_demo
from planner.store.journey.candidates import candidate_counts
from tests.conftest import ROOT
from tests.e2e.conftest import Served
from tests.e2e.steps import DESKTOP, new_page, settled
from tests.served_app import served_app


def demo_in(database_url: str) -> tuple[str, int]:
    """The demo's name and how many candidates it holds, as the database has them."""
    engine = make_engine(database_url)
    with reading(engine) as db:
        demo = find_demo(db=db)
        count = candidate_counts(db=db)[demo.id]
    engine.dispose()
    return demo.name, count


@pytest.fixture(scope="module")
def touring(tmp_path_factory):
    """The app as an installation that gives everyone the read-only tour."""
    folder = tmp_path_factory.mktemp("tour")
    database_url = f"sqlite:///{folder / 'planner.db'}"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DATABASE_URL", database_url)
        patch.setenv("PLANNER_DEMO", "tour")
        subprocess.run(
            [sys.executable, "-m", "planner", "init"], cwd=ROOT, check=True, capture_output=True
        )
        with served_app(database_url, folder / "streamlit.log") as server:
            yield Served(server.url, database_url)


def open_the_demo(page: Page, url: str, name: str) -> None:
    """The first page, as `make run` says to open it, and a click on its demo button."""
    page.goto(url)
    settled(page)
    expect(page.get_by_role("heading", name=t("demo.title"))).to_be_visible()
    expect(page.get_by_text(name, exact=False).first).to_be_visible()  # named, to read
    page.get_by_role("button", name=t("demo.open"), exact=True).click()
    page.wait_for_url("**/matrix", timeout=60_000)  # the run that opens it switches page
    settled(page)


def expect_its_matrix(page: Page, count: int) -> None:
    """The Matrix of the demo, with every one of its candidates."""
    expect(page.get_by_role("heading", name=t("matrix.title"))).to_be_visible(timeout=30_000)
    expect(page.get_by_test_id("stVegaLiteChart").first).to_be_visible()
    page.get_by_role("tab", name=t("matrix.per_quadrant")).click()
    settled(page)
    grid = page.get_by_test_id("stDataFrame").locator("table[role=grid]")
    expect(grid).to_have_attribute("aria-rowcount", str(count + 1))  # a header, then each


def test_one_click_from_the_first_page_opens_the_demo_as_facilitator(browser, served, screenshot):
    """On the machine that runs the app: the demo's Matrix, as its facilitator."""
    name, count = demo_in(served.database_url)
    page = new_page(browser, viewport=DESKTOP)
    open_the_demo(page, served.url, name)
    expect(page.get_by_text(t("demo.welcome_facilitator").split("**")[0].strip())).to_be_visible()
    expect(page.get_by_test_id("stVegaLiteChart").first).to_be_visible()
    screenshot(page, "first-five-minutes-matrix")  # the chart, before the table's tab
    expect_its_matrix(page, count)
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_role("link", name=t("nav.session"), exact=True)).to_be_visible()
    picker = sidebar.get_by_role("combobox", name=t("workspace.current"))
    expect(picker).to_have_value(f"{name} · {t('role.facilitator')}")
    screenshot(page, "first-five-minutes-facilitator")
    page.context.close()


def test_an_installation_may_give_a_marked_read_only_tour(browser, touring, screenshot):
    """With PLANNER_DEMO=tour: the Matrix, marked read-only, with the way to one's own."""
    name, count = demo_in(touring.database_url)
    page = new_page(browser, viewport=DESKTOP)
    open_the_demo(page, touring.url, name)
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_text(t("demo.tour_note").replace("**", ""))).to_be_visible()
    expect(sidebar.get_by_role("link", name=t("demo.own_workspace"))).to_be_visible()
    expect(sidebar.get_by_role("link", name=t("nav.session"), exact=True)).to_have_count(0)
    expect_its_matrix(page, count)
    screenshot(page, "first-five-minutes-tour")
    page.context.close()
