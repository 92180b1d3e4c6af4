"""Every download format: name -> a function of the content (and chart) giving bytes."""

from collections.abc import Callable

from planner.exports.content import ExportContent
from planner.exports.images import matrix_figure, png, svg, timeline_figure
from planner.exports.pdf import roadmap_pdf
from planner.exports.tables import roadmap_csv, roadmap_markdown
from planner.exports.xlsx import roadmap_workbook

FIGURES = {"matrix": matrix_figure, "timeline": timeline_figure}
MIME = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
    "png": "image/png",
    "svg": "image/svg+xml",
    "csv": "text/csv",
    "md": "text/markdown",
    "json": "application/json",
}

EXPORT_FORMATS: dict[str, Callable[[ExportContent, str], bytes]] = {
    "xlsx": lambda content, chart: roadmap_workbook(content),
    "pdf": lambda content, chart: roadmap_pdf(content),
    "png": lambda content, chart: png(FIGURES[chart](content)),
    "svg": lambda content, chart: svg(FIGURES[chart](content)).encode("utf-8"),
    "csv": lambda content, chart: roadmap_csv(content),
    "md": lambda content, chart: roadmap_markdown(content).encode("utf-8"),
    "json": None,  # a whole-workspace backup: see planner.backup.export
}
