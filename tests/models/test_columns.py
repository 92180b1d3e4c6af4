"""A column holding a StrEnum's value: stored as plain text, read back as the member, a
value outside the enum refused on the way in."""

from enum import StrEnum

import pytest
from sqlalchemy import Column, Integer, MetaData, Table, create_engine, insert, select, text

from planner.models.columns import EnumText


class Colour(StrEnum):
    RED = "red"
    GREEN = "green"


@pytest.fixture(name="table")
def table_fixture():
    engine = create_engine("sqlite://")
    metadata = MetaData()
    paint = Table(
        "paint",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("colour", EnumText(Colour, 5)),
    )
    metadata.create_all(engine)
    yield engine, paint
    engine.dispose()


def test_a_member_is_stored_as_its_text_and_read_back_as_the_member(table):
    engine, paint = table
    with engine.begin() as connection:
        connection.execute(
            insert(paint), [{"colour": Colour.RED}, {"colour": "green"}, {"colour": None}]
        )
        raw = connection.execute(text("SELECT colour FROM paint ORDER BY id")).scalars().all()
        read = connection.execute(select(paint.c.colour).order_by(paint.c.id)).scalars().all()
    assert raw == ["red", "green", None]
    assert read == [Colour.RED, Colour.GREEN, None]
    assert isinstance(read[0], Colour)


def test_a_value_outside_the_enum_is_refused_on_the_way_in(table):
    engine, paint = table
    with (
        pytest.raises(Exception, match="'blue' is not a valid Colour"),
        engine.begin() as connection,
    ):
        connection.execute(insert(paint), [{"colour": "blue"}])
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM paint")).scalar() == 0


def test_the_column_is_a_plain_varchar_of_the_length_given():
    column = EnumText(Colour, 5)
    assert column.impl.length == 5
    assert column.enum is Colour
