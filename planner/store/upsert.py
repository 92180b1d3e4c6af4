"""Insert-or-update on a unique key, in one statement where the database allows it."""

from sqlalchemy import and_, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session

ON_CONFLICT_INSERTS = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}


def upsert(
    session: Session,
    model,
    values: dict,
    *,
    keys: tuple[str, ...],
    update_columns: tuple[str, ...] = (),
) -> None:
    """Insert `values`, or on a clash of `keys` update `update_columns` (or keep the row).

    Two stakeholders saving at once never make a duplicate: the database decides.
    """
    table = model.__table__
    make_insert = ON_CONFLICT_INSERTS.get(session.get_bind().dialect.name)
    if make_insert is None:  # other databases: look, then write (inside the transaction)
        match = and_(*(table.c[key] == values[key] for key in keys))
        if session.execute(select(table).where(match)).first() is None:
            session.execute(insert(table).values(**values))
        elif update_columns:
            session.execute(
                update(table)
                .where(match)
                .values(**{column: values[column] for column in update_columns})
            )
        return
    statement = make_insert(table).values(**values)
    if update_columns:
        statement = statement.on_conflict_do_update(
            index_elements=list(keys),
            set_={column: statement.excluded[column] for column in update_columns},
        )
    else:
        statement = statement.on_conflict_do_nothing(index_elements=list(keys))
    session.execute(statement)
