"""Import page: preview, row errors, all or valid-only, into a new workspace, a file read once."""

from planner.core.db import reading
from planner.importing import reading as reading_module
from planner.store.journey.candidates import candidate_frame
from planner.store.journey.workspaces import list_workspaces
from planner.ui.importing.unknown_names import CREATE
from tests.importing.helpers import csv_bytes
from tests.ui.conftest import texts

GOOD = {"titel": "Nieuw", "fase": "Aankoop", "kanaal": "Winkel"}


UNKNOWN_PHASE = {"titel": "Nazorg bellen", "fase": "Nazorg", "kanaal": "Klantcontactcentrum"}


def upload(at, rows, name="ideas.csv"):
    at.file_uploader[0].upload(name, csv_bytes(rows, ";"), "text/csv")
    at.run()
    assert not at.exception
    return at


def count(engine, demo):
    with reading(engine) as db:
        return len(candidate_frame(db=db, workspace_id=demo.id))


def test_preview_shows_row_errors_and_blocks_import(open_page, demo, engine):
    at = upload(open_page("import_candidates"), [GOOD, UNKNOWN_PHASE])
    problem = at.dataframe[0].value.iloc[0]
    assert (problem["Row"], problem["Column"]) == (3, "fase")
    assert problem["Problem"].startswith("Unknown phase “Nazorg”. Known phases: Inspiration")
    assert at.button(key="import_all").disabled
    at.button(key="import_valid_only").click().run()
    assert "Imported 1 candidate" in texts(at) and "1 candidates" not in texts(at)
    assert count(engine, demo) == 43


def test_the_preview_shows_every_column_of_the_file(open_page, demo):
    """Pre-scores, description, proposer... can be checked before anything is written."""
    row = {
        **GOOD,
        "waarde": "7,5",
        "inspanning": "3",
        "omschrijving": "Een idee",
        "indiener": "Eva",
        "tags": "snel|winkel",
        "kanaalwissel": "ja",
        "afhankelijk van": "",
    }
    at = upload(open_page("import_candidates", lang="nl"), [row])
    [shown] = at.dataframe[0].value.to_dict("records")
    assert shown["Waarde"] == "7,5" and shown["Inspanning"] == "3,0"
    assert shown["Omschrijving"] == "Een idee" and shown["Indiener"] == "Eva"
    assert shown["Tags"] == "snel, winkel" and shown["Kanaalwissel"] is True
    assert shown["Heeft nodig"] == ""
    assert "Contactmoment" not in shown  # the file has no such column


def test_unreadable_file_gets_a_message(open_page, demo):
    at = open_page("import_candidates", lang="nl")
    at.file_uploader[0].upload("x.csv", b"title;notes\nA;b\n", "text/csv")
    at.run()
    assert not at.exception
    assert "Verplichte kolom(men) ontbreken" in texts(at)


def test_a_stranger_cannot_import_into_a_new_workspace(open_page):
    at = open_page("import_candidates", role=None)
    assert "sign in as a facilitator first" in texts(at)
    assert not at.radio and not at.get("file_uploader")


def test_import_into_a_new_workspace(open_page, engine, demo):
    at = open_page("import_candidates")
    at.radio(key="import_target").set_value("new").run()
    at.text_input(key="import_new_name").input("From a file")
    at.text_input(key="import_new_passphrase").input("file secret 1")
    at.text_input(key="import_new_actor").input("Eva")
    upload(at, [GOOD])
    at.button(key="import_all").click().run()
    with reading(engine) as db:
        [workspace] = [w for w in list_workspaces(db=db) if w.id != demo.id]
    assert workspace.name == "From a file"
    assert at.session_state["grants"] == {demo.id: "facilitator", workspace.id: "facilitator"}


def test_an_upload_is_read_once_whatever_the_clicks(open_page, demo, monkeypatch):
    """Choosing names to create reruns the page: the file is not parsed again."""
    reads = []
    real = reading_module.read_table

    def counted(data: bytes, name: str):
        reads.append(name)
        return real(data, name)

    monkeypatch.setattr(reading_module, "read_table", counted)
    at = upload(open_page("import_candidates"), [GOOD, UNKNOWN_PHASE])
    at.selectbox(key="resolve_phase_nazorg").select(CREATE).run()
    at.selectbox(key="resolve_phase_nazorg").select("Service").run()
    assert not at.exception and reads == ["ideas.csv"]
