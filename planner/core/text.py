"""The one rule for text people type, wherever it comes in: forms, the ballot, the CLI,
imports and restores. Every text field's type is made here (`text_field`).

Text is cleaned, not refused for what it holds:

- line breaks (CR LF, CR, VT, FF, NEL, U+2028, U+2029) become "\\n" in fields of several
  lines (descriptions, comments, reasons, learnings); there they keep their tabs; in
  one-line fields (names, titles, labels) line breaks and tabs become spaces;
- every other control character (C0, DEL, C1) and any lone surrogate is removed;
- white space at either end is removed;
- the text is composed to Unicode NFC ("e" + a combining accent is "é"), unless that
  would make it longer (NFC writes a few characters, such as U+0958, as two).

Cleaning never makes a text longer, so a restore can clean the same way: what an older
version stored still fits its field, and restores. Limits are checked on the cleaned
text; a text over its limit, or empty where one is required, is refused with the field's
name and the limit (planner.core.errors). Passphrases are secrets compared as typed:
they are not cleaned.

>>> clean_text("  Ann\\x00\\x1b[31m\\r\\nB  ")
'Ann[31m B'
>>> clean_text("one\\r\\ntwo\\x07", lines=True)
'one\\ntwo'
"""

import re
import unicodedata
from typing import Annotated, Any

from pydantic import BeforeValidator, StringConstraints

LINE_BREAK = re.compile(r"\r\n|[\n\r\x0b\x0c\x85\u2028\u2029]")
# every other control character: all of C0 but the tab and the line feed, DEL, C1, and
# the surrogate halves (a JSON body may hold one alone; no database stores it)
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def clean_text(value: str, *, lines: bool = False) -> str:
    """`value` under the rule above; `lines`: a field of several lines."""
    if lines:
        value = CONTROL.sub("", LINE_BREAK.sub("\n", value))
    else:
        value = CONTROL.sub("", LINE_BREAK.sub(" ", value).replace("\t", " "))
    value = value.strip()
    composed = unicodedata.normalize("NFC", value)
    return composed if len(composed) <= len(value) else value


def _cleaned(lines: bool) -> BeforeValidator:
    def clean(value: Any) -> Any:
        return clean_text(value, lines=lines) if isinstance(value, str) else value

    return BeforeValidator(clean)


_ONE_LINE, _LINES = _cleaned(lines=False), _cleaned(lines=True)


def text_field(max_length: int, *, min_length: int = 0, lines: bool = False) -> Any:
    """The type of a text field: cleaned by the rule, then held to its limits.

    >>> from pydantic import TypeAdapter
    >>> TypeAdapter(text_field(5, min_length=1)).validate_python(" Bo\\x00 ")
    'Bo'
    """
    limits = StringConstraints(min_length=min_length, max_length=max_length)
    return Annotated[str, limits, _LINES if lines else _ONE_LINE]
