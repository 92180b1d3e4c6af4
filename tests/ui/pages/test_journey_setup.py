"""Journey setup page: rename, reorder, add and (refuse to) remove."""

from planner.core.db import reading
from planner.store.journey.workspaces import load_journey
from tests.ui.conftest import texts, widget_key


def journey(engine, demo):
    with reading(engine) as db:
        return load_journey(db=db, workspace_id=demo.id)


def edit(at, table, edits):
    """Edit a table: `setup_phase` (the phases), `aliases_channel` (the channels' aliases)..."""
    key = widget_key(at, table)
    at.session_state[key] = {"edited_rows": {}, "added_rows": [], "deleted_rows": [], **edits}
    at.run()
    assert not at.exception


def test_rename_reorder_and_add(open_page, demo, engine):
    at = open_page("journey_setup")
    edit(
        at,
        "setup_phase",
        {"edited_rows": {0: {"name": "Dreaming", "order": 7}}, "added_rows": [{"name": "Repair"}]},
    )
    assert journey(engine, demo).phase_names == [
        "Information",
        "Planning",
        "Buying",
        "Service",
        "Sharing",
        "Dreaming",
        "Repair",
    ]
    assert "Saved." in texts(at)


def test_removing_a_used_channel_names_the_candidates(open_page, demo, engine):
    at = open_page("journey_setup", lang="nl")
    edit(at, "setup_channel", {"deleted_rows": [0]})
    message = texts(at)
    assert "Website" in message and "nog gebruikt door" in message
    assert "Website" in journey(engine, demo).channel_names


def test_duplicate_persona_is_refused(open_page, demo, engine):
    at = open_page("journey_setup")
    edit(at, "setup_persona", {"added_rows": [{"name": "young FAMILY"}]})
    assert "already has a persona named “Young family”" in texts(at)
    assert len(journey(engine, demo).personas) == 3
