"""Settings read from the environment: the database, the admin passphrase, the public
address, the worker threads; each with its default when unset."""

import pytest

from planner.core.config import (
    DATA_DIR,
    ROOT,
    WORKER_THREADS,
    admin_passphrase,
    database_url,
    public_url,
    worker_threads,
)


def test_the_database_is_database_url_else_the_data_folders_file(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgresql://u@h/planner")
    assert database_url() == "postgresql://u@h/planner"
    monkeypatch.delenv("DATABASE_URL")
    assert database_url() == f"sqlite:///{DATA_DIR / 'planner.db'}"
    monkeypatch.setenv("DATABASE_URL", "")
    assert database_url().endswith("/data/planner.db")


def test_the_data_folder_is_in_the_repository():
    assert DATA_DIR == ROOT / "data"
    assert (ROOT / "planner" / "core" / "config.py").is_file()


def test_admin_passphrase_is_empty_when_unset(monkeypatch):
    monkeypatch.delenv("PLANNER_ADMIN_PASSPHRASE", raising=False)
    assert admin_passphrase() == ""
    monkeypatch.setenv("PLANNER_ADMIN_PASSPHRASE", "correct horse")
    assert admin_passphrase() == "correct horse"


def test_public_url_loses_spaces_and_trailing_slashes(monkeypatch):
    monkeypatch.delenv("PLANNER_PUBLIC_URL", raising=False)
    assert public_url() == ""
    monkeypatch.setenv("PLANNER_PUBLIC_URL", "  https://plan.example.org/ ")
    assert public_url() == "https://plan.example.org"
    monkeypatch.setenv("PLANNER_PUBLIC_URL", "https://example.org/planner//")
    assert public_url() == "https://example.org/planner"


def test_worker_threads_are_eight_unless_set(monkeypatch):
    monkeypatch.delenv("PLANNER_THREADS", raising=False)
    assert worker_threads() == WORKER_THREADS == 8
    monkeypatch.setenv("PLANNER_THREADS", " 16 ")
    assert worker_threads() == 16


@pytest.mark.parametrize("value", ["0", "-2", "eight", "1.5"])
def test_worker_threads_refuse_what_is_no_count(monkeypatch, value):
    monkeypatch.setenv("PLANNER_THREADS", value)
    with pytest.raises(ValueError, match=r"PLANNER_THREADS: .* is not a whole number of 1 or more"):
        worker_threads()
