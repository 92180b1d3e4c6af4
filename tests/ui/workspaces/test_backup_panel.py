"""Backup and restore on the Workspaces page: a backup restored, a broken file explained,
the database copy for the administrator, no restore for a stranger."""

import json

from planner.backup.export import dump_workspace
from planner.core.db import reading
from planner.store.journey.workspaces import list_workspaces
from tests.ui.conftest import download_links, follow, texts
from tests.ui.pages.test_workspaces import PASSPHRASE


def test_backup_and_restore_from_the_page(open_page, demo, engine):
    with reading(engine) as db:
        document = json.dumps(dump_workspace(db=db, workspace_id=demo.id))
    at = open_page("workspaces", lang="nl")
    [backup] = download_links(at).values()
    assert json.loads(follow(backup).content)["workspace"]["name"] == demo.name
    at.file_uploader(key="restore_file_0").upload(
        "backup.json", document.encode(), "application/json"
    ).run()
    at.text_input(key="restore_passphrase").input(PASSPHRASE)
    at.text_input(key="restore_actor").input("Eva")
    at.button(key="restore").click().run()
    assert not at.exception
    assert f"Hersteld als werkruimte “{demo.name} (hersteld)”." in texts(at)
    with reading(engine) as db:
        restored = [w.id for w in list_workspaces(db=db) if w.id != demo.id]
    assert at.session_state["grants"][restored[0]] == "facilitator"


def test_restoring_a_broken_file_explains(open_page, demo):
    at = open_page("workspaces")
    at.file_uploader(key="restore_file_0").upload("x.json", b"{nope", "application/json").run()
    at.text_input(key="restore_passphrase").input(PASSPHRASE)
    at.text_input(key="restore_actor").input("Eva")
    at.button(key="restore").click().run()
    assert "This is not a workspace file this version can read" in texts(at)


def test_database_copy_needs_the_administrator(open_page, demo, monkeypatch):
    at = open_page("workspaces")
    assert "PLANNER_ADMIN_PASSPHRASE" in texts(at)
    monkeypatch.setenv("PLANNER_ADMIN_PASSPHRASE", "admin secret")
    at = open_page("workspaces")
    at.text_input(key="admin_passphrase").input("wrong").run()
    assert "do not match" in texts(at)
    at.text_input(key="admin_passphrase").input("admin secret").run()
    [address] = [v for k, v in download_links(at).items() if "atabase" in k]
    assert follow(address).content.startswith(b"SQLite format 3")
    monkeypatch.setenv("PLANNER_ADMIN_PASSPHRASE", "a new admin secret")
    assert follow(address).status_code == 403  # the link was the old passphrase's


def test_a_stranger_cannot_restore_until_signed_in_or_administrator(open_page, demo, monkeypatch):
    at = open_page("workspaces", role=None)
    assert "sign in as a facilitator first" in texts(at)
    assert not at.get("file_uploader") or not [
        u for u in at.get("file_uploader") if "restore_file" in (u.key or "")
    ]
    monkeypatch.setenv("PLANNER_ADMIN_PASSPHRASE", "admin secret")
    at = open_page("workspaces", role=None)
    at.text_input(key="admin_passphrase").input("admin secret").run()
    at.run()
    assert at.file_uploader(key="restore_file_0")  # the administrator may
