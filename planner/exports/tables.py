"""The roadmap as CSV (UTF-8 with BOM, so Excel reads accents right) and as Markdown (with
a version's sign-off)."""

import pandas as pd

from planner.core import dates
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
    """A Markdown document: heading, how it was made, the roadmap table, and a version's
    sign-off (each answer saying who entered it)."""
    settings = [f"- {_cell(label)}: {_cell(value)}" for label, value in content.settings()[1:]]
    lines = [f"# {_cell(content.title)}", "", *settings, "", *_table(_labelled(content)), ""]
    signoff = content.signoff_table()
    if signoff is not None:
        when = content.t("commitments.when")
        signoff[when] = signoff[when].map(
            lambda at: dates.moment(at, content.lang) if pd.notna(at) else ""
        )
        summary = [f"- {_cell(line)}" for line in content.signoff_summary()]
        title = f"## {_cell(content.t('signoff.title'))}"
        lines += [title, "", *summary, "", *_table(signoff), ""]
    return "\n".join(lines)


def _table(frame: pd.DataFrame) -> list[str]:
    """A Markdown table of `frame`, every cell inert (see `_cell`)."""
    # as objects first: a nullable integer column (a rank nobody has yet) cannot hold ""
    escaped = frame.astype(object).fillna("").map(_cell)
    header = "| " + " | ".join(map(_cell, escaped.columns)) + " |"
    rule = "| " + " | ".join("---" for _ in escaped.columns) + " |"
    return [
        header,
        rule,
        *("| " + " | ".join(row) + " |" for row in escaped.itertuples(index=False)),
    ]


def _cell(value: object) -> str:
    """User text as inert Markdown on one line: no HTML, images, links or table breaks."""
    return markdown_literal(" ".join(str(value).split()))
