"""Building import files in tests."""

import io

import pandas as pd


def csv_bytes(rows: list[dict], sep: str = ",", encoding: str = "utf-8") -> bytes:
    return pd.DataFrame(rows).to_csv(sep=sep, index=False).encode(encoding)


def xlsx_bytes(rows: list[dict]) -> bytes:
    buffer = io.BytesIO()
    pd.DataFrame(rows).to_excel(buffer, index=False)
    return buffer.getvalue()
