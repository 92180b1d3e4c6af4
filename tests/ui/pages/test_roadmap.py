"""Roadmap page: only the open tab runs; the best plan shows its proof and what it gains."""

from datetime import date

from planner.core.db import reading
from planner.store.roadmap.roadmap_plan import load_plan
from tests.ui.conftest import labelled, open_tab, texts
from tests.ui.roadmap.test_settings import open_settings


def test_the_best_plan_shows_its_proof_and_what_it_gains(open_page, demo, engine):
    at = open_settings(open_page("roadmap"))
    labelled(at.radio, "Strategy").set_value("optimal")
    labelled(at.number_input, "Time limit of the best plan (seconds)").set_value(20.0)
    at.button(key="FormSubmitter:roadmap_settings-Save").click().run()
    assert not at.exception
    shown = texts(at)
    assert "Proven optimal" in shown or "of the best possible plan" in shown
    assert "Compared with Value / effort (WSJF): value delivered per period" in shown
    with reading(engine) as db:
        settings = load_plan(db=db, workspace_id=demo.id, today=date.today())
    assert settings.strategy == "optimal" and settings.time_limit == 20


def test_only_the_open_tab_runs(open_page, demo):
    at = open_page("roadmap")
    assert at.text_input(key="version_name")  # the plan tab is open
    assert "dependency_candidate" not in [s.key for s in at.selectbox]
    assert "open_version" not in [s.key for s in at.selectbox]
    open_tab(at, "roadmap_tab", "Versions")
    assert "version_name" not in [i.key for i in at.text_input]
    assert "No saved versions yet" in texts(at)
