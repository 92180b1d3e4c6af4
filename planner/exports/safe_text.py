"""Text that a spreadsheet must not run as a formula (CSV/formula injection).

A cell that starts with =, +, -, @, a tab or a carriage return is read as a formula by
Excel and LibreOffice. In CSV it gets a leading apostrophe (OWASP's advice); in .xlsx
it is stored as text, exactly as typed.
"""

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def neutralise(value: object) -> object:
    """'=1+2' -> "'=1+2"; other values unchanged."""
    return f"'{value}" if is_formula_like(value) else value


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    text = frame.select_dtypes(include=["object", "string"]).columns
    return frame.assign(**{column: frame[column].map(neutralise) for column in text})
