"""The roadmap as CSV and Markdown, checked by reading them back: a BOM and neutralised
formulas in CSV, a CommonMark table that shows what users typed and runs nothing."""

import io
from datetime import date
from html import escape

import pandas as pd
from markdown_it import MarkdownIt

from planner.exports.content import export_content
from planner.exports.tables import roadmap_csv, roadmap_markdown
from planner.models import CandidateUpdate
from planner.store.journey.candidates import update_candidate
from tests.exports.conftest import TRICKY, UNICODE


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
