"""Altair chart builders: DataFrames in, charts out; no Streamlit here."""

import json
from typing import Any, cast

import altair as alt
import pandas as pd

from planner.core import dates


def distribution_chart(composites: pd.DataFrame, labels: dict[str, str]) -> alt.FacetChart:
    """Each stakeholder's value and effort per candidate (points) with their spread (box),
    value beside effort.

    composites: title, dimension ("value"/"effort"), score, discuss (bool).
    labels: texts for "value", "effort", "score", "title", "discuss".
    """
    order = [labels["value"], labels["effort"]]
    layers = _distribution(composites, labels, label_limit=260).properties(width=280)
    return layers.facet(column=alt.Column("dimension:N", title=None, sort=order))


def distribution_panels(composites: pd.DataFrame, labels: dict[str, str]) -> list[alt.LayerChart]:
    """The same as `distribution_chart` as two charts, value then effort, each as wide as
    the column it is drawn in (a faceted chart cannot be): a 390 px phone and a desktop
    alike. Short titles; the legend below."""
    return [
        _distribution(composites[composites["dimension"] == dimension], labels, label_limit=110)
        .properties(width="container", title=labels[dimension])
        .configure_legend(orient="bottom")
        for dimension in ("value", "effort")
    ]


def _distribution(
    composites: pd.DataFrame, labels: dict[str, str], *, label_limit: int
) -> alt.LayerChart:
    data = composites.assign(
        dimension=composites["dimension"].map(labels),
        flag=composites["discuss"].map({True: "⚑", False: ""}),
    )
    y = alt.Y("title:N", title=None, sort=None, axis=alt.Axis(labelLimit=label_limit))
    x = alt.X("score:Q", title=labels["score"], scale=alt.Scale(domain=[0, 10]))
    box = (
        alt.Chart()
        .mark_boxplot(extent="min-max", opacity=0.35, size=14)
        .encode(
            x=x,
            y=y,
            color=alt.Color(
                "flag:N",
                title=labels["discuss"],
                scale=alt.Scale(domain=["", "⚑"], range=["#1f77b4", "#d62728"]),
            ),
        )
    )
    points = (
        alt.Chart()
        .mark_circle(size=60, opacity=0.8, color="#0b2239")
        .encode(
            x=x,
            y=y,
            tooltip=[
                alt.Tooltip("title:N", title=labels["title"]),
                alt.Tooltip("score:Q", title=labels["score"], format=".1f"),
            ],
        )
    )
    height = max(120, 26 * data["title"].nunique())
    return alt.LayerChart(layer=[box, points], data=data, height=height)


# Text the charts draw, at least 4.5:1 on the white page (WCAG AA): Streamlit's chart
# theme greys axis labels, titles and legends to 3.7:1, so every chart drawn in the app
# sets them (planner/ui/shell/charts.py), and marks of text name their colour.
TEXT_COLOUR = "#31333f"  # 12.5:1 on white
MUTED_TEXT_COLOUR = "#5c5f6b"  # 6.3:1 on white: names drawn over the plot
READABLE_TEXT = {
    "axis": {"labelColor": TEXT_COLOUR, "titleColor": TEXT_COLOUR},
    "header": {"labelColor": TEXT_COLOUR, "titleColor": TEXT_COLOUR},
    "legend": {"labelColor": TEXT_COLOUR, "titleColor": TEXT_COLOUR},
    "title": {"color": TEXT_COLOUR, "subtitleColor": TEXT_COLOUR},
}
TIMELINE_WIDTH = 460  # px of a swimlane's bars; each row's quadrant is written after it
# The heat map's blues stop where dark text still reads on them (see cell_heat_map).
HEAT_EXTENT = 0.6
HEAT_TEXT_COLOUR = "#0b2239"


def readable(config: dict[str, Any]) -> dict[str, Any]:
    """A chart's Vega-Lite `config` with READABLE_TEXT below what it sets itself."""
    return config | {part: seen | config.get(part, {}) for part, seen in READABLE_TEXT.items()}


# Quick wins green, big bets blue, fill-ins grey, money pits red: the same in every chart.
QUADRANT_COLOURS = {
    "quick_win": "#2ca02c",
    "big_bet": "#1f77b4",
    "fill_in": "#9e9e9e",
    "money_pit": "#d62728",
}


def quadrant_colours(names: dict[str, str]) -> alt.Scale:
    """A colour scale for quadrant names (in the user's language)."""
    return alt.Scale(
        domain=[names[q] for q in QUADRANT_COLOURS], range=list(QUADRANT_COLOURS.values())
    )


