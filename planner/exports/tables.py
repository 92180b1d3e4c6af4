"""The roadmap as CSV (UTF-8 with BOM, so Excel reads accents right) and as Markdown."""

import pandas as pd

from planner.exports.content import ExportContent
from planner.exports.safe_text import neutralise_frame
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
    escaped = table.map(lambda v: str(v).replace("|", "\\|").replace("\n", " "))
    header = "| " + " | ".join(escaped.columns) + " |"
    rule = "| " + " | ".join("---" for _ in escaped.columns) + " |"
    rows = ["| " + " | ".join(row) + " |" for row in escaped.itertuples(index=False)]
    settings = [f"- {label}: {value}" for label, value in content.settings()[1:]]
    return "\n".join([f"# {content.title}", "", *settings, "", header, rule, *rows, ""])
