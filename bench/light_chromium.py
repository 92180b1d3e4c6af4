"""Real Chromium stakeholders alongside bench/light_load.py's simulated ones, on one app.

One app serves the 200-candidate session (light_load.light_app). light_load's simulated
stakeholders join within the window and answer (its own driver, light_load.drive), and
with them N headless Chromium pages (Debian's chromium, as bench/chromium_spot_check.py
launches it), each at a random moment within the window: the join link /b/CODE, a name,
*Join*, then a click every `--every` s (±50 %) on the card shown, criterion after
criterion (now and then a second thought), until the run's end. Once their last answers
are stored the facilitator reveals (light_load's finale, which waits for them).

Printed, one row: for the Chromium pages, usable (link opened until the first card),
click to stored p50/p95 (measured in the page: the click event until its button shows
as stored, chromium_spot_check's TIMING), lost and misfiled answers (the last click per
person, candidate and criterion, as shown on screen, against the database), how many
followed the round by the push just before the reveal, how many the reveal reached (in
the page: the results shown; from the reveal's write) and whose follower then followed
by the push, and the console errors; beside them light_load's figures for the simulated
stakeholders and the server's CPU. Notes under the row: console errors, failed joins
and clicks.

    python bench/light_chromium.py        # 10 Chromium + 300 simulated joining within
                                          # 60 s, answering every 5 s, 30 s once all in
    python bench/light_chromium.py --chromium 3 --people 20 --window 10 --seconds 20

Chromium needs ~100-200 MB and real CPU per page: on 2 cores 10 are the practical
maximum, and they compete with the server and the generator for the same cores.
"""

import argparse
import asyncio
import contextlib
import os
import random
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import async_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.chromium_spot_check import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    TIMING,
    lost_and_misfiled,
    names,
)
from bench.chromium_spot_check import percentiles as in_page  # noqa: E402
from bench.light_load import (  # noqa: E402
    CHANGE,
    LABELS,
    REVEAL_WAIT_S,
    all_in_cpu,
    drive,
    light_app,
    spread,
    stored_all_in,
)
from bench.workshop_load import check, percentiles  # noqa: E402
from planner.core.db import make_engine, reading  # noqa: E402
from planner.store.scoring.sessions import participants  # noqa: E402
from tests.e2e.steps import CLICK_LOG, PHONE  # noqa: E402

# The moment the results replace the ballot after the reveal (light.js, showResults), by
# the page's own clock (Date.now(): the same system clock as the reveal's time.time()).
REVEAL_SEEN = """
window.__revealed = null;
new MutationObserver(() => {
  const results = document.getElementById('results');
  if (window.__revealed === null && results && !results.hidden) window.__revealed = Date.now();
}).observe(document, { subtree: true, childList: true, attributeFilter: ['hidden'] });
"""
FOLLOWS = "() => document.querySelector('#ballot-host .follower')?.dataset.follows ?? null"
JOIN_MS = 300_000  # a join on a busy machine: at most this long until the first card
STEP_MS = 30_000  # a click, or the ballot at rest, on a busy machine
FOLLOWER_MS = 10_000  # after the reveal, the follower's stream: at most this long


class Person:
    """One Chromium stakeholder: their page and what it saw."""

    def __init__(self, page, name: str) -> None:
        self.page, self.name = page, name
        self.errors: list[str] = []
        self.before_join = 0  # the 401s of the light routes before joining: by design
        self.joined = False
        self.failed: list[str] = []  # a join or click that timed out, why
        self.usable: float | None = None
        self.follows = self.follower = None  # data-follows before / after the reveal
        self.reached: float | None = None
        self.clicks: list[dict] = []
        self.updated: list[float] = []
        page.on("console", lambda message: message.type == "error" and self.console(message))
        page.on("pageerror", lambda error: self.errors.append(f"pageerror: {error}"))

    def console(self, message) -> None:
        where = urlsplit(message.location.get("url", "")).path
        # Not joined yet, the ballot route and the enrolment answer 401 (light.js, show):
        # the join form follows. Any other error counts.
        if not self.joined and "401" in message.text and where.startswith("/api/light/"):
            self.before_join += 1
        else:
            self.errors.append(f"{message.text} ({where})")


