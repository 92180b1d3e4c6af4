"""Spot check of bench/workshop_load.py with real browsers: 10 Chromium stakeholders on
the same 200-candidate session, each answering every ~2 s for a minute.

Printed: ballot updated after a click p50/p95 (from the click event until the button
shows as stored, measured in the page: the write is inside it), server CPU, lost and
misfiled answers (the last click per person, candidate and criterion, as shown on
screen, against the database).

    python bench/chromium_spot_check.py [--people 10] [--seconds 60]
"""

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright
from sqlalchemy import select

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.workshop_load import cpu_seconds, seed  # noqa: E402
from planner.core.db import make_engine, reading  # noqa: E402
from planner.models import Candidate, Criterion, Vote  # noqa: E402
from tests.e2e.steps import CLICK_LOG  # noqa: E402
from tests.served_app import served_app  # noqa: E402

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run"]
# Times each click from the event to the moment its button shows as stored.
TIMING = """
window.__updated = [];
document.addEventListener('click', (event) => {
  const button = event.composedPath()[0];
  if (!(button instanceof HTMLElement) || !button.dataset || !button.dataset.label) return;
  const started = performance.now();
  const check = () => {
    if (!button.isConnected) return;
    if (button.classList.contains('stored') && !button.classList.contains('pending')) {
      window.__updated.push(performance.now() - started);
    } else if (performance.now() - started < 30000) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}, true);
"""


def percentiles(values: list[float]) -> str:
    if len(values) < 2:
        return "—"
    cuts = statistics.quantiles(values, n=20)
    return f"{statistics.median(values):.0f} / {cuts[18]:.0f} ms"


def names(engine, seeded: dict) -> tuple[dict[str, int], dict[str, int]]:
    """The seeded session's candidate titles and criterion names, as the ballot shows
    them, with their ids."""
    with reading(engine) as db:
        ids = seeded["candidates"]
        by_title = dict(
            db.execute(select(Candidate.title, Candidate.id).where(Candidate.id.in_(ids))).all()
        )
        criteria = dict(
            db.execute(
                select(Criterion.name, Criterion.id).where(Criterion.id.in_(seeded["criteria"]))
            ).all()
        )
    return by_title, criteria


def lost_and_misfiled(
    engine, round_id: int, clicks: dict[int, list[dict]], by_title: dict, criteria: dict
) -> tuple[int, int]:
    """The last click per person, candidate and criterion (CLICK_LOG: as shown on
    screen) against the votes stored for these people: (lost, misfiled)."""
    with reading(engine) as db:
        rows = db.execute(
            select(Vote.stakeholder_id, Vote.candidate_id, Vote.criterion_id, Vote.label).where(
                Vote.round_id == round_id, Vote.stakeholder_id.in_(list(clicks))
            )
        ).all()
    stored = {(s, c, k): label or "?" for s, c, k, label in rows}
    expected = {}
    for stakeholder_id, logged in clicks.items():
        for click in logged:
            key = (stakeholder_id, by_title[click["title"]], criteria[click["criterion"]])
            expected[key] = click["label"]
    lost = sum(1 for key in expected if key not in stored)
    misfiled = sum(1 for key, label in stored.items() if expected.get(key) != label)
    return lost, misfiled


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="chromium-spot-"))
    database_url = f"sqlite:///{folder / 'planner.db'}"
    seeded = seed(database_url, args.people)
    engine = make_engine(database_url)
    by_title, criteria = names(engine, seeded)
    rng = random.Random(7)
    with served_app(database_url, folder / "server.log") as server, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        pages = []
        for _, token in seeded["people"]:
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            context.add_init_script(CLICK_LOG + TIMING)
            page = context.new_page()
            page.goto(f"{server.url}/?me={token}")
            pages.append(page)
        for page in pages:
            page.get_by_test_id("ballot-card").locator("h2.title").wait_for(timeout=60_000)
        cpu_start, wall_start = cpu_seconds(server.pid), time.monotonic()
        due = [time.monotonic() + rng.random() * 2 for _ in pages]
        until = time.monotonic() + args.seconds
        while time.monotonic() < until:
            n = min(range(len(pages)), key=due.__getitem__)
            time.sleep(max(0.0, due[n] - time.monotonic()))
            card = pages[n].get_by_test_id("ballot-card")
            group = card.locator("fieldset.criterion").nth(rng.randrange(len(criteria)))
            group.locator("button").nth(rng.randrange(6)).click()
            due[n] = time.monotonic() + 1 + rng.random() * 2
        for page in pages:
            page.locator(".ballot[data-pending='0']").wait_for(timeout=30_000)
        cpu = (cpu_seconds(server.pid) - cpu_start) / (time.monotonic() - wall_start) * 100
        logs = [
            (page.evaluate("() => window.__clicks"), page.evaluate("() => window.__updated"))
            for page in pages
        ]
        browser.close()
    clicks = {who: logged for (who, _), (logged, _) in zip(seeded["people"], logs, strict=True)}
    lost, misfiled = lost_and_misfiled(engine, seeded["round"], clicks, by_title, criteria)
    updated = [ms for _, times in logs for ms in times]
    print(
        "| Chromium stakeholders | clicks | ballot updated p50/p95 | server CPU | lost | misfiled |"
    )
    print("|---|---|---|---|---|---|")
    print(
        f"| {args.people} | {sum(len(c) for c, _ in logs)} | {percentiles(updated)} "
        f"| {cpu:.0f} % | {lost} | {misfiled} |"
    )


if __name__ == "__main__":
    main()
