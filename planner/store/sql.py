"""SQL helpers the storage modules share: many rows read into a DataFrame, and
insert-or-update on a unique key, in one statement where the database allows it.
"""

from functools import cache

import numpy as np
import pandas as pd
from sqlalchemy import and_, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session


def read_frame(db: Session, query, columns: list[str] | None = None) -> pd.DataFrame:
    """The rows of a Core `select` as a DataFrame.

    Goes through the connection (the ORM session adds work per row) and hands pandas
    plain tuples: it builds a frame from SQLAlchemy `Row` objects four times slower.
    """
    result = db.connection().execute(query)
    return pd.DataFrame(list(map(tuple, result)), columns=columns or list(result.keys()))


def plain_records(frame: pd.DataFrame) -> list[dict]:
    """Rows as dicts of plain Python values (no numpy scalars, None for missing)."""
    return [
        {key: _plain(value) for key, value in row.items()}
        for row in frame.astype(object).where(frame.notna(), None).to_dict("records")
    ]


def _plain(value):
    return value.item() if isinstance(value, np.generic) else value


ON_CONFLICT_INSERTS = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}


@cache
def _statement(dialect: str, model, keys: tuple[str, ...], update_columns: tuple[str, ...]):
    """Built once per shape and reused: building statements costs more than running them."""
    statement = ON_CONFLICT_INSERTS[dialect](model.__table__)
    if update_columns:
        return statement.on_conflict_do_update(
            index_elements=list(keys),
            set_={column: statement.excluded[column] for column in update_columns},
        )
    return statement.on_conflict_do_nothing(index_elements=list(keys))


def upsert(
    db: Session,
    model,
    values: dict,
    *,
    keys: tuple[str, ...],
    update_columns: tuple[str, ...] = (),
) -> None:
    """Insert `values`, or on a clash of `keys` update `update_columns` (or keep the row).

    Two stakeholders saving at once never make a duplicate: the database decides.
    """
    dialect = db.get_bind().dialect.name
    if dialect in ON_CONFLICT_INSERTS:
        db.execute(_statement(dialect, model, keys, update_columns), values)
        return
    # Other databases: look, then write, inside the caller's transaction.
    table = model.__table__
    match = and_(*(table.c[key] == values[key] for key in keys))
    if db.execute(select(table).where(match)).first() is None:
        db.execute(insert(table).values(**values))
    elif update_columns:
        db.execute(
            update(table)
            .where(match)
            .values(**{column: values[column] for column in update_columns})
        )


# Kinds of advisory lock (the first of PostgreSQL's two keys), one per use.
ROUND_VOTES = 1


def hold_lock(db: Session, kind: int, key: int, *, shared: bool) -> None:
    """A lock on (kind, key) until the transaction ends, held by many at once when
    `shared`, else by one alone who waits for the sharers to finish. On PostgreSQL an
    advisory lock: memory only, where a shared row lock (FOR SHARE) taken by many at once
    rewrites the row for each new holder. SQLite needs none: its writers queue one at a
    time (`BEGIN IMMEDIATE`)."""
    if db.get_bind().dialect.name != "postgresql":
        return
    function = func.pg_advisory_xact_lock_shared if shared else func.pg_advisory_xact_lock
    db.execute(select(function(kind, key)))
