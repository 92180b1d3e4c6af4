"""Restore: one schema refuses bad documents by path; a restore in batches is invisible
until published, gives the same data, and leaves nothing behind when it fails."""

import copy
import json

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from planner.backup import restore as restore_module
from planner.backup.export import dump_workspace, read_document
from planner.backup.restore import restore_in_batches, restore_workspace
from planner.backup.schema import (
    MAX_CANDIDATES,
    DocumentInvalid,
    WorkspaceDocument,
    parse_document,
)
from planner.core.db import reading, writing
from planner.models import Workspace
from planner.store.journey.workspaces import list_workspaces
from tests.backup.test_export import comparable, full_workspace_fixture  # noqa: F401

pytestmark = pytest.mark.storage


@pytest.fixture(name="document")
def document_fixture(db, full_workspace):
    """A backup of a workspace with everything in it (committed: the restores below
    write in transactions of their own)."""
    document = dump_workspace(db=db, workspace_id=full_workspace.id)
    db.commit()
    return document


def workspace_count(db) -> int:
    return db.scalar(select(func.count()).select_from(Workspace))


def refused(document) -> str:
    with pytest.raises(DocumentInvalid) as error:
        parse_document(document)
    return error.value.message("en")


def broken(document, path: str, value):
    """`document` with the field at `path` ("sessions.0.status") set to `value`."""
    changed = copy.deepcopy(document)
    *parents, last = path.split(".")
    node = changed
    for part in parents:
        node = node[int(part)] if part.isdigit() else node[part]
    node[int(last) if last.isdigit() else last] = value
    return changed


@pytest.mark.parametrize(
    ("path", "value", "says"),
    [
        ("sessions.0.rounds.0.status", "weird", "sessions.0.rounds.0.status"),
        ("sessions.0.status", "paused", "sessions.0.status"),
        ("commitments.0.status", "lost", "commitments.0.status"),
        ("sessions.0.rounds.0.votes.0.score", float("nan"), "votes.0.score"),
        ("sessions.0.rounds.0.votes.0.score", 1e308, "votes.0.score"),
        ("commitments.0.kpi_target", float("inf"), "commitments.0.kpi_target"),
        ("candidates.0.title", "\x00\x07 \x1b", "candidates.0.title"),  # nothing left
        ("stakeholders.0.name", "x" * 81, "stakeholders.0.name"),
        ("versions.0.signoffs.0.decision", "maybe", "signoffs.0.decision"),
        ("scoring_model.scale", "1-100", "scoring_model.scale"),
        ("workspace.language", "fr", "workspace.language"),
        ("criteria.0.weight", -1, "criteria.0.weight"),
    ],
)
def test_a_bad_field_is_refused_by_its_path(document, path, value, says):
    assert says in refused(broken(document, path, value))


@pytest.mark.parametrize(
    ("path", "value", "restored"),
    [
        ("candidates.0.title", "Nul\x00byte", "Nulbyte"),
        ("candidates.0.description", "one\r\ntwo\x1b[0m\tend", "one\ntwo[0m\tend"),
        ("candidates.0.touchpoint", "Line\nbreak", "Line break"),
        ("versions.0.signoffs.1.comment", "\x00 \x1b \x07", ""),
        ("workspace.description", " e\u0301t\u00e9 ", "\u00e9t\u00e9"),
    ],
)
def test_text_an_older_version_stored_restores_cleaned(db, document, path, value, restored):
    copy = restore_workspace(db=db, document=broken(document, path, value), name="Copy")
    node = dump_workspace(db=db, workspace_id=copy.id)
    for part in path.split("."):
        node = node[int(part)] if part.isdigit() else node[part]
    assert node == restored


def test_duplicates_and_dangling_references_are_refused(document):
    twice = broken(document, "candidates.1.key", document["candidates"][0]["key"])
    assert "candidate key" in refused(twice) and "appears twice" in refused(twice)
    same_person = broken(document, "stakeholders.1.name", document["stakeholders"][0]["name"])
    assert "stakeholder" in refused(same_person)
    ghost = broken(document, "sessions.0.rounds.0.votes.0.stakeholder", "Nobody")
    assert "'Nobody' is not in the document" in refused(ghost)
    lost = broken(document, "candidates.0.needs", [987654])
    assert "needed candidate 987654" in refused(lost)


def test_the_number_of_candidates_is_bounded(document):
    many = broken(document, "candidates", [document["candidates"][0]] * (MAX_CANDIDATES + 1))
    assert "candidates: List should have at most 100000 items" in refused(many)


def test_a_document_nested_deeply_is_a_message():
    text = b'{"format": "journey-roadmap-planner/workspace", "x": ' + b"[" * 100_000
    with pytest.raises(DocumentInvalid):
        parse_document(read_document(text + b"]" * 100_000 + b"}"))


@settings(max_examples=30, deadline=None)
@example(["0", "0"])  # found by CI: a duplicate phase must name "phases" too
@given(st.recursive(st.none() | st.booleans() | st.floats() | st.text(), st.lists, max_leaves=8))
def test_any_json_value_in_a_field_is_refused_by_name_or_read(value):
    """Whatever a field holds, the answer is a document or a message naming the field,
    never another exception."""
    base = {"format": "journey-roadmap-planner/workspace", "version": 3}
    base |= {"workspace": {"name": "W"}, "phases": ["P"], "channels": ["C"]}
    for field in ("phases", "candidates", "sessions", "workspace"):
        try:
            parsed = parse_document({**base, field: value})
        except DocumentInvalid as error:
            assert field in error.message("en")
        else:
            assert isinstance(parsed, WorkspaceDocument)


def test_batches_give_the_same_data_as_one_transaction(engine, document):
    restored = restore_in_batches(engine=engine, document=document, batch=2)
    with reading(engine) as db:
        again = dump_workspace(db=db, workspace_id=restored.id)
    assert comparable(again) == comparable(document)
    with writing(engine) as db:
        single = restore_workspace(db=db, document=document, name="Single")
        assert comparable(dump_workspace(db=db, workspace_id=single.id)) == comparable(document)


def test_a_workspace_is_invisible_until_published(engine, document, monkeypatch):
    seen = []
    real = restore_module._Restore._commitments

    def spy(job):
        with reading(engine) as db:
            seen.append([w.name for w in list_workspaces(db=db, include_archived=True)])
        real(job)

    monkeypatch.setattr(restore_module._Restore, "_commitments", spy)
    restored = restore_in_batches(engine=engine, document=document, name="Later", batch=3)
    assert "Later" not in seen[0] and not any(n.startswith("restoring") for n in seen[0])
    with reading(engine) as db:
        assert restored.name in [w.name for w in list_workspaces(db=db)]


def test_a_failed_restore_leaves_nothing(engine, document, monkeypatch):
    with reading(engine) as db:
        before = workspace_count(db)

    def fail(job):
        raise ValueError("disk trouble")

    monkeypatch.setattr(restore_module._Restore, "_commitments", fail)
    with pytest.raises(DocumentInvalid):
        restore_in_batches(engine=engine, document=document, batch=2)
    with reading(engine) as db:
        assert workspace_count(db) == before


def test_a_taken_name_is_refused_at_publish_and_nothing_is_left(engine, document):
    with reading(engine) as db:
        taken = list_workspaces(db=db)[0].name
        before = workspace_count(db)
    with pytest.raises(Exception, match="already"):
        restore_in_batches(engine=engine, document=document, name=taken.upper())
    with reading(engine) as db:
        assert workspace_count(db) == before


def test_every_backup_reads_back_under_the_schema(document):
    assert json.loads(json.dumps(parse_document(document).model_dump(mode="json")))
