"""The engine's SQLite settings, transactions and migrations."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlmodel import select

from planner.core.db import DatabaseRefused, make_engine, migrate, reading, writing
from planner.models import SQLModel, Workspace

pytestmark = pytest.mark.storage


@pytest.mark.sqlite_only
@pytest.mark.parametrize(
    ("pragma", "expected"),
    [("journal_mode", "wal"), ("foreign_keys", 1), ("busy_timeout", 30000)],
)
def test_sqlite_connections_are_configured(engine, pragma, expected):
    with engine.connect() as connection:
        assert connection.exec_driver_sql(f"PRAGMA {pragma}").scalar() == expected


def test_migrations_match_the_models(engine):
    """The migrated schema is the one the models describe: no missing migration."""
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    assert differences == []


def schema(engine) -> dict:
    """Tables with their columns, indexes, keys and the migration version."""
    inspector = inspect(engine)
    with engine.connect() as connection:
        version = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    return {
        "version": version,
        **{
            table: (
                [(c["name"], str(c["type"]), c["nullable"]) for c in inspector.get_columns(table)],
                sorted((i["name"], tuple(i["column_names"])) for i in inspector.get_indexes(table)),
                inspector.get_pk_constraint(table)["constrained_columns"],
                sorted(
                    (tuple(f["constrained_columns"]), f["referred_table"])
                    for f in inspector.get_foreign_keys(table)
                ),
            )
            for table in inspector.get_table_names()
        },
    }


def test_migrate_twice_changes_nothing(engine):
    before = schema(engine)
    migrate(engine)
    engine.dispose()
    assert before["version"] and schema(engine) == before


@pytest.mark.sqlite_only
def test_make_engine_refuses_a_missing_folder_and_creates_nothing(tmp_path):
    """A mistyped path is said, not made: the folder must exist, then the file is made."""
    with pytest.raises(DatabaseRefused, match="new/folder of the database does not exist"):
        make_engine(f"sqlite:///{tmp_path / 'new' / 'folder' / 'planner.db'}")
    assert list(tmp_path.iterdir()) == []
    engine = make_engine(f"sqlite:///{tmp_path / 'planner.db'}")
    migrate(engine)
    engine.dispose()
    assert (tmp_path / "planner.db").exists()


def test_write_session_commits_at_the_end(engine):
    with writing(engine) as db:
        db.add(Workspace(name="Kept"))
    with reading(engine) as db:
        assert db.exec(select(Workspace.name)).all() == ["Kept"]


def test_write_session_rolls_back_on_error(engine):
    with pytest.raises(RuntimeError), writing(engine) as db:
        db.add(Workspace(name="Lost"))
        db.flush()
        raise RuntimeError("boom")
    with reading(engine) as db:
        assert db.exec(select(Workspace)).all() == []


def test_a_server_database_keeps_a_connection_per_worker_thread(monkeypatch):
    monkeypatch.setenv("PLANNER_THREADS", "6")
    engine = make_engine("postgresql+psycopg://nobody@127.0.0.1:1/none")  # not connected
    assert engine.pool.size() == 6 and engine.pool._max_overflow == 6
