"""The one rule for text people type, wherever it comes in: forms, the ballot, the CLI,
imports and restores. Every text field's type is made here (`text_field`).

Text is cleaned, not refused for what it holds:

- line breaks (CR LF, CR, VT, FF, NEL, U+2028, U+2029) become "\\n" in fields of several
  lines (descriptions, comments, reasons, learnings); there they keep their tabs; in
  one-line fields (names, titles, labels) line breaks and tabs become spaces;
- every other control character (C0, DEL, C1) and any lone surrogate is removed;
- in names (`name`: people's names, roles, and the names of workspaces, journeys and the
  like, the `Name`/`Role` types) every Unicode format character (category Cf: zero-width
  space, BOM, soft hyphen, the bidi marks, overrides and isolates) is removed as well,
  but for a zero-width joiner or non-joiner between two letters or symbols outside
  ASCII (emoji sequences, Persian and Indic spelling need them): a name cannot hide
  characters, turn its text around, or be empty but for them. Titles, descriptions and
  comments keep format characters (ZWJ in emoji, bidi marks in mixed-direction text);
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
>>> clean_text("Ali\\u200bce\\ufeff", name=True), clean_text("Eve\\u202egnp.exe", name=True)
('Alice', 'Evegnp.exe')
"""

import re
import unicodedata
from typing import Annotated, Any

from pydantic import BeforeValidator, StringConstraints

LINE_BREAK = re.compile(r"\r\n|[\n\r\x0b\x0c\x85\u2028\u2029]")
# every other control character: all of C0 but the tab and the line feed, DEL, C1, and
# the surrogate halves (a JSON body may hold one alone; no database stores it)
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


JOINERS = "\u200c\u200d"  # zero-width non-joiner and joiner


def _joins(before: str, after: str) -> bool:
    """A joiner between these two is spelling: both are letters or symbols beyond ASCII."""
    return all(
        not c.isascii() and not c.isspace() and unicodedata.category(c) != "Cf"
        for c in (before, after)
    )


def without_format(value: str) -> str:
    """`value` without Unicode format characters (Cf), but for the joiners that spell.

    >>> without_format("\\u200b\\u202e\\ufeff"), without_format("👩\\u200d👧") == "👩\\u200d👧"
    ('', True)
    """
    return "".join(
        c
        for i, c in enumerate(value)
        if unicodedata.category(c) != "Cf"
        or (c in JOINERS and 0 < i < len(value) - 1 and _joins(value[i - 1], value[i + 1]))
    )


def clean_text(value: str, *, lines: bool = False, name: bool = False) -> str:
    """`value` under the rule above; `lines`: a field of several lines; `name`: a name."""
    if lines:
        value = CONTROL.sub("", LINE_BREAK.sub("\n", value))
    else:
        value = CONTROL.sub("", LINE_BREAK.sub(" ", value).replace("\t", " "))
    value = value.strip()
    if name:
        value = without_format(value).strip()
    composed = unicodedata.normalize("NFC", value)
    return composed if len(composed) <= len(value) else value


def _cleaned(lines: bool, name: bool = False) -> BeforeValidator:
    def clean(value: Any) -> Any:
        return clean_text(value, lines=lines, name=name) if isinstance(value, str) else value

    return BeforeValidator(clean)


_ONE_LINE, _LINES, _NAME = _cleaned(lines=False), _cleaned(lines=True), _cleaned(False, True)


def text_field(
    max_length: int, *, min_length: int = 0, lines: bool = False, name: bool = False
) -> Any:
    """The type of a text field: cleaned by the rule, then held to its limits; `name`: a
    name (one line, no format characters).

    >>> from pydantic import TypeAdapter
    >>> TypeAdapter(text_field(5, min_length=1)).validate_python(" Bo\\x00 ")
    'Bo'
    """
    limits = StringConstraints(min_length=min_length, max_length=max_length)
    return Annotated[str, limits, _NAME if name else _LINES if lines else _ONE_LINE]
