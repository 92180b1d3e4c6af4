"""A PDF report a manager can print as it is: title page, matrix, timeline, tables, and a
version's sign-off."""

import io
from dataclasses import replace
from pathlib import Path

from fpdf import FPDF

from planner.core.numbers import one_decimal
from planner.exports.content import ExportContent, as_text
from planner.exports.images import matrix_figure, png, timeline_figure
from planner.roadmap.quadrants import QUADRANTS
from planner.roadmap.table import headings

FONTS = Path(__file__).parent / "fonts"
TIMELINE_LIMIT = 60  # bars in the timeline image; the table lists everything
LINE = 4.0  # mm per line of table text
CELL_PADDING = 1.0
ROADMAP_COLUMNS = ["period", "rank", "title", "phase", "channels", "value", "effort", "quadrant"]
SIGNOFF_WIDTHS = (40, 30, 25, 55, 85, 30)  # stakeholder, role, decision, entered, comment, when


class Report(FPDF):
    """Landscape A4 with DejaVu Sans (Unicode: €, ë, ...) and numbered pages."""

    def __init__(self, content: ExportContent) -> None:
        super().__init__(orientation="L", unit="mm", format="A4")
        self.content = content
        self._widths: dict[tuple[str, str, str, float], float] = {}
        self.add_font("DejaVu", "", FONTS / "DejaVuSans.ttf")
        self.add_font("DejaVu", "B", FONTS / "DejaVuSans-Bold.ttf")
        self.set_font("DejaVu", size=10)
        self.set_auto_page_break(auto=True, margin=15)
        self.set_fill_color(225, 232, 240)  # table headers
        self.set_draw_color(170, 170, 170)
        self.set_title(f"{content.title} – {content.t('roadmap.title')}")

    def width_of(self, text: str) -> float:
        """The text's width in the current font, measured once per text and font."""
        key = (text, self.font_family, self.font_style, self.font_size_pt)
        if key not in self._widths:
            self._widths[key] = self.get_string_width(text)
        return self._widths[key]

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
        if "owner" in table:
            columns = [*ROADMAP_COLUMNS[:3], "owner", "status", *ROADMAP_COLUMNS[3:]]
            widths = (26, 12, 58, 30, 20, 28, 36, 16, 16, 28)
        else:
            columns, widths = ROADMAP_COLUMNS, (26, 12, 80, 30, 55, 16, 16, 30)
        _table(pdf, scheduled, columns, widths)
    out = table[table["period"].isna()]
    if not out.empty:
        pdf.add_page()
        pdf.heading(content.t("export.not_on_roadmap"))
        _table(pdf, out, ["title", "phase", "value", "effort", "note"], (85, 30, 16, 16, 118))
    _signoff(pdf, content)
    _quadrants(pdf, content)
    _comments(pdf, content)
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
        pdf.multi_cell(
            0, 7, f"{label}: {as_text(value, content.lang)}", new_x="LMARGIN", new_y="NEXT"
        )
    if content.workspace.description:
        pdf.ln(4)
        pdf.multi_cell(0, 6, content.workspace.description, new_x="LMARGIN", new_y="NEXT")


def _image(pdf: Report, data: bytes) -> None:
    """An image as large as fits below the cursor, keeping its proportions."""
    room_w, room_h = pdf.epw, pdf.eph - (pdf.get_y() - pdf.t_margin) - 5
    pdf.image(io.BytesIO(data), x=pdf.l_margin, w=room_w, h=room_h, keep_aspect_ratio=True)


def _table(
    pdf: Report, frame, columns: list[str], widths: tuple, header: list[str] | None = None
) -> None:
    """A table whose header repeats on every page and whose long text wraps; `header`
    defaults to the roadmap table's headings of `columns`.

    fpdf2's `table()` lays out every cell twice, character by character: 15 s for
    2,000 rows. Here each row is laid out once; a cell that fits goes out as one line
    (text widths measured once per text), only long text is wrapped.
    """
    header = header or list(headings(columns, pdf.content.lang).values())
    size = _header_size(pdf, header, widths)
    pdf.set_font("DejaVu", "B", size)
    header_lines = _layout(pdf, header, widths)
    pdf.set_font("DejaVu", size=8)
    _draw(pdf, header_lines, widths, bold=size)
    for values in frame[columns].itertuples(index=False):
        lines = _layout(pdf, [as_text(v, pdf.content.lang) for v in values], widths)
        if pdf.get_y() + _height(lines) > pdf.page_break_trigger:
            pdf.add_page()
            _draw(pdf, header_lines, widths, bold=size)
        _draw(pdf, lines, widths)
    pdf.set_font("DejaVu", size=10)