async def join(person: Person, url: str, code: str) -> None:
    """The join link, a name and a role, *Join*; until the first card shows."""
    page = person.page
    began = time.perf_counter()
    await page.goto(f"{url}/b/{code}", timeout=JOIN_MS)
    await page.locator("#join-name").fill(person.name, timeout=JOIN_MS)
    role = page.locator("#join-role")
    if await role.evaluate("field => field.tagName") == "SELECT":  # the workspace's roles
        await role.select_option(index=1)
    else:
        await role.fill("Marketing")
    await page.locator("#join-form button[type=submit]").click()
    title = page.get_by_test_id("ballot-card").locator("h2.title")
    await title.wait_for(timeout=JOIN_MS)
    person.usable = time.perf_counter() - began
    person.joined = True


async def click(page, rng: random.Random) -> None:
    """Answer the card shown: its first open criterion, now and then a second thought;
    a card all answered that stays (a second thought holds the move): *Next*."""
    await page.locator('.ballot[data-moving="0"]').wait_for(state="attached", timeout=STEP_MS)
    groups = page.get_by_test_id("ballot-card").locator("fieldset.criterion")
    still_open = groups.filter(has_not=page.locator("button.stored, button.pending"))
    count = await groups.count()
    if count and rng.random() < CHANGE:
        group = groups.nth(rng.randrange(count))
    elif await still_open.count():
        group = still_open.first
    else:
        following = page.locator(".ballot button.next")
        if await following.is_enabled():
            await following.click(timeout=STEP_MS)
        return
    await group.locator("button").nth(rng.randrange(len(LABELS))).click(timeout=STEP_MS)


async def answer(person: Person, url, code, delay, every, results, rng) -> None:
    """Joins at `delay`, then answers until the run's end; until every answer is stored."""
    await asyncio.sleep(delay)
    try:
        await join(person, url, code)
    except PlaywrightError as error:
        person.failed.append(f"join: {str(error).splitlines()[0]}")
        return
    while time.monotonic() < results["until"]:
        await asyncio.sleep(every * (0.5 + rng.random()))
        if time.monotonic() >= results["until"]:
            break
        try:
            await click(person.page, rng)
        except PlaywrightError as error:
            person.failed.append(f"click: {str(error).splitlines()[0]}")
    try:
        await person.page.locator('.ballot[data-pending="0"]').wait_for(
            state="attached", timeout=STEP_MS
        )
    except PlaywrightError:
        person.failed.append("answers still pending at the end")
    person.follows = await person.page.evaluate(
        "() => document.querySelector('.ballot')?.dataset.follows ?? null"
    )


async def see_reveal(person: Person, results: dict) -> None:
    """How long the reveal took to reach this page, and how its follower follows then."""
    page = person.page
    while "revealed_at" not in results:
        await asyncio.sleep(0.1)
    try:
        await page.wait_for_function(
            "() => window.__revealed !== null", timeout=REVEAL_WAIT_S * 1000
        )
        person.reached = await page.evaluate("() => window.__revealed") / 1000
        person.reached -= results["revealed_at"]
    except PlaywrightError:
        pass
    with contextlib.suppress(PlaywrightError):  # what it follows by is reported, push or not
        await page.wait_for_function(f"() => ({FOLLOWS})() === 'push'", timeout=FOLLOWER_MS)
    person.follower = await page.evaluate(FOLLOWS)
    person.clicks = await page.evaluate("() => window.__clicks")
    person.updated = await page.evaluate("() => window.__updated")


def alongside(people: list[Person], urls: list[str], code, window, every, rng):
    """light_load.drive's `alongside`: the Chromium stakeholders with the simulated ones."""

    async def run(results: dict) -> None:
        try:
            await asyncio.gather(
                *(
                    answer(
                        person,
                        urls[k % len(urls)],
                        code,
                        rng.random() * window,
                        every,
                        results,
                        random.Random(rng.random()),
                    )
                    for k, person in enumerate(people)
                )
            )
        finally:
            results["others_done"].set()  # the facilitator reveals now
        await asyncio.gather(*(see_reveal(person, results) for person in people))

    return run


async def town_hall(app, args) -> tuple[dict, list[Person]]:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        people = []
        for k in range(args.chromium):  # each phone exists before they scan the code
            context = await browser.new_context(viewport=PHONE)
            await context.add_init_script(CLICK_LOG + TIMING + REVEAL_SEEN)
            people.append(Person(await context.new_page(), f"Chromium {k + 1}"))
        urls = [server.url for server in app.servers]
        rng = random.Random(args.chromium)
        results = await drive(
            app.servers,
            app.database_url,
            app.seeded,
            app.code,
            args.people,
            args.window,
            args.every,
            args.seconds,
            "push",
            alongside=alongside(people, urls, app.code, args.window, args.every, rng),
        )
        await browser.close()
    return results, people


