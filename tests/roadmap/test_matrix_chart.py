"""The matrix chart: how sure each point's quadrant is (opacity and tooltip), its tooltip
written once per point, the columns each layer sends, the spreads' rule."""

import pandas as pd

from planner.roadmap.matrix_chart import ALL_SPREADS, matrix_chart
from planner.roadmap.quadrants import Thresholds

POINTS = pd.DataFrame(
    {
        "candidate_id": [1, 2],
        "title": ["Sure", "Split"],
        "phase": ["Buying", "Buying"],
        "channels": ["Web", "Web"],
        "channel": ["Web", "Web"],
        "persona": ["—", "—"],
        "quadrant": ["Quick win", "Big bet"],
        "value": [8.0, 5.5],
        "effort": [2.0, 5.0],
        "n": [5, 5],
        "value_q1": [7.5, 3.0],
        "value_q3": [8.5, 8.0],
        "effort_q1": [1.5, 4.0],
        "effort_q3": [2.5, 6.0],
    }
)
LABELS = {k: k for k in ("value", "effort", "n", "title", "phase", "channels", "quadrant")}
NAMES = {q: q for q in ("quick_win", "big_bet", "fill_in", "money_pit")}


def _dots(spec: dict) -> dict:
    return next(layer for layer in spec["layer"] if layer.get("mark", {}).get("type") == "circle")


def _tips(spec: dict) -> list[dict]:
    return [row["tip"] for row in spec["datasets"][_dots(spec)["data"]["name"]]]


def test_how_sure_shows_as_opacity_and_in_the_tooltip():
    spec = matrix_chart(
        POINTS.assign(sure=[1.0, 0.555]),
        Thresholds(),
        "quadrant",
        LABELS | {"sure": "How sure"},
        NAMES,
    ).to_dict()
    assert _dots(spec)["encoding"]["opacity"]["field"] == "sure"
    assert [tip["How sure"] for tip in _tips(spec)] == ["100%", "56%"]


def test_without_it_the_points_are_drawn_as_before():
    spec = matrix_chart(POINTS, Thresholds(), "quadrant", LABELS, NAMES).to_dict()
    assert _dots(spec)["encoding"]["opacity"] == {"value": 0.85}
    assert "How sure" not in _tips(spec)[0]


def test_the_tooltip_is_each_points_own_text_in_the_language():
    """The browser shows each point's `tip` as it is (heading: the title; then a row a
    figure), written in the page's language: no formatting per point while drawing."""
    spec = matrix_chart(
        POINTS.assign(value=[8.04, 5.55]), Thresholds(), "quadrant", LABELS, NAMES, "nl"
    ).to_dict()
    assert _dots(spec)["mark"]["tooltip"] == {"expr": "datum.tip"}
    assert _dots(spec)["mark"]["aria"] is False  # a canvas shows no per-point description
    assert "tooltip" not in _dots(spec)["encoding"]
    assert _tips(spec) == [
        {
            "title": "Sure",
            "phase": "Buying",
            "channels": "Web",
            "value": "8,0",
            "effort": "2,0",
            "n": "5",
        },
        {
            "title": "Split",
            "phase": "Buying",
            "channels": "Web",
            "value": "5,6",
            "effort": "5,0",
            "n": "5",
        },
    ]


def test_the_scores_on_the_workspaces_scale_are_in_the_tooltip():
    """On 1-10 a consensus of 0.6 reads "1,5": beside the 0-10 figure, in the tooltip."""
    spec = matrix_chart(
        POINTS.assign(value_on_scale=["8,2", "5,9"], effort_on_scale=["1,5", "5,5"]),
        Thresholds(),
        "quadrant",
        LABELS | {"value_on_scale": "Waarde op 1–10", "effort_on_scale": "Inspanning op 1–10"},
        NAMES,
    ).to_dict()
    tip = _tips(spec)[0]
    assert list(tip)[3:7] == ["value", "Waarde op 1–10", "effort", "Inspanning op 1–10"]
    assert [t["Inspanning op 1–10"] for t in _tips(spec)] == ["1,5", "5,5"]


def test_each_layer_sends_the_browser_only_the_columns_it_draws():
    """Every cell of a dataset becomes an object in the browser before anything is drawn."""
    spec = matrix_chart(POINTS, Thresholds(), "persona", LABELS | {"persona": "P"}, NAMES).to_dict()
    layers = {
        layer.get("mark", {}).get("type"): layer for layer in spec["layer"] if "mark" in layer
    }
    columns = {
        kind: set(spec["datasets"][layers[kind]["data"]["name"]][0]) for kind in ("circle", "rule")
    }
    used = {
        e["field"]
        for channel, e in layers["circle"]["encoding"].items()
        if isinstance(e, dict) and "field" in e
    }
    assert columns["circle"] == used | {"candidate_id", "tip"}  # the click picks by id
    assert "channel" not in columns["circle"] and "value_q1" not in columns["circle"]
    assert "title" not in columns["circle"]  # in the tip
    assert columns["rule"] == {
        *("candidate_id", "x", "y"),  # the spread of the candidate under the pointer: by id
        *("value_q1", "value_q3", "effort_q1", "effort_q3"),
    }


def _spreads(points: pd.DataFrame) -> list[dict]:
    spec = matrix_chart(points, Thresholds(), "quadrant", LABELS, NAMES).to_dict()
    assert spec["usermeta"] == {"embedOptions": {"renderer": "canvas"}}
    return [layer for layer in spec["layer"] if layer.get("mark", {}).get("type") == "rule"]


def test_every_spread_is_drawn_while_few_candidates_are_in_view():
    few = pd.concat([POINTS] * (ALL_SPREADS // 2), ignore_index=True)
    assert len(few) == ALL_SPREADS
    spreads = _spreads(few.assign(candidate_id=range(len(few))))
    assert len(spreads) == 2 and all("transform" not in layer for layer in spreads)


def test_with_many_only_the_spread_under_the_pointer_and_of_the_pick_is_drawn():
    """Thousands of bars hide the points: above ALL_SPREADS the spread shows for the
    candidate under the pointer (hover) and the one clicked (pick), none by default."""
    many = pd.concat([POINTS] * (ALL_SPREADS // 2 + 1), ignore_index=True)
    spreads = _spreads(many.assign(candidate_id=range(len(many))))
    shown_for = {"or": [{"param": "hover", "empty": False}, {"param": "pick", "empty": False}]}
    assert [layer["transform"] for layer in spreads] == [[{"filter": shown_for}]] * 2
    spec = matrix_chart(many, Thresholds(), "quadrant", LABELS, NAMES).to_dict()
    hover = next(p for p in spec["params"] if p["name"] == "hover")
    assert hover["select"] == {
        "type": "point",
        "fields": ["candidate_id"],
        "on": "pointerover",
        "clear": "pointerout",
    }
