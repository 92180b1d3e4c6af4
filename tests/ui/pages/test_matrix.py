"""Matrix page: candidates per quadrant, the filters and the median lines."""

from tests.ui.conftest import open_tab, texts


def test_matrix_lists_candidates_per_quadrant(open_page, demo):
    at = open_page("matrix")
    assert "Quadrant lines at value 5.0 and effort 5.0." in texts(at)
    assert not at.dataframe  # only the open tab runs: the chart's
    at = open_tab(at, "matrix_tab", "Candidates per quadrant")
    members = at.dataframe[0].value
    assert len(members) == 42
    names = ["Quick win", "Big bet", "Fill-in", "Money pit"]
    assert list(dict.fromkeys(members["quadrant"])) == names  # quadrant by quadrant
    quick = members[members["quadrant"] == "Quick win"]["value"]
    assert quick.is_monotonic_decreasing  # best first
    assert f"**Quick win** {len(quick)}" in texts(at)
    assert "Quadrant lines at value" not in texts(at)


def test_matrix_filters_and_median_lines(open_page, demo):
    at = open_page("matrix", lang="nl")
    assert "Iedereen (de consensus) · Alle kandidaten · Kleur naar: Kwadrant" in texts(at)
    at.multiselect(key="matrix_quadrant").select("quick_win").run()
    at.multiselect(key="matrix_phase").select("Buying").select("Service").run()
    at.radio(key="matrix_lines").set_value("median").run()
    assert "Kwadrantlijnen bij waarde" in texts(at) and not at.exception
    assert (
        "Iedereen (de consensus) · Fase: Buying, Service · Kwadrant: Snelle winst · "
        "Kleur naar: Kwadrant · Kwadrantlijnen: Mediaan van de kandidaten"
    ) in texts(at)
    at = open_tab(at, "matrix_tab", "Kandidaten per kwadrant")
    shown = at.dataframe[0].value
    assert set(shown["quadrant"]) == {"Snelle winst"} and len(shown) > 0
