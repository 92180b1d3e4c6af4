"""Journey grid: adding a candidate that repeats one of its phase says so, naming it."""

from tests.ui.conftest import texts


def test_adding_a_likely_duplicate_names_the_candidate_it_repeats(open_page, demo):
    at = open_page("journey_grid")
    at.selectbox(key="grid_phase").select("Service")
    at.selectbox(key="grid_channel").select("Store").run()
    form = "quick_add_Service_Store_0"
    at.text_input(key=f"{form}_title").input("Self-service returns portal in the store")
    at.button(key=f"FormSubmitter:{form}-Add candidate").click().run()
    assert not at.exception
    warnings = [warning.value for warning in at.warning]
    assert warnings == [
        "Possibly the same idea as “Self\\-service returns portal” (same words apart from the "
        "channel): merge them under Candidates → Possible duplicates."
    ]


def test_adding_a_new_idea_says_nothing_more(open_page, demo):
    at = open_page("journey_grid", lang="nl")
    at.selectbox(key="grid_phase").select("Planning")
    at.selectbox(key="grid_channel").select("Chat").run()
    form = "quick_add_Planning_Chat_0"
    at.text_input(key=f"{form}_title").input("Videobellen met een keukenontwerper")
    at.button(key=f"FormSubmitter:{form}-Kandidaat toevoegen").click().run()
    assert not at.exception
    assert "Kandidaat “Videobellen met een keukenontwerper” toegevoegd." in texts(at)
    assert [warning.value for warning in at.warning] == []