def timeline_chart(
    bars: pd.DataFrame,
    lane: str,
    labels: dict[str, str],
    quadrant_names: dict[str, str],
    lang: str = "en",
) -> alt.FacetChart:
    """One bar per scheduled candidate from its first to its last period, in swimlanes.

    bars: title, start (date), end (day after the last), quadrant (name), rank, and `lane`.
    The time axis names the months as `lang` does ("okt 2026"): its labels are made from
    Babel's month names, not from the browser's or Vega's English default.
    Each row's quadrant is also written after the bars, not told by colour alone.
    """
    months = json.dumps(dates.month_names(lang))
    month_year = f"{months}[month(datum.value)] + ' ' + year(datum.value)"
    rows = alt.Chart().encode(
        y=alt.Y("title:N", title=None, sort=alt.SortField("rank"), axis=alt.Axis(labelLimit=240))
    )
    quadrant = rows.mark_text(
        align="left", baseline="middle", dx=8, fontSize=11, color=TEXT_COLOUR
    ).encode(x=alt.value(TIMELINE_WIDTH), text="quadrant:N")
    chart = rows.mark_bar(cornerRadius=3, height=14).encode(
        x=alt.X("start:T", title=None, axis=alt.Axis(labelExpr=month_year, labelAngle=0)),
        x2="end:T",
        color=alt.Color(
            "quadrant:N", title=labels["quadrant"], scale=quadrant_colours(quadrant_names)
        ),
        tooltip=[
            alt.Tooltip("title:N", title=labels["title"]),
            alt.Tooltip("period:N", title=labels["period"]),
            alt.Tooltip("rank:Q", title=labels["rank"]),
            alt.Tooltip("quadrant:N", title=labels["quadrant"]),
        ],
    )
    chart = alt.layer(chart, quadrant, data=bars).properties(width=TIMELINE_WIDTH)
    return chart.facet(
        row=alt.Row(
            f"{lane}:N",
            title=None,
            header=alt.Header(labelAngle=0, labelAlign="left", labelFontWeight="bold"),
        )
    ).resolve_scale(y="independent")


def burn_up_chart(burn_up: pd.DataFrame, labels: dict[str, str]) -> alt.LayerChart:
    """Committed and delivered value per period as two lines (delivered stops at today).

    burn_up: period, end (date), committed, delivered; labels: committed, delivered,
    period, value (headings in the user's language).
    """
    long = burn_up.melt(
        id_vars=["period", "end"],
        value_vars=["committed", "delivered"],
        var_name="series",
        value_name="value",
    ).dropna(subset=["value"])
    long["series"] = long["series"].map(labels)
    order = burn_up["period"].tolist()
    base = alt.Chart(long).encode(
        x=alt.X("period:N", title=labels["period"], sort=order, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("value:Q", title=labels["value"]),
        color=alt.Color(
            "series:N",
            title=None,
            scale=alt.Scale(
                domain=[labels["committed"], labels["delivered"]], range=["#9aa5b1", "#2e7d32"]
            ),
            legend=alt.Legend(orient="top"),
        ),
        tooltip=[
            alt.Tooltip("period:N", title=labels["period"]),
            alt.Tooltip("series:N", title=" "),
            alt.Tooltip("value:Q", title=labels["value"], format=".1f"),
        ],
    )
    return base.mark_line(point=True, strokeWidth=3) + base.mark_text(dy=-10).encode(
        text=alt.Text("value:Q", format=".0f"), color=alt.value(TEXT_COLOUR)
    )


def cell_heat_map(table: pd.DataFrame, labels: dict[str, str]) -> alt.LayerChart:
    """A channel (rows) x phase (columns) table as a heat map with its figures; empty
    cells (0) stand out in red. labels: texts for "phase", "channel", "value".

    The blues run from 0 to HEAT_EXTENT of Vega's scheme: dark text reads at 4.5:1 or
    more on every cell (further on, neither dark nor white text does until ~0.75)."""
    cells = table.rename_axis(index="channel").reset_index()
    cells = cells.melt(id_vars="channel", var_name="phase", value_name="value")
    cells["empty"] = cells["value"] == 0
    x = alt.X("phase:N", title=None, sort=list(table.columns), axis=alt.Axis(orient="top"))
    y = alt.Y("channel:N", title=None, sort=list(table.index))
    base = alt.Chart(cells).encode(x=x, y=y)
    rect = base.mark_rect(stroke="white").encode(
        color=alt.condition(
            "datum.empty",
            alt.value("#fdecea"),
            alt.Color(
                "value:Q",
                title=labels["value"],
                scale=alt.Scale(scheme={"name": "blues", "extent": [0, HEAT_EXTENT]}, domainMin=0),
            ),
        ),
        tooltip=[
            alt.Tooltip("phase:N", title=labels["phase"]),
            alt.Tooltip("channel:N", title=labels["channel"]),
            alt.Tooltip("value:Q", title=labels["value"], format=".1f"),
        ],
    )
    text = base.mark_text(fontSize=12, color=HEAT_TEXT_COLOUR).encode(
        text=alt.Text("value:Q", format=".1f")
    )
    return cast(alt.LayerChart, alt.layer(rect, text).properties(height=36 * len(table) + 20))
