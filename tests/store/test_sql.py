"""The SQL helpers the storage modules share: rows read into a DataFrame, plain Python
records, and insert-or-update on a unique key in one statement."""

from datetime import date

import numpy as np
import pandas as pd
import pytest
from sqlalchemy import select

from planner.models import ServerSecret, Workspace
from planner.store.sql import plain_records, read_frame, upsert
from tests.factories import make_journey

pytestmark = pytest.mark.storage


def test_read_frame_gives_the_rows_under_the_querys_column_names(db):
    make_journey(db, name="Alpha")
    make_journey(db, name="Beta")
    frame = read_frame(db, select(Workspace.name, Workspace.archived).order_by(Workspace.name))
    assert frame.columns.tolist() == ["name", "archived"]
    assert frame["name"].tolist() == ["Alpha", "Beta"]
    assert not frame["archived"].any()


def test_read_frame_of_no_rows_has_the_columns_asked(db):
    query = select(Workspace.id, Workspace.name).where(Workspace.name == "none")
    assert read_frame(db, query).columns.tolist() == ["id", "name"]
    assert read_frame(db, query, columns=["a", "b"]).columns.tolist() == ["a", "b"]
    assert read_frame(db, query).empty


def test_plain_records_are_python_values_with_none_for_missing():
    frame = pd.DataFrame(
        {
            "n": np.array([1, 2], dtype="int64"),
            "score": [7.5, np.nan],
            "day": [date(2027, 1, 1), None],
            "label": ["M", None],
        }
    )
    records = plain_records(frame)
    assert records == [
        {"n": 1, "score": 7.5, "day": date(2027, 1, 1), "label": "M"},
        {"n": 2, "score": None, "day": None, "label": None},
    ]
    assert type(records[0]["n"]) is int
    assert type(records[0]["score"]) is float


def test_upsert_inserts_then_updates_the_columns_asked(db):
    upsert(
        db, ServerSecret, {"name": "k", "value": "first"}, keys=("name",), update_columns=("value",)
    )
    upsert(
        db,
        ServerSecret,
        {"name": "k", "value": "second"},
        keys=("name",),
        update_columns=("value",),
    )
    db.flush()
    rows = db.execute(select(ServerSecret.name, ServerSecret.value)).all()
    assert [tuple(row) for row in rows] == [("k", "second")]


def test_upsert_without_columns_to_update_keeps_the_row(db):
    upsert(db, ServerSecret, {"name": "k", "value": "first"}, keys=("name",))
    upsert(db, ServerSecret, {"name": "k", "value": "second"}, keys=("name",))
    db.flush()
    rows = db.execute(select(ServerSecret.value)).scalars().all()
    assert rows == ["first"]
