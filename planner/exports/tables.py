"""The roadmap as CSV (UTF-8 with BOM, so Excel reads accents right) and as Markdown (with
a version's sign-off), each written as the workspace's language writes numbers and dates.

CSV follows the spreadsheet convention of the language: English Excel reads "7.5" with
commas between fields; Dutch Excel takes "7,5" with semicolons between them (a comma
there would split each number in two, and a whole line would land in one column)."""

import pandas as pd

from planner.core.numbers import marks
from planner.core.safe_text import markdown_literal, neutralise_frame
from planner.exports.content import ExportContent, as_text
from planner.roadmap.table import headings


def _labelled(content: ExportContent) -> pd.DataFrame:
    table = content.roadmap_table()
    return table.rename(columns=headings(list(table.columns), content.lang))


def roadmap_csv(content: ExportContent) -> bytes:
    """CSV that a spreadsheet opens safely: formula-like text starts with an apostrophe."""
    table = neutralise_frame(_labelled(content))
    return table.to_csv(index=False, **csv_marks(content.lang)).encode("utf-8-sig")


def csv_marks(lang: str) -> dict[str, str]:
    """The field separator and decimal mark of `lang`'s spreadsheets, as `to_csv` and
    `read_csv` take them: {"sep": ";", "decimal": ","} in Dutch."""
    decimal = marks(lang)["decimal"]
    return {"sep": ";" if decimal == "," else ",", "decimal": decimal}


def roadmap_markdown(content: ExportContent) -> str:
    """A Markdown document: heading, how it was made, the roadmap table, and a version's
    sign-off (each answer saying who entered it)."""
    lang = content.lang
    settings = [
        f"- {_cell(label)}: {_cell(as_text(value, lang))}"
        for label, value in content.settings()[1:]
    ]
    lines = [f"# {_cell(content.title)}", "", *settings, "", *_table(_labelled(content), lang), ""]
    signoff = content.signoff_table()
    if signoff is not None:
        summary = [f"- {_cell(line)}" for line in content.signoff_summary()]
        title = f"## {_cell(content.t('signoff.title'))}"
        lines += [title, "", *summary, "", *_table(signoff, lang), ""]
    return "\n".join(lines)


def _table(frame: pd.DataFrame, lang: str) -> list[str]:
    """A Markdown table of `frame`, every cell written in `lang` and inert (see `_cell`)."""
    # cell by cell: a nullable integer column (a rank nobody has yet) then holds text too
    escaped = frame.map(lambda value: _cell(as_text(value, lang)))
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
