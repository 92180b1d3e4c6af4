"""Stakeholders joining and voting on the light page (/b/CODE), as a browser does it.

Each simulated stakeholder, at a random moment within the join window: GET the page,
its static files (gzip asked, as browsers do), the ballot route (401: not joined yet),
POST the join form, GET the ballot's data and ballot.js, POST /remember, load the first
card and the next (prefetch) -- "usable" is the time from the first request until the
first card has loaded. Then, until the end: an answer every `--every` s (±50 %) on the
card shown, one criterion after the other, sometimes changing an earlier answer; a card
load after each finished card; and the round's state followed as ballot.js does: the
pushed stream (GET /api/ballot/events with the personal cookie, reconnecting; the poll
if it is refused), or with `--follow poll` /api/ballot/state every 2 s. `--every 0`:
connected and idle, no answers.

Printed per scenario: p50/p95 of every step; the vote's round trip and the vote stored
(click sent -> the row's `updated_at`) once everyone is in, apart from the join window;
server CPU (% of one core, summed over the processes) during the join window and once
everyone is in; the load average; lost / misfiled answers (the last answer sent per
stakeholder, candidate and criterion against the database); and at the end a reveal:
how long until every ballot following it knew (p50/p95/max).

    python bench/light_load.py                 # 100 within 10 s, 300 within 60 s
                                               # answering every 5 s; 1,000 idle
    python bench/light_load.py 300 --window 60 --every 5 --seconds 30
    python bench/light_load.py 1000 --window 120 --every 0 --seconds 30
    python bench/light_load.py 600 --window 60 --postgresql --processes 2

One app process on SQLite unless `--processes N` (stakeholder k to process k mod N, as a
sticky load balancer does) and `--postgresql` (bench/workshop_load.py's run_database);
the load generator runs on the same machine (its CPU is not in the server's figure, but
it competes for the same cores).
"""

import argparse
import asyncio
import json
import os
import random
import re
import secrets
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import NamedTuple

import httpx2

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.workshop_load import (  # noqa: E402
    check,
    cpu_seconds,
    percentiles,
    run_database,
    seed,
    serve,
)
from planner.core.db import make_engine, reading, writing  # noqa: E402
from planner.store.scoring.sessions import get_session, reveal_round  # noqa: E402

POLL_S = 2.0
STREAM_RETRY_S = 3.0  # EventSource's wait before it reconnects (the server says 3000 ms)
REVEAL_WAIT_S = 20.0  # at most this long for the reveal to reach every ballot
ARRIVE_MAX_S = 300.0  # after the window, at most this long for the last joins
LABELS = ["1", "2", "3", "4", "5", "?"]
CHANGE = 0.1  # share of answers that change an earlier one
STEPS = ("page", "static", "join", "ballot", "first card", "usable", "card", "vote", "state")


RETRY_S = [0.5, 1, 2, 4, 8]  # as ballot.js and light.js
RESULTS: dict = {}


async def send(client, method: str, url: str, **kwargs):
    """A request as the page sends it: on a connection closed under it (an idle
    keep-alive the server ended, say) or a 5xx, sent again, later each time."""
    for delay in [*RETRY_S, None]:
        why = "closed"
        try:
            response = await client.request(method, url, **kwargs)
            if response.status_code < 500 or delay is None:
                return response
            why = str(response.status_code)
        except httpx2.TransportError:
            if delay is None:
                raise
        RESULTS.setdefault("retries", Counter())[why] += 1
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


def seen(results: dict, state: dict) -> bool:
    """A state reached this ballot: the time the reveal did, the first time."""
    revealed = results.get("revealed_at")
    if revealed and state.get("round_status") == "revealed":
        results["reveal"].append(time.time() - revealed)
        return True
    return False


async def poll(client, session: int, results: dict) -> None:
    """ballot.js's fallback: /api/ballot/state every 2 s."""
    while True:
        started = time.perf_counter()
        try:  # as ballot.js: a failed poll is asked again at the next tick
            answer = await client.get(f"/api/ballot/state?session={session}")
            timed(results, "state", started)
            if answer.status_code == 200 and seen(results, answer.json()):
                return
        except httpx2.TransportError:
            results["poll_failed"] = results.get("poll_failed", 0) + 1
        await asyncio.sleep(POLL_S)


