"""Fixtures: every test gets its own migrated SQLite file; none touches data/planner.db."""

import itertools
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings
from sqlalchemy import Engine, create_engine
from sqlmodel import Session

from planner.core.db import make_engine, migrate, writing
from planner.demo import load_demo
from planner.models import SessionCreate
from planner.store.scoring.scoring_model import load_scoring_setup
from planner.store.scoring.sessions import open_session
from tests import postgres_server
from tests.factories import add_candidate, make_journey

# Hypothesis: no per-example deadline (a busy machine makes any deadline flaky; slowness
# is measured in bench/), failures print the blob that replays them. HYPOTHESIS_PROFILE=
# thorough runs ten times the examples.
settings.register_profile("default", deadline=None, print_blob=True)
settings.register_profile("thorough", parent=settings.get_profile("default"), max_examples=1000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

DATABASE_NUMBERS = itertools.count()

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app.py"


def pytest_addoption(parser):
    parser.addoption(
        "--database",
        choices=["sqlite", "postgresql"],
        default="sqlite",
        help="run the tests against a SQLite file (default) or a PostgreSQL server they start",
    )


def pytest_collection_modifyitems(config, items):
    """On PostgreSQL, tests of SQLite's own behaviour do not apply."""
    if config.getoption("--database") != "postgresql":
        return
    skip = pytest.mark.skip(reason="tests SQLite itself")
    for item in items:
        if "sqlite_only" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def postgres(request):
    """A PostgreSQL server for this run with a migrated template database, or a skip
    saying why there is none (a failure on CI, which must not skip these tests)."""
    if request.config.getoption("--database") != "postgresql":
        yield None
        return
    try:
        server = postgres_server.start()
    except RuntimeError as error:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL tests cannot run on CI: {error}")
        pytest.skip(f"PostgreSQL tests skipped: {error}")
    admin = create_engine(server.admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql("CREATE DATABASE planner_template")
    template = make_engine(server.url("planner_template"))
    migrate(template)
    template.dispose()
    yield server, admin
    admin.dispose()
    server.stop()


@pytest.fixture(scope="session", autouse=True)
def guard_real_database(tmp_path_factory):
    """Whatever a test forgets, it never writes to data/planner.db."""
    with pytest.MonkeyPatch.context() as patch:
        path = tmp_path_factory.mktemp("guard") / "unused.db"
        patch.setenv("DATABASE_URL", f"sqlite:///{path}")
        yield


@pytest.fixture(scope="session")
def migrated_file(tmp_path_factory) -> Path:
    """A database file migrated once per run, copied by each test that needs one."""
    path = tmp_path_factory.mktemp("template") / "migrated.db"
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    engine.dispose()
    return path


@pytest.fixture(name="database_url")
def database_url_fixture(request, tmp_path, postgres, monkeypatch) -> str:
    """The URL of this test's own migrated database, also set as DATABASE_URL: a copy of
    a migrated SQLite file, or with --database postgresql a copy of the template database."""
    if postgres is None:
        path = tmp_path / "planner.db"
        shutil.copy(request.getfixturevalue("migrated_file"), path)
        url = f"sqlite:///{path}"
    else:
        server, admin = postgres
        name = f"test_{next(DATABASE_NUMBERS)}"
        with admin.connect() as connection:
            connection.exec_driver_sql(f"CREATE DATABASE {name} TEMPLATE planner_template")
        url = server.url(name)
        request.addfinalizer(lambda: _drop(admin, name))
    monkeypatch.setenv("DATABASE_URL", url)
    return url


def _drop(admin, name: str) -> None:
    with admin.connect() as connection:
        connection.exec_driver_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(name="engine")
def engine_fixture(database_url) -> Engine:
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture(name="db")
def db_fixture(engine) -> Session:
    """A database session whose work is committed when the test ends well."""
    with writing(engine) as db:
        yield db


@pytest.fixture(name="demo")
def demo_fixture(engine):
    """The demo workspace, loaded and committed."""
    with writing(engine) as db:
        return load_demo(db=db)


@pytest.fixture(name="workshop")
def workshop_fixture(db):
    """A journey with three candidates and a session scoring two of them."""
    journey = make_journey(db)
    ideas = [add_candidate(db, journey, f"Idea {i}") for i in range(3)]
    scoring = open_session(
        db=db,
        workspace_id=journey.workspace.id,
        session_in=SessionCreate(name="Workshop"),
        candidate_ids=[ideas[0].id, ideas[1].id],
    )
    setup = load_scoring_setup(db=db, workspace_id=journey.workspace.id)
    return journey, ideas, scoring, setup
