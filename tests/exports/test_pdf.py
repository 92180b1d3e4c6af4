"""The PDF download, checked by opening it: its pages and texts, the stakeholders'
words named, any script's characters, long tables repeating their header."""

import io
from datetime import date

from pypdf import PdfReader

from bench.synthetic import populate
from planner.core.db import make_engine, reading, writing
from planner.exports.content import export_content
from planner.exports.pdf import roadmap_pdf
from planner.models import CandidateUpdate
from planner.roadmap.settings import RoadmapSettings
from planner.store.journey.candidates import update_candidate
from planner.store.roadmap.roadmap_plan import save_plan
from tests.exports.conftest import SAID


def test_pdf_pages_and_texts(content):
    reader = PdfReader(io.BytesIO(roadmap_pdf(content)))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) >= 5
    for expected in (
        content.title,
        "Value–effort matrix",
        "The roadmap, period by period",
        "Not on the roadmap",
        "Candidates per quadrant",
        "What the stakeholders said",
        f"Page 1 / {len(reader.pages)}",
    ):
        assert expected in text
    flat = " ".join(text.split())
    assert f"Cy (Sales), S round 1: {SAID}" in flat  # the appendix names who said it
    assert "Café ë €" in text and "😀" in text and "Ω" in text


def test_long_tables_repeat_their_header_and_wrap(tmp_path):
    url = f"sqlite:///{tmp_path / 'many.db'}"
    workspace_id = populate(url, 150)
    engine = make_engine(url)
    with writing(engine) as db:
        update_candidate(
            db=db,
            candidate_id=1,
            candidate_in=CandidateUpdate(title="A very long title " * 8),
        )
        save_plan(
            db=db,
            workspace_id=workspace_id,
            settings=RoadmapSettings(
                strategy="wsjf",
                period_kind="month",
                periods=6,
                start=date(2027, 1, 1),
                capacities=[1000.0],
            ),
        )
    with reading(engine) as db:
        content = export_content(db=db, workspace_id=workspace_id, today=date(2026, 11, 23))
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(roadmap_pdf(content))).pages]
    table_pages = [p for p in pages if "Rank" in p and "Channels" in p]
    assert len(table_pages) >= 3  # the header is on every page of the table
    assert "A very long title A very long title" in " ".join(pages).replace("\n", " ")
    engine.dispose()
