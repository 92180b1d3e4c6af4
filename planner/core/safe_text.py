"""User-typed text made safe for where it goes.

Spreadsheets: a cell that starts with =, +, -, @, a tab or a carriage return is read as a
formula by Excel and LibreOffice. In CSV it gets a leading apostrophe (OWASP's advice);
in .xlsx it is stored as text, exactly as typed.

Markdown (the export and the app's own pages): every character Markdown gives a meaning
is escaped, so raw HTML, images (fetched by whoever opens the file), links and
`javascript:` targets show as the text that was typed.
"""

import re

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:&])")


def is_formula_like(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def neutralise(value: object) -> object:
    """'=1+2' -> "'=1+2"; other values unchanged."""
    return f"'{value}" if is_formula_like(value) else value


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    text = frame.select_dtypes(include=["object", "string"]).columns
    return frame.assign(**{column: frame[column].map(neutralise) for column in text})


def markdown_literal(value: object) -> str:
    """`value` with Markdown's special characters escaped, so it shows as typed:
    `<b>` becomes `\\<b\\>`, `![x](http://…)` an inert `\\!\\[x\\]\\(http\\:…`."""
    return MARKDOWN_SPECIALS.sub(r"\\\1", str(value))
