"""The engine every session shares: one per database URL, migrated when first asked for;
a server secret read once per process, and the same in the next process."""

from sqlalchemy import inspect

from planner.ui.shell.engine import get_engine, get_secret


def test_one_migrated_engine_per_database_url(tmp_path):
    first_url = f"sqlite:///{tmp_path / 'first.db'}"
    second_url = f"sqlite:///{tmp_path / 'second.db'}"
    first = get_engine(first_url)
    assert get_engine(first_url) is first
    second = get_engine(second_url)
    assert second is not first
    for engine in (first, second):
        tables = set(inspect(engine).get_table_names())
        assert {"alembic_version", "workspace"} <= tables


def test_a_secret_is_made_once_and_kept(tmp_path):
    url = f"sqlite:///{tmp_path / 'secrets.db'}"
    secret = get_secret(url, "download")
    assert secret and get_secret(url, "download") == secret
    assert get_secret(url, "opt_out") != secret
    get_secret.clear()  # a new process: read from the database, not made again
    assert get_secret(url, "download") == secret
