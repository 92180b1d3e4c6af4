"""The roadmap's settings form: saved as typed, a wrong number of capacities explained."""

from datetime import date

from planner.core.db import reading
from planner.store.roadmap.roadmap_plan import load_plan
from tests.ui.conftest import labelled, texts


def open_settings(at):
    """Open the roadmap's settings (their form runs only while open), as a click does."""
    assert not [w for w in at.text_input if w.label == "Capacity per period"]
    at.session_state["roadmap_settings"] = True
    at.run()
    assert not at.exception
    return at


def test_roadmap_settings_are_saved(open_page, demo, engine):
    at = open_settings(open_page("roadmap"))
    labelled(at.radio, "Strategy").set_value("wsjf")
    labelled(at.text_input, "Capacity per period").input("10, 20, 30, 40")
    at.button(key="FormSubmitter:roadmap_settings-Save").click().run()
    assert not at.exception
    with reading(engine) as db:
        settings = load_plan(db=db, workspace_id=demo.id, today=date.today())
    assert settings.strategy == "wsjf" and settings.capacities == (10, 20, 30, 40)


def test_wrong_capacity_count_is_explained(open_page, demo):
    at = open_page("roadmap", lang="nl")
    at.session_state["roadmap_settings"] = True
    at.run()
    labelled(at.text_input, "Capaciteit per periode").input("10, 20")
    at.button(key="FormSubmitter:roadmap_settings-Opslaan").click().run()
    assert "2 capaciteiten voor 4 perioden" in texts(at)
