"""Restores fed random, malformed and mangled documents: a clear message or a whole new
workspace, never a traceback, and nothing of a failed restore left behind."""

import copy
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from planner.backup.export import dump_workspace, read_document
from planner.backup.restore import restore_workspace
from planner.core.db import reading, writing
from planner.core.errors import PlannerError
from planner.models import Candidate, Workspace

pytestmark = pytest.mark.storage

FUZZ = settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


def counts(engine) -> tuple[int, int]:
    with reading(engine) as db:
        return (
            db.scalar(select(func.count(Workspace.id))),
            db.scalar(select(func.count(Candidate.id))),
        )


def assert_restore_whole_or_refused(engine, data: bytes) -> None:
    before = counts(engine)
    restored = None
    try:
        document = read_document(data)
        with writing(engine) as db:
            restored = restore_workspace(db=db, document=document, suffix="copy")
    except PlannerError as error:
        assert error.message("en") and error.message("nl")
    after = counts(engine)
    if restored is None:
        assert after == before  # nothing half-written
    else:
        assert after[0] == before[0] + 1


@FUZZ
@given(data=st.binary(max_size=2000))
def test_random_bytes(engine, data):
    assert_restore_whole_or_refused(engine, data)


@FUZZ
@given(value=JSON_VALUES)
def test_any_json(engine, value):
    assert_restore_whole_or_refused(engine, json.dumps(value).encode())


def paths(node, prefix=()):
    """Every path into a JSON document."""
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node[:3]):
            yield from paths(value, (*prefix, index))


@FUZZ
@given(data=st.data())
def test_a_real_backup_mangled_in_one_place(engine, demo, data):
    with reading(engine) as db:
        original = dump_workspace(db=db, workspace_id=demo.id)
    document = copy.deepcopy(original)
    path = data.draw(st.sampled_from(list(paths(document))[1:]))
    parent = document
    for key in path[:-1]:
        parent = parent[key]
    if data.draw(st.booleans()):
        del parent[path[-1]]
    else:
        huge = st.tuples(st.characters(), st.integers(300, 5000)).map(lambda t: t[0] * t[1])
        parent[path[-1]] = data.draw(JSON_VALUES | huge)
    assert_restore_whole_or_refused(engine, json.dumps(document).encode())
