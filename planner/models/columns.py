"""A column that holds one of a StrEnum's values: stored as its plain string (VARCHAR,
no database enum type, so no migration), read back as the enum member."""

from enum import StrEnum

from sqlalchemy import String
from sqlalchemy.types import TypeDecorator


class EnumText(TypeDecorator):
    """`EnumText(Status, 12)`: a VARCHAR(12) holding a `Status`; a value outside the enum
    is refused on the way in (ValueError: a programming error, never users' input)."""

    impl = String
    cache_ok = True

    def __init__(self, enum: type[StrEnum], length: int | None = None) -> None:
        super().__init__(length)
        self.enum = enum

    def process_bind_param(self, value, dialect):
        return None if value is None else self.enum(value).value

    def process_result_value(self, value, dialect):
        return None if value is None else self.enum(value)
