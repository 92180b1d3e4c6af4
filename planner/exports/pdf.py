"""A PDF report a manager can print as it is: title page, matrix, timeline, tables."""

import io
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace

from planner.exports.content import ExportContent
from planner.exports.images import matrix_figure, png, timeline_figure
from planner.quadrants import QUADRANTS

FONTS = Path(__file__).parent / "fonts"
TIMELINE_LIMIT = 60  # bars in the timeline image; the table lists everything
HEADER = FontFace(emphasis="BOLD", fill_color=(225, 232, 240))


class Report(FPDF):
    """Landscape A4 with DejaVu Sans (Unicode: €, ë, ...) and numbered pages."""

    def __init__(self, content: ExportContent) -> None:
        super().__init__(orientation="L", unit="mm", format="A4")
        self.content = content
        self.add_font("DejaVu", "", FONTS / "DejaVuSans.ttf")
        self.add_font("DejaVu", "B", FONTS / "DejaVuSans-Bold.ttf")
        self.set_font("DejaVu", size=10)
        self.set_auto_page_break(auto=True, margin=15)
        self.set_title(f"{content.title} – {content.t('roadmap.title')}")

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("DejaVu", size=8)
        self.cell(
            0,
            8,
            f"{self.content.title} · {self.content.t('export.page', page=self.page_no())} / {{nb}}",
            align="C",
        )

    def heading(self, text: str) -> None:
        self.set_font("DejaVu", "B", 15)
        self.cell(0, 10, text, new_x="LMARGIN", new_y="NEXT")
        self.set_font("DejaVu", size=10)


def roadmap_pdf(content: ExportContent) -> bytes:
    pdf = Report(content)
    _title_page(pdf, content)
    if not content.matrix_points().empty:
        pdf.add_page()
        pdf.heading(content.t("matrix.title"))
        _image(pdf, png(matrix_figure(content), scale=1.5))
    table = content.roadmap_table()
    scheduled = table[table["period"].notna()]
    if not scheduled.empty:
        pdf.add_page()
        pdf.heading(content.t("roadmap.title"))
        limited = content if len(scheduled) <= TIMELINE_LIMIT else _first(content, TIMELINE_LIMIT)
        if limited is not content:
            pdf.multi_cell(
                0,
                6,
                content.t("export.timeline_limited", shown=TIMELINE_LIMIT, total=len(scheduled)),
                new_x="LMARGIN",
                new_y="NEXT",
            )
        _image(pdf, png(timeline_figure(limited), scale=1.5))
        pdf.add_page()
        pdf.heading(content.t("export.roadmap_table"))
        _table(
            pdf,
            scheduled,
            ["period", "rank", "title", "phase", "channels", "value", "effort", "quadrant"],
            (26, 12, 80, 30, 55, 16, 16, 30),
        )
    out = table[table["period"].isna()]
    if not out.empty:
        pdf.add_page()
        pdf.heading(content.t("export.not_on_roadmap"))
        _table(pdf, out, ["title", "phase", "value", "effort", "note"], (85, 30, 16, 16, 118))
    _quadrants(pdf, content)
    return bytes(pdf.output())


def _title_page(pdf: Report, content: ExportContent) -> None:
    pdf.add_page()
    pdf.set_y(45)
    pdf.set_font("DejaVu", "B", 26)
    pdf.multi_cell(0, 13, content.title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", size=14)
    pdf.multi_cell(0, 9, content.t("roadmap.title"), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.set_font("DejaVu", size=11)
    for label, value in content.settings()[1:]:
        pdf.multi_cell(0, 7, f"{label}: {_text(value)}", new_x="LMARGIN", new_y="NEXT")
    if content.workspace.description:
        pdf.ln(4)
        pdf.multi_cell(0, 6, content.workspace.description, new_x="LMARGIN", new_y="NEXT")


def _image(pdf: Report, data: bytes) -> None:
    """An image as large as fits below the cursor, keeping its proportions."""
    room_w, room_h = pdf.epw, pdf.eph - (pdf.get_y() - pdf.t_margin) - 5
    pdf.image(io.BytesIO(data), x=pdf.l_margin, w=room_w, h=room_h, keep_aspect_ratio=True)


def _table(pdf: Report, frame, columns: list[str], widths: tuple) -> None:
    """A table whose header repeats on every page and whose text wraps."""
    labels = {
        "period": "chart.period",
        "rank": "chart.rank",
        "title": "field.title",
        "phase": "field.phase",
        "channels": "field.channels",
        "value": "chart.value",
        "effort": "chart.effort",
        "quadrant": "chart.quadrant",
        "note": "roadmap.note",
    }
    pdf.set_font("DejaVu", size=8)
    with pdf.table(
        col_widths=widths,
        headings_style=HEADER,
        repeat_headings=1,
        line_height=4.5,
        text_align="LEFT",
    ) as table:
        table.row([pdf.content.t(labels[c]) for c in columns])
        for row in frame[columns].itertuples(index=False):
            table.row([_text(value) for value in row])
    pdf.set_font("DejaVu", size=10)


def _quadrants(pdf: Report, content: ExportContent) -> None:
    points = content.matrix_points()
    if points.empty:
        return
    pdf.add_page()
    pdf.heading(content.t("matrix.per_quadrant"))
    for quadrant in QUADRANTS:
        members = points[points["quadrant"] == quadrant].sort_values("value", ascending=False)
        pdf.set_font("DejaVu", "B", 11)
        pdf.cell(
            0,
            8,
            f"{content.t(f'quadrant.{quadrant}')} ({len(members)})",
            new_x="LMARGIN",
            new_y="NEXT",
        )
        pdf.set_font("DejaVu", size=9)
        for title, value, effort in members[["title", "value", "effort"]].itertuples(index=False):
            pdf.multi_cell(
                0, 5, f"• {title} ({value:.1f} / {effort:.1f})", new_x="LMARGIN", new_y="NEXT"
            )
        pdf.ln(2)


def _first(content: ExportContent, count: int) -> ExportContent:
    """The content with only the first `count` scheduled candidates (for the timeline)."""
    items = content.roadmap.items
    keep = items[items["start_period"].notna()].head(count).index
    roadmap = replace(content.roadmap, items=items.loc[keep])
    return replace(content, roadmap=roadmap)


def _text(value: object) -> str:
    if value is None or value != value:  # None or NaN
        return ""
    if isinstance(value, datetime):
        return f"{value:%d %b %Y %H:%M}"
    if isinstance(value, date):
        return f"{value:%d %b %Y}"
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)
