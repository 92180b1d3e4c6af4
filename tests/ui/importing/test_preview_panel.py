"""Import page: rows that repeat a candidate of the workspace are marked, and merged into
it instead of added when the user ticks it."""

import pandas as pd

from planner.core.db import reading
from planner.store.journey.candidates import candidate_frame
from planner.store.journey.merges import recent_merges
from tests.importing.helpers import csv_bytes
from tests.ui.conftest import texts

ROWS = [
    {"title": "Self-service returns portal", "phase": "Service", "channel": "Store"},
    {"title": "Gift wrapping at checkout", "phase": "Buying", "channel": "Store"},
]


def upload(at):
    at.file_uploader[0].upload("ideas.csv", csv_bytes(ROWS, ";"), "text/csv")
    at.run()
    assert not at.exception
    return at


def stored(engine, demo):
    with reading(engine) as db:
        return candidate_frame(db=db, workspace_id=demo.id).set_index("title")


def test_a_row_that_repeats_a_candidate_is_marked(open_page, demo):
    at = upload(open_page("import_candidates"))
    rows = at.dataframe[0].value
    marks = dict(zip(rows["Title"], rows["Duplicate of"], strict=True))
    assert marks["Self-service returns portal"] == (
        "Possible duplicate of “Self-service returns portal” (same words apart from the channel)"
    )
    assert pd.isna(marks["Gift wrapping at checkout"])
    assert not at.checkbox(key="import_merge_duplicates").value


def test_merging_instead_of_adding(open_page, demo, engine):
    before = stored(engine, demo)
    at = upload(open_page("import_candidates"))
    assert at.button(key="import_all").label == "Import 2 candidates"
    at.checkbox(key="import_merge_duplicates").check().run()
    assert at.button(key="import_all").label == "Add 1 candidate, merge 1 row"  # what happens
    at.button(key="import_all").click().run()
    assert not at.exception
    after = stored(engine, demo)
    assert len(after) == len(before) + 1  # gift wrapping added, the portal merged
    assert after.at["Self-service returns portal", "channels"] == ["Website", "Mobile app", "Store"]
    assert "1 row merged into the candidate it repeats." in texts(at)
    with reading(engine) as db:
        [merge] = recent_merges(db=db, workspace_id=demo.id)
    assert (merge.kept_title, merge.actor) == ("Self-service returns portal", "Eva")


def test_without_the_tick_every_row_is_added(open_page, demo, engine):
    before = stored(engine, demo)
    at = upload(open_page("import_candidates"))
    at.button(key="import_all").click().run()
    assert not at.exception
    assert len(stored(engine, demo).reset_index()) == len(before) + 2


def test_the_button_says_what_happens_in_dutch(open_page, demo):
    at = upload(open_page("import_candidates", lang="nl"))
    at.checkbox(key="import_merge_duplicates").check().run()
    assert at.button(key="import_all").label == "1 kandidaat toevoegen, 1 rij samenvoegen"
