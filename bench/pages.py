"""Every page's warm rerun at 100, 2,000, 5,000 and 20,000 candidates, against the floor page
(bench/floor_page.py: a 2,000-row table and one Altair scatter) measured in the same run,
interleaved, so that the ratios hold whatever else the machine is doing.

Budgets (issue 17): at 2,000 candidates every page within 3x the floor; at 20,000 every
page under 500 ms. Run: `python bench/pages.py [sizes...]` (part of `make bench`).
"""

import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from streamlit.testing.v1 import AppTest

from bench.apptest_timing import APP, sign_in_everywhere
from bench.synthetic import populate
from planner.core.db import make_engine, writing
from planner.models import VersionCreate
from planner.roadmap.settings import RoadmapSettings
from planner.store.roadmap.roadmap_plan import save_plan, working_roadmap
from planner.store.roadmap.versions import save_version

FLOOR = Path(__file__).with_name("floor_page.py")
SIZES = (100, 2_000, 5_000, 20_000)  # 5,000: growth to 20,000 at most linear
PAGES = (
    "workspaces",
    "journey_grid",
    "candidates",
    "journey_setup",
    "scoring_model",
    "scoring_session",
    "consensus",
    "matrix",
    "roadmap",
    "signoff",
    "commitments",
    "progress",
    "audit",
)
RATIO_BUDGET = 3.0  # at 2,000 candidates, times the floor page
LARGE_BUDGET_MS = 500  # at 20,000 candidates


def _open(page: str | None) -> AppTest:
    if page is None:
        at = AppTest.from_file(str(FLOOR), default_timeout=120)
        at.run()
    else:
        at = AppTest.from_file(str(APP), default_timeout=120)
        sign_in_everywhere(at)
        at.run()
        at.switch_page(f"planner/ui/pages/{page}.py").run()
    assert not at.exception, (page, at.exception)
    return at


def _rerun_ms(at: AppTest) -> float:
    started = time.perf_counter()
    at.run()
    return (time.perf_counter() - started) * 1000


def _workspace(url: str, candidates: int) -> None:
    """`candidates` with pre-scores, a saved roadmap and a version: every page has work."""
    workspace_id = populate(url, candidates)
    engine = make_engine(url)
    with writing(engine) as db:
        save_plan(
            db=db,
            workspace_id=workspace_id,
            settings=RoadmapSettings(start=date.today(), periods=8),
        )
        roadmap = working_roadmap(db=db, workspace_id=workspace_id, today=date.today()).roadmap
        save_version(
            db=db,
            workspace_id=workspace_id,
            roadmap=roadmap,
            version_in=VersionCreate(name="Bench", created_by="Bench"),
        )
    engine.dispose()


def measure_size(candidates: int, runs: int = 9) -> dict[str, float]:
    """Median warm rerun per page (ms) and of the floor, interleaved run by run."""
    with tempfile.TemporaryDirectory() as folder:
        url = os.environ["DATABASE_URL"] = f"sqlite:///{folder}/pages.db"
        _workspace(url, candidates)
        tests = {page: _open(page) for page in (None, *PAGES)}
        for at in tests.values():  # warm: caches filled, charts drawn once
            _rerun_ms(at)
        times: dict[str | None, list[float]] = {page: [] for page in tests}
        for _ in range(runs):
            for page, at in tests.items():
                times[page].append(_rerun_ms(at))
        for page, at in tests.items():
            assert not at.exception, (page, at.exception)
    return {page or "floor": statistics.median(found) for page, found in times.items()}


def measure(sizes=SIZES) -> dict[str, float]:
    figures: dict[str, float] = {}
    for size in sizes:
        found = measure_size(size)
        floor = found["floor"]
        figures[f"floor_{size}_ms"] = floor
        for page in PAGES:
            figures[f"{page}_{size}_ms"] = found[page]
            figures[f"{page}_{size}_x_floor"] = found[page] / floor
    return figures


def table(figures: dict[str, float], sizes=SIZES) -> str:
    lines = ["| page | " + " | ".join(f"{s:,} ms (x floor)" for s in sizes) + " |"]
    lines.append("|---" * (len(sizes) + 1) + "|")
    lines.append("| floor | " + " | ".join(f"{figures[f'floor_{s}_ms']:.0f}" for s in sizes) + " |")
    for page in PAGES:
        cells = [
            f"{figures[f'{page}_{s}_ms']:.0f} ({figures[f'{page}_{s}_x_floor']:.1f})" for s in sizes
        ]
        lines.append(f"| {page} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    chosen = tuple(int(a) for a in sys.argv[1:]) or SIZES
    print(table(measure(chosen), chosen))
