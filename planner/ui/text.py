"""Showing user-typed text inside Markdown without it being read as Markdown."""

from planner.core.safe_text import markdown_literal


def plain(text: object) -> str:
    """`text` with Markdown's special characters escaped, so it shows as typed."""
    return markdown_literal(text)
