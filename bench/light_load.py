"""Stakeholders joining and voting on the light page (/b/CODE), as a browser does it.

Each simulated stakeholder, at a random moment within the join window: GET the page,
its static files (gzip asked, as browsers do), the ballot route (401: not joined yet),
POST the join form, GET the ballot's data and ballot.js, POST /remember, load the first
card and the next (prefetch) -- "usable" is the time from the first request until the
first card has loaded. Then, until the end: an answer every `--every` s (±50 %) on the
card shown, one criterion after the other, sometimes changing an earlier answer; a card
load after each finished card; /api/ballot/state every 2 s.

Printed per scenario: p50/p95 of every step, server CPU (% of one core) during the
join window and after it, the load average, and lost / misfiled answers (the last
answer sent per stakeholder, candidate and criterion against the database).

    python bench/light_load.py                     # 100 within 10 s, 300 within 60 s
    python bench/light_load.py 300 --window 60 --every 5 --seconds 30

One app process on SQLite; the load generator runs on the same machine (its CPU is
not in the server's figure, but it competes for the same cores).
"""

import argparse
import asyncio
import os
import random
import re
import secrets
import sys
import tempfile
import time
from pathlib import Path

import httpx2

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.workshop_load import check, cpu_seconds, percentiles, seed  # noqa: E402
from planner.core.db import make_engine, reading  # noqa: E402
from planner.store.sessions import get_session  # noqa: E402
from tests.served_app import served_app  # noqa: E402

POLL_S = 2.0
LABELS = ["1", "2", "3", "4", "5", "?"]
CHANGE = 0.1  # share of answers that change an earlier one
STEPS = ("page", "static", "join", "ballot", "first card", "usable", "card", "vote", "state")


RETRY_S = [0.5, 1, 2, 4, 8]  # as ballot.js and light.js
RESULTS: dict = {}


async def send(client, method: str, url: str, **kwargs):
    """A request as the page sends it: on a connection closed under it (an idle
    keep-alive the server ended, say) or a 5xx, sent again, later each time."""
    for delay in [*RETRY_S, None]:
        try:
            response = await client.request(method, url, **kwargs)
            if response.status_code < 500 or delay is None:
                return response
        except httpx2.TransportError:
            if delay is None:
                raise
        RESULTS["retries"] = RESULTS.get("retries", 0) + 1
        await asyncio.sleep(delay)


def timed(results: dict, step: str, started: float) -> None:
    results[step].append(time.perf_counter() - started)


async def arrive(client, code: str, results: dict) -> dict:
    """The page, its files, the join form, the ballot's data, the first card."""
    began = time.perf_counter()
    started = time.perf_counter()
    page = await send(client, "GET", f"/b/{code}")
    page.raise_for_status()
    timed(results, "page", started)
    assets = sorted(set(re.findall(r"/b/assets/[\w.]+", page.text)))
    ballot_js = next(a for a in assets if a.startswith("/b/assets/ballot.") and a.endswith(".js"))
    started = time.perf_counter()
    files = [a for a in assets if a != ballot_js]
    await asyncio.gather(
        *(send(client, "GET", a) for a in files),
        send(client, "GET", f"/api/light/ballot?code={code}"),
    )
    timed(results, "static", started)
    started = time.perf_counter()
    name = f"Light {id(client)}-{random.random():.6f}"
    joined = await send(
        client,
        "POST",
        "/api/light/join",
        json={
            "code": code,
            "name": name,
            "role": "",
            "lang": "en",
            "attempt": secrets.token_hex(16),
        },
    )
    joined.raise_for_status()
    timed(results, "join", started)
    started = time.perf_counter()
    view, _ = await asyncio.gather(
        send(client, "GET", f"/api/light/ballot?code={code}&lang=en&joined=1"),
        send(client, "GET", ballot_js),
    )
    view.raise_for_status()
    timed(results, "ballot", started)
    data = view.json()["data"]
    client.headers["X-Ballot-Key"] = data["key"]
    started = time.perf_counter()
    ids = [c[0] for c in data["candidates"]]
    first = await send(
        client, "GET", f"/api/ballot/candidate?round={data['round']}&candidate={ids[0]}"
    )
    first.raise_for_status()
    timed(results, "first card", started)
    timed(results, "usable", began)
    await asyncio.gather(
        send(client, "POST", "/api/ballot/remember"),
        send(client, "GET", f"/api/ballot/candidate?round={data['round']}&candidate={ids[1]}"),
    )
    return data


