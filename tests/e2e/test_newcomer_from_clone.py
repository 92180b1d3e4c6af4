"""A newcomer with a fresh clone and the README's first section: `make run`'s set-up
(the database made and the demo loaded), the first page, one click to the demo's
Matrix, then a first scoring round with two colleagues who join by the link the
session page shows. Nothing is typed but a session name and the colleagues' names."""

import os
import re
import subprocess
import sys
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from planner.core.i18n import t
from tests.conftest import ROOT
from tests.e2e.conftest import Served
from tests.e2e.steps import DESKTOP, PHONE, answer_current, go, join_by_link, new_page, open_session
from tests.e2e.test_first_five_minutes import demo_in, expect_its_matrix, open_the_demo
from tests.served_app import served_app

COLLEAGUES = {"Sanne de Vries": ("4", "2"), "Omar Haddad": ("2", "4")}  # answer per candidate


@pytest.fixture(scope="module")
def fresh_clone(tmp_path_factory):
    """The committed project cloned afresh, set up as `make run` does (`planner init`
    with no DATABASE_URL: data/planner.db inside the clone), and served from there."""
    clone = tmp_path_factory.mktemp("newcomer") / "journey-roadmap-planner"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    subprocess.run(
        [sys.executable, "-m", "planner", "init"], cwd=clone, env=env, check=True, timeout=300
    )
    database = clone / "data" / "planner.db"
    assert database.exists(), "`planner init` makes data/planner.db in the project"
    database_url = f"sqlite:///{database}"
    with served_app(database_url, clone / "streamlit.log", cwd=clone) as server:
        yield Served(server.url, database_url)


def test_a_newcomer_reaches_the_demo_and_runs_a_first_round(browser, fresh_clone, screenshot):
    """README only: open the demo, its Matrix, a session, two colleagues score, reveal."""
    name, count = demo_in(fresh_clone.database_url)
    facilitator = new_page(browser, viewport=DESKTOP)
    open_the_demo(facilitator, fresh_clone.url, name)
    expect_its_matrix(facilitator, count)

    go(facilitator, "Scoring session")
    open_session(
        facilitator,
        "First round",
        {"Phase": "Sharing", "Channel": "E-mail"},
        f"2 of {count} candidates will be scored.",
    )
    link = facilitator.get_by_test_id("stCode").first.inner_text().strip()
    port = urlsplit(fresh_clone.url).port
    assert re.fullmatch(rf"http://[^/]+:{port}/b/[A-Z0-9]{{6}}", link), link  # not localhost

    colleagues = {}
    for colleague, viewport in zip(COLLEAGUES, (DESKTOP, PHONE), strict=True):
        colleagues[colleague] = new_page(browser, viewport=viewport)
        join_by_link(colleagues[colleague], link, colleague, total=2)
    for candidate in (0, 1):
        for colleague, page in colleagues.items():
            answer_current(
                page,
                COLLEAGUES[colleague][candidate],
                f"{colleague} thinks so",
                advances=not candidate,
            )
    for page in colleagues.values():
        expect(page.get_by_text("2 of 2 scored")).to_be_visible()
    expect(facilitator.get_by_test_id("stMetricValue").nth(2)).to_have_text("2", timeout=15_000)

    facilitator.get_by_role("button", name="Reveal the scores").click()
    expect(facilitator.get_by_text(t("session.revealed"))).to_be_visible()
    for page in colleagues.values():
        expect(page.get_by_text("of this round have been revealed")).to_be_visible(timeout=15_000)
    screenshot(facilitator, "newcomer-first-round-revealed")
    for page in (facilitator, *colleagues.values()):
        page.context.close()
