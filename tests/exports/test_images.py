"""The matrix and timeline as images, checked by opening them: PNG slide-sized, SVG well
formed, the matrix's spreads drawn as on screen."""

import io
import xml.etree.ElementTree as ElementTree

import pandas as pd
from PIL import Image

from planner.exports.images import matrix_figure, png, svg, timeline_figure
from planner.roadmap.matrix_chart import ALL_SPREADS, matrix_chart
from planner.roadmap.quadrants import Thresholds


def test_png_is_slide_sized(content):
    for figure in (matrix_figure, timeline_figure):
        image = Image.open(io.BytesIO(png(figure(content))))
        assert image.format == "PNG" and image.width >= 1200


def test_svg_is_well_formed(content):
    for figure in (matrix_figure, timeline_figure):
        root = ElementTree.fromstring(svg(figure(content)))
        assert root.tag.endswith("svg")


def _matrix_lines(count: int, votes: int) -> int:
    """Lines in the matrix's SVG for `count` points with `votes` votes each."""
    points = pd.DataFrame(
        {
            "candidate_id": range(count),
            "title": [f"Idea {n}" for n in range(count)],
            **{k: "Web" for k in ("phase", "channels", "channel", "persona")},
            "quadrant": "Quick win",
            "value": 8.0,
            "effort": 2.0,
            "n": votes,
            **{"value_q1": 7.0, "value_q3": 9.0, "effort_q1": 1.0, "effort_q3": 3.0},
        }
    )
    labels = {k: k for k in ("value", "effort", "n", "title", "phase", "channels", "quadrant")}
    names = {q: q for q in ("quick_win", "big_bet", "fill_in", "money_pit")}
    chart = matrix_chart(points, Thresholds(), "quadrant", labels, names)
    return svg(chart).count("<line")


def test_the_matrix_image_draws_every_spread_up_to_all_spreads_and_none_above():
    """As on screen, where the one under the pointer or picked shows: nobody points at
    a slide."""
    assert _matrix_lines(ALL_SPREADS, 3) == _matrix_lines(ALL_SPREADS, 0) + 2 * ALL_SPREADS
    assert _matrix_lines(ALL_SPREADS + 1, 3) == _matrix_lines(ALL_SPREADS + 1, 0)
