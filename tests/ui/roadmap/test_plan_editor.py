"""Editing the working roadmap: pins, exclusions and dependencies; none on itself."""

from datetime import date

from planner.core.db import reading
from planner.roadmap.periods import make_periods
from planner.roadmap.settings import quarter_start
from planner.store.roadmap.dependencies import needs_of
from planner.store.roadmap.roadmap_plan import plan_items
from tests.ui.conftest import open_tab, texts, widget_key


def test_pin_exclude_and_depend(open_page, demo, engine):
    at = open_tab(open_page("roadmap"), "roadmap_tab", "Pins and dependencies")
    second = make_periods(quarter_start(date.today()), "quarter", 4)[1].label
    at.session_state[widget_key(at, "pins")] = {
        "edited_rows": {0: {"excluded": True}, 1: {"pin": second}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    assert not at.exception
    with reading(engine) as db:
        pins, excluded = plan_items(db=db, workspace_id=demo.id)
    assert len(excluded) == 1 and list(pins.values()) == [1]
    at.selectbox(key="dependency_candidate").select(3)
    at.selectbox(key="dependency_needs").select(4)
    at.button(key="FormSubmitter:add_dependency-Add dependency").click().run()
    with reading(engine) as db:
        assert 4 in needs_of(db=db, workspace_id=demo.id)[3]


def test_a_candidate_cannot_need_itself(open_page, demo):
    at = open_tab(open_page("roadmap"), "roadmap_tab", "Pins and dependencies")
    at.selectbox(key="dependency_candidate").select(20)
    at.selectbox(key="dependency_needs").select(20)
    at.button(key="FormSubmitter:add_dependency-Add dependency").click().run()
    assert "cannot need itself" in texts(at)
