"""Settings read from the environment: the database, the admin passphrase, the public
address; each with its default when unset."""

from planner.core.config import DATA_DIR, ROOT, admin_passphrase, database_url, public_url


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
