"""Once commitments exist, the roadmap downloads carry their owner and status."""

import io
from datetime import date

import pandas as pd
import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from planner.exports.content import export_content
from planner.exports.pdf import roadmap_pdf
from planner.exports.tables import roadmap_csv
from planner.exports.xlsx import roadmap_workbook
from planner.models import CommitmentCreate, StatusChange
from planner.store.delivery.commitments import change_status, commit
from planner.store.roadmap.versions import open_version
from tests.factories import saved_version

TODAY = date(2026, 11, 23)


@pytest.fixture(name="committed")
def committed_fixture(db, demo):
    version = saved_version(db, demo.id)
    first = commit(
        db=db,
        version_id=version.id,
        position=0,
        commitment_in=CommitmentCreate(owner="Team Wébshop €", committed_by="Paula", period=0),
    )
    change_status(
        db=db,
        commitment_id=first.id,
        change=StatusChange(status="in_progress", by="Paula"),
        today=TODAY,
    )
    return version, first


def test_csv_and_excel_have_owner_and_status(db, demo, committed):
    version, first = committed
    content = export_content(db=db, workspace_id=demo.id, today=TODAY, version_id=version.id)
    frame = pd.read_csv(io.BytesIO(roadmap_csv(content)), encoding="utf-8-sig")
    row = frame.set_index("Title").loc[first.title]
    assert (row["Owner"], row["Status"]) == ("Team Wébshop €", "in progress")
    assert frame["Owner"].notna().sum() == 1
    sheet = load_workbook(io.BytesIO(roadmap_workbook(content)))["Roadmap"]
    header = [c.value for c in sheet[1]]
    assert header[-3:] == ["Owner", "Status", "Why not scheduled"]


def test_the_working_roadmap_shows_the_newest_commitment_in_dutch(db, demo, committed):
    content = export_content(db=db, workspace_id=demo.id, today=TODAY, lang="nl")
    frame = pd.read_csv(io.BytesIO(roadmap_csv(content)), encoding="utf-8-sig", sep=";")
    assert "in uitvoering" in set(frame["Status"].dropna())


def test_pdf_roadmap_table_has_owner_and_status(db, demo, committed):
    version, _ = committed
    content = export_content(db=db, workspace_id=demo.id, today=TODAY, version_id=version.id)
    text = "\n".join(
        page.extract_text() for page in PdfReader(io.BytesIO(roadmap_pdf(content))).pages
    )
    assert "Owner" in text, text
    assert "Team Wébshop €" in text
    assert "in progress" in text


def test_without_commitments_there_are_no_such_columns(db, demo):
    version = saved_version(db, demo.id)
    content = export_content(db=db, workspace_id=demo.id, today=TODAY, version_id=version.id)
    assert "owner" not in content.roadmap_table()
    assert len(open_version(db=db, version_id=version.id).items)


def test_a_dutch_pdf_writes_dates_and_periods_the_dutch_way(db, demo, committed):
    content = export_content(db=db, workspace_id=demo.id, today=TODAY, lang="nl")
    text = "\n".join(
        page.extract_text() for page in PdfReader(io.BytesIO(roadmap_pdf(content))).pages
    )
    periods = [p.label_in("nl") for p in content.roadmap.periods]
    assert any(label in text for label in periods)
    english = {p.label for p in content.roadmap.periods} - set(periods)
    assert not any(label in text for label in english)  # e.g. "Oct 2026" never
    assert "Inspanning" in text and "Inspan\nning" not in text  # headers wrap at spaces
