"""The roadmap as CSV (UTF-8 with BOM, so Excel reads accents right) and as Markdown."""

import pandas as pd

from planner.exports.content import ExportContent
from planner.exports.safe_text import markdown_literal, neutralise_frame
from planner.roadmap.table import headings


def _labelled(content: ExportContent) -> pd.DataFrame:
    table = content.roadmap_table()
    return table.rename(columns=headings(list(table.columns), content.lang))


def roadmap_csv(content: ExportContent) -> bytes:
    """CSV that a spreadsheet opens safely: formula-like text starts with an apostrophe."""
    return neutralise_frame(_labelled(content)).to_csv(index=False).encode("utf-8-sig")


def roadmap_markdown(content: ExportContent) -> str:
    """A Markdown document: heading, how it was made, and the roadmap table."""
    table = _labelled(content).fillna("")
    escaped = table.map(_cell)
    header = "| " + " | ".join(map(_cell, escaped.columns)) + " |"
    rule = "| " + " | ".join("---" for _ in escaped.columns) + " |"
    rows = ["| " + " | ".join(row) + " |" for row in escaped.itertuples(index=False)]
    settings = [f"- {_cell(label)}: {_cell(value)}" for label, value in content.settings()[1:]]
    return "\n".join([f"# {_cell(content.title)}", "", *settings, "", header, rule, *rows, ""])


def _cell(value: object) -> str:
    """User text as inert Markdown on one line: no HTML, images, links or table breaks."""
    return markdown_literal(" ".join(str(value).split()))
