"""PDF, PNG, SVG, CSV and Markdown, checked by opening them."""

import io
import xml.etree.ElementTree as ElementTree
from datetime import date
from html import escape

import pandas as pd
from markdown_it import MarkdownIt
from PIL import Image
from pypdf import PdfReader

from bench.synthetic import populate
from planner.core.db import make_engine, reading, writing
from planner.exports.content import export_content
from planner.exports.formats import EXPORT_FORMATS
from planner.exports.images import matrix_figure, png, svg, timeline_figure
from planner.exports.pdf import roadmap_pdf
from planner.exports.tables import roadmap_csv, roadmap_markdown
from planner.models import CandidateUpdate
from planner.roadmap.matrix_chart import ALL_SPREADS, matrix_chart
from planner.roadmap.quadrants import Thresholds
from planner.roadmap.settings import RoadmapSettings
from planner.store.journey.candidates import update_candidate
from planner.store.roadmap.roadmap_plan import save_plan
from tests.exports.conftest import SAID, TRICKY, UNICODE


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


def test_png_is_slide_sized(content):
    for figure in (matrix_figure, timeline_figure):
        image = Image.open(io.BytesIO(png(figure(content))))
        assert image.format == "PNG" and image.width >= 1200


def test_svg_is_well_formed(content):
    for figure in (matrix_figure, timeline_figure):
        root = ElementTree.fromstring(svg(figure(content)))
        assert root.tag.endswith("svg")


def test_csv_round_trip_with_bom_and_neutralised_formulas(content):
    data = roadmap_csv(content)
    assert data.startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", keep_default_na=False)
    titles = set(frame["Title"])
    assert UNICODE in titles
    for text in TRICKY.values():
        assert f"'{text}" in titles and text not in titles
    assert len(frame) == len(content.candidates)


def test_markdown_table(content):
    html = MarkdownIt("commonmark").enable("table").render(roadmap_markdown(content))
    assert html.startswith(f"<h1>{escape(content.title, quote=False)}</h1>")
    assert "<th>Period</th>\n<th>From</th>\n<th>Until</th>\n<th>Rank</th>" in html
    assert UNICODE in html and html.count("<tr>") == len(content.candidates) + 1


HOSTILE = [
    "<b>bold</b><script>alert(1)</script>",
    "![pixel](http://tracker.example/t.png)",
    "[click](javascript:alert(1))",
    "<http://evil.example> and www.evil.example",
    "| a | b | and\nnew lines",
]


def test_markdown_shows_what_users_typed_and_runs_nothing(db, demo, content):
    """Rendered as a viewer would (CommonMark with tables): no HTML, image or link, and
    each text reads as typed."""
    for candidate_id, title in enumerate(HOSTILE, start=10):
        update_candidate(
            db=db, candidate_id=candidate_id, candidate_in=CandidateUpdate(title=title)
        )
    db.commit()
    fresh = export_content(db=db, workspace_id=demo.id, today=date(2026, 11, 23))
    html = MarkdownIt("commonmark").enable("table").render(roadmap_markdown(fresh))
    assert "<b>" not in html and "<script" not in html and "<img" not in html
    assert "<a " not in html and "href" not in html
    for title in HOSTILE:
        assert escape(" ".join(title.split()), quote=False) in html


def test_every_format_gives_bytes(content):
    for make in EXPORT_FORMATS.values():
        if make is not None:
            assert make(content, "timeline")


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


def _matrix_lines(count: int, votes: int) -> int:
    """Lines in the matrix's SVG for `count` points with `votes` votes each."""
    points = pd.DataFrame(
        {
            "candidate_id": range(count),
            "title": [f"Idea {n}" for n in range(count)],
            **{k: "Web" for k in ("phase", "channels", "channel", "persona")},
            "quadrant": "Quick win",
            "value": 8.0,
            "effort": 2.0,
            "n": votes,
            **{"value_q1": 7.0, "value_q3": 9.0, "effort_q1": 1.0, "effort_q3": 3.0},
        }
    )
    labels = {k: k for k in ("value", "effort", "n", "title", "phase", "channels", "quadrant")}
    names = {q: q for q in ("quick_win", "big_bet", "fill_in", "money_pit")}
    chart = matrix_chart(points, Thresholds(), "quadrant", labels, names)
    return svg(chart).count("<line")


def test_the_matrix_image_draws_every_spread_up_to_all_spreads_and_none_above():
    """As on screen, where the one under the pointer or picked shows: nobody points at
    a slide."""
    assert _matrix_lines(ALL_SPREADS, 3) == _matrix_lines(ALL_SPREADS, 0) + 2 * ALL_SPREADS
    assert _matrix_lines(ALL_SPREADS + 1, 3) == _matrix_lines(ALL_SPREADS + 1, 0)
