"""What an attacker's files cost, and what a huge restore does to votes cast meanwhile.

- Two .xlsx decompression bombs (a 0.4 MB file unpacking to 100 MB, a 3.9 MB one to
  1 GB): time and peak memory until they are refused, each in a fresh process.
- A 100,000-candidate restore in batches while a stakeholder votes every 20 ms in
  another workspace of the same database (a thread of the same process, as in the app):
  vote latency p50 / p95 / max and failed votes; the same with the old way (one
  transaction) on 20,000 candidates, for comparison; and during an import of the
  largest file allowed (20,000 rows), in batches as the app does and in one transaction.

Run: `python bench/bench_hostile.py` (also part of `make bench`).
"""

import io
import json
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_votes import prepare  # noqa: E402
from bench.synthetic import csv_bytes, new_workspace  # noqa: E402
from planner.backup.restore import restore_in_batches, restore_workspace  # noqa: E402
from planner.core.db import migrate, writing  # noqa: E402
from planner.importing.apply import import_candidates  # noqa: E402
from planner.importing.batched import import_in_batches  # noqa: E402
from planner.importing.preview import preview_import  # noqa: E402
from planner.importing.reading import read_table  # noqa: E402
from planner.models import StakeholderJoin  # noqa: E402
from planner.store.scoring.stakeholders import join_session  # noqa: E402
from planner.store.scoring.votes import cast_vote  # noqa: E402

VOTE_EVERY = 0.02


def xlsx_bomb(unpacked_mb: int) -> bytes:
    """A zip with an .xlsx's names whose sheet unpacks to `unpacked_mb` megabytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bomb:
        bomb.writestr("[Content_Types].xml", "<Types/>")
        row = "<row><c><v>0</v></c></row>" * 40_000  # ~1 MB
        with bomb.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            for _ in range(unpacked_mb):
                sheet.write(row.encode())
    return out.getvalue()


REFUSE = """
import resource, sys, time
from planner.core.errors import PlannerError
from planner.importing.reading import read_table
data = open(sys.argv[1], "rb").read()
baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
began = time.perf_counter()
try:
    read_table(data, "bomb.xlsx")
    outcome = "READ"
except PlannerError:
    outcome = "refused"
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(outcome, time.perf_counter() - began, peak, peak - baseline)
"""


def bombs() -> dict[str, float]:
    figures = {}
    for mb in (100, 1000):
        data = xlsx_bomb(mb)
        with tempfile.NamedTemporaryFile(suffix=".xlsx") as file:
            file.write(data)
            file.flush()
            out = subprocess.run(
                [sys.executable, "-c", REFUSE, file.name],
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=True,
            ).stdout.split()
        assert out[0] == "refused", out
        figures[f"bomb_{mb}mb_packed_mb"] = len(data) / 1e6
        figures[f"bomb_{mb}mb_refused_ms"] = float(out[1]) * 1000
        figures[f"bomb_{mb}mb_peak_mb"] = int(out[2]) / 1024  # the process, pandas and all
        figures[f"bomb_{mb}mb_peak_added_mb"] = int(out[3]) / 1024  # by the refusal
    return figures


def big_document(count: int) -> dict:
    rng = random.Random(count)
    phases, channels = ["Inspire", "Buy", "Use"], ["Web", "App", "Store"]
    return {
        "format": "journey-roadmap-planner/workspace",
        "version": 3,
        "workspace": {"name": f"Huge {count}", "language": "en"},
        "phases": phases,
        "channels": channels,
        "candidates": [
            {
                "key": key,
                "title": f"Idea {key}",
                "description": "x" * rng.randrange(0, 200),
                "phase": rng.choice(phases),
                "channels": rng.sample(channels, rng.randrange(1, 3)),
                "pre_value": rng.randrange(11),
                "pre_effort": rng.randrange(11),
            }
            for key in range(count)
        ],
    }


def votes_during(restore, engine, code, round_id, ids, criteria) -> dict[str, float]:
    with writing(engine) as db:
        joined = join_session(db=db, code=code, join_in=StakeholderJoin(name=f"V {time.time()}"))
        me = joined.stakeholder.id
    latencies, failures, done = [], [], threading.Event()

    def voter():
        rng = random.Random(1)
        while not done.is_set():
            began = time.perf_counter()
            try:
                with writing(engine) as db:
                    cast_vote(
                        db=db,
                        round_id=round_id,
                        stakeholder_id=me,
                        candidate_id=rng.choice(ids),
                        criterion_id=rng.choice(criteria),
                        label=rng.choice("12345"),
                    )
                latencies.append(time.perf_counter() - began)
            except Exception as error:  # a failed vote is the figure
                failures.append(repr(error))
            time.sleep(VOTE_EVERY)

    thread = threading.Thread(target=voter)
    thread.start()
    began = time.perf_counter()
    restore()
    took = time.perf_counter() - began
    done.set()
    thread.join()
    ordered = sorted(latencies)
    return {
        "restore_s": took,
        "votes": len(latencies),
        "vote_p50_ms": statistics.median(ordered) * 1000,
        "vote_p95_ms": ordered[int(len(ordered) * 0.95)] * 1000,
        "vote_max_ms": ordered[-1] * 1000,
        "votes_failed": len(failures),
    }


def restores() -> dict[str, float]:
    figures = {}
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/bench.db"
        engine, code, round_id, ids, criteria = prepare(url)
        migrate(engine)
        document = big_document(100_000)
        batched = votes_during(
            lambda: restore_in_batches(engine=engine, document=json.loads(json.dumps(document))),
            engine,
            code,
            round_id,
            ids,
            criteria,
        )
        figures |= {f"restore_100k_batches_{k}": v for k, v in batched.items()}
        smaller = big_document(20_000)
        smaller["workspace"]["name"] = "One go"

        def one_transaction():
            with writing(engine) as db:
                restore_workspace(db=db, document=smaller)

        single = votes_during(one_transaction, engine, code, round_id, ids, criteria)
        figures |= {f"restore_20k_one_transaction_{k}": v for k, v in single.items()}
        with writing(engine) as db:
            journey = new_workspace(db, name="Import target")
        preview = preview_import(read_table(csv_bytes(20_000), "ideas.csv"), journey)

        def import_rows():
            import_in_batches(engine=engine, preview=preview, workspace_id=journey.workspace.id)

        def import_in_one():
            with writing(engine) as db:
                import_candidates(db=db, workspace_id=journey.workspace.id, preview=preview)

        imported = votes_during(import_rows, engine, code, round_id, ids, criteria)
        figures |= {f"import_20k_batches_{k}": v for k, v in imported.items()}
        at_once = votes_during(import_in_one, engine, code, round_id, ids, criteria)
        figures |= {f"import_20k_one_transaction_{k}": v for k, v in at_once.items()}
        engine.dispose()
    return figures


def measure() -> dict[str, float]:
    return bombs() | restores()


if __name__ == "__main__":
    for name, value in measure().items():
        print(f"{name:45} {value:12.1f}")
