"""Reading uploaded files: encodings, delimiters, Excel, and files that are not tables."""

import pytest

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
