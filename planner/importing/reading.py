"""Bytes of an uploaded file -> a table of text cells.

CSV: UTF-8 (with or without BOM) or Windows-1252; `,` or `;` as delimiter.
Excel: the first sheet of an .xlsx file.
"""

import csv
import io
import zipfile
from dataclasses import dataclass

import pandas as pd

from planner.core.errors import PlannerError

ENCODINGS = ("utf-8-sig", "cp1252")
DELIMITERS = ",;"
XLSX_MAGIC = b"PK\x03\x04"


class ImportFailed(PlannerError):
    """The file as a whole cannot be read or imported."""


@dataclass(frozen=True)
class Table:
    frame: pd.DataFrame  # every cell a str; header as in the file
    delimiter: str | None  # None for Excel
    encoding: str | None


def read_table(data: bytes, filename: str = "") -> Table:
    """Read an uploaded CSV or XLSX file; raises `ImportFailed` with a readable reason."""
    if not data.strip():
        raise ImportFailed("error.import_empty")
    if filename.lower().endswith((".xlsx", ".xlsm")) or data.startswith(XLSX_MAGIC):
        return Table(_read_xlsx(data), delimiter=None, encoding=None)
    text, encoding = _decode(data)
    delimiter = sniff_delimiter(text)
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=delimiter,
            dtype=str,
            keep_default_na=False,
            skip_blank_lines=False,
        )
    except (pd.errors.ParserError, csv.Error, ValueError) as error:
        raise ImportFailed("error.import_unreadable", detail=str(error).strip()) from None
    return Table(_clean(frame), delimiter=delimiter, encoding=encoding)


def _decode(data: bytes) -> tuple[str, str]:
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise ImportFailed("error.import_encoding")


def sniff_delimiter(text: str) -> str:
    """`,` or `;`, whichever the header line and first rows use."""
    sample = "\n".join(text.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        header = text.splitlines()[0] if text else ""
        return ";" if header.count(";") > header.count(",") else ","


def _read_xlsx(data: bytes) -> pd.DataFrame:
    try:
        frame = pd.read_excel(io.BytesIO(data), dtype=str, keep_default_na=False, engine="openpyxl")
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as error:
        raise ImportFailed("error.import_unreadable", detail=str(error).strip()) from None
    return _clean(frame)


def _clean(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.fillna("").astype(str)
    frame.columns = [str(column).strip() for column in frame.columns]
    return frame
