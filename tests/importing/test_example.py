"""The example import file: it reads as Dutch Excel writes a CSV, every column is one
the import understands, and it previews without errors in the six-phase workspace."""

from planner.importing.columns import REQUIRED, map_headers
from planner.importing.example import EXAMPLE_ROWS, example_csv
from planner.importing.preview import preview_import
from planner.importing.reading import read_table
from tests.factories import make_journey


def test_the_example_is_utf8_with_bom_separated_by_semicolons():
    data = example_csv()
    assert data.startswith(b"\xef\xbb\xbf")
    table = read_table(data, "example.csv")
    assert table.delimiter == ";"
    assert len(table.frame) == len(EXAMPLE_ROWS)
    assert table.frame["title"].tolist() == [row["title"] for row in EXAMPLE_ROWS]
    assert table.frame.loc[0, "effort"] == "4,5"  # a Dutch decimal comma survives


def test_every_column_of_the_example_is_understood():
    fields, ignored = map_headers(list(EXAMPLE_ROWS[0]))
    assert ignored == []
    assert set(REQUIRED) <= set(fields)


def test_the_example_previews_cleanly_in_a_six_phase_workspace(db):
    journey = make_journey(db, name="Example")
    preview = preview_import(read_table(example_csv(), "example.csv"), journey)
    assert preview.ok, preview.errors
    assert preview.row_count == len(EXAMPLE_ROWS)
    assert preview.unknown == {} or not any(preview.unknown.values())
    scores = [(row.value, row.effort) for row in preview.rows]
    assert scores[0] == (8.0, 4.5)
    assert scores[1] == (None, None)
