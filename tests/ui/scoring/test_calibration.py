"""The facilitator sets calibration references on the Scoring model page."""

from planner.core.db import reading
from planner.store.scoring.calibration import references
from tests.ui.conftest import texts


def test_the_facilitator_marks_reference_candidates_with_agreed_scores(open_page, demo, engine):
    at = open_page("scoring_model")
    at.multiselect(key="calibration_effort").select(2).select(5).run()
    at.select_slider(key="calibration_effort_2").set_value("1").run()
    at.select_slider(key="calibration_effort_5").set_value("4").run()
    at.button(key="calibration_save_effort").click().run()
    assert not at.exception and "Calibration saved" in texts(at)
    with reading(engine) as db:
        found = references(db=db, workspace_id=demo.id)
    assert [(r.candidate_id, r.label) for r in found["effort"]] == [(2, "1"), (5, "4")]
    assert found["value"] == []
    assert not [b for b in at.button if b.key == "calibration_save_effort"]  # saved: no change
