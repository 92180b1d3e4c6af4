"""Every download format: each gives bytes of its kind, with its MIME type."""

import pytest

from planner.core.safe_text import markdown_literal
from planner.exports.formats import EXPORT_FORMATS, FIGURES, MIME


def test_every_format_gives_bytes(content):
    for make in EXPORT_FORMATS.values():
        if make is not None:
            assert make(content, "timeline")


# How each format's file begins.
MAGIC = {
    "xlsx": b"PK\x03\x04",
    "pdf": b"%PDF-",
    "png": b"\x89PNG\r\n\x1a\n",
    "svg": b"<svg",
    "csv": b"\xef\xbb\xbf",
}


@pytest.mark.parametrize("name", sorted(MAGIC))
@pytest.mark.parametrize("chart", sorted(FIGURES))
def test_each_format_gives_a_file_of_its_kind(content, name, chart):
    assert EXPORT_FORMATS[name](content, chart).lstrip().startswith(MAGIC[name])


def test_markdown_is_utf8_text_beginning_with_the_title(content):
    text = EXPORT_FORMATS["md"](content, "matrix").decode("utf-8")
    assert text.startswith(f"# {markdown_literal(content.title)}\n")


def test_every_format_has_a_mime_type_and_the_backup_is_made_elsewhere():
    assert set(MIME) == set(EXPORT_FORMATS)
    assert EXPORT_FORMATS["json"] is None
    assert MIME["pdf"] == "application/pdf"
