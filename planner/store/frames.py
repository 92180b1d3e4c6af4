"""Reading many rows into a DataFrame."""

import numpy as np
import pandas as pd
from sqlmodel import Session


def read_frame(db: Session, query, columns: list[str] | None = None) -> pd.DataFrame:
    """The rows of a Core `select` as a DataFrame.

    Goes through the connection (the ORM session adds work per row) and hands pandas
    plain tuples: it builds a frame from SQLAlchemy `Row` objects four times slower.
    """
    result = db.connection().execute(query)
    return pd.DataFrame(list(map(tuple, result)), columns=columns or list(result.keys()))


def plain_records(frame: pd.DataFrame) -> list[dict]:
    """Rows as dicts of plain Python values (no numpy scalars, None for missing)."""
    return [
        {key: _plain(value) for key, value in row.items()}
        for row in frame.astype(object).where(frame.notna(), None).to_dict("records")
    ]


def _plain(value):
    return value.item() if isinstance(value, np.generic) else value
