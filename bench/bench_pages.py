"""AppTest runs of pages at 2,000 candidates: median time of a rerun."""

import os
import tempfile

from bench.apptest_timing import page_ms
from bench.synthetic import populate

PAGES = {
    "grid_page_2000_ms": "planner/ui/pages/journey_grid.py",
    "candidates_page_2000_ms": "planner/ui/pages/candidates.py",
}


def measure(candidates: int = 2_000, runs: int = 15) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        os.environ["DATABASE_URL"] = f"sqlite:///{folder}/pages.db"
        populate(os.environ["DATABASE_URL"], candidates)
        return {name: page_ms(page, runs) for name, page in PAGES.items()}


if __name__ == "__main__":
    for name, value in measure().items():
        print(f"{name}: {value:.1f}")
