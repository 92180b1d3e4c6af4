"""Browser tests: the app served by `streamlit run`, driven in Debian's headless Chromium."""

import os
import shutil
from pathlib import Path
from typing import NamedTuple

import pytest
from playwright.sync_api import Browser, sync_playwright

from planner.core.db import make_engine, migrate, writing
from planner.demo import load_demo_if_empty
from tests.conftest import ROOT
from tests.served_app import served_app

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"

# The core flows `make test` runs in a browser: the shared scoring round, the light
# ballot, the newcomer's first page and the ballot's integrity under fast clicks. Every
# other browser test is marked `slow`: `make test-slow` runs them, and CI runs both
# (docs/testing.md lists the two sets and why).
CORE = {
    "test_shared_scoring.py",
    "test_light_ballot.py",
    "test_first_five_minutes.py",
    "test_ballot_integrity.py",
}


def pytest_collection_modifyitems(items):
    for item in items:
        if item.path.parent == Path(__file__).parent and item.path.name not in CORE:
            item.add_marker(pytest.mark.slow)


class Served(NamedTuple):
    url: str
    database_url: str


@pytest.fixture(scope="module")
def app_url(served) -> str:
    return served.url


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The app with the demo workspace, on a free port, with its own database."""
    folder = tmp_path_factory.mktemp("e2e")
    database_url = f"sqlite:///{folder / 'planner.db'}"
    # What `python -m planner init` does (test_cli tests the command), in this process:
    # one interpreter start less for each file's app.
    engine = make_engine(database_url)
    migrate(engine)
    with writing(engine) as db:
        load_demo_if_empty(db=db)
    engine.dispose()
    with served_app(database_url, folder / "streamlit.log") as server:
        yield Served(server.url, database_url)


@pytest.fixture(scope="session")
def browser() -> Browser:
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing: `make test` installs Debian's chromium")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(name="screenshot")
def screenshot_fixture():
    """Save a page's screenshot under artifacts/screenshots (CI keeps that folder)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name: str) -> None:
        page.screenshot(path=SCREENSHOTS / f"{name}.png", animations="disabled")

    return take
