"""Showing user-typed text inside Markdown without it being read as Markdown."""

import re

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:])")


def plain(text: object) -> str:
    """`text` with Markdown's special characters escaped, so it shows as typed."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", str(text))
