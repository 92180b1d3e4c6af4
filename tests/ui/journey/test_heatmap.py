"""The grid's heat map: coloured by amount, a cell's own text where one is given."""

import pandas as pd

from planner.ui.journey.heatmap import heat_map

TABLE = pd.DataFrame({"Service": [2, 0], "Buying": [1200, 1]}, index=["Mobile app", "Store"])


def test_a_cells_text_replaces_its_number_and_keeps_its_colour():
    plain = heat_map(TABLE, "nl")._compute()
    marked = heat_map(TABLE, "nl", {("Mobile app", "Service"): "2 · 1 dubbel?"})._compute()
    assert marked.ctx == plain.ctx  # the same colours
    html = marked.to_html()
    assert "2 · 1 dubbel?" in html
    assert "1.200" in html  # the other cells as Dutch writes numbers
