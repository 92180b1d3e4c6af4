"""AppTest runs of pages at 2,000 candidates: median time of a rerun."""

import os
import statistics
import tempfile
import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

from bench.synthetic import populate

APP = Path(__file__).resolve().parents[1] / "app.py"
PAGES = {
    "grid_page_2000_ms": "planner/ui/pages/journey_grid.py",
    "candidates_page_2000_ms": "planner/ui/pages/candidates.py",
}


def page_ms(page: str, runs: int) -> float:
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - started) * 1000)
    assert not at.exception
    return statistics.median(times)


def measure(candidates: int = 2_000, runs: int = 15) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        os.environ["DATABASE_URL"] = f"sqlite:///{folder}/pages.db"
        populate(os.environ["DATABASE_URL"], candidates)
        return {name: page_ms(page, runs) for name, page in PAGES.items()}


if __name__ == "__main__":
    for name, value in measure().items():
        print(f"{name}: {value:.1f}")
