"""A workshop's load on one served app: simulated stakeholders, no browser each.

Each stakeholder opens the Vote page by their personal link over Streamlit's own
WebSocket protocol (BackMsg `rerun_script` in, ForwardMsgs out until `script_finished`),
then does what the ballot component does: answers over the ballot's JSON routes
(`POST /api/ballot/vote`, one request per click) and asks `/api/ballot/state` every 2 s.

Printed per scenario: page load p50/p95, vote stored p50/p95 (click sent -> the row's
`updated_at` in the database), ballot updated after a click p50/p95 (the route's answer
the ballot redraws from), server CPU (% of one core) and RSS, lost and misfiled answers
(the last answer sent per stakeholder, candidate and criterion against the database).
Server CPU is measured once every page has loaded (steady state); all stakeholders
open their pages at the same instant, so page load shows a burst at its worst.

    python bench/workshop_load.py            # 10, 30, 100 stakeholders, idle cost
    python bench/workshop_load.py 30 --every 2 --seconds 30
    python bench/workshop_load.py 100 --processes 2 --postgresql

With `--processes N` the same load goes to N app processes on one database, stakeholder
k always to process k mod N (what a sticky load balancer does); CPU and RSS are then
the sum over the processes. `--postgresql` uses a PostgreSQL server started for the run
(tests/postgres_server.py) instead of a SQLite file: several processes share one
database the way several machines would.
"""

import argparse
import asyncio
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import UTC
from pathlib import Path

import httpx2
import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from planner.core.db import make_engine, migrate, reading, writing  # noqa: E402
from planner.demo import load_demo  # noqa: E402
from planner.models import CandidateCreate, SessionCreate, StakeholderJoin, Vote  # noqa: E402
from planner.store.journey.candidates import candidate_frame, create_candidates  # noqa: E402
from planner.store.journey.workspaces import load_journey  # noqa: E402
from planner.store.scoring.scoring_model import load_scoring_setup  # noqa: E402
from planner.store.scoring.sessions import current_round, open_session  # noqa: E402
from planner.store.scoring.stakeholders import join_session  # noqa: E402
from tests import postgres_server  # noqa: E402
from tests.served_app import served_app  # noqa: E402

CANDIDATES = 200
POLL_S = 2.0
LABELS = ["1", "2", "3", "4", "5", "?"]


def seed(database_url: str, people: int) -> dict:
    """The demo workspace plus candidates up to 200, one open session on all of them,
    and `people` stakeholders with their personal links."""
    engine = make_engine(database_url)
    migrate(engine)
    with writing(engine) as db:
        workspace = load_demo(db=db)
        journey = load_journey(db=db, workspace_id=workspace.id)
        extra = CANDIDATES - 42
        create_candidates(
            db=db,
            workspace_id=workspace.id,
            candidates_in=[
                CandidateCreate(
                    title=f"Idea {n}",
                    phase_id=journey.phase_id(journey.phase_names[n % len(journey.phase_names)]),
                    channel_ids=[journey.channel_id(journey.channel_names[0])],
                )
                for n in range(extra)
            ],
        )
        ids = candidate_frame(db=db, workspace_id=workspace.id)["id"].tolist()
        scoring = open_session(
            db=db,
            workspace_id=workspace.id,
            session_in=SessionCreate(name="Town hall"),
            candidate_ids=ids[:CANDIDATES],
        )
        setup = load_scoring_setup(db=db, workspace_id=workspace.id)
        round_id = current_round(db=db, session_id=scoring.id).id
        tokens = [
            join_session(db=db, code=scoring.code, join_in=StakeholderJoin(name=f"P{n}"))
            for n in range(people)
        ]
    engine.dispose()
    return {
        "session": scoring.id,
        "round": round_id,
        "candidates": ids[:CANDIDATES],
        "criteria": [c.id for c in setup.criteria],
        "people": [(j.stakeholder.id, j.token) for j in tokens],
    }


def cpu_seconds(*pids: int) -> float:
    """CPU time used so far by the processes, summed."""
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def rss_mb(*pids: int) -> float:
    """Resident memory of the processes, summed."""
    total = 0.0
    for pid in pids:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1]) / 1024
    return total