async def listen(client, session: int, results: dict) -> None:
    """ballot.js's EventSource: the personal cookie (no header), the state at once and
    at each change; reconnected after a drop, the poll when refused."""
    url = f"/api/ballot/events?session={session}"
    while True:
        try:
            async with client.stream(
                "GET", url, headers={"X-Ballot-Key": ""}, timeout=httpx2.Timeout(30, read=None)
            ) as response:
                if response.status_code != 200:
                    results["stream_refused"] += 1
                    return await poll(client, session, results)
                results["streams"] += 1
                async for line in response.aiter_lines():
                    if line.startswith("data: "):
                        results["pushed"] += 1
                        if seen(results, json.loads(line.removeprefix("data: "))):
                            return
        except httpx2.TransportError:
            results["stream_dropped"] += 1
        await asyncio.sleep(STREAM_RETRY_S)


async def stakeholder(client, code, delay, every, results, rng, follow) -> None:
    await asyncio.sleep(delay)
    async with client:
        try:
            data = await arrive(client, code, results)
        except (httpx2.HTTPError, KeyError, StopIteration, ValueError) as error:
            results["failed"].append(repr(error)[:120])
            results["arrived"] += 1
            return
        results["joined"] += 1
        results["arrived"] += 1
        me, round_id = data["stakeholder"], data["round"]
        criteria = [c["id"] for c in data["criteria"]]
        ids = [c[0] for c in data["candidates"]]
        following = asyncio.create_task(
            (listen if follow == "push" else poll)(client, data["session"], results)
        )
        card, step, answered = 0, 0, []
        while every and time.monotonic() < results["until"]:
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
                if results.get("all_in") and sent >= results["all_in"]:
                    timed(results, "vote all in", started)
                results["sent"][(me, candidate, criterion)] = (label, sent)
            else:
                results["errors"] += 1
            if step == len(criteria):  # card done: the next one, then the one after
                card, step = card + 1, 0
                started = time.perf_counter()
                nxt = ids[(card + 1) % len(ids)]
                await send(client, "GET", f"/api/ballot/candidate?round={round_id}&candidate={nxt}")
                timed(results, "card", started)
        await results["ended"].wait()  # the reveal reached everyone (or its time is up)
        following.cancel()


def reveal(database_url: str, session_id: int) -> None:
    engine = make_engine(database_url)
    with writing(engine) as db:
        reveal_round(db=db, session_id=session_id)
    engine.dispose()


