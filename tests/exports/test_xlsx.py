"""The Excel workbook, opened with openpyxl."""

import io
from datetime import datetime

import pandas as pd
from openpyxl import load_workbook

from planner.exports.xlsx import roadmap_workbook
from tests.exports.conftest import SAID, TRICKY, UNICODE


def open_book(content):
    return load_workbook(io.BytesIO(roadmap_workbook(content)))


def test_sheets_and_headers(content):
    book = open_book(content)
    assert book.sheetnames == ["Roadmap", "Matrix", "Votes", "Comments", "Candidates", "Settings"]
    sheet = book["Roadmap"]
    assert [c.value for c in sheet[1]][:5] == ["Period", "From", "Until", "Rank", "Title"]
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref
    assert sheet.column_dimensions["E"].width > 20


def test_numbers_dates_and_colours(content):
    sheet = open_book(content)["Roadmap"]
    row = [c for c in sheet[2]]
    assert isinstance(row[1].value, datetime) and row[1].number_format == "d mmm yyyy"
    assert isinstance(row[3].value, int)
    assert isinstance(row[7].value, (int, float)) and isinstance(row[8].value, (int, float))
    quadrant = row[9]
    assert quadrant.value in {"Quick win", "Big bet", "Fill-in", "Money pit"}
    assert quadrant.fill.fgColor.rgb.endswith(("D9F2D9", "D6E6F5", "EBEBEB", "F8D7D7"))


def test_fractions_show_two_decimals_at_most_and_keep_their_value(content):
    """A vote's 0-10 score 8.888… shows as 8.89 (8,89 in a Dutch Excel: the format is
    locale-neutral); the cell keeps the whole number."""
    sheet = open_book(content)["Votes"]
    scores = [row[-1] for row in sheet.iter_rows(min_row=2) if isinstance(row[-1].value, float)]
    fractions = [c for c in scores if not c.value.is_integer()]
    assert fractions and all(c.number_format == "0.0#" for c in fractions)
    whole = [c for c in sheet.iter_rows(min_row=2) if isinstance(c[-1].value, int)]
    assert all(c[-1].number_format == "General" for c in whole)


def test_formula_like_text_is_stored_as_text(content):
    sheet = open_book(content)["Candidates"]
    cells = {c.value: c for c in sheet["A"][1:]}
    for text in TRICKY.values():
        assert cells[text].data_type == "s"  # exactly as typed, never a formula
    assert UNICODE in cells


def test_votes_only_once_revealed(content):
    votes = open_book(content)["Votes"]
    assert votes.max_row == 1 + 3 * 3  # three people, three criteria, one candidate
    content.transcript = content.transcript.iloc[0:0]
    content.comments = content.comments.iloc[0:0]
    assert {"Votes", "Comments"}.isdisjoint(open_book(content).sheetnames)


def test_votes_keep_the_answer_as_chosen_and_the_round_and_comments_who_said_them(content):
    book = open_book(content)
    votes = [[c.value for c in row] for row in book["Votes"].iter_rows()]
    header = votes[0]
    assert header[4:] == ["Session", "Round", "Answer", "Score (0–10)"]
    assert {tuple(row[4:7]) for row in votes[1:]} == {("S", 1, "4")}
    assert all(isinstance(row[7], float) for row in votes[1:])  # the 0-10 value beside
    comments = [[c.value for c in row] for row in book["Comments"].iter_rows()]
    assert comments[0] == ["Title", "Name", "Role or department", "Session", "Round", "Comment"]
    assert comments[1][1:] == ["Cy", "Sales", "S", 1, SAID]


def test_workspace_language(content):
    content.lang = "nl"
    assert open_book(content).sheetnames[0] == "Roadmap"
    assert open_book(content)["Kandidaten"]["A1"].value == "Titel"


def test_the_matrix_sheet_says_how_sure_each_quadrant_is(content):
    ids = content.candidates["id"]
    chances = pd.DataFrame(
        {"quick_win": 0.7, "big_bet": 0.3, "fill_in": 0.0, "money_pit": 0.0}, index=ids
    )
    sheet = open_book(content.__class__(**{**vars(content), "chances": chances}))["Matrix"]
    headers = [c.value for c in sheet[1]]
    assert "Chance: Quick win (%)" in headers and "Chance: Money pit (%)" in headers
    column = headers.index("Chance: Quick win (%)")
    assert {row[column].value for row in sheet.iter_rows(min_row=2)} == {70}
    assert "Chance: Quick win (%)" not in [c.value for c in open_book(content)["Matrix"][1]]