async def stakeholder(client, code, delay, every, until, results, rng) -> None:
    await asyncio.sleep(delay)
    async with client:
        try:
            data = await arrive(client, code, results)
        except (httpx2.HTTPError, KeyError, StopIteration, ValueError) as error:
            results["failed"].append(repr(error)[:120])
            return
        results["joined"] += 1
        me, round_id = data["stakeholder"], data["round"]
        criteria = [c["id"] for c in data["criteria"]]
        ids = [c[0] for c in data["candidates"]]

        async def follow() -> None:
            while time.monotonic() < until:
                started = time.perf_counter()
                try:  # as ballot.js: a failed poll is asked again at the next tick
                    await client.get(f"/api/ballot/state?session={data['session']}")
                    timed(results, "state", started)
                except httpx2.TransportError:
                    results["poll_failed"] = results.get("poll_failed", 0) + 1
                await asyncio.sleep(POLL_S)

        poller = asyncio.create_task(follow())
        card, step, answered = 0, 0, []
        while every and time.monotonic() < until:
            await asyncio.sleep(every * (0.5 + rng.random()))
            if answered and rng.random() < CHANGE:
                candidate, criterion = rng.choice(answered)  # a second thought
            else:
                candidate, criterion = ids[card % len(ids)], criteria[step]
                answered.append((candidate, criterion))
                step += 1
            label = rng.choice(LABELS)
            sent, started = time.time(), time.perf_counter()
            try:
                response = await send(
                    client,
                    "POST",
                    "/api/ballot/vote",
                    json={
                        "round": round_id,
                        "candidate": candidate,
                        "criterion": criterion,
                        "answer": label,
                        "lang": "en",
                    },
                )
            except httpx2.HTTPError:
                results["errors"] += 1
                continue
            if response.status_code == 200:
                timed(results, "vote", started)
                results["sent"][(me, candidate, criterion)] = (label, sent)
            else:
                results["errors"] += 1
            if step == len(criteria):  # card done: the next one, then the one after
                card, step = card + 1, 0
                started = time.perf_counter()
                nxt = ids[(card + 1) % len(ids)]
                await send(client, "GET", f"/api/ballot/candidate?round={round_id}&candidate={nxt}")
                timed(results, "card", started)
        await poller


async def drive(server, code: str, people: int, window: float, every: float, seconds: float):
    results = {step: [] for step in STEPS} | {
        "sent": {},
        "errors": 0,
        "failed": [],
        "joined": 0,
    }
    RESULTS.clear()
    RESULTS.update(results)
    results = RESULTS
    rng = random.Random(people)
    # Each stakeholder's browser (own connections, own cookies) exists before they scan
    # the code: made first, so that making them costs the window nothing.
    browsers = [httpx2.AsyncClient(base_url=server.url, timeout=120) for _ in range(people)]
    until = time.monotonic() + window + seconds
    cpu0, wall0 = cpu_seconds(server.pid), time.monotonic()
    own0 = time.process_time()

    async def window_cpu() -> None:
        await asyncio.sleep(window)
        results["cpu_window"] = (cpu_seconds(server.pid) - cpu0) / (time.monotonic() - wall0)
        results["client_window"] = (time.process_time() - own0) / (time.monotonic() - wall0)
        results["cpu_after_from"] = (cpu_seconds(server.pid), time.monotonic())

    await asyncio.gather(
        window_cpu(),
        *(
            stakeholder(
                browser,
                code,
                rng.random() * window,
                every,
                until,
                results,
                random.Random(rng.random()),
            )
            for browser in browsers
        ),
    )
    cpu1, wall1 = results["cpu_after_from"]
    results["cpu_after"] = (cpu_seconds(server.pid) - cpu1) / max(time.monotonic() - wall1, 1e-9)
    return results


def scenario(people: int, window: float, every: float, seconds: float) -> dict:
    folder = Path(tempfile.mkdtemp(prefix="light-load-"))
    database_url = f"sqlite:///{folder / 'planner.db'}"
    seeded = seed(database_url, 0)
    engine = make_engine(database_url)
    with reading(engine) as db:
        code = get_session(db=db, session_id=seeded["session"]).code
    engine.dispose()
    with served_app(database_url, folder / "server.log") as server:
        # The facilitator showed the code first: the app's engine is up (not counted).
        httpx2.get(f"{server.url}/b/{code}", timeout=120).raise_for_status()
        results = asyncio.run(drive(server, code, people, window, every, seconds))
    load = os.getloadavg()[0]
    checked = check(database_url, seeded, results)
    return {"results": results, "checked": checked, "load": load}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("people", nargs="*", type=int)
    parser.add_argument("--window", type=float, default=None, help="seconds all join within")
    parser.add_argument("--every", type=float, default=5.0, help="seconds between answers")
    parser.add_argument("--seconds", type=float, default=30.0, help="voting after the window")
    args = parser.parse_args()
    plans = (
        [(n, args.window or 10.0) for n in args.people]
        if args.people
        else [(100, 10.0), (300, 60.0)]
    )
    print(f"1 app process on SQLite, {os.cpu_count()} cores; answers every {args.every:g} s")
    print(
        "| joining | within | "
        + " | ".join(f"{s} p50/p95" for s in STEPS)
        + " | CPU joining | CPU after | generator CPU joining | load avg"
        + " | joined | refused | answers | lost | misfiled |"
    )
    print("|---" * (len(STEPS) + 11) + "|")
    for people, window in plans:
        run = scenario(people, window, args.every, args.seconds)
        results, checked = run["results"], run["checked"]
        steps = " | ".join(percentiles(results[s]) for s in STEPS)
        print(
            f"| {people} | {window:g} s | {steps} | {results['cpu_window'] * 100:.0f} % "
            f"| {results['cpu_after'] * 100:.0f} % | {results['client_window'] * 100:.0f} % "
            f"| {run['load']:.2f} | {results['joined']} "
            f"| {len(results['failed'])} | {len(results['sent'])} | {checked['lost']} "
            f"| {checked['misfiled']} |",
            flush=True,
        )
        print(
            f"  requests sent again after a closed connection or a 5xx: "
            f"{results.get('retries', 0)}; state polls failed: {results.get('poll_failed', 0)}"
        )
        for failure in results["failed"][:5]:
            print(f"  failed: {failure}")


if __name__ == "__main__":
    main()