async def drive(
    servers,
    database_url,
    seeded,
    code,
    people,
    window,
    every,
    seconds,
    follow,
    alongside: Callable[[dict], Awaitable] | None = None,
):
    """The simulated stakeholders against the served app(s), then the facilitator's reveal.

    `alongside(results)` runs with them (bench/light_chromium.py's real browsers): it
    shares `results` (answering until `results["until"]`, the reveal written at
    `results["revealed_at"]`), and the reveal waits until it sets `results["others_done"]`.
    """
    results = {step: [] for step in (*STEPS, "vote all in")} | {
        "sent": {},
        "errors": 0,
        "failed": [],
        "joined": 0,
        "arrived": 0,
        "people": people,
        "reveal": [],
        "streams": 0,
        "pushed": 0,
        "stream_refused": 0,
        "stream_dropped": 0,
        "ended": asyncio.Event(),
        "others_done": asyncio.Event(),
    }
    if alongside is None:
        results["others_done"].set()
    RESULTS.clear()
    RESULTS.update(results)
    results = RESULTS
    rng = random.Random(people)
    pids = [server.pid for server in servers]
    # Each stakeholder's browser (own connections, own cookies) exists before they scan
    # the code: made first, so that making them costs the window nothing. Stakeholder k
    # goes to process k mod N, as a sticky load balancer sends them.
    browsers = [
        httpx2.AsyncClient(base_url=servers[k % len(servers)].url, timeout=120)
        for k in range(people)
    ]
    cpu0, wall0 = cpu_seconds(*pids), time.monotonic()
    results["until"] = wall0 + window + seconds  # moved on if the joins run late
    own0 = time.process_time()
    all_in_done = asyncio.Event()

    async def window_cpu() -> None:
        await asyncio.sleep(window)
        results["cpu_window"] = (cpu_seconds(*pids) - cpu0) / (time.monotonic() - wall0)
        results["client_window"] = (time.process_time() - own0) / (time.monotonic() - wall0)

    async def all_in_cpu() -> None:
        """Once every stakeholder has arrived (joined, or given up), for `seconds` at
        least: the run's end moves on when the joins run late (at most ARRIVE_MAX_S)."""
        latest = wall0 + window + ARRIVE_MAX_S
        while results["arrived"] < people and time.monotonic() < latest:
            await asyncio.sleep(0.2)
        results["all_in"] = time.time()
        results["in_at_start"] = results["arrived"]
        cpu1, wall1 = cpu_seconds(*pids), time.monotonic()
        results["until"] = max(results["until"], wall1 + seconds)
        await asyncio.sleep(results["until"] - wall1)
        results["all_in_s"] = time.monotonic() - wall1
        results["cpu_all_in"] = (cpu_seconds(*pids) - cpu1) / max(results["all_in_s"], 1e-9)
        all_in_done.set()

    async def finale() -> None:
        """The facilitator reveals once the answering ends: how soon every ballot knows."""
        await all_in_done.wait()
        await results["others_done"].wait()  # their last answers stored
        await asyncio.sleep(1)
        results["revealed_at"] = time.time()
        await asyncio.to_thread(reveal, database_url, seeded["session"])
        deadline = time.monotonic() + REVEAL_WAIT_S
        while len(results["reveal"]) < results["joined"] and time.monotonic() < deadline:
            await asyncio.sleep(0.1)
        results["ended"].set()

    await asyncio.gather(
        window_cpu(),
        all_in_cpu(),
        finale(),
        *(
            stakeholder(
                browser,
                code,
                rng.random() * window,
                every,
                results,
                random.Random(rng.random()),
                follow,
            )
            for browser in browsers
        ),
        *([alongside(results)] if alongside else []),
    )
    return results


class LightApp(NamedTuple):
    database_url: str
    seeded: dict
    code: str
    servers: list


