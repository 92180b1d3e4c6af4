"""A consistent copy of the whole SQLite database, taken while others keep working."""

import sqlite3
import tempfile
from pathlib import Path

from sqlalchemy import Engine

from planner.core.errors import InvalidInput


def sqlite_backup(engine: Engine) -> bytes:
    """The database file's bytes, made with SQLite's online backup (pages copied under a lock
    taken step by step, so writers wait at most a moment)."""
    if engine.dialect.name != "sqlite" or not engine.url.database:
        raise InvalidInput("error.backup_sqlite_only")
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "backup.db"
        with engine.connect() as connection:
            source = connection.connection.driver_connection
            with sqlite3.connect(target) as copy:
                source.backup(copy, pages=256)
            copy.close()
        return target.read_bytes()
