"""Settings read from the environment."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = ROOT / "data"
DEMO_FILE = DATA_DIR / "demo-workspace.json"


def database_url() -> str:
    """`DATABASE_URL` if set, else the SQLite file `data/planner.db`."""
    return os.environ.get("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'planner.db'}"


WORKER_THREADS = 8  # PLANNER_THREADS unset


def worker_threads() -> int:
    """`PLANNER_THREADS`: how many requests one app process works on at once in its
    threads (the database, files), 8 when unset. More only queue for Python's one lock
    and the database's cores (bench/light_load.py, 600 joining on PostgreSQL with two
    processes: with 40, the ballot usable after 5.0 s at p95; with 8, after 1.6 s)."""
    raw = os.environ.get("PLANNER_THREADS", "").strip()
    if not raw:
        return WORKER_THREADS
    if not raw.isdigit() or int(raw) < 1:
        raise ValueError(f"PLANNER_THREADS: {raw!r} is not a whole number of 1 or more")
    return int(raw)


def admin_passphrase() -> str:
    """`PLANNER_ADMIN_PASSPHRASE`: who knows it may download a copy of the whole database."""
    return os.environ.get("PLANNER_ADMIN_PASSPHRASE", "")


def public_url() -> str:
    """`PLANNER_PUBLIC_URL`: the address people reach the app by (behind a proxy, or a
    name instead of this computer's address); unset, the links use the host in use."""
    return os.environ.get("PLANNER_PUBLIC_URL", "").strip().rstrip("/")
