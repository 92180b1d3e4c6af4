"""Every performance budget of the issues: figure, budget, pass or fail, as one table.

Run with `make bench`. Figures are medians on this machine; budgets come from the issues.
"""

import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import (
    bench_certainty,
    bench_duplicates,
    bench_exports,
    bench_hostile,
    bench_import,
    bench_optimal,
    bench_pages,
    bench_roadmap,
    bench_scoring,
    bench_votes,
)

# (figure name, what it is, unit, budget)
BUDGETS = [
    ("import_5000_rows_s", "Import of a 5,000-row CSV", "s", 2.0),
    ("grid_page_2000_ms", "AppTest run, journey grid, 2,000 candidates (median)", "ms", 150),
    ("candidates_page_2000_ms", "AppTest run, candidates page, 2,000 candidates", "ms", 150),
    ("votes_p50_ms", "Vote write p50, 50 writers x 200 votes, SQLite, paced", "ms", None),
    ("votes_p95_ms", "Vote write p95, 50 writers x 200 votes, SQLite, paced", "ms", 50),
    ("votes_lost", "Lost votes, paced", "", 0),
    ("votes_closed_p50_ms", "Vote write p50, 50 writers, closed loop (no pause)", "ms", None),
    ("votes_closed_p95_ms", "Vote write p95, 50 writers, closed loop (no pause)", "ms", 50),
    ("votes_closed_lost", "Lost votes, closed loop", "", 0),
    ("votes_pg_p50_ms", "Vote write p50, 100 writers x 200 votes, PostgreSQL, paced", "ms", None),
    ("votes_pg_p95_ms", "Vote write p95, 100 writers x 200 votes, PostgreSQL, paced", "ms", 50),
    ("votes_pg_lost", "Lost votes, PostgreSQL", "", 0),
    ("aggregate_100k_ms", "Aggregation of 100,000 votes (median)", "ms", 200),
    ("facilitator_live_ms", "AppTest run, facilitator live view, 300 candidates x 30", "ms", 150),
    ("facilitator_reveal_ms", "AppTest run, facilitator reveal view, 300 x 30", "ms", 150),
    ("schedule_10k_ms", "Scheduling 10,000 candidates, 5,000 dependencies, 24 periods", "ms", 1000),
    ("matrix_page_2000_ms", "AppTest run, matrix page, 2,000 scored candidates", "ms", 200),
    ("roadmap_page_2000_ms", "AppTest run, roadmap page, 2,000 scored candidates", "ms", 200),
    ("xlsx_2000_s", "Excel of a 2,000-item roadmap", "s", 1.5),
    ("pdf_2000_s", "PDF report of a 2,000-item roadmap", "s", 3),
    ("bomb_1000mb_refused_ms", ".xlsx bomb (2.5 MB packed, 1 GB unpacked) refused in", "ms", 1000),
    ("bomb_1000mb_peak_added_mb", "Memory added while refusing that bomb", "MB", 50),
    (
        "restore_100k_batches_vote_max_ms",
        "Longest vote during a 100,000-candidate restore",
        "ms",
        1000,
    ),
    ("restore_100k_batches_votes_failed", "Votes failed during that restore", "", 0),
    ("import_20k_batches_vote_max_ms", "Longest vote during a 20,000-row import", "ms", 1000),
    ("import_20k_batches_votes_failed", "Votes failed during that import", "", 0),
    ("resample_300x30x200_s", "Resampling 300 candidates x 30 stakeholders x 200", "s", 1),
    ("solve_worst_proven_gap_pct", "Best plan, n <= 300: worst proven gap in 10 s", "%", 0.5),
    ("solve_worst_overrun_s", "Best plan, n <= 300: wall time over its 10 s limit", "s", 0.5),
    ("duplicates_2000_ms", "Duplicate suggestions among 2,000 candidates", "ms", 1000),
    ("duplicates_2000_cpu_ms", "The same, CPU time of the process", "ms", None),
    ("duplicates_precision", "Duplicate suggestions: precision on the labelled pairs", "", None),
    ("duplicates_recall", "Duplicate suggestions: recall on the labelled pairs", "", None),
    ("duplicates_held_out_precision", "The same, precision on 50 pairs never tuned on", "", None),
    ("duplicates_held_out_recall", "The same, recall on 50 pairs never tuned on", "", None),
]


def main() -> int:
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    paced, closed = bench_votes.measure(think=0.25), bench_votes.measure(think=0)
    postgres = bench_votes.measure_postgres(writers=100, think=0.25)
    figures = {
        **bench_import.measure(),
        **bench_pages.measure(),
        **{f"votes_{k}": v for k, v in paced.items()},
        **{f"votes_closed_{k}": v for k, v in closed.items()},
        **{f"votes_pg_{k}": v for k, v in postgres.items()},
        **bench_scoring.measure(),
        **bench_roadmap.measure(),
        **bench_exports.measure(),
        **bench_hostile.measure(),
        **bench_certainty.measure(),
        **bench_optimal.measure(),
        **bench_duplicates.measure(),
    }
    print("| figure | measured | budget | result |")
    print("| --- | --- | --- | --- |")
    failed = 0
    for name, label, unit, budget in BUDGETS:
        value = figures[name]
        if budget is None:
            print(f"| {label} | {value:.2f} {unit} | — | — |")
            continue
        ok = value <= budget
        failed += not ok
        limit = f"{budget}" if budget == 0 else f"< {budget} {unit}"
        print(f"| {label} | {value:.2f} {unit} | {limit} | {'pass' if ok else 'FAIL'} |")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
