"""Engine, migrations and transactions.

SQLite runs in WAL mode with foreign keys on and a busy timeout. Writers start
with `BEGIN IMMEDIATE` so that concurrent read-then-write transactions queue
on the busy timeout instead of failing at once with SQLITE_BUSY. A SQLite file is only
made in a folder that exists: a mistyped path is refused, not created.
"""

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlmodel import Session

from planner.core.config import worker_threads
from planner.core.errors import PlannerError

MIGRATIONS = Path(__file__).parents[1] / "migrations"
BUSY_TIMEOUT_MS = 30_000


def make_engine(url: str) -> Engine:
    """An engine for `url`; SQLite files get WAL, foreign keys and a busy timeout."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        # A server database takes a connection per worker thread of the app process
        # (planner.ui.threads), kept open: a connection opened past the pool's size is
        # closed again after each use, and opening one costs the server a new process
        # (bench/light_load.py, 600 on PostgreSQL: a pool smaller than the threads kept
        # opening). As many again for the pages' script runs and the CLI.
        threads = worker_threads()
        return create_engine(url, pool_pre_ping=True, pool_size=threads, max_overflow=threads)
    pool = {}
    if parsed.database and parsed.database != ":memory:":
        folder = Path(sqlite_path(parsed)).parent
        if not folder.exists():
            raise DatabaseRefused("error.database_folder_missing", folder=str(folder))
        # A small pool is a fair queue for writers; more connections would only contend
        # inside SQLite's busy handler, which backs off by sleeping (see bench/).
        pool = {"pool_size": 5, "max_overflow": 5}
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, **pool)
    event.listen(engine, "connect", _configure_sqlite)
    event.listen(engine, "begin", _begin_sqlite)
    return engine


class DatabaseRefused(PlannerError):
    """The database cannot do what was asked (a missing folder, read-only, unreachable):
    said as such, not blamed on what the user gave."""


def sqlite_path(url: str | URL) -> str:
    """The file of a SQLite URL, also of one written as a URI
    (`sqlite:///file:x.db?mode=ro&uri=true`)."""
    parsed = make_url(url)
    database = parsed.database or ""
    if parsed.query.get("uri") == "true" and database.startswith("file:"):
        return database.removeprefix("file:").partition("?")[0]
    return database


def database_name(url: str | URL) -> str:
    """The database as people name it: a SQLite file's path, else the URL without password."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return sqlite_path(parsed) or ":memory:"
    return parsed.render_as_string(hide_password=True)


def read_only(error: BaseException) -> bool:
    """Whether the database refused a write because it may only be read (a SQLite file or
    folder without write permission, `mode=ro`; a PostgreSQL read-only transaction)."""
    cause = getattr(error, "orig", None) or error
    code = getattr(cause, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF == sqlite3.SQLITE_READONLY  # extended codes keep it in the low byte
    return "25006" in (getattr(cause, "sqlstate", None), getattr(cause, "pgcode", None))


def database_refusal(error: BaseException, url: str | URL) -> DatabaseRefused:
    """What the database refused, as a message: a read-only database named, else why."""
    if read_only(error):
        return DatabaseRefused("error.database_read_only", database=database_name(url))
    cause = getattr(error, "orig", None) or error
    lines = str(cause).strip().splitlines() or [type(cause).__name__]
    return DatabaseRefused("error.database_unusable", detail=lines[0][:200])


def _configure_sqlite(dbapi_connection, _record) -> None:
    # Take over BEGIN from pysqlite so that writers can ask for IMMEDIATE.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _begin_sqlite(connection) -> None:
    mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
    connection.exec_driver_sql(f"BEGIN {mode}")


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the schema up to `revision` with the Alembic migrations."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.connect() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


@contextmanager
def writing(engine: Engine) -> Iterator[Session]:
    """A database session (`db`) whose work is one transaction: committed at the end, or
    nothing.

    >>> with writing(engine) as db:
    ...     db.add(thing)
    """
    with engine.connect() as connection:
        connection.execution_options(sqlite_begin="IMMEDIATE")
        with Session(bind=connection, expire_on_commit=False) as db:
            try:
                yield db
                db.commit()
            except BaseException:
                db.rollback()
                raise


@contextmanager
def reading(engine: Engine) -> Iterator[Session]:
    """A database session (`db`) for reading; nothing it does is committed."""
    with Session(engine) as db:
        yield db


def utc(moment: datetime) -> datetime:
    """A stored time as an aware UTC time: SQLite hands times back without their zone
    (they were stored in UTC), PostgreSQL with it."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
