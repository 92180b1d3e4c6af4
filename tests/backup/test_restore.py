"""Restore: text an older version stored comes back cleaned; a restore in batches is
invisible until published, gives the same data, and leaves nothing behind when it fails
(the document's checks: test_schema)."""

import copy

import pytest
from sqlalchemy import func, select

from planner.backup import restore as restore_module
from planner.backup.export import dump_workspace
from planner.backup.restore import restore_in_batches, restore_workspace
from planner.backup.schema import DocumentInvalid
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
