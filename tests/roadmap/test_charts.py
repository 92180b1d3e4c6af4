"""The charts' text reads at 4.5:1 or more wherever it is drawn, and the timeline tells
each row's quadrant in words as well as by colour. (axe-core cannot look into a chart's
canvas: these checks stand in for it.)"""

import re

import pandas as pd
import pytest
import vl_convert

from planner.roadmap.charts import (
    HEAT_TEXT_COLOUR,
    MUTED_TEXT_COLOUR,
    READABLE_TEXT,
    TEXT_COLOUR,
    burn_up_chart,
    cell_heat_map,
    readable,
    timeline_chart,
)
from planner.roadmap.matrix_chart import matrix_chart
from planner.roadmap.quadrants import Thresholds
from tests.roadmap.test_matrix_chart import LABELS, NAMES, POINTS

WHITE = (255, 255, 255)


def rgb(colour: str) -> tuple[int, ...]:
    """'#0b2239' or 'rgb(69, 146, 198)' as (r, g, b)."""
    if colour.startswith("#"):
        return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
    if colour == "white":
        return WHITE
    return tuple(int(part) for part in re.findall(r"\d+", colour)[:3])


def contrast(one: tuple[int, ...], other: tuple[int, ...]) -> float:
    """WCAG 2 contrast ratio of two sRGB colours (1 to 21)."""

    def luminance(colour: tuple[int, ...]) -> float:
        linear = [
            c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
            for c in (v / 255 for v in colour)
        ]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


BARS = pd.DataFrame(
    {
        "title": ["Room planner", "Chat", "Slot picker", "Reviews"],
        "start": pd.to_datetime(["2027-01-01", "2027-01-01", "2027-04-01", "2027-07-01"]),
        "end": pd.to_datetime(["2027-04-01", "2027-07-01", "2027-10-01", "2028-01-01"]),
        "quadrant": ["Snelle winsten", "Grote projecten", "Opvullers", "Geldputten"],
        "rank": [1, 2, 3, 4],
        "phase": ["Aankoop", "Aankoop", "Service", "Delen"],
        "period": ["Q1 2027", "Q1 2027", "Q2 2027", "Q3 2027"],
    }
)
QUADRANT_NAMES = dict(
    zip(("quick_win", "big_bet", "fill_in", "money_pit"), BARS["quadrant"], strict=True)
)
TIMELINE_LABELS = {"title": "Titel", "period": "Periode", "rank": "Rang", "quadrant": "Kwadrant"}


@pytest.mark.parametrize("colour", [TEXT_COLOUR, MUTED_TEXT_COLOUR, HEAT_TEXT_COLOUR])
def test_chart_text_colours_read_on_white(colour):
    assert contrast(rgb(colour), WHITE) >= 4.5


def test_every_chart_drawn_gets_readable_axes_legends_and_headers():
    colours = {c for part in READABLE_TEXT.values() for c in part.values()}
    assert colours == {TEXT_COLOUR}
    assert set(READABLE_TEXT) == {"axis", "header", "legend", "title"}


def test_readable_keeps_what_a_chart_sets_itself():
    config = readable({"legend": {"orient": "bottom"}, "axis": {"labelColor": "#000000"}})
    assert config["legend"] == {"orient": "bottom", **READABLE_TEXT["legend"]}
    assert config["axis"]["labelColor"] == "#000000"
    assert config["header"] == READABLE_TEXT["header"]


def test_the_heat_maps_figures_read_on_every_cell():
    table = pd.DataFrame(
        {"Aankoop": [0, 1, 2, 5], "Service": [3, 4, 8, 13]}, index=["Web", "App", "Store", "Chat"]
    )
    chart = cell_heat_map(table, {"phase": "Fase", "channel": "Kanaal", "value": "Aantal"})
    svg = vl_convert.vegalite_to_svg(chart.to_json())
    cells = re.findall(r'aria-roledescription="rect mark"[^>]* fill="([^"]+)"', svg)
    figures = set(re.findall(r'aria-roledescription="text mark"[^>]* fill="([^"]+)"', svg))
    assert len(cells) == 8 and figures == {HEAT_TEXT_COLOUR}
    assert min(contrast(rgb(HEAT_TEXT_COLOUR), rgb(cell)) for cell in cells) >= 4.5


def test_the_timeline_writes_each_rows_quadrant_beside_its_bar():
    chart = timeline_chart(BARS, "phase", TIMELINE_LABELS, QUADRANT_NAMES, "nl")
    svg = vl_convert.vegalite_to_svg(chart.to_json())
    written = re.findall(
        r'aria-roledescription="text mark"[^>]* fill="([^"]+)"[^>]*>([^<]+)</text>', svg
    )
    assert sorted(text for _, text in written) == sorted(BARS["quadrant"])
    assert {colour for colour, _ in written} == {TEXT_COLOUR}


def test_the_burn_ups_figures_are_written_in_text_colour():
    burn_up = pd.DataFrame(
        {
            "period": ["Q1", "Q2"],
            "end": pd.to_datetime(["2027-03-31", "2027-06-30"]),
            "committed": [10.0, 20.0],
            "delivered": [5.0, None],
        }
    )
    labels = {"committed": "Toegezegd", "delivered": "Geleverd", "period": "P", "value": "W"}
    figures = burn_up_chart(burn_up, labels).to_dict()["layer"][1]
    assert figures["mark"]["type"] == "text"
    assert figures["encoding"]["color"] == {"value": TEXT_COLOUR}


def test_the_matrix_names_its_quadrants_in_a_readable_colour():
    spec = matrix_chart(POINTS, Thresholds(value=5, effort=5), "quadrant", LABELS, NAMES).to_dict()

    def marks(layer: dict):
        yield layer.get("mark", {})
        for inner in layer.get("layer", []):
            yield from marks(inner)

    names = [m for m in marks(spec) if isinstance(m, dict) and m.get("type") == "text"]
    assert names and all(m["color"] == MUTED_TEXT_COLOUR and "opacity" not in m for m in names)