@contextmanager
def light_app(processes: int = 1, postgresql: bool = False) -> Iterator[LightApp]:
    """The 200-candidate session in a database of its own, served by `processes` app
    processes, stopped afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="light-load-"))
    with ExitStack() as stack:
        database_url = stack.enter_context(run_database(folder, postgresql))
        seeded = seed(database_url, 0)
        engine = make_engine(database_url)
        with reading(engine) as db:
            code = get_session(db=db, session_id=seeded["session"]).code
        engine.dispose()
        servers = serve(stack, database_url, folder, processes)
        for server in servers:  # the facilitator showed the code: engines up (not counted)
            httpx2.get(f"{server.url}/b/{code}", timeout=120).raise_for_status()
        yield LightApp(database_url, seeded, code, servers)


def scenario(
    people: int,
    window: float,
    every: float,
    seconds: float,
    follow: str = "push",
    processes: int = 1,
    postgresql: bool = False,
    client_nice: int = 0,
) -> dict:
    with light_app(processes, postgresql) as app:
        if client_nice:  # this thread only, after the servers and the database started
            os.setpriority(os.PRIO_PROCESS, 0, client_nice)
        results = asyncio.run(
            drive(
                app.servers,
                app.database_url,
                app.seeded,
                app.code,
                people,
                window,
                every,
                seconds,
                follow,
            )
        )
        load = os.getloadavg()[0]
        checked = check(app.database_url, app.seeded, results)
    return {"results": results, "checked": checked, "load": load}


def stored_all_in(results: dict, checked: dict) -> list[float]:
    """Vote stored delays of the answers sent once everyone was in."""
    since = results.get("all_in", float("inf"))
    return [
        delay for key, delay in checked["stored_by_key"].items() if results["sent"][key][1] >= since
    ]


def all_in_cpu(results: dict) -> str:
    figure = f"{results['cpu_all_in'] * 100:.0f} % over {results['all_in_s']:.0f} s"
    if results["in_at_start"] < results["people"]:  # ARRIVE_MAX_S passed first
        return f"{figure} ({results['in_at_start']} of {results['people']} in)"
    return figure


def retried(results: dict) -> str:
    """How many requests were sent again, and why (a closed connection, a status)."""
    counts = results.get("retries", Counter())
    reasons = ", ".join(f"{why} {n}" for why, n in counts.most_common())
    return f"{sum(counts.values())} ({reasons})" if counts else "0"


def spread(values: list[float]) -> str:
    if not values:
        return "—"
    return f"{percentiles(values)} / {max(values) * 1000:.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("people", nargs="*", type=int)
    parser.add_argument("--window", type=float, default=None, help="seconds all join within")
    parser.add_argument("--every", type=float, default=5.0, help="seconds between answers")
    parser.add_argument("--seconds", type=float, default=30.0, help="once everyone is in")
    parser.add_argument("--follow", choices=("push", "poll"), default="push")
    parser.add_argument("--processes", type=int, default=1, help="app processes, sticky")
    parser.add_argument("--postgresql", action="store_true", help="a PostgreSQL database")
    parser.add_argument(
        "--client-nice",
        type=int,
        default=0,
        help="the generator's nice value (-10: ahead of the server, as browsers on their "
        "own devices; needs root)",
    )
    args = parser.parse_args()
    plans = (
        [(n, args.window or 10.0, args.every) for n in args.people]
        if args.people
        else [(100, 10.0, args.every), (300, 60.0, args.every), (1000, 120.0, 0.0)]
    )
    database = "PostgreSQL" if args.postgresql else "SQLite"
    print(
        f"{args.processes} app process(es) on {database}, {os.cpu_count()} cores; "
        f"round state by {args.follow}; {args.seconds:g} s once everyone is in; "
        f"generator nice {args.client_nice}"
    )
    print(
        "| stakeholders | join within | answers every | "
        + " | ".join(f"{s} p50/p95" for s in STEPS)
        + " | vote once all in p50/p95 | stored once all in p50/p95 | CPU joining"
        + " | CPU once all in | generator CPU joining | reveal reached p50/p95/max"
        + " | load avg | joined | refused | answers | lost | misfiled |"
    )
    print("|---" * (len(STEPS) + 15) + "|")
    for people, window, every in plans:
        run = scenario(
            people,
            window,
            every,
            args.seconds,
            args.follow,
            args.processes,
            args.postgresql,
            args.client_nice,
        )
        results, checked = run["results"], run["checked"]
        steps = " | ".join(percentiles(results[s]) for s in STEPS)
        every_text = f"{every:g} s" if every else "idle"
        print(
            f"| {people} | {window:g} s | {every_text} | {steps} "
            f"| {percentiles(results['vote all in'])} "
            f"| {percentiles(stored_all_in(results, checked))} "
            f"| {results['cpu_window'] * 100:.0f} % "
            f"| {all_in_cpu(results)} "
            f"| {results['client_window'] * 100:.0f} % | {spread(results['reveal'])} "
            f"| {run['load']:.2f} | {results['joined']} "
            f"| {len(results['failed'])} | {len(results['sent'])} | {checked['lost']} "
            f"| {checked['misfiled']} |",
            flush=True,
        )
        print(
            f"  requests sent again after a closed connection or a 5xx: "
            f"{retried(results)}; state polls failed: {results.get('poll_failed', 0)}; "
            f"streams opened {results['streams']}, refused {results['stream_refused']}, "
            f"dropped {results['stream_dropped']}; states pushed {results['pushed']}; "
            f"reveal reached {len(results['reveal'])} of {results['joined']}"
        )
        for failure in results["failed"][:5]:
            print(f"  failed: {failure}")


if __name__ == "__main__":
    main()
