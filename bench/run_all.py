"""Every performance budget of the issues: figure, budget, pass or fail, as one table.

Run with `make bench`. Figures are medians on this machine; budgets come from the issues.
"""

import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import bench_import, bench_pages

# (figure name, what it is, unit, budget)
BUDGETS = [
    ("import_5000_rows_s", "Import of a 5,000-row CSV", "s", 2.0),
    ("grid_page_2000_ms", "AppTest run, journey grid, 2,000 candidates (median)", "ms", 150),
    (
        "candidates_page_2000_ms",
        "AppTest run, candidates page, 2,000 candidates (median)",
        "ms",
        150,
    ),
]


def main() -> int:
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    figures = {**bench_import.measure(), **bench_pages.measure()}
    print("| figure | measured | budget | result |")
    print("| --- | --- | --- | --- |")
    failed = 0
    for name, label, unit, budget in BUDGETS:
        value = figures[name]
        ok = value <= budget
        failed += not ok
        print(f"| {label} | {value:.2f} {unit} | < {budget} {unit} | {'pass' if ok else 'FAIL'} |")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
