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
    for (row, column), text in (shown or {}).items():
        styler = styler.format(lambda _, text=text: text, subset=pd.IndexSlice[[row], [column]])
    return styler
