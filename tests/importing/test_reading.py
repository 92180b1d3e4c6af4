"""Reading uploaded files: encodings, delimiters, Excel, and files that are not tables."""

import io
import time
import zipfile

import pytest
from openpyxl import Workbook

from planner.backup.export import DocumentInvalid, read_document
from planner.importing import reading
from planner.importing.reading import ImportFailed, read_table
from tests.importing.helpers import csv_bytes, xlsx_bytes

ROWS = [{"title": "Café €5 voucher", "phase": "Buying", "channel": "Store"}]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
@pytest.mark.parametrize("sep", [",", ";"])
def test_csv_encodings_and_delimiters(encoding, sep):
    table = read_table(csv_bytes(ROWS, sep, encoding), "x.csv")
    assert table.delimiter == sep
    assert list(table.frame.columns) == ["title", "phase", "channel"]
    assert table.frame.iloc[0]["title"] == "Café €5 voucher"


def test_semicolon_file_with_commas_in_text():
    data = b"titel;fase;kanaal\nSnel, simpel en goed;Aankoop;Website, Chat\n"
    table = read_table(data, "x.csv")
    assert table.delimiter == ";"
    assert table.frame.iloc[0]["kanaal"] == "Website, Chat"


def test_xlsx_first_sheet():
    table = read_table(xlsx_bytes(ROWS), "ideas.xlsx")
    assert table.delimiter is None
    assert table.frame.iloc[0]["title"] == "Café €5 voucher"


def test_numbers_in_excel_are_read_as_text():
    table = read_table(xlsx_bytes([{"title": "A", "value": 7.5}]), "x.xlsx")
    assert table.frame.iloc[0]["value"] == "7.5"


@pytest.mark.parametrize(
    ("data", "name", "key"),
    [
        (b"", "x.csv", "error.import_empty"),
        (b"  \n ", "x.csv", "error.import_empty"),
        (b"PK\x03\x04 not really a zip", "x.xlsx", "error.import_unreadable"),
        (b"\x81\x8d\x8f\x90\x9d", "x.csv", "error.import_encoding"),
        (b'title,phase\n"unterminated,Buying\n', "x.csv", "error.import_unreadable"),
    ],
)
def test_unreadable_files_give_a_clear_message(data, name, key):
    with pytest.raises(ImportFailed) as error:
        read_table(data, name)
    assert error.value.key == key


def sheet_bytes(rows: list[list[str]]) -> bytes:
    """An .xlsx file of these rows (the first is the header)."""
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_an_xlsx_bomb_is_refused_before_it_is_parsed():
    """2 MB of one repeated byte packs ~1000 times: refused from the zip directory."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("[Content_Types].xml", "<Types/>")
        bomb.writestr("xl/worksheets/sheet1.xml", "<row>" + "0" * 2_000_000 + "</row>")
    started = time.perf_counter()
    with pytest.raises(ImportFailed, match="unpack to more than 100 MB"):
        read_table(out.getvalue(), "bomb.xlsx")
    assert time.perf_counter() - started < 1


def test_an_xlsx_that_unpacks_too_far_is_refused(monkeypatch):
    monkeypatch.setattr(reading, "MAX_XLSX_UNPACKED", 1000)
    with pytest.raises(ImportFailed, match="unpack"):
        read_table(
            sheet_bytes([["title", "phase", "channel"], ["A", "Buying", "Website"]]), "a.xlsx"
        )


def test_an_xlsx_with_a_broken_tag_gets_a_message():
    good = zipfile.ZipFile(io.BytesIO(sheet_bytes([["title"], ["A"]])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as broken:
        for member in good.infolist():
            data = good.read(member)
            if member.filename.startswith("xl/worksheets/"):
                data = data.replace(b"<row", b"<ro w", 1)
            broken.writestr(member, data)
    with pytest.raises(ImportFailed, match="cannot be read"):
        read_table(out.getvalue(), "broken.xlsx")


@pytest.mark.parametrize("filename", ["many.csv", "many.xlsx"])
def test_rows_per_import_are_limited(monkeypatch, filename):
    monkeypatch.setattr(reading, "MAX_ROWS", 5)
    rows = [["title", "phase", "channel"], *[[f"Idea {n}", "Buying", "Website"] for n in range(6)]]
    data = (
        sheet_bytes(rows)
        if filename.endswith(".xlsx")
        else "\n".join(",".join(r) for r in rows).encode()
    )
    with pytest.raises(ImportFailed, match="more than 5 rows"):
        read_table(data, filename)


def test_a_backup_nested_too_deeply_gets_a_message():
    with pytest.raises(DocumentInvalid, match="nested too deeply"):
        read_document(b"[" * 100_000 + b"]" * 100_000)
