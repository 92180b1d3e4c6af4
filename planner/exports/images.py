"""The matrix and the timeline as PNG or SVG, rendered offline (vl-convert)."""

from datetime import timedelta

import altair as alt
import pandas as pd
import vl_convert

from planner.exports.content import ExportContent
from planner.roadmap.charts import timeline_chart
from planner.roadmap.matrix_chart import matrix_chart
from planner.roadmap.quadrants import QUADRANTS

SLIDE_WIDTH = 1100  # px of the drawing area: fits a 16:9 slide


def matrix_figure(content: ExportContent) -> alt.Chart:
    points = content.matrix_points()
    names = {q: content.t(f"quadrant.{q}") for q in QUADRANTS}
    shown = points.assign(
        quadrant=points["quadrant"].map(names),
        channels=points["channels"].map(", ".join),
        persona=points["persona"].fillna("—"),
    )
    labels = {k: content.t(f"chart.{k}") for k in ("value", "effort", "n", "title")} | {
        "phase": content.t("field.phase"),
        "channels": content.t("field.channels"),
        "quadrant": content.t("chart.quadrant"),
    }
    chart = matrix_chart(shown, content.roadmap.thresholds, "quadrant", labels, names, content.lang)
    return chart.properties(
        width=SLIDE_WIDTH * 0.8, height=560, title=f"{content.title} · {content.t('matrix.title')}"
    )


def timeline_figure(content: ExportContent, lane: str = "phase") -> alt.FacetChart:
    table = content.roadmap_table()
    scheduled = table[table["period"].notna()]
    bars = scheduled.assign(
        start=pd.to_datetime(scheduled["start"]),
        end=pd.to_datetime(scheduled["end"]) + timedelta(days=1),
        channel=scheduled["channels"].str.split(", ").str[0],
    )
    names = {q: content.t(f"quadrant.{q}") for q in QUADRANTS}
    labels = {k: content.t(f"chart.{k}") for k in ("title", "period", "rank", "quadrant")}
    return timeline_chart(bars, lane, labels, names, content.lang).properties(
        title=f"{content.title} · {content.t('roadmap.title')}"
    )


def png(chart, scale: float = 2.0) -> bytes:
    """PNG bytes at `scale` times the chart's size (2: sharp on a projector). The
    charts are built by our code and checked against the schema by the tests: not
    validated again per export (0.3 s for 2,000 points)."""
    return vl_convert.vegalite_to_png(chart.to_json(validate=False), scale=scale)


def svg(chart) -> str:
    return vl_convert.vegalite_to_svg(chart.to_json(validate=False))
