"""Import of a 5,000-row CSV: read, check every row, write (in batches, as the app does)."""

import statistics
import tempfile
import time
from pathlib import Path

from bench.synthetic import csv_bytes, new_workspace
from planner.core.db import make_engine, migrate, writing
from planner.importing.batched import import_in_batches
from planner.importing.preview import preview_import
from planner.importing.reading import read_table

ROWS = 5_000


def import_seconds(data: bytes, folder: Path, run: int) -> float:
    engine = make_engine(f"sqlite:///{folder / f'import-{run}.db'}")
    migrate(engine)
    with writing(engine) as db:
        journey = new_workspace(db)
    started = time.perf_counter()
    table = read_table(data, "ideas.csv")
    preview = preview_import(table, journey)
    assert preview.ok, preview.errors[:3]
    import_in_batches(engine=engine, preview=preview, workspace_id=journey.workspace.id)
    elapsed = time.perf_counter() - started
    engine.dispose()
    return elapsed


def measure(runs: int = 5) -> dict[str, float]:
    data = csv_bytes(ROWS)
    with tempfile.TemporaryDirectory() as folder:
        times = [import_seconds(data, Path(folder), run) for run in range(runs)]
    return {"import_5000_rows_s": statistics.median(times)}


if __name__ == "__main__":
    for name, value in measure().items():
        print(f"{name}: {value:.3f}")