def _header_size(pdf: Report, header: list[str], widths: tuple) -> float:
    """The header's font size (8 pt at most) at which every word fits its column, so a
    heading wraps only at spaces: "Inspanning" whole, never "Inspan/ning"."""
    pdf.set_font("DejaVu", "B", 8)
    size = 8.0
    for text, width in zip(header, widths, strict=True):
        widest = max((pdf.width_of(word) for word in text.split()), default=0.0)
        if widest > 0:
            size = min(size, 8.0 * (width - 2 * CELL_PADDING - 2 * pdf.c_margin) / widest)
    return max(size, 5.0)


def _layout(pdf: Report, values: list[str], widths: tuple) -> list[list[str]]:
    """Each cell's lines in the current font."""
    return [_lines(pdf, value, width) for value, width in zip(values, widths, strict=True)]


def _lines(pdf: Report, text: str, width: float) -> list[str]:
    if pdf.width_of(text) <= width - 2 * CELL_PADDING:
        return [text]
    return pdf.multi_cell(width - 2 * CELL_PADDING, LINE, text, dry_run=True, output="LINES")


def _height(lines: list[list[str]]) -> float:
    return max(len(cell) for cell in lines) * LINE + 2 * CELL_PADDING


def _draw(pdf: Report, lines: list[list[str]], widths: tuple, *, bold: float = 0) -> None:
    """One row of laid-out cells at the cursor, bordered; `bold`: a header in that
    font size, filled."""
    if bold:
        pdf.set_font("DejaVu", "B", bold)
    height = _height(lines)
    x, y = pdf.l_margin, pdf.get_y()
    for cell, width in zip(lines, widths, strict=True):
        pdf.rect(x, y, width, height, style="DF" if bold else "D")
        for number, line in enumerate(cell):
            if line:  # text() at the baseline a cell() of one line would use: 3x faster
                top = y + CELL_PADDING + number * LINE
                pdf.text(
                    x + CELL_PADDING + pdf.c_margin, top + 0.5 * LINE + 0.3 * pdf.font_size, line
                )
        x += width
    pdf.set_xy(pdf.l_margin, y + height)
    if bold:
        pdf.set_font("DejaVu", size=8)


def _signoff(pdf: Report, content: ExportContent) -> None:
    """A version's sign-off: who asked, how many approved, and every answer with who
    entered it (an answer recorded in the room says by whom)."""
    table = content.signoff_table()
    if table is None:
        return
    pdf.add_page()
    pdf.heading(content.t("signoff.title"))
    for line in content.signoff_summary():
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    columns = list(table.columns)
    _table(pdf, table, columns, SIGNOFF_WIDTHS, header=columns)


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
            lang = content.lang
            line = f"• {title} ({one_decimal(value, lang)} / {one_decimal(effort, lang)})"
            if pdf.width_of(line) <= pdf.epw - 2 * pdf.c_margin:  # one line: no wrapping
                pdf.cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
            else:
                pdf.multi_cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)


def _comments(pdf: Report, content: ExportContent) -> None:
    """Appendix: every comment of the revealed rounds, per candidate, with who said it."""
    comments = content.comments
    if comments.empty:
        return
    pdf.add_page()
    pdf.heading(content.t("export.comments_title"))
    titles = content.candidates.set_index("id")["title"]
    for candidate_id, said in comments.groupby("candidate_id", sort=False):
        pdf.set_font("DejaVu", "B", 11)
        pdf.multi_cell(0, 7, str(titles.get(candidate_id, "")), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", size=9)
        for row in said.itertuples(index=False):
            line = content.t(
                "export.comment_line",
                name=row.stakeholder,
                role=row.role,
                session=row.session,
                round=row.round,
                comment=row.comment,
            )
            pdf.multi_cell(0, 5, f"• {line}", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)


def _first(content: ExportContent, count: int) -> ExportContent:
    """The content with only the first `count` scheduled candidates (for the timeline)."""
    items = content.roadmap.items
    keep = items[items["start_period"].notna()].head(count).index
    roadmap = replace(content.roadmap, items=items.loc[keep])
    return replace(content, roadmap=roadmap)
