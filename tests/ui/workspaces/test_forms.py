"""The Workspaces page's forms: a new workspace (from a template, with a passphrase; short
passphrases, empty and taken names refused), opened as facilitator; rename, archive and
delete."""

from planner.core.db import reading
from planner.store.access.grants import get_access
from planner.store.audit import audit_log
from planner.store.journey.workspaces import list_workspaces, load_journey
from tests.ui.conftest import texts
from tests.ui.pages.test_workspaces import PASSPHRASE, create


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


def test_empty_name_is_refused(open_page):
    at = create(open_page("workspaces"), "   ")
    assert "Name is required." in texts(at)


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


def test_creating_a_workspace_beside_others_opens_it(open_page, demo, engine):
    at = create(open_page("workspaces"), "Second journey")
    with reading(engine) as db:
        second = next(w for w in list_workspaces(db=db) if w.name == "Second journey")
    assert at.session_state["workspace_id"] == second.id
    assert at.session_state["grants"] == {demo.id: "facilitator", second.id: "facilitator"}
