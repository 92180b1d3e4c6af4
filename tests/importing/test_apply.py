"""Applying an import: all rows in one transaction, or nothing."""

import string

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from planner.core.db import reading, writing
from planner.importing.apply import import_candidates
from planner.importing.batched import import_in_batches
from planner.importing.preview import preview_import
from planner.importing.reading import ImportFailed, read_table
from planner.journey.journey import Journey
from planner.journey.templates import template_phases
from planner.models import Channel, Phase, Workspace, WorkspaceCreate
from planner.store.journey.candidates import candidate_frame
from planner.store.journey.workspaces import load_journey
from planner.store.roadmap.dependencies import dependency_frame
from tests.factories import make_journey
from tests.importing.helpers import csv_bytes, xlsx_bytes

pytestmark = pytest.mark.storage

GOOD = {"title": "Good", "phase": "Buying", "channel": "Website", "persona": "Family"}
BAD = {"title": "Bad", "phase": "Nowhere", "channel": "Website", "persona": ""}


@pytest.fixture(name="journey")
def journey_fixture(engine):
    with writing(engine) as db:
        return make_journey(db)


def count(engine, journey):
    with reading(engine) as db:
        return len(candidate_frame(db=db, workspace_id=journey.workspace.id))


def run_import(engine, journey, rows, **kwargs):
    preview = preview_import(read_table(csv_bytes(rows), "x.csv"), journey)
    with writing(engine) as db:
        return import_candidates(
            db=db, workspace_id=journey.workspace.id, preview=preview, **kwargs
        )


def test_an_import_with_errors_writes_nothing(engine, journey):
    with pytest.raises(ImportFailed) as error:
        run_import(engine, journey, [GOOD, BAD])
    assert "1 problem" in error.value.message("en")
    assert count(engine, journey) == 0


def test_valid_only_imports_the_good_rows(engine, journey):
    assert run_import(engine, journey, [GOOD, BAD, GOOD], valid_only=True) == 2
    assert count(engine, journey) == 2


def test_nothing_valid_is_refused(engine, journey):
    with pytest.raises(ImportFailed, match="no valid rows"):
        run_import(engine, journey, [BAD], valid_only=True)


def test_imported_fields_are_stored(engine, journey):
    rows = [
        {
            **GOOD,
            "tags": "stock|omnichannel",
            "value": "8",
            "effort": "2,5",
            "proposer": "Ann",
            "channel switch": "ja",
            "touchpoint": "Product page",
        }
    ]
    preview = preview_import(read_table(csv_bytes(rows, ";"), "x.csv"), journey)
    with writing(engine) as db:
        import_candidates(db=db, workspace_id=journey.workspace.id, preview=preview)
        stored = candidate_frame(db=db, workspace_id=journey.workspace.id).iloc[0]
    assert stored["tags"] == ["stock", "omnichannel"]
    assert (stored["pre_value"], stored["pre_effort"]) == (8.0, 2.5)
    assert stored["channel_switch"] and stored["persona"] == "Family"
    assert (stored["proposer"], stored["touchpoint"]) == ("Ann", "Product page")


def test_accepted_new_names_are_created(engine, journey):
    table = read_table(csv_bytes([{**GOOD, "phase": "Aftercare", "persona": "Student"}]), "x.csv")
    preview = preview_import(
        table, journey, accept_new={"phase": ["Aftercare"], "persona": ["Student"]}
    )
    with writing(engine) as db:
        import_candidates(db=db, workspace_id=journey.workspace.id, preview=preview)
        after = load_journey(db=db, workspace_id=journey.workspace.id)
    assert after.phase_names[-1] == "Aftercare" and "Student" in after.persona_names


def test_import_as_new_workspace(engine):
    rows = [{"titel": "A", "fase": "Aankoop", "kanaal": "Winkel|Website", "persona": "Student"}]
    preview = preview_import(read_table(xlsx_bytes(rows), "x.xlsx"), None)
    workspace, imported = import_in_batches(
        engine=engine, new_workspace=WorkspaceCreate(name="Nieuw", language="nl"), preview=preview
    )
    with reading(engine) as db:
        journey = load_journey(db=db, workspace_id=workspace.id)
    assert imported == 1
    assert journey.phase_names == ["Aankoop"]
    assert journey.channel_names == ["Website", "Winkel"]
    assert journey.persona_names == ["Student"]


# Realistic text: ASCII and the accented letters, quotes and € of Dutch and English.
# (Windows-1252 bytes that also happen to be valid UTF-8, like "Ã©", are read as UTF-8,
# as Excel and every encoding detector do; such pairs do not occur in real text.)
REALISTIC = string.ascii_letters + string.digits + " .!?&()'-/#@+=:" + "éèëêïüöäàçñÉËÏ€‘’“”–"
TEXT = st.text(alphabet=REALISTIC, min_size=1, max_size=40).filter(lambda s: s.strip() == s)
JOURNEY = Journey(
    workspace=Workspace(name="Round trip"),
    phases=[Phase(name=name) for name in template_phases("six_phase", "en")],
    channels=[Channel(name=name) for name in ("Website", "Chat")],
    personas=[],
)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@settings(max_examples=60)
@given(
    rows=st.lists(st.tuples(TEXT, st.sampled_from(JOURNEY.phase_names)), min_size=1, max_size=8),
    sep=st.sampled_from([",", ";"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]),
)
def test_round_trip_any_text_delimiter_and_encoding(rows, sep, encoding):
    """Whatever the titles, delimiter and encoding, the preview reads back what was written."""
    cells = [{"title": title, "phase": phase, "channel": "Website|Chat"} for title, phase in rows]
    data = csv_bytes(cells, sep, encoding)
    if encoding == "cp1252":  # bytes that are also UTF-8 ("É–" is C9 96, "ɖ") read as UTF-8
        assume(not _is_utf8(data))
    result = preview_import(read_table(data, "x.csv"), JOURNEY)
    assert result.ok
    assert [(r.title, r.phase, r.channels) for r in result.rows] == [
        (title, phase, ("Website", "Chat")) for title, phase in rows
    ]


def test_imported_dependencies_are_stored(engine, journey):
    rows = [{**GOOD, "title": "Collect", "depends_on": "Stock"}, {**GOOD, "title": "Stock"}]
    run_import(engine, journey, rows)
    with reading(engine) as db:
        frame = dependency_frame(db=db, workspace_id=journey.workspace.id)
    assert frame[["title", "needs_title"]].values.tolist() == [["Collect", "Stock"]]
