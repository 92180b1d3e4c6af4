"""Merges in a backup: which tables a merge's undo snapshot holds and how their rows
refer to others, a snapshot translated reference by reference (and refused by the path
of what does not belong), and every value checked against its column before a restore."""

import pytest

from planner.backup.merges import (
    Unresolved,
    _fits,
    check_merges,
    empty_snapshot,
    references,
    snapshot_tables,
    translate,
)
from planner.models import SQLModel

CANDIDATE = {
    "id": 7,
    "workspace_id": 1,
    "title": "Welcome e-mail",
    "phase_id": 3,
    "persona_id": None,
    "tags": [],
}
VOTE = {"round_id": 11, "stakeholder_id": 5, "candidate_id": 7, "criterion_id": 2, "score": 7.5}

# ids of this database -> the document's references
OUT = {
    "candidate": {7: 7, 8: 8},
    "phase": {3: "Buying"},
    "scoring_round": {11: ["ABC-123", 1]},
    "stakeholder": {5: "Ann"},
    "criterion": {2: "Effort"},
    "scoring_session": {4: "ABC-123"},
}


def to_document(table: str, value):
    if table == "workspace":
        return None  # left out of a backup
    try:
        return OUT[table][value]
    except KeyError:
        raise Unresolved(table, value) from None


def test_a_snapshot_keeps_rows_of_some_tables_and_pointers_of_others():
    tables = snapshot_tables()
    assert tables["vote"] == tables["candidate_channel"] == tables["dependency"] == "rows"
    assert tables["commitment"] == tables["roadmap_version_item"] == "pointers"  # SET NULL
    assert "candidate" not in tables  # the merged candidates have a list of their own


def test_references_name_the_table_each_column_refers_to():
    assert references("vote") == {
        "round_id": "scoring_round",
        "criterion_id": "criterion",
        "stakeholder_id": "stakeholder",
        "candidate_id": "candidate",
    }
    assert references("candidate")["id"] == "candidate"  # a removed candidate keeps its id
    assert references("commitment")["id"] == "commitment"  # by its place in the document


def test_translate_swaps_every_reference_and_leaves_out_the_workspace():
    snapshot = empty_snapshot() | {
        "candidates": [CANDIDATE],
        "rows": {"vote": [VOTE]},
        "focus": {4: [7, 8]},
    }
    out = translate(snapshot, to_document)
    assert out["candidates"] == [
        {"id": 7, "title": "Welcome e-mail", "phase_id": "Buying", "persona_id": None, "tags": []}
    ]
    assert out["rows"]["vote"] == [
        {
            "round_id": ["ABC-123", 1],
            "stakeholder_id": "Ann",
            "candidate_id": 7,
            "criterion_id": "Effort",
            "score": 7.5,
        }
    ]
    assert out["focus"] == {"ABC-123": [7, 8]}


def test_translate_drops_surrogate_ids_of_rows():
    override = {"id": 99, "candidate_id": 7, "value": 5.0, "reason": "Agreed", "decided_by": "E"}
    out = translate(empty_snapshot() | {"rows": {"consensus_override": [override]}}, to_document)
    assert "id" not in out["rows"]["consensus_override"][0]


@pytest.mark.parametrize(
    ("snapshot", "path"),
    [
        ({"rows": {"vote": [VOTE | {"stakeholder_id": 6}]}}, "snapshot.rows.vote.0.stakeholder_id"),
        ({"rows": {"vote": [VOTE | {"colour": "red"}]}}, "snapshot.rows.vote.0.colour"),
        ({"rows": {"workspace": [{}]}}, "snapshot.rows.workspace"),
        ({"pointers": {"vote": [VOTE]}}, "snapshot.pointers.vote"),  # rows, not pointers
        ({"rows": {"vote": ["not a row"]}}, "snapshot.rows.vote.0"),
        ({"focus": {5: [7]}}, "snapshot.focus.5"),
    ],
)
def test_translate_names_the_path_of_what_does_not_belong(snapshot, path):
    with pytest.raises(Unresolved) as refused:
        translate(empty_snapshot() | snapshot, to_document)
    assert refused.value.path == path


KNOWN = {
    "candidate": {7},
    "phase": {"Buying"},
    "persona": set(),
    "stakeholder": {"Ann"},
    "criterion": {"Effort"},
    "scoring_round": {("ABC-123", 1)},
    "scoring_session": {"ABC-123"},
}


def merge(snapshot: dict) -> dict:
    return {"snapshot": empty_snapshot() | snapshot}


def test_check_merges_takes_a_snapshot_the_document_holds():
    removed = {k: v for k, v in CANDIDATE.items() if k != "workspace_id"} | {"id": 8}
    removed["phase_id"] = "Buying"
    vote = VOTE | {"round_id": ["ABC-123", 1], "stakeholder_id": "Ann", "criterion_id": "Effort"}
    vote["candidate_id"] = 8  # a removed candidate, known by its key in the snapshot only
    assert check_merges([merge({"candidates": [removed], "rows": {"vote": [vote]}})], KNOWN) is None


@pytest.mark.parametrize(
    ("snapshot", "says"),
    [
        (
            {"rows": {"vote": [VOTE | {"round_id": ["XYZ", 1], "stakeholder_id": "Ann"}]}},
            "merges.0.snapshot.rows.vote.0.round_id",
        ),
        (
            {"rows": {"plan_item": [{"candidate_id": 7, "excluded": "yes"}]}},
            "merges.0.snapshot.rows.plan_item.0.excluded",
        ),
        (
            {"rows": {"plan_item": [{"excluded": True}]}},
            "merges.0.snapshot.rows.plan_item.0: candidate_id is missing",
        ),
    ],
)
def test_check_merges_refuses_naming_the_path(snapshot, says):
    with pytest.raises(ValueError, match="merges") as refused:
        check_merges([merge(snapshot)], KNOWN)
    assert says in str(refused.value)


def column(table: str, name: str):
    return SQLModel.metadata.tables[table].c[name]


@pytest.mark.parametrize(
    ("table", "name", "value", "fits"),
    [
        ("candidate", "title", "Welcome", True),
        ("candidate", "title", "x" * 201, False),
        ("candidate", "title", 7, False),
        ("candidate", "title", None, False),  # not nullable
        ("candidate", "pre_value", None, True),
        ("candidate", "pre_value", 7.5, True),
        ("candidate", "pre_value", float("nan"), False),
        ("candidate", "pre_value", True, False),  # a bool is no number here
        ("candidate", "phase_id", 2**53 + 1, False),
        ("candidate", "channel_switch", False, True),
        ("candidate", "channel_switch", 0, False),
        ("candidate", "tags", ["a", {"b": 1}], True),  # JSON: anything
        ("candidate", "created_at", "2026-12-01T09:00:00+00:00", True),
        ("candidate", "created_at", "yesterday", False),
        ("commitment", "due", "2027-03-31", True),
        ("commitment", "due", "2027-02-30", False),
        ("commitment", "status", "done", True),
        ("commitment", "status", "lost", False),
    ],
)
def test_a_value_fits_its_column_or_not(table, name, value, fits):
    assert _fits(column(table, name), value) is fits
