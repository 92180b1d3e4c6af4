"""A phase x channel table coloured as a heat map (empty cells stand out in red)."""

from collections.abc import Mapping

import pandas as pd
from pandas.io.formats.style import Styler

from planner.core.numbers import marks


def heat_map(
    table: pd.DataFrame, lang: str, shown: Mapping[tuple[str, str], str] | None = None
) -> Styler:
    """The table's cells coloured by amount, written as `lang` writes numbers; a cell
    (row, column) in `shown` shows that text instead (its colour, sorting and selection
    still go by the amount)."""
    peak = max(float(table.to_numpy().max()), 1.0) if table.size else 1.0

    def colour(amount: float) -> str:
        if amount == 0:
            return "background-color: #fdecea; color: #b03a2e"
        alpha = 0.15 + 0.7 * amount / peak
        return f"background-color: rgba(31, 119, 180, {alpha:.2f}); color: #0b2239"

    styler = table.style.map(colour).format(
        precision=1 if table.dtypes.eq(float).any() else 0, **marks(lang)
    )
    # A display function per shown cell, set where Styler.format(subset=...) would set it:
    # format looks each cell up with .loc, ~10 ms a cell in pandas 3.1 (half a second a
    # run for a grid of marked cells). tests/ui/journey/test_heatmap.py checks the text.
    for (row, column), text in (shown or {}).items():
        cell = (table.index.get_loc(row), table.columns.get_loc(column))
        styler._display_funcs[cell] = lambda _, text=text: text
    return styler
