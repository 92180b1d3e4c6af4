"""Candidates page: search and filters, form edits, delete with confirmation."""

from planner.core.db import reading
from planner.store.journey.candidates import candidate_frame
from tests.ui.conftest import texts, widget_key


def stored(engine, demo):
    with reading(engine) as db:
        return candidate_frame(db=db, workspace_id=demo.id).set_index("id")


def table_key(at):
    return widget_key(at, "candidate_table")


def test_search_and_filters_narrow_the_table(open_page, demo):
    at = open_page("candidates")
    assert "42 of 42 candidates" in texts(at)
    at.text_input(key="search").input("delivery").run()
    assert "of 42 candidates" in texts(at) and "42 of 42" not in texts(at)
    at.multiselect(key="filter_phase").select("Service").run()
    shown = at.dataframe[0].value
    assert (
        len(shown) >= 1 and "Track & trace with a 1-hour delivery window" in shown["title"].tolist()
    )


def test_form_edit(open_page, demo, engine):
    at = open_page("candidates")
    candidate_id = at.selectbox(key="edit_which").value
    form = f"edit_candidate_{candidate_id}"
    at.text_input(key=f"{form}_title").input("Edited in the form")
    at.button(key=f"FormSubmitter:{form}-Save").click().run()
    assert not at.exception
    assert stored(engine, demo).at[candidate_id, "title"] == "Edited in the form"


def test_delete_asks_for_confirmation(open_page, demo, engine):
    at = open_page("candidates")
    assert at.button(key="delete_selected").disabled
    at.session_state[table_key(at)] = {
        "edited_rows": {0: {"select": True}, 1: {"select": True}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    at.button(key="delete_selected").click().run()
    assert len(stored(engine, demo)) == 42  # nothing gone before confirming
    at.button(key="confirm_delete").click().run()
    assert not at.exception
    assert len(stored(engine, demo)) == 40
