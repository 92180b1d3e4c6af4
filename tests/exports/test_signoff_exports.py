"""A version's sign-off in the downloads: an answer recorded in the room says by whom."""

import io
from datetime import date

import pytest
from markdown_it import MarkdownIt
from openpyxl import load_workbook
from pypdf import PdfReader

from planner.exports.content import export_content
from planner.exports.pdf import roadmap_pdf
from planner.exports.tables import roadmap_csv, roadmap_markdown
from planner.exports.xlsx import roadmap_workbook
from planner.models import SignoffCreate, SignoffRequest
from planner.store.delivery.signoff import request_signoff, sign
from tests.factories import add_stakeholders, saved_version

TODAY = date(2026, 11, 23)
IN_THE_ROOM = {"en": "recorded by Eva in the room", "nl": "vastgelegd door Eva in de zaal"}
OWN = {"en": "own answer", "nl": "eigen antwoord"}


@pytest.fixture(name="version")
def version_fixture(db, demo):
    """Q1 plan up for sign-off: Ann approved herself, Eva recorded Bert's approval in the
    room, Cor has not answered."""
    version = saved_version(db, demo.id)
    ann, bert, _ = add_stakeholders(db, demo.id, "Ann", "Bert", "Cor")
    request_signoff(db=db, version_id=version.id, request_in=SignoffRequest(by="Paula"))
    for person, actor in ((ann, None), (bert, "Eva")):
        sign(
            db=db,
            version_id=version.id,
            stakeholder_id=person.id,
            signoff_in=SignoffCreate(decision="approve"),
            actor=actor,
        )
    return version


def content_of(db, demo, version, lang):
    return export_content(
        db=db, workspace_id=demo.id, today=TODAY, lang=lang, version_id=version.id
    )


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_workbook_has_a_signoff_sheet_saying_who_entered_each_answer(db, demo, version, lang):
    content = content_of(db, demo, version, lang)
    book = load_workbook(io.BytesIO(roadmap_workbook(content)))
    sheet = book[content.t("signoff.title")]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    entered = rows[0].index(content.t("signoff.entered"))
    assert [row[0] for row in rows[1:]] == ["Ann", "Bert", "Cor"]
    assert [row[entered] for row in rows[1:]] == [OWN[lang], IN_THE_ROOM[lang], ""]
    assert book.sheetnames[-2:] == [content.t("signoff.title"), content.t("export.sheet_settings")]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_pdf_says_who_recorded_an_answer_in_the_room(db, demo, version, lang):
    content = content_of(db, demo, version, lang)
    reader = PdfReader(io.BytesIO(roadmap_pdf(content)))
    flat = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert IN_THE_ROOM[lang] in flat and OWN[lang] in flat
    assert content.t("signoff.approved", approved=2, total=3) in flat
    assert content.t("signoff.in_the_room", count=1) in flat


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_markdown_has_the_signoff_with_who_entered_each_answer(db, demo, version, lang):
    content = content_of(db, demo, version, lang)
    html = MarkdownIt("commonmark").enable("table").render(roadmap_markdown(content))
    assert f"<h2>{content.t('signoff.title')}</h2>" in html
    assert f"<td>{IN_THE_ROOM[lang]}</td>" in html and f"<td>{OWN[lang]}</td>" in html
    assert content.t("signoff.in_the_room", count=1) in html


def test_the_working_roadmap_and_the_csv_carry_no_signoff(db, demo, version):
    """The CSV is the roadmap table alone; the working roadmap is never up for sign-off."""
    working = export_content(db=db, workspace_id=demo.id, today=TODAY)
    assert "Sign-off" not in load_workbook(io.BytesIO(roadmap_workbook(working))).sheetnames
    assert "## Sign-off" not in roadmap_markdown(working)
    assert b"in the room" not in roadmap_csv(content_of(db, demo, version, "en"))
