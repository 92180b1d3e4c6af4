"""Checking import rows: headers, names, limits, scores, duplicates, row numbers."""

import pytest

from planner.importing.preview import preview_import
from planner.importing.reading import ImportFailed, read_table
from planner.store.journey.candidates import candidate_frame
from tests.factories import add_candidate, make_journey
from tests.importing.helpers import csv_bytes


def preview(rows, journey, sep=",", **kwargs):
    return preview_import(read_table(csv_bytes(rows, sep), "x.csv"), journey, **kwargs)


def row(**cells):
    return {"title": "Idea", "phase": "Buying", "channel": "Website", **cells}


@pytest.fixture(name="journey")
def journey_fixture(db):
    return make_journey(db)


@pytest.mark.parametrize(
    "headers",
    [
        ("title", "phase", "channel"),
        ("Title", "PHASE", "Channels"),
        ("titel", "fase", "kanaal"),
        ("Titel", "Fase", "Kanalen"),
    ],
)
def test_headers_in_english_or_dutch_any_case(journey, headers):
    rows = [dict(zip(headers, ["Idea", "Buying", "Website"], strict=True))]
    result = preview(rows, journey)
    assert result.ok and result.rows[0].title == "Idea"


def test_missing_required_columns_name_them(journey):
    with pytest.raises(ImportFailed) as error:
        preview([{"title": "x", "omschrijving": "y"}], journey)
    assert "phase" in error.value.message("en") and "channels" in error.value.message("en")


def test_unknown_columns_are_reported_as_ignored(journey):
    assert preview([row(budget="1000")], journey).ignored_columns == ["budget"]


def test_dutch_names_match_the_english_journey(journey):
    result = preview([row(phase="Aankoop", channel="Winkel|Klantcontactcentrum")], journey)
    assert result.rows[0].phase == "Buying"
    assert result.rows[0].channels == ("Store", "Contact centre")


@pytest.mark.parametrize(
    ("sep", "cell", "channels"),
    [
        (",", "Website|Chat", ("Website", "Chat")),
        (",", "Website;Chat", ("Website", "Chat")),
        (";", "Website,Chat", ("Website", "Chat")),
        (";", "Website | Chat | Website", ("Website", "Chat")),
    ],
)
def test_channel_separators(journey, sep, cell, channels):
    assert preview([row(channel=cell)], journey, sep=sep).rows[0].channels == channels


def test_unknown_phase_lists_the_known_ones_with_row_and_column(journey):
    result = preview([row(), row(phase="Aftercare")], journey)
    assert not result.ok
    message = result.errors[0].message("en")
    assert "Row 3" in message and "“phase”" in message and "Aftercare" in message
    assert "Inspiration, Information, Planning, Buying, Service, Sharing" in message
    assert result.unknown == {"phase": ["Aftercare"]}
    assert [r.row for r in result.rows] == [2]


def test_accepting_an_unknown_phase_creates_it(journey):
    result = preview([row(phase="aftercare")], journey, accept_new={"phase": ["Aftercare"]})
    assert result.ok and result.new_items == {"phase": ["aftercare"]}


@pytest.mark.parametrize(
    ("cells", "column", "words"),
    [
        ({"title": ""}, "title", "required"),
        ({"title": "x" * 201}, "title", "at most 200"),
        ({"description": "x" * 5001}, "description", "at most 5000"),
        ({"channel": ""}, "channel", "required"),
        ({"value": "high"}, "value", "number"),
        ({"effort": "11"}, "effort", "between 0 and 10"),
        ({"channel switch": "maybe"}, "channel switch", "yes/no"),
    ],
)
def test_bad_cells_are_reported(journey, cells, column, words):
    result = preview([row(**cells)], journey)
    [problem] = result.errors
    assert problem.column == column and problem.row == 2
    assert words in problem.message("en")
    assert result.rows == []


def test_scores_with_decimal_comma(journey):
    result = preview([row(waarde="7,5", inspanning="3")], journey, sep=";")
    assert (result.rows[0].value, result.rows[0].effort) == (7.5, 3.0)


def test_blank_rows_are_skipped_but_counted(journey):
    result = preview([row(), {"title": "", "phase": "", "channel": ""}, row(title="B")], journey)
    assert [r.row for r in result.rows] == [2, 4]


def test_duplicate_titles_in_the_same_cell_are_flagged(db, journey):
    add_candidate(db, journey, "Existing idea", phase="Buying", channels=["Website"])
    existing = candidate_frame(db=db, workspace_id=journey.workspace.id)
    result = preview(
        [
            row(title="Existing idea"),
            row(title="New"),
            row(title="new ", channel="Chat|Website"),
            row(title="New", channel="Store"),
        ],
        journey,
        existing=existing,
    )
    assert result.ok
    assert [(w.row, w.key) for w in result.warnings] == [
        (2, "error.duplicate_existing"),
        (4, "error.duplicate_in_file"),
    ]
    assert "row 3" in result.warnings[1].message("en")


def test_new_workspace_takes_the_files_names_in_template_order():
    rows = [
        row(phase="Service", channel="Chat"),
        row(phase="Inspiration", channel="Website"),
        row(phase="Aftercare", channel="Kiosk"),
    ]
    result = preview(rows, None)
    assert result.ok
    assert result.new_items["phase"] == ["Inspiration", "Service", "Aftercare"]
    assert result.new_items["channel"] == ["Website", "Chat", "Kiosk"]


def test_depends_on_by_title_in_the_file_or_the_workspace(db, journey):
    add_candidate(db, journey, "Stock per store")
    existing = candidate_frame(db=db, workspace_id=journey.workspace.id)
    result = preview(
        [
            row(title="Click & collect", depends_on="stock per store|Pick-up lockers"),
            row(title="Pick-up lockers"),
            row(title="Broken", depends_on="Nowhere"),
        ],
        journey,
        existing=existing,
    )
    assert result.rows[0].needs == ("stock per store", "Pick-up lockers")
    [problem] = result.errors
    assert problem.row == 4 and "Nowhere" in problem.message("en")


def test_dependency_cycles_in_a_file_are_errors(journey):
    result = preview([row(title="A", depends_on="B"), row(title="B", depends_on="A")], journey)
    assert {p.row for p in result.errors} == {2, 3} and not result.rows


def test_dutch_dependency_header(journey):
    rows = [
        {"titel": "A", "fase": "Aankoop", "kanaal": "Winkel", "afhankelijk_van": "B"},
        {"titel": "B", "fase": "Aankoop", "kanaal": "Winkel", "afhankelijk_van": ""},
    ]
    assert preview(rows, journey).rows[0].needs == ("B",)


def test_cells_are_cleaned_as_the_app_stores_text(journey):
    cells = row(title="Id\x00ea\x1b", description="one\r\ntwo\x07", phase="Buy\x00ing")
    [imported] = preview([cells], journey).rows
    assert (imported.title, imported.description, imported.phase) == ("Idea", "one\ntwo", "Buying")


@pytest.mark.parametrize(("column", "kind"), [("phase", "Phase"), ("channel", "Channel")])
def test_a_new_name_over_the_limit_is_reported_by_its_column(column, kind):
    result = preview([row(**{column: "x" * 81})], None)
    [problem] = result.errors
    assert problem.column == column and problem.row == 2
    assert problem.message("en").endswith(f"{kind} may have at most 80 characters.")
