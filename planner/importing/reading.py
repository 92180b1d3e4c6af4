"""Bytes of an uploaded file -> a table of text cells.

CSV: UTF-8 (with or without BOM) or Windows-1252; `,` or `;` as delimiter.
Excel: the first sheet of an .xlsx file.

Bounded work whatever the file: at most MAX_ROWS rows; an .xlsx is refused before it
is parsed when it would unpack to more than MAX_XLSX_UNPACKED bytes, or any part of it
packs more than MAX_XLSX_RATIO times (a decompression bomb).
"""

import csv
import io
import zipfile
from dataclasses import dataclass

import pandas as pd

from planner.core.errors import PlannerError
from planner.core.numbers import Count

MAX_ROWS = 20_000
MAX_XLSX_UNPACKED = 100 * 1024 * 1024
MAX_XLSX_RATIO = 100  # an ordinary sheet packs 5-20 times
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
    return Table(_bounded(_clean(frame)), delimiter=delimiter, encoding=encoding)


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
    _check_unpacked_size(data)
    try:
        frame = pd.read_excel(
            io.BytesIO(data),
            dtype=str,
            keep_default_na=False,
            engine="openpyxl",
            nrows=MAX_ROWS + 1,
        )
    except Exception as error:  # any failure of the parser on a user's file: unreadable
        raise ImportFailed("error.import_unreadable", detail=str(error).strip()[:200]) from None
    return _bounded(_clean(frame))


def _check_unpacked_size(data: bytes) -> None:
    """Refuse an .xlsx whose parts would unpack too far, from the zip directory alone."""
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise ImportFailed("error.import_unreadable", detail=str(error).strip()) from None
    unpacked = sum(member.file_size for member in members)
    packed_hard = any(
        member.file_size > 1024 * 1024
        and member.file_size > MAX_XLSX_RATIO * max(member.compress_size, 1)
        for member in members
    )
    if unpacked > MAX_XLSX_UNPACKED or packed_hard:
        raise ImportFailed("error.import_xlsx_bomb", megabytes=MAX_XLSX_UNPACKED // 2**20)


def _bounded(frame: pd.DataFrame) -> pd.DataFrame:
    if len(frame) > MAX_ROWS:
        # the message writes the count as its language does: "20,000" / "20.000"
        raise ImportFailed("error.import_too_many_rows", limit=Count(MAX_ROWS, "en"))
    return frame


def _clean(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.fillna("").astype(str)
    frame.columns = [str(column).strip() for column in frame.columns]
    return frame
