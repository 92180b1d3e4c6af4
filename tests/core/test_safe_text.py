"""User-typed text made safe: formula-like cells neutralised for spreadsheets, Markdown's
special characters escaped so text shows as typed."""

import re

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.core.safe_text import (
    is_formula_like,
    markdown_literal,
    neutralise,
    neutralise_frame,
)


@pytest.mark.parametrize(
    ("value", "safe"),
    [
        ("=1+2", "'=1+2"),
        ("+31 6 1234", "'+31 6 1234"),
        ("-5", "'-5"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("a=1", "a=1"),
        ("Welcome mail", "Welcome mail"),
        ("", ""),
        (-5, -5),  # numbers are not formulas
        (None, None),
    ],
)
def test_neutralise_quotes_only_text_a_spreadsheet_would_read_as_a_formula(value, safe):
    assert neutralise(value) == safe
    assert is_formula_like(value) is (safe != value)


def test_neutralise_frame_changes_text_columns_only_and_keeps_the_original():
    frame = pd.DataFrame({"title": ["=cmd", "ok"], "value": [-1.5, 2.0]})
    safe = neutralise_frame(frame)
    assert safe["title"].tolist() == ["'=cmd", "ok"]
    assert safe["value"].tolist() == [-1.5, 2.0]
    assert frame["title"].tolist() == ["=cmd", "ok"]


@pytest.mark.parametrize(
    ("typed", "escaped"),
    [
        ("<b>bold</b>", r"\<b\>bold\</b\>"),
        ("![x](http://e.org/p.png)", r"\!\[x\]\(http\://e\.org/p\.png\)"),
        ("[click](javascript:alert(1))", r"\[click\]\(javascript\:alert\(1\)\)"),
        ("# heading", r"\# heading"),
        ("*a* _b_ `c` ~d~ $e$", r"\*a\* \_b\_ \`c\` \~d\~ \$e\$"),
        ("a | b & c", r"a \| b \& c"),
        ("plain words", "plain words"),
        (7.5, r"7\.5"),
    ],
)
def test_markdown_literal_escapes_what_markdown_would_read(typed, escaped):
    assert markdown_literal(typed) == escaped


@given(st.text(max_size=200))
def test_markdown_literal_leaves_no_special_character_unescaped(typed):
    escaped = markdown_literal(typed)
    assert re.sub(r"\\(.)", r"\1", escaped, flags=re.DOTALL) == typed
    unescaped = re.sub(r"\\.", "", escaped, flags=re.DOTALL)
    assert not re.search(r"[\\`*_{}\[\]()<>#+\-.!|~$:&]", unescaped)
