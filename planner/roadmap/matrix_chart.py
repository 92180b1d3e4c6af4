"""The value vs effort matrix as an Altair chart: each candidate at its consensus effort
(across) and value (up), the quadrant lines and names, the spread of the votes, and a
tooltip written once per point. DataFrames in, a chart out; no Streamlit here."""

from typing import cast

import altair as alt
import pandas as pd

from planner.core.numbers import one_decimal, whole_percent
from planner.roadmap.charts import MUTED_TEXT_COLOUR, quadrant_colours
from planner.roadmap.quadrants import Thresholds


def jitter(ids: pd.Series, spread: float = 0.12) -> pd.Series:
    """A small, stable offset per candidate, so that equal scores do not hide each other."""
    return ((ids * 2654435761) % 1000 / 1000 - 0.5) * 2 * spread


MATRIX_COLUMNS = [
    "candidate_id",
    "title",
    "phase",
    "channels",
    "channel",
    "persona",
    "quadrant",
    "value",
    "effort",
    "n",
    "value_q1",
    "value_q3",
    "effort_q1",
    "effort_q3",
]


DOT_COLUMNS = ["candidate_id", "x", "y", "n", "tip"]
OPTIONAL_COLUMNS = ["value_on_scale", "effort_on_scale", "sure"]
# The tooltip's rows after its heading (the title), each shown when `points` has it.
TIP_ROWS = [
    "phase",
    "channels",
    "value",
    "value_on_scale",
    "effort",
    "effort_on_scale",
    "n",
    "sure",
]
SPREAD_COLUMNS = ["candidate_id", "x", "y", "value_q1", "value_q3", "effort_q1", "effort_q3"]
TICKS = list(range(11))  # the matrix's axes: 0-10, whole numbers in every language
# Up to this many points every spread bar is drawn; with more, only the spread of the
# candidate under the pointer and of the one picked (thousands of bars hide the points,
# and drawing 4,000 of them took a page change in Chromium ~90 ms).
ALL_SPREADS = 200
# Drawn on a canvas: Streamlit picks a canvas only above 2,000 marks it can count, and
# the spreads' filter hides them from its count (SVG took ~130 ms more at 2,000 points).
ON_CANVAS = {"embedOptions": {"renderer": "canvas"}}


def matrix_columns(points: pd.DataFrame) -> list[str]:
    """The columns of `points` the matrix chart uses (and sends to the browser)."""
    return MATRIX_COLUMNS + [column for column in OPTIONAL_COLUMNS if column in points]


def matrix_tips(points: pd.DataFrame, labels: dict[str, str], lang: str) -> pd.Series:
    """Each point's tooltip as the browser shows it: {"title": its title (the heading),
    labels[row]: the figure as `lang` writes it ("7,5", "84%")...} for the TIP_ROWS in
    `points`. Written once with the chart: formatting nine fields of every point in the
    browser each time it draws took ~80 ms of a page change at 2,000 points."""
    rows = [row for row in TIP_ROWS if row in points]
    written = {
        "value": lambda v: one_decimal(v, lang),
        "effort": lambda v: one_decimal(v, lang),
        "n": lambda v: str(int(v)),
        "sure": lambda v: whole_percent(v, lang),
    }

    def texts(row: str) -> list[str]:
        """The column's texts, as Python strings (iterating pandas' Arrow strings is slow)."""
        if row not in written:
            return points[row].tolist()
        # Rounded first: ~100 different figures, each written by Babel once (cached).
        rounded = points[row].round(2 if row == "sure" else 1)
        return rounded.map(written[row], na_action="ignore").fillna("").tolist()

    heads = ["title", *(labels[row] for row in rows)]
    columns = [points["title"].tolist(), *(texts(row) for row in rows)]
    tips = [dict(zip(heads, values, strict=True)) for values in zip(*columns, strict=True)]
    return pd.Series(tips, index=points.index, dtype=object)


