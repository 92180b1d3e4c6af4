"""The candidate picked in the matrix: its details and scores."""

from tests.ui.conftest import texts


def test_picking_a_point_shows_the_candidate(open_page, demo):
    at = open_page("matrix")
    at.session_state["matrix"] = {"selection": {"pick": [{"candidate_id": 7}]}}
    at.run()
    assert not at.exception
    assert "Stock per store on the product page" in texts(at)
    assert [m.label for m in at.metric] == ["Value", "Effort"]
