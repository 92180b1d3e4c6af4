"""Row ids as they arrive from outside (addresses, JSON bodies): whole numbers from 1 to
the largest a database here stores. Anything else is refused before a query sees it (a
larger number overflows SQLite's integer and would end in a server error)."""

from typing import Annotated

from pydantic import Field, StrictInt

ID_MAX = 2**63 - 1
RowId = Annotated[StrictInt, Field(ge=1, le=ID_MAX)]


def row_id(text: str | None) -> int | None:
    """The id written in `text`, or None when it is not one.

    >>> row_id("42"), row_id(str(2**70)), row_id("-1"), row_id("4.0"), row_id(None)
    (42, None, None, None, None)
    """
    if not text or not text.isascii() or not text.isdigit() or len(text) > 19:
        return None
    number = int(text)
    return number if 1 <= number <= ID_MAX else None
