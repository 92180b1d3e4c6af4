"""Tables whose numbers and dates read the way the page's language writes them.

Streamlit's grid formats each cell in the browser. A column shown "localized" is written
by the browser's Intl in the page's locale, which the shell sets to the app's language
(planner.ui.shell.browser_locale): "7,5", "2.000" and "1 okt 2026" in Dutch. The column
stays a number or a date, so sorting it by its heading still puts 10,0 after 9,5 (text
formatted on the server would not). `show` does this for every numeric and date column
a page does not type itself.
"""

from datetime import date, datetime
from typing import Any

import numpy as np
import pandas as pd
import streamlit as st

LOCALIZED = "localized"
# What an empty cell shows, in every language (Streamlit's own is the English "None"):
# every table and editor of the app passes it as `placeholder`.
MISSING = "—"


def number(label: str | None = None, decimals: int | None = None, **options: Any) -> Any:
    """A number column in the page's language, with `decimals` fixed when given (or as
    many as `step` has, for an editor)."""
    if decimals is not None:
        options.setdefault("step", 10.0**-decimals if decimals else 1)
    return st.column_config.NumberColumn(label, format=LOCALIZED, **options)


def day(label: str | None = None, **options: Any) -> Any:
    """A date column in the page's language: '1 Oct 2026' / '1 okt 2026'."""
    return st.column_config.DateColumn(label, format=LOCALIZED, **options)


def moment(label: str | None = None, **options: Any) -> Any:
    """A date and time column in the page's language."""
    return st.column_config.DatetimeColumn(label, format=LOCALIZED, **options)


def decimals_of(column: pd.Series) -> int:
    """The fewest decimals (at most 2) that show every value of a float column as it is."""
    values = column.to_numpy(dtype=float, na_value=np.nan)
    values = values[np.isfinite(values)]
    for places in (0, 1):
        if np.allclose(values, np.round(values, places), rtol=0, atol=1e-9):
            return places
    return 2


def localised(frame: pd.DataFrame, config: dict[Any, Any] | None = None) -> dict[Any, Any]:
    """`config` with every numeric and date column that it leaves untyped (absent, or
    only a label) shown in the page's language."""
    config = dict(config or {})
    for position, name in enumerate(frame.columns):
        given = config.get(name)
        if given is not None and not isinstance(given, str):
            continue  # typed by the page
        column = frame.iloc[:, position]  # by position: two columns may share a heading
        if pd.api.types.is_bool_dtype(column):
            continue
        if pd.api.types.is_integer_dtype(column):
            config[name] = number(given)
        elif pd.api.types.is_float_dtype(column):
            config[name] = number(given, decimals_of(column))
        elif pd.api.types.is_datetime64_any_dtype(column):
            config[name] = moment(given)
        else:
            first = _first(column)
            if isinstance(first, datetime):
                config[name] = moment(given)
            elif isinstance(first, date):
                config[name] = day(given)
    return config


def show(data: pd.DataFrame, *, column_config: dict[Any, Any] | None = None, **options: Any):
    """`st.dataframe` with numbers and dates in the page's language (see module), and
    empty cells empty in every language."""
    options.setdefault("placeholder", MISSING)
    return st.dataframe(data, column_config=localised(data, column_config), **options)


def _first(column: pd.Series) -> object:
    """The column's first value that is not empty (None when there is none); most
    columns have one in their first row, which spares looking at every row."""
    if len(column) and not _empty(column.iloc[0]):
        return column.iloc[0]
    present = column.notna().to_numpy()
    return column.iloc[int(present.argmax())] if present.any() else None


def _empty(value: object) -> bool:
    return value is None or (isinstance(value, float) and value != value)
