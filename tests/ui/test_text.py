"""Text users typed, shown inside Markdown as typed: every special character escaped, and
nothing else changed."""

import re

import pytest

from planner.ui.text import plain


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("**Eva**", r"\*\*Eva\*\*"),
        ("[Ann](http://x)", r"\[Ann\]\(http\://x\)"),
        ("<b>bold</b>", r"\<b\>bold\</b\>"),
        ("1. first", r"1\. first"),
        ("Van Dijk Wonen", "Van Dijk Wonen"),
    ],
)
def test_markdown_in_typed_text_is_escaped(typed, shown):
    assert plain(typed) == shown


@pytest.mark.parametrize("typed", ["# h1", "a_b_c", "~~x~~ $1 | 2 & 3", "\\*", "‏שלום 🙂"])
def test_taking_the_escapes_away_gives_back_what_was_typed(typed):
    assert re.sub(r"\\(.)", r"\1", plain(typed)) == typed


def test_a_number_shows_as_its_text():
    assert plain(7) == "7"
