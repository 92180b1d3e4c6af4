"""Workspaces page: create from a template, refuse duplicates, rename, archive, delete."""

import json

from planner.db import read_session
from planner.store.backup import dump_workspace
from planner.store.workspaces import list_workspaces, load_journey
from tests.ui.conftest import texts


def create(at, name, template="six_phase", language="en"):
    at.text_input(key="new_name").input(name)
    at.radio(key="new_language").set_value(language)
    at.radio(key="new_template").set_value(template)
    at.button(key="FormSubmitter:new_workspace-Create workspace").click().run()
    assert not at.exception
    return at


def test_create_from_template_selects_it(open_page, engine):
    at = create(open_page("workspaces"), "Mortgage journey", "nine_phase", "nl")
    assert "Workspace “Mortgage journey” created." in texts(at)
    with read_session(engine) as session:
        [workspace] = list_workspaces(session=session)
        assert load_journey(session=session, workspace_id=workspace.id).phase_names[0] == "Behoefte"
    assert at.session_state["workspace_id"] == workspace.id


def test_duplicate_name_is_refused_with_a_message(open_page, demo):
    at = create(open_page("workspaces"), demo.name.upper())
    assert f"A workspace named “{demo.name}” already exists." in texts(at)


def test_empty_name_is_refused(open_page):
    at = create(open_page("workspaces"), "   ")
    assert "Name is required." in texts(at)


def test_rename_archive_and_delete(open_page, demo, engine):
    at = open_page("workspaces")
    at.text_input(key=f"rename_{demo.id}").input("Renamed")
    at.button(key=f"FormSubmitter:edit_workspace_{demo.id}-Save").click().run()
    at.button(key="archive").click().run()
    with read_session(engine) as session:
        assert list_workspaces(session=session) == []
        [archived] = list_workspaces(session=session, include_archived=True)
        assert archived.name == "Renamed" and archived.archived
    at.toggle(key="show_archived").set_value(True).run()
    assert at.button(key="delete_workspace").disabled
    at.text_input(key="delete_typed").input("Renamed").run()
    at.button(key="delete_workspace").click().run()
    assert not at.exception
    with read_session(engine) as session:
        assert list_workspaces(session=session, include_archived=True) == []


def test_load_demo_button(open_page, engine):
    at = open_page("workspaces", lang="nl")
    at.button(key="load_demo").click().run()
    assert "Demowerkruimte geladen." in texts(at)
    with read_session(engine) as session:
        assert len(list_workspaces(session=session)) == 1


def test_backup_and_restore_from_the_page(open_page, demo, engine):
    with read_session(engine) as session:
        document = json.dumps(dump_workspace(session=session, workspace_id=demo.id))
    at = open_page("workspaces", lang="nl")
    assert at.get("download_button")  # the backup, and the copy of the database
    at.file_uploader(key="restore_file_0").upload(
        "backup.json", document.encode(), "application/json"
    ).run()
    at.button(key="restore").click().run()
    assert not at.exception
    assert f"Hersteld als werkruimte “{demo.name} (hersteld)”." in texts(at)
    with read_session(engine) as session:
        assert len(list_workspaces(session=session)) == 2


def test_restoring_a_broken_file_explains(open_page, demo):
    at = open_page("workspaces")
    at.file_uploader(key="restore_file_0").upload("x.json", b"{nope", "application/json").run()
    at.button(key="restore").click().run()
    assert "This is not a workspace file this version can read" in texts(at)


def test_creating_a_workspace_beside_others_opens_it(open_page, demo, engine):
    at = create(open_page("workspaces"), "Second journey")
    assert not at.exception
    with read_session(engine) as session:
        second = next(w for w in list_workspaces(session=session) if w.name == "Second journey")
    assert at.session_state["workspace_id"] == second.id
