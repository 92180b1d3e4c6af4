"""Timing reruns of a page in AppTest: the median of `runs` reruns after a first run."""

import statistics
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

from planner.core.config import database_url
from planner.core.db import make_engine, reading
from planner.store.access.grants import current_proofs
from planner.store.journey.workspaces import list_workspaces
from planner.ui.access.grants import PROOFS_KEY
from planner.ui.shell.session_roles import ACTOR_KEY, GRANTS_KEY

APP = Path(__file__).resolve().parents[1] / "app.py"


def sign_in_everywhere(at: AppTest) -> None:
    """Make `at` a facilitator signed in to every workspace of DATABASE_URL (grants with
    their proofs: without them the app ends the grants at once)."""
    engine = make_engine(database_url())
    with reading(engine) as db:
        ids = [w.id for w in list_workspaces(db=db, include_archived=True)]
        held = dict.fromkeys(ids, "facilitator")
        at.session_state[PROOFS_KEY] = current_proofs(db=db, roles=held)
    engine.dispose()
    at.session_state[GRANTS_KEY] = held
    at.session_state[ACTOR_KEY] = "Bench"


def page_ms(page: str, runs: int) -> float:
    at = AppTest.from_file(str(APP), default_timeout=60)
    sign_in_everywhere(at)
    at.run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - started) * 1000)
    assert not at.exception, at.exception
    return statistics.median(times)
