"""Fixtures: every test gets its own migrated SQLite file; none touches data/planner.db."""

import shutil
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlmodel import Session

from planner.db import make_engine, migrate, write_session
from planner.demo import load_demo
from planner.models import SessionCreate
from planner.store.scoring_model import load_scoring_setup
from planner.store.sessions import open_session
from tests.factories import add_candidate, make_journey

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app.py"


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
def database_url_fixture(tmp_path, migrated_file, monkeypatch) -> str:
    """The URL of this test's own migrated database, also set as DATABASE_URL."""
    path = tmp_path / "planner.db"
    shutil.copy(migrated_file, path)
    url = f"sqlite:///{path}"
    monkeypatch.setenv("DATABASE_URL", url)
    return url


@pytest.fixture(name="engine")
def engine_fixture(database_url) -> Engine:
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


@pytest.fixture(name="session")
def session_fixture(engine) -> Session:
    """A session whose work is committed when the test ends well."""
    with write_session(engine) as session:
        yield session


@pytest.fixture(name="demo")
def demo_fixture(engine):
    """The demo workspace, loaded and committed."""
    with write_session(engine) as session:
        return load_demo(session=session)


@pytest.fixture(name="workshop")
def workshop_fixture(session):
    """A journey with three candidates and a session scoring two of them."""
    journey = make_journey(session)
    ideas = [add_candidate(session, journey, f"Idea {i}") for i in range(3)]
    scoring = open_session(
        session=session,
        workspace_id=journey.workspace.id,
        session_in=SessionCreate(name="Workshop"),
        candidate_ids=[ideas[0].id, ideas[1].id],
    )
    setup = load_scoring_setup(session=session, workspace_id=journey.workspace.id)
    return journey, ideas, scoring, setup