def chromium_answers(app, people: list[Person]) -> tuple[dict[int, list[dict]], int, int]:
    """The Chromium stakeholders' clicks by their ids, and their lost and misfiled answers
    read from the database."""
    engine = make_engine(app.database_url)
    by_title, criteria = names(engine, app.seeded)
    with reading(engine) as db:
        ids = {p.name: p.id for p in participants(db=db, session_id=app.seeded["session"])}
    clicks = {ids[person.name]: person.clicks for person in people if person.name in ids}
    lost, misfiled = lost_and_misfiled(engine, app.seeded["round"], clicks, by_title, criteria)
    engine.dispose()
    return clicks, lost, misfiled


def p50_max(values: list[float]) -> str:
    """Median and maximum: a p95 of ten values says nothing more."""
    if not values:
        return "—"
    return f"{statistics.median(values) * 1000:.0f} / {max(values) * 1000:.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chromium", type=int, default=10, help="real Chromium stakeholders")
    parser.add_argument("--people", type=int, default=300, help="simulated stakeholders")
    parser.add_argument("--window", type=float, default=60.0, help="seconds all join within")
    parser.add_argument("--every", type=float, default=5.0, help="seconds between answers")
    parser.add_argument("--seconds", type=float, default=30.0, help="once everyone is in")
    parser.add_argument("--processes", type=int, default=1, help="app processes, sticky")
    parser.add_argument("--postgresql", action="store_true", help="a PostgreSQL database")
    args = parser.parse_args()
    with light_app(args.processes, args.postgresql) as app:
        results, people = asyncio.run(town_hall(app, args))
        load = os.getloadavg()[0]
        clicks, lost, misfiled = chromium_answers(app, people)
        checked = check(app.database_url, app.seeded, results, others=frozenset(clicks))
    usable = [p.usable for p in people if p.usable is not None]
    reached = [p.reached for p in people if p.reached is not None]
    updated = [ms for p in people for ms in p.updated]
    errors = Counter(error for p in people for error in p.errors)
    n = len(people)
    database = "PostgreSQL" if args.postgresql else "SQLite"
    print(
        f"{args.processes} app process(es) on {database}, {os.cpu_count()} cores; "
        f"{args.seconds:g} s once everyone is in"
    )
    print(
        "| Chromium | simulated | join within | answers every | Chromium usable p50/p95 "
        "| Chromium clicks | click to stored p50/p95 | Chromium lost | Chromium misfiled "
        "| by push before the reveal | reveal reached Chromium p50/max | follower by push "
        "| console errors | simulated usable p50/p95 | simulated vote once all in p50/p95 "
        "| simulated stored once all in p50/p95 | simulated lost / misfiled "
        "| simulated reveal reached p50/p95/max | server CPU joining / once all in | load avg |"
    )
    print("|---" * 20 + "|")
    print(
        f"| {n} | {args.people} | {args.window:g} s | {args.every:g} s "
        f"| {percentiles(usable)} ({len(usable)} of {n} joined) "
        f"| {sum(len(p.clicks) for p in people)} | {in_page(updated)} | {lost} | {misfiled} "
        f"| {sum(p.follows == 'push' for p in people)} of {n} "
        f"| {p50_max(reached)} ({len(reached)} of {n}) "
        f"| {sum(p.follower == 'push' for p in people)} of {n} "
        f"| {sum(errors.values())} (+{sum(p.before_join for p in people)} 401 before joining) "
        f"| {percentiles(results['usable'])} ({results['joined']} of {args.people} joined) "
        f"| {percentiles(results['vote all in'])} "
        f"| {percentiles(stored_all_in(results, checked))} "
        f"| {checked['lost']} / {checked['misfiled']} | {spread(results['reveal'])} "
        f"| {results['cpu_window'] * 100:.0f} % / {all_in_cpu(results)} | {load:.2f} |",
        flush=True,
    )
    for error, times in errors.most_common(5):
        print(f"  console error ×{times}: {error[:200]}")
    for person in people:
        for failure in person.failed[:3]:
            print(f"  {person.name}: {failure[:200]}")
    for failure in results["failed"][:5]:
        print(f"  simulated, failed: {failure}")


if __name__ == "__main__":
    main()
