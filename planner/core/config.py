"""Settings read from the environment."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = ROOT / "data"
DEMO_FILE = DATA_DIR / "demo-workspace.json"


def database_url() -> str:
    """`DATABASE_URL` if set, else the SQLite file `data/planner.db`."""
    return os.environ.get("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'planner.db'}"


def admin_passphrase() -> str:
    """`PLANNER_ADMIN_PASSPHRASE`: who knows it may download a copy of the whole database."""
    return os.environ.get("PLANNER_ADMIN_PASSPHRASE", "")


def public_url() -> str:
    """`PLANNER_PUBLIC_URL`: the address people reach the app by (behind a proxy, or a
    name instead of this computer's address); unset, the links use the host in use."""
    return os.environ.get("PLANNER_PUBLIC_URL", "").strip().rstrip("/")
