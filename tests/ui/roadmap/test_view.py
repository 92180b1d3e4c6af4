"""Showing a roadmap: how sure each place is, the load per period in the page's language."""

from tests.ui.conftest import open_tab, texts


def test_the_roadmap_says_how_sure_each_place_is(open_page, demo):
    """The demo has pre-scores only: certain by definition, so every rank's range is the
    rank itself and the first period never changes."""
    at = open_page("roadmap")
    assert "the first period holds the same candidates in 100 % of the plans" in texts(at)
    at = open_tab(at, "roadmap_tab", "Table")
    table = next(frame.value for frame in at.dataframe if "rank_interval" in frame.value)
    ranked = table[table["rank_interval"] != ""]
    expected = [f"{r} ({r}–{r})" for r in ranked["rank"]]
    assert len(ranked) > 10 and ranked["rank_interval"].tolist() == expected
    assert set(table["quadrant_sure"].dropna()) == {100}


def test_the_load_per_period_reads_in_the_pages_language(open_page, demo):
    """A small static table: no grid for a dozen periods."""
    at = open_page("roadmap", lang="nl")
    [load] = at.table
    frame = load.value
    assert list(frame.columns) == ["Periode", "Geplande inspanning", "Capaciteit", "Gevuld"]
    assert len(frame) == 4 and frame["Gevuld"].str.endswith("%").all()
    assert all("," in used or used == "0,0" for used in frame["Geplande inspanning"])
