"""A consistent copy of the SQLite database while others write."""

import sqlite3
import threading

import pytest

from planner.backup.database_file import sqlite_backup
from planner.core.db import make_engine, writing
from planner.core.errors import InvalidInput
from tests.factories import make_journey


def test_backup_while_writing(engine, demo, tmp_path):
    stop = threading.Event()

    def keep_writing():
        index = 0
        while not stop.is_set():
            with writing(engine) as db:
                make_journey(db, f"Busy {index}", personas=())
            index += 1

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        data = sqlite_backup(engine)
    finally:
        stop.set()
        writer.join()
    copy = tmp_path / "copy.db"
    copy.write_bytes(data)
    with sqlite3.connect(copy) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("SELECT count(*) FROM candidate").fetchone()[0] == 42


def test_only_for_sqlite():
    with pytest.raises(InvalidInput):
        sqlite_backup(make_engine("sqlite://"))
