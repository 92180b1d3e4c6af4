"""Workspaces page: sign in, create with a passphrase, manage, links, backup and restore."""

import json

import pytest

from planner.backup.export import dump_workspace
from planner.core.db import reading
from planner.demo import DEMO_PASSPHRASE
from planner.store.access.grants import get_access
from planner.store.audit import audit_log
from planner.store.journey.workspaces import list_workspaces, load_journey
from tests.ui.conftest import download_links, follow, texts

PASSPHRASE = "our secret 123"


def create(at, name, template="six_phase", language="en", passphrase=PASSPHRASE, who="Eva"):
    at.text_input(key="new_name").input(name)
    at.radio(key="new_language").set_value(language)
    at.radio(key="new_template").set_value(template)
    at.text_input(key="new_passphrase").input(passphrase)
    at.text_input(key="new_actor").input(who)
    at.button(key="FormSubmitter:new_workspace-Create workspace").click().run()
    assert not at.exception
    return at


def sign_in(at, workspace, passphrase, who="Eva"):
    at.text_input(key="sign_in_workspace").input(workspace)
    at.text_input(key="sign_in_passphrase").input(passphrase)
    at.text_input(key="sign_in_actor").input(who)
    at.button(key="FormSubmitter:sign_in-Open as facilitator").click().run()
    assert not at.exception
    return at


def test_create_from_template_opens_it_as_facilitator(open_page, engine):
    at = create(open_page("workspaces", role=None), "Mortgage journey", "nine_phase", "nl")
    assert "Workspace “Mortgage journey” created." in texts(at)
    with reading(engine) as db:
        [workspace] = list_workspaces(db=db)
        assert load_journey(db=db, workspace_id=workspace.id).phase_names[0] == "Behoefte"
        stored = get_access(db=db, workspace_id=workspace.id).facilitator_hash
        log = audit_log(db=db, workspace_id=workspace.id)
    assert at.session_state["workspace_id"] == workspace.id
    assert at.session_state["grants"] == {workspace.id: "facilitator"}
    assert stored.startswith("scrypt$") and PASSPHRASE not in stored
    assert log[["actor", "action"]].values.tolist() == [
        ["Eva", "Workspace “Mortgage journey” created."]
    ]


def test_a_short_passphrase_is_refused_and_nothing_is_made(open_page, engine):
    at = create(open_page("workspaces", role=None), "Shop", passphrase="short")
    assert "Passphrase must have at least 8 character(s)." in texts(at)
    with reading(engine) as db:
        assert list_workspaces(db=db) == []


def test_duplicate_name_is_refused_without_telling_its_casing(open_page):
    create(open_page("workspaces", role=None), "Someone's – journey")
    at = create(open_page("workspaces", role=None), "SOMEONE'S - JOURNEY")  # any dash
    assert "A workspace named “SOMEONE'S - JOURNEY” already exists." in texts(at)
    assert "Someone's" not in texts(at)  # the stored spelling stays unknown to a stranger


def test_creating_workspaces_is_rate_limited_per_client(open_page):
    at = open_page("workspaces", role=None)
    for n in range(5):
        create(at, f"Journey {n}")
        assert "Too many" not in texts(at)
    create(at, "One more")
    assert "Too many tries from here in a short time: try again in" in texts(at)


def test_empty_name_is_refused(open_page):
    at = create(open_page("workspaces"), "   ")
    assert "Name is required." in texts(at)


def test_sign_in_lists_only_that_workspace(open_page, demo, engine):
    other = create(open_page("workspaces", role=None), "Someone else's")
    at = open_page("workspaces", role=None)
    assert not at.get("dataframe")  # nothing listed before signing in
    sign_in(at, demo.name.lower(), DEMO_PASSPHRASE)
    assert at.session_state["grants"] == {demo.id: "facilitator"}
    assert at.dataframe[0].value.iloc[:, 0].tolist() == [demo.name]
    assert at.session_state["workspace_id"] == demo.id
    assert other.session_state["workspace_id"] != demo.id
    at.switch_page("planner/ui/pages/journey_grid.py").run()  # now in the navigation
    assert not at.exception


@pytest.mark.parametrize("dash", ["-", "—", "\u2212"])
def test_a_typed_hyphen_finds_the_name_with_an_en_dash(open_page, demo, dash):
    assert "–" in demo.name
    at = sign_in(open_page("workspaces", role=None), demo.name.replace("–", dash), DEMO_PASSPHRASE)
    assert at.session_state["grants"] == {demo.id: "facilitator"}


@pytest.mark.parametrize("name", ["Demo – Van Dijk Wonen online & in store", "No such place"])
def test_wrong_passphrase_and_unknown_name_give_the_same_answer(open_page, demo, name):
    at = sign_in(open_page("workspaces", role=None), name, "not the passphrase")
    assert "This workspace name and passphrase do not match." in texts(at)
    assert not at.session_state["grants"]


def test_repeated_wrong_passphrases_are_slowed_down(open_page, demo):
    at = open_page("workspaces", role=None)
    for _ in range(5):
        sign_in(at, demo.name, "guess")
    sign_in(at, demo.name, DEMO_PASSPHRASE)
    assert "Too many tries from here in a short time: try again in" in texts(at)
    assert not at.session_state["grants"]


def test_rename_archive_and_delete(open_page, demo, engine):
    at = open_page("workspaces")
    at.text_input(key=f"rename_{demo.id}").input("Renamed")
    at.button(key=f"FormSubmitter:edit_workspace_{demo.id}-Save").click().run()
    at.button(key="archive").click().run()
    with reading(engine) as db:
        assert list_workspaces(db=db) == []
        [archived] = list_workspaces(db=db, include_archived=True)
        assert archived.name == "Renamed" and archived.archived
        assert "Saved." in audit_log(db=db, workspace_id=demo.id)["action"].tolist()
    assert at.button(key="delete_workspace").disabled
    at.text_input(key="delete_typed").input("Renamed").run()
    at.button(key="delete_workspace").click().run()
    assert not at.exception
    with reading(engine) as db:
        assert list_workspaces(db=db, include_archived=True) == []


def test_links_and_new_passphrase(open_page, demo, engine):
    at = open_page("workspaces")
    with reading(engine) as db:
        access = get_access(db=db, workspace_id=demo.id)
    codes = [c.value for c in at.code]
    assert any(f"?view={access.viewer_token}" in c for c in codes)
    assert any(f"?owner={access.owner_token}" in c for c in codes)
    at.button(key="renew_links").click().run()
    with reading(engine) as db:
        assert get_access(db=db, workspace_id=demo.id).viewer_token != (access.viewer_token)
    at.text_input(key="change_passphrase").input("a brand new one")
    at.button(key="FormSubmitter:new_passphrase-Change the passphrase").click().run()
    assert "Passphrase changed." in texts(at)
    again = sign_in(open_page("workspaces", role=None), demo.name, "a brand new one")
    assert again.session_state["grants"] == {demo.id: "facilitator"}


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


def test_creating_a_workspace_beside_others_opens_it(open_page, demo, engine):
    at = create(open_page("workspaces"), "Second journey")
    with reading(engine) as db:
        second = next(w for w in list_workspaces(db=db) if w.name == "Second journey")
    assert at.session_state["workspace_id"] == second.id
    assert at.session_state["grants"] == {demo.id: "facilitator", second.id: "facilitator"}


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
