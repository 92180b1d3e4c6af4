"""The backup document's one schema: a bad field refused by its path, duplicates and
dangling references named, sizes bounded, any JSON value in a field a document or a
message naming the field, and every backup the app writes read back under it."""

import json

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from planner.backup.export import read_document
from planner.backup.schema import (
    MAX_CANDIDATES,
    DocumentInvalid,
    WorkspaceDocument,
    parse_document,
)
from tests.backup.test_export import full_workspace_fixture  # noqa: F401
from tests.backup.test_restore import broken, document_fixture  # noqa: F401

pytestmark = pytest.mark.storage


def refused(document) -> str:
    with pytest.raises(DocumentInvalid) as error:
        parse_document(document)
    return error.value.message("en")


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


def test_every_backup_reads_back_under_the_schema(document):
    assert json.loads(json.dumps(parse_document(document).model_dump(mode="json")))