async def open_page(base: str, token: str) -> tuple[websockets.ClientConnection, float]:
    """Load the Vote page as the browser does; returns the open socket and the time."""
    started = time.perf_counter()
    socket_ = await websockets.connect(
        f"{base.replace('http', 'ws', 1)}/_stcore/stream",
        subprotocols=["streamlit"],
        max_size=None,
        open_timeout=120,
    )
    message = BackMsg()
    message.rerun_script.query_string = f"me={token}"
    await socket_.send(message.SerializeToString())
    while True:
        forward = ForwardMsg()
        forward.ParseFromString(await asyncio.wait_for(socket_.recv(), 120))
        if forward.WhichOneof("type") == "script_finished":
            return socket_, time.perf_counter() - started


async def drain(socket_) -> None:
    """Read what the server sends (it would block on a full buffer otherwise)."""
    try:
        async for _ in socket_:
            pass
    except websockets.ConnectionClosed:
        pass


async def stakeholder(base, seeded, who, every, until, results, rng) -> None:
    stakeholder_id, token = who
    socket_, load = await open_page(base, token)
    results["load"].append(load)
    if len(results["load"]) == len(seeded["people"]):  # all in: steady state from here
        results["cpu_from"] = (cpu_seconds(*results["pids"]), time.monotonic())
    reader = asyncio.create_task(drain(socket_))
    headers = {"X-Ballot-Key": token}
    async with httpx2.AsyncClient(base_url=base, timeout=60) as client:

        async def follow() -> None:
            while time.monotonic() < until:
                await client.get(f"/api/ballot/state?session={seeded['session']}")
                await asyncio.sleep(POLL_S)

        poller = asyncio.create_task(follow())
        await asyncio.sleep(rng.random() * every)
        while every and time.monotonic() < until:
            key = (rng.choice(seeded["candidates"]), rng.choice(seeded["criteria"]))
            label = rng.choice(LABELS)
            sent = time.time()
            started = time.perf_counter()
            response = await client.post(
                "/api/ballot/vote",
                headers=headers,
                json={
                    "round": seeded["round"],
                    "candidate": key[0],
                    "criterion": key[1],
                    "answer": label,
                },
            )
            if response.status_code == 200:
                results["updated"].append(time.perf_counter() - started)
                results["sent"][(stakeholder_id, *key)] = (label, sent)
            else:
                results["errors"] += 1
            await asyncio.sleep(
                max(0.0, every * (0.5 + rng.random()) - (time.perf_counter() - started))
            )
        await poller
    await socket_.close()
    reader.cancel()


def check(database_url: str, seeded: dict, results: dict, others: frozenset = frozenset()) -> dict:
    """Lost / misfiled answers and vote-stored latency, read from the database; the votes
    of `others` (stakeholder ids: real browsers alongside, checked by their own clicks)
    left out."""
    engine = make_engine(database_url)
    with reading(engine) as db:
        rows = (
            db.execute(Vote.__table__.select().where(Vote.__table__.c.round_id == seeded["round"]))
            .mappings()
            .all()
        )
    engine.dispose()
    stored = {
        (r["stakeholder_id"], r["candidate_id"], r["criterion_id"]): (
            r["label"] or "?",
            r["updated_at"],
        )
        for r in rows
        if r["stakeholder_id"] not in others
    }
    lost = sum(1 for k in results["sent"] if k not in stored)
    misfiled = sum(
        1
        for k, (label, _) in stored.items()
        if k not in results["sent"] or results["sent"][k][0] != label
    )
    by_key = {}
    for key, (_label, sent) in results["sent"].items():
        if key in stored:
            at = stored[key][1]
            at = at if at.tzinfo else at.replace(tzinfo=UTC)
            by_key[key] = at.timestamp() - sent
    delays = list(by_key.values())
    return {"lost": lost, "misfiled": misfiled, "stored": delays, "stored_by_key": by_key}


def percentiles(values: list[float]) -> str:
    if not values:
        return "—"
    # inclusive: a p95 within what was measured (the default may reach past the maximum)
    cuts = (
        statistics.quantiles(values, n=20, method="inclusive")
        if len(values) > 1
        else [values[0]] * 19
    )
    return f"{statistics.median(values) * 1000:.0f} / {cuts[18] * 1000:.0f} ms"


