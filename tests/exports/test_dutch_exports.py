"""Every file of a used Dutch workspace speaks Dutch: no English of the catalog, no
decimal point in a number the app writes, dates as Dutch writes them, the CSV as Dutch
Excel reads it, "don't know" by its name. (The JSON backup is for the app, not for
people: it keeps numbers as numbers.)"""

import io
import re
from datetime import UTC, date, datetime

import pandas as pd
import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from planner.core import dates
from planner.core.i18n import t
from planner.exports.files import FORMATS, FileRequest, workspace_file
from planner.exports.tables import csv_marks
from tests.dutch import problems, typed_texts, used_dutch_workspace

pytestmark = pytest.mark.storage

NOW = datetime(2026, 12, 7, 10, 28, 42, 596612, tzinfo=UTC)


@pytest.fixture(name="used")
def used_fixture(engine, demo):
    return used_dutch_workspace(engine, demo.id)


@pytest.fixture(name="typed")
def typed_fixture(engine, used):
    return typed_texts(engine, used.workspace_id)


def download(engine, used, fmt: str, **options) -> bytes:
    from planner.core.db import reading

    with reading(engine) as db:
        return workspace_file(
            db=db,
            workspace_id=used.workspace_id,
            request=FileRequest(fmt, lang="nl", **options),
            today=date(2026, 11, 23),
            now=NOW,
        )


def lines(text: str) -> list[str]:
    """A file's texts to read: its lines, and each cell of a table line."""
    found = []
    for line in text.splitlines():
        found.append(line.strip())
        found += [cell.strip() for cell in re.split(r"[|;]", line) if cell.strip()]
    return found


def test_the_csv_reads_back_as_dutch_excel_reads_it(engine, used, typed):
    """Semicolons between fields, decimal commas: the numbers come back as numbers."""
    data = download(engine, used, "csv")
    assert csv_marks("nl") == {"sep": ";", "decimal": ","}
    table = pd.read_csv(io.BytesIO(data), sep=";", decimal=",", encoding="utf-8-sig")
    assert {"Waarde", "Inspanning", "Titel", "Kwadrant"} <= set(table.columns)
    for column in ("Waarde", "Inspanning"):
        assert pd.api.types.is_float_dtype(table[column]), column
        assert table[column].between(0, 10).all()
        assert (table[column] % 1 != 0).any()  # fractions: a decimal comma was read
    # Read the English way, a Dutch line is one field: the reason for semicolons.
    assert len(pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", nrows=0).columns) == 1
    assert problems(lines(data.decode("utf-8-sig")), typed) == []


def test_the_english_csv_keeps_commas_and_points(engine, used, demo):
    from planner.core.db import writing
    from planner.models import WorkspaceUpdate
    from planner.store.journey.workspaces import update_workspace

    with writing(engine) as db:
        update_workspace(db=db, workspace_id=demo.id, workspace_in=WorkspaceUpdate(language="en"))
    table = pd.read_csv(io.BytesIO(download(engine, used, "csv")), encoding="utf-8-sig")
    assert pd.api.types.is_float_dtype(table["Value"])


@pytest.mark.parametrize("version", [False, True], ids=["working", "version"])
def test_markdown_in_dutch(engine, used, typed, version):
    options = {"version_id": used.version_id} if version else {}
    text = download(engine, used, "md", **options).decode("utf-8")
    assert "Gemaakt op: " in text
    made = re.search(r"Gemaakt op: (.+)", text)[1]
    assert re.fullmatch(r"\d{1,2} \w{3} \d{4} \d{2}:\d{2}", made.replace("\\", "")), made
    assert "- Capaciteit per periode: 12,5; 10; 20; 20" in text
    assert "1 jan 2027" in text  # the start, and the periods' dates in the table
    if version:
        assert t("signoff.title", "nl") in text
    assert problems(lines(text.replace("\\", "")), typed) == []


def test_the_workbook_in_dutch(engine, used, typed):
    book = load_workbook(io.BytesIO(download(engine, used, "xlsx")))
    assert book.sheetnames[:3] == [
        t(f"export.sheet_{s}", "nl") for s in ("roadmap", "matrix", "votes")
    ]
    votes = book[t("export.sheet_votes", "nl")]
    header = [cell.value for cell in votes[1]]
    answers = [
        row[header.index(t("export.answer", "nl"))] for row in votes.iter_rows(2, values_only=True)
    ]
    assert answers.count(t("vote.dont_know", "nl")) == 9  # each of three people, 3 criteria
    assert None not in answers and "" not in answers
    texts = [
        cell
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in row
        if isinstance(cell, str)
    ]
    assert problems(texts, typed) == []


def test_the_pdf_in_dutch(engine, used, typed):
    data = download(engine, used, "pdf", version_id=used.version_id)
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert "Capaciteit per periode: 12,5; 10; 20; 20" in text
    assert problems(lines(text), typed) == []


@pytest.mark.parametrize("chart", ["matrix", "timeline"])
def test_the_pictures_in_dutch(engine, used, typed, chart):
    svg = download(engine, used, "svg", chart=chart).decode("utf-8")
    texts = [re.sub(r"<[^>]+>", "", m) for m in re.findall(r"<text[^>]*>(.*?)</text>", svg)]
    assert texts and problems(texts, typed) == []
    assert download(engine, used, "png", chart=chart)


@pytest.mark.parametrize("fmt", ["jira", "azure"])
def test_the_hand_off_csv_in_dutch(engine, used, typed, fmt):
    """Descriptions in Dutch; the heading row is the importer's own field names (Jira's,
    Azure DevOps'), which its import maps by name: those stay as the tool spells them."""
    heading, *rows = download(engine, used, fmt).decode("utf-8").split("\r\n", 1)
    assert heading.split(",")[:2] == (
        ["Summary", "Description"] if fmt == "jira" else ["Work Item Type", "Title"]
    )
    text = rows[0]
    assert "Waarde: " in text and "Online conversie → 20,5" in text
    assert problems(lines(text.replace(",", ";")), typed) == []


def test_the_calendar_in_dutch(engine, used, typed):
    """What a person reads of each event: its summary, description and categories."""
    text = download(engine, used, "ics").decode("utf-8").replace("\r\n ", "")
    read = [
        value.replace("\\n", "\n").replace("\\,", ",").replace("\\;", ";")
        for name, value in re.findall(
            r"^(SUMMARY|DESCRIPTION|X-WR-CALNAME|CATEGORIES):(.*)$", text, re.M
        )
    ]
    assert any(value.startswith("Deadline: ") for value in read)
    assert any("Waarde: " in value for value in read)
    assert problems(lines("\n".join(read)), typed) == []


def test_every_format_is_read_here():
    """A new format gets its Dutch check too (the backup is for the app)."""
    checked = {"csv", "md", "xlsx", "pdf", "svg", "png", "jira", "azure", "ics", "json"}
    assert set(FORMATS) == checked


def test_dates_as_dutch_writes_them():
    assert dates.moment(NOW.replace(tzinfo=None), "nl") == "7 dec 2026 10:28"
