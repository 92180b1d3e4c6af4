"""What the matrix's options read beside their popover."""

from planner.ui.roadmap.matrix_options import options_summary


def test_only_the_filters_that_are_set_show_and_typed_names_stay_text():
    """Role and phase names are typed by people: Markdown in them shows as typed."""
    shown = options_summary(
        "*Sales*", [("Phase", ["Buy_ing", "Service"]), ("Channel", [])], "Quadrant", "Middle"
    )
    assert shown == (
        r"Seen by: \*Sales\* · Phase: Buy\_ing, Service · Colour by: Quadrant · "
        "Quadrant lines: Middle"
    )


def test_without_filters_it_says_all_candidates_for_everyone():
    shown = options_summary(None, [("Phase", [])], "Phase", "Median of the candidates")
    assert shown.startswith("Everyone (the consensus) · All candidates · Colour by: Phase")