def matrix_chart(
    points: pd.DataFrame,
    thresholds: Thresholds,
    colour: str,
    labels: dict[str, str],
    quadrant_names: dict[str, str],
    lang: str = "en",
) -> alt.LayerChart:
    """Consensus effort (x) against value (y), quadrant lines and names, spread as bars.

    points: candidate_id, title, phase, channels, channel, persona, quadrant (its name),
    value, effort, n, value_q1, value_q3, effort_q1, effort_q3, and optionally sure (the
    chance of that quadrant, 0-1: shown as opacity and in the tooltip, labelled
    labels["sure"]) and value_on_scale, effort_on_scale (the scores in the scale's own
    terms, as text: in the tooltip, labelled alike).
    colour: the column to colour by. The tooltip's figures are written as `lang` does.
    Spread bars: for every candidate up to ALL_SPREADS points, above that for the one
    under the pointer ("hover") and the one clicked ("pick").
    """
    sure = "sure" in points
    data = points.assign(
        x=points["effort"] + jitter(points["candidate_id"]),
        y=points["value"] + jitter(points["candidate_id"] + 7),
        tip=matrix_tips(points, labels, lang),
    )
    # Each layer's dataset holds only the columns it draws: the browser turns every
    # cell into an object before drawing (19 columns of 2,000 rows were 480 kB).
    shown = [*DOT_COLUMNS, colour, *(["sure"] if sure else [])]
    x_scale, y_scale = alt.Scale(domain=[-0.5, 10.5]), alt.Scale(domain=[-0.5, 10.5])
    # empty=False: as a filter, a selection with nothing in it lets nothing through.
    pick = alt.selection_point(name="pick", fields=["candidate_id"], on="click", empty=False)
    hover = alt.selection_point(
        name="hover", fields=["candidate_id"], on="pointerover", clear="pointerout", empty=False
    )
    voted = alt.Chart(data.loc[data["n"] > 0, SPREAD_COLUMNS])
    if len(data) > ALL_SPREADS:  # only votes have a spread; with many, one or two
        voted = voted.transform_filter(hover | pick)
    spread_y = voted.mark_rule(opacity=0.35, aria=False).encode(
        x=alt.X("x:Q", scale=x_scale), y="value_q1:Q", y2="value_q3:Q"
    )
    spread_x = voted.mark_rule(opacity=0.35, aria=False).encode(
        y=alt.Y("y:Q", scale=y_scale), x="effort_q1:Q", x2="effort_q3:Q"
    )
    dots = (
        alt.Chart(data[shown])
        # The tooltip is each point's own `tip`: shown as it is, nothing to format. No
        # ARIA description per point: a canvas never shows one, and Vega wrote it for
        # every point on every draw (four number formats each, ~20 ms at 2,000 points).
        .mark_circle(stroke="white", strokeWidth=0.5, tooltip=alt.ExprRef("datum.tip"), aria=False)
        .encode(
            x=alt.X(
                "x:Q",
                title=labels["effort"],
                scale=x_scale,
                axis=alt.Axis(values=TICKS, format="d"),
            ),
            y=alt.Y(
                "y:Q", title=labels["value"], scale=y_scale, axis=alt.Axis(values=TICKS, format="d")
            ),
            color=alt.Color(
                f"{colour}:N",
                title=labels[colour],
                scale=quadrant_colours(quadrant_names) if colour == "quadrant" else alt.Undefined,
            ),
            size=alt.Size(
                "n:Q", title=labels["n"], scale=alt.Scale(range=[60, 400], zero=True), legend=None
            ),
            opacity=(
                alt.Opacity("sure:Q", scale=alt.Scale(domain=[0, 1], range=[0.2, 0.9]), legend=None)
                if sure
                else alt.value(0.85)
            ),
        )
        .add_params(pick, hover)
    )
    lines = pd.DataFrame({"value": [thresholds.value], "effort": [thresholds.effort]})
    rules = alt.layer(
        alt.Chart(lines).mark_rule(strokeDash=[4, 4], color="#888").encode(y="value:Q"),
        alt.Chart(lines).mark_rule(strokeDash=[4, 4], color="#888").encode(x="effort:Q"),
    )
    corners = pd.DataFrame(
        {
            "name": [quadrant_names[q] for q in ("quick_win", "big_bet", "fill_in", "money_pit")],
            "x": [-0.3, 10.3, -0.3, 10.3],
            "y": [10.3, 10.3, -0.3, -0.3],
            "align": ["left", "right", "left", "right"],
        }
    )
    names = alt.layer(
        *[
            alt.Chart(corners[corners["align"] == side])
            .mark_text(align=side, fontWeight="bold", fontSize=13, color=MUTED_TEXT_COLOUR)
            .encode(x="x:Q", y="y:Q", text="name:N")
            for side in ("left", "right")
        ]
    )
    chart = alt.layer(rules, names, spread_y, spread_x, dots).properties(
        height=520, usermeta=ON_CANVAS
    )
    return cast(alt.LayerChart, chart)  # layers without a facet
