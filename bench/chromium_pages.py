"""Page changes and sign-in in real Chromium at 2,000 candidates, against the floor page.

Issue 17's budgets: a page change to the matrix or the roadmap visible within 2x the
floor page's rerun (bench/floor_page.py: a 2,000-row table and one Altair scatter) in
the same browser; sign-in to the first page under 1.5 s.

Each figure is timed inside the page, from the click (or the key press that reruns
the floor page) to the end of the run it started: Streamlit's app root says what its
script is doing (`data-test-script-state`), and the run counts as done once it stays
`notRunning` with no element of the previous run still on screen, plus one frame.
Medians of several tries; the floor is measured between the page changes.

    python bench/chromium_pages.py [--candidates 2000] [--tries 7]
"""

import argparse
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import Page, expect, sync_playwright
from sqlalchemy import select

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.pages import _workspace  # noqa: E402
from planner.core.db import make_engine, writing  # noqa: E402
from planner.models import PassphraseSet, Workspace  # noqa: E402
from planner.store.access import set_passphrase  # noqa: E402
from tests.served_app import served_app  # noqa: E402

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run"]
PASSPHRASE = "bench passphrase 2000"
SIGN_IN_BUDGET_MS = 1500
PAGE_CHANGE_BUDGET = 2.0  # times the floor page's rerun
# Records when each run ends (the app root's state back to notRunning) and when the
# user acted (click or key press), in the page's own clock.
PROBE = """
window.__acted = null; window.__ended = [];
for (const kind of ['click', 'keydown']) {
  document.addEventListener(kind, () => { window.__acted = performance.now(); }, true);
}
new MutationObserver(() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (app && app.getAttribute('data-test-script-state') === 'notRunning') {
    requestAnimationFrame(() => window.__ended.push(performance.now()));
  }
}).observe(document, {attributes: true, subtree: true,
                      attributeFilter: ['data-test-script-state']});
"""


def _done(page: Page) -> None:
    """Until the runs the last action started are over and drawn."""
    app = page.get_by_test_id("stApp")
    for _ in range(2):
        page.wait_for_timeout(250)
        expect(app).to_have_attribute("data-test-script-state", "notRunning", timeout=60_000)
    expect(page.locator("[data-stale='true']")).to_have_count(0, timeout=60_000)


def _timed(page: Page, act) -> float:
    """ms from the user's action to the end of the last run it started."""
    page.evaluate("window.__acted = null; window.__ended = []")
    act()
    _done(page)
    return page.evaluate("Math.max(...window.__ended) - window.__acted")


def _sign_in(page: Page, url: str) -> float:
    page.goto(url)
    _done(page)
    form = page.get_by_test_id("stForm").first
    form.get_by_label("Workspace", exact=True).fill("Synthetic")
    form.get_by_role("textbox", name="Passphrase").fill(PASSPHRASE)
    form.get_by_label("Your name").fill("Bench")
    took = _timed(page, lambda: page.get_by_role("button", name="Open as facilitator").click())
    expect(page.get_by_role("link", name="Scoring session")).to_be_visible()
    return took


def _change_to(page: Page, link: str) -> float:
    return _timed(page, lambda: page.get_by_role("link", name=link, exact=True).first.click())


def _floor_rerun(page: Page) -> float:
    page.get_by_role("heading", name="Floor").click()  # focus the page, not a widget
    _done(page)
    return _timed(page, lambda: page.keyboard.press("r"))


def measure(candidates: int = 2_000, tries: int = 7) -> dict[str, float]:
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/chromium_pages.db"
        _workspace(url, candidates)
        engine = make_engine(url)
        with writing(engine) as db:
            workspace_id = db.exec(select(Workspace.id)).one()
            set_passphrase(
                db=db, workspace_id=workspace_id, passphrase_in=PassphraseSet(passphrase=PASSPHRASE)
            )
        engine.dispose()
        logs = Path(folder)
        with (
            served_app(url, logs / "app.log") as app,
            served_app(url, logs / "floor.log", "bench/floor_page.py") as floor,
            sync_playwright() as pw,
        ):
            browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            viewport = {"width": 1366, "height": 900}
            signing = [browser.new_page(viewport=viewport) for _ in range(tries)]
            for page in signing:
                page.add_init_script(PROBE)
            sign_ins = [_sign_in(page, app.url) for page in signing]
            for page in signing[1:]:
                page.close()
            page = signing[0]
            floor_page = browser.new_page(viewport=viewport)
            floor_page.add_init_script(PROBE)
            floor_page.goto(floor.url)
            _done(floor_page)
            _change_to(page, "Matrix")  # warm: the first visit makes what is shared
            _change_to(page, "Roadmap")
            times: dict[str, list[float]] = {"floor": [], "matrix": [], "roadmap": [], "audit": []}
            for _ in range(tries):
                times["audit"].append(_change_to(page, "Audit log"))
                times["floor"].append(_floor_rerun(floor_page))
                times["matrix"].append(_change_to(page, "Matrix"))
                times["floor"].append(_floor_rerun(floor_page))
                times["roadmap"].append(_change_to(page, "Roadmap"))
            browser.close()
    floor_ms = statistics.median(times["floor"])
    figures = {
        "chromium_sign_in_ms": statistics.median(sign_ins),
        "chromium_floor_rerun_ms": floor_ms,
    }
    for name in ("matrix", "roadmap", "audit"):
        figures[f"chromium_{name}_change_ms"] = statistics.median(times[name])
        figures[f"chromium_{name}_x_floor"] = figures[f"chromium_{name}_change_ms"] / floor_ms
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--candidates", type=int, default=2_000)
    parser.add_argument("--tries", type=int, default=7)
    arguments = parser.parse_args()
    figures = measure(arguments.candidates, arguments.tries)
    for name, value in figures.items():
        print(f"{name:32} {value:10.2f}")
    print(f"budgets: sign-in < {SIGN_IN_BUDGET_MS} ms, page change < {PAGE_CHANGE_BUDGET}x floor")


if __name__ == "__main__":
    main()
