"""A restore or an import in small batches, for the SIGKILL test of staging workspaces.

Run as `python -m tests.durability.staging_writer URL restore|import FILE BATCH`; prints
`done` once the workspace is published.
"""

import sys
from pathlib import Path

from planner.backup.export import read_document
from planner.backup.restore import restore_in_batches
from planner.core.db import make_engine
from planner.importing.batched import import_in_batches
from planner.importing.preview import preview_import
from planner.importing.reading import read_table
from planner.models import WorkspaceCreate


def main(url: str, job: str, path: str, batch: int) -> None:
    engine = make_engine(url)
    data = Path(path).read_bytes()
    if job == "restore":
        restore_in_batches(engine=engine, document=read_document(data), name="Copy", batch=batch)
    else:
        preview = preview_import(read_table(data, path), None)
        import_in_batches(
            engine=engine, preview=preview, new_workspace=WorkspaceCreate(name="Copy"), batch=batch
        )
    print("done", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
