"""Imports fed random and malformed files: a clear message or a clean import, never a
traceback, and never part of a file written."""

import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from sqlalchemy import func, select

from planner.core.db import writing
from planner.core.errors import PlannerError
from planner.importing.apply import import_candidates
from planner.importing.preview import preview_import
from planner.importing.reading import read_table
from planner.models import Candidate
from planner.store.journey.candidates import candidate_frame
from planner.store.journey.workspaces import load_journey

FUZZ = settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
HEADERS = ["title", "phase", "channel", "description", "value", "effort", "depends_on", "tags"]
CELL = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["=1+1", "+31 6", "-2", "@SUM(A1)", "Buying", "Website", "7,5", "11", "ja"]),
    st.tuples(st.characters(), st.integers(5001, 12000)).map(lambda t: t[0] * t[1]),  # too long
    st.floats(allow_nan=True, allow_infinity=True).map(str),
)


def assert_import_whole_or_refused(engine, workspace_id: int, data: bytes, filename: str) -> None:
    """Run the whole import as the app does; only PlannerError may come out."""
    with writing(engine) as db:
        before = db.scalar(select(func.count(Candidate.id)))
    imported = 0
    try:
        table = read_table(data, filename)
        with writing(engine) as db:
            journey = load_journey(db=db, workspace_id=workspace_id)
            existing = candidate_frame(db=db, workspace_id=workspace_id)
            preview = preview_import(table, journey, existing=existing)
            if preview.errors:
                preview.frame("en")  # the preview the page shows must render too
            imported = import_candidates(
                db=db, workspace_id=workspace_id, preview=preview, valid_only=False
            )
    except PlannerError as error:
        assert error.message("en") and error.message("nl")
    with writing(engine) as db:
        after = db.scalar(select(func.count(Candidate.id)))
    assert after - before == imported  # all of the file or none of it


@FUZZ
@given(data=st.binary(max_size=3000), name=st.sampled_from(["x.csv", "x.xlsx", "x.txt"]))
def test_random_bytes(engine, demo, data, name):
    assert_import_whole_or_refused(engine, demo.id, data, name)


@FUZZ
@given(
    rows=st.lists(st.lists(CELL, min_size=0, max_size=9), max_size=12),
    header=st.lists(st.sampled_from(HEADERS), max_size=8),
    sep=st.sampled_from([",", ";", "\t", "|"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16", "latin-1"]),
)
def test_malformed_csv(engine, demo, rows, header, sep, encoding):
    lines = [sep.join(header)] + [sep.join(f'"{c}"' if sep in c else c for c in r) for r in rows]
    data = "\n".join(lines).encode(encoding, errors="replace")
    assert_import_whole_or_refused(engine, demo.id, data, "ideas.csv")


@FUZZ
@given(
    rows=st.lists(
        st.lists(st.one_of(CELL, st.integers(), st.none(), st.booleans()), max_size=9),
        max_size=10,
    ),
    header=st.lists(st.one_of(st.sampled_from(HEADERS), st.none()), max_size=8),
)
def test_malformed_xlsx(engine, demo, rows, header):
    book = Workbook()
    sheet = book.active
    for row in [header, *rows]:
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", c) if isinstance(c, str) else c for c in row])
    buffer = io.BytesIO()
    book.save(buffer)
    assert_import_whole_or_refused(engine, demo.id, buffer.getvalue(), "ideas.xlsx")


@FUZZ
@given(cut=st.integers(min_value=1, max_value=4000))
def test_truncated_xlsx(engine, demo, cut):
    book = Workbook()
    book.active.append(["title", "phase", "channel"])
    book.active.append(["Stock per store", "Buying", "Website"])
    buffer = io.BytesIO()
    book.save(buffer)
    assert_import_whole_or_refused(engine, demo.id, buffer.getvalue()[:cut], "ideas.xlsx")