async def drive(servers: list, seeded: dict, every: float, seconds: float) -> dict:
    """Every stakeholder at once against the served app(s), stakeholder k on server
    k mod len(servers); figures as they come in."""
    people = len(seeded["people"])
    pids = [server.pid for server in servers]
    results = {"load": [], "updated": [], "sent": {}, "errors": 0, "pids": pids}
    rng = random.Random(people)
    until = time.monotonic() + seconds + 5 + people * 0.2  # page loads come first
    await asyncio.gather(
        *(
            stakeholder(
                servers[k % len(servers)].url,
                seeded,
                who,
                every,
                until,
                results,
                random.Random(rng.random()),
            )
            for k, who in enumerate(seeded["people"])
        )
    )
    cpu_start, wall_start = results["cpu_from"]
    results["cpu"] = (cpu_seconds(*pids) - cpu_start) / (time.monotonic() - wall_start) * 100
    results["rss"] = rss_mb(*pids)
    return results


@contextmanager
def run_database(folder: Path, postgresql: bool) -> Iterator[str]:
    """The database of one run: a SQLite file in `folder`, or a PostgreSQL server
    started for the run (tests/postgres_server.py), stopped afterwards."""
    if not postgresql:
        yield f"sqlite:///{folder / 'planner.db'}"
        return
    database = postgres_server.start(durable=True)
    try:
        yield database.url("postgres")
    finally:
        database.stop()


def serve(stack: ExitStack, database_url: str, folder: Path, processes: int) -> list:
    """`processes` app processes on one database, stopped when `stack` closes."""
    return [
        stack.enter_context(served_app(database_url, folder / f"server-{n}.log"))
        for n in range(processes)
    ]


def scenario(
    people: int, every: float, seconds: float, processes: int = 1, postgresql: bool = False
) -> dict:
    folder = Path(tempfile.mkdtemp(prefix="workshop-load-"))
    with ExitStack() as stack:
        database_url = stack.enter_context(run_database(folder, postgresql))
        seeded = seed(database_url, people)
        servers = serve(stack, database_url, folder, processes)
        results = asyncio.run(drive(servers, seeded, every, seconds))
        checked = check(database_url, seeded, results)
    cpu, rss = results["cpu"], results["rss"]
    return {
        "people": people,
        "every": every,
        "load": percentiles(results["load"]),
        "stored": percentiles(checked["stored"]),
        "updated": percentiles(results["updated"]),
        "cpu": f"{cpu:.0f} %",
        "rss": f"{rss:.0f} MB",
        "answers": len(results["sent"]),
        "errors": results["errors"],
        "lost": checked["lost"],
        "misfiled": checked["misfiled"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("people", nargs="*", type=int)
    parser.add_argument("--every", type=float, default=2.0, help="seconds between answers")
    parser.add_argument("--seconds", type=float, default=30.0, help="after all pages loaded")
    parser.add_argument("--processes", type=int, default=1, help="app processes, sticky")
    parser.add_argument("--postgresql", action="store_true", help="a PostgreSQL database")
    args = parser.parse_args()
    plans = (
        [(n, args.every) for n in args.people]
        if args.people
        else [(10, 2.0), (30, 2.0), (100, 2.0), (100, 5.0), (30, 0.0)]
    )
    database = "PostgreSQL" if args.postgresql else "SQLite"
    print(f"{args.processes} app process(es) on {database}, {os.cpu_count()} cores")
    print(
        "| stakeholders | answer every | page load p50/p95 | vote stored p50/p95 "
        "| ballot updated p50/p95 | server CPU | RSS | answers | lost | misfiled |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for people, every in plans:
        row = scenario(people, every, args.seconds, args.processes, args.postgresql)
        every_text = f"{every:g} s" if every else "idle"
        print(
            f"| {people} | {every_text} | {row['load']} | {row['stored']} | {row['updated']} "
            f"| {row['cpu']} | {row['rss']} | {row['answers']} | {row['lost']} "
            f"| {row['misfiled']} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
