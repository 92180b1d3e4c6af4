"""Journey grid page: counts, choosing a cell, quick-add."""

from planner.core.db import reading
from planner.store.journey.candidates import candidate_frame
from tests.ui.conftest import texts


def test_grid_shows_counts_and_gaps(open_page, demo):
    at = open_page("journey_grid")
    assert [m.value for m in at.metric] == ["42", "29 / 42", "17"]
    assert at.dataframe[0].value.loc["Website", "Information"] == 7
    assert any("Empty cells (13)" in e.label for e in at.expander)


def test_choosing_a_cell_lists_its_candidates(open_page, demo):
    at = open_page("journey_grid")
    at.selectbox(key="grid_phase").select("Service")
    at.selectbox(key="grid_channel").select("Contact centre").run()
    assert "Service × Contact centre" in texts(at)
    titles = at.dataframe[1].value["Title"].tolist()
    assert "Callback instead of waiting in the queue" in titles


def test_quick_add_prefills_the_cell(open_page, demo, engine):
    at = open_page("journey_grid")
    at.selectbox(key="grid_phase").select("Planning")
    at.selectbox(key="grid_channel").select("Chat").run()
    form = "quick_add_Planning_Chat_0"  # the form's key, renewed after each add
    at.text_input(key=f"{form}_title").input("Chat with a planner")
    at.button(key=f"FormSubmitter:{form}-Add candidate").click().run()
    assert not at.exception
    assert "Candidate “Chat with a planner” added." in texts(at)
    with reading(engine) as db:
        frame = candidate_frame(db=db, workspace_id=demo.id)
    added = frame[frame["title"] == "Chat with a planner"].iloc[0]
    assert (added["phase"], added["channels"]) == ("Planning", ["Chat"])


def test_quick_add_without_title_explains(open_page, demo):
    at = open_page("journey_grid", lang="nl")
    at.selectbox(key="grid_phase").select("Planning")
    at.selectbox(key="grid_channel").select("Chat").run()
    at.button(key="FormSubmitter:quick_add_Planning_Chat_0-Kandidaat toevoegen").click().run()
    assert "Titel is verplicht." in texts(at)


def test_the_form_is_empty_after_adding(open_page, demo):
    """A new form (a new key), so the browser too shows it empty, not what was typed."""
    at = open_page("journey_grid")
    at.selectbox(key="grid_phase").select("Planning")
    at.selectbox(key="grid_channel").select("Chat").run()
    at.text_input(key="quick_add_Planning_Chat_0_title").input("First")
    at.button(key="FormSubmitter:quick_add_Planning_Chat_0-Add candidate").click().run()
    assert at.text_input(key="quick_add_Planning_Chat_1_title").value == ""
    assert not [w for w in at.text_input if w.key == "quick_add_Planning_Chat_0_title"]
