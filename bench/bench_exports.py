"""Excel and PDF of a 2,000-item roadmap (every candidate scheduled)."""

import statistics
import tempfile
import time
from datetime import date

from bench.synthetic import populate
from planner.core.db import make_engine, reading, writing
from planner.exports.content import export_content
from planner.exports.pdf import roadmap_pdf
from planner.exports.xlsx import roadmap_workbook
from planner.roadmap.settings import RoadmapSettings
from planner.store.roadmap.roadmap_plan import save_plan


def measure(items: int = 2_000, runs: int = 3) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/exports.db"
        workspace_id = populate(url, items)
        engine = make_engine(url)
        with writing(engine) as db:
            save_plan(
                db=db,
                workspace_id=workspace_id,
                settings=RoadmapSettings(
                    strategy="wsjf",
                    period_kind="month",
                    periods=24,
                    start=date(2027, 1, 1),
                    capacities=[1_000.0],
                ),
            )
        with reading(engine) as db:
            content = export_content(db=db, workspace_id=workspace_id, today=date(2026, 11, 23))
        assert content.roadmap.items["start_period"].notna().sum() == items
        figures = {}
        for name, make in (("xlsx_2000_s", roadmap_workbook), ("pdf_2000_s", roadmap_pdf)):
            times = []
            for _ in range(runs):
                started = time.perf_counter()
                make(content)
                times.append(time.perf_counter() - started)
            figures[name] = statistics.median(times)
        engine.dispose()
    return figures


if __name__ == "__main__":
    for name, value in measure().items():
        print(f"{name}: {value:.2f}")
