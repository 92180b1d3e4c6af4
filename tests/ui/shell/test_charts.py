"""Charts drawn from a cached Vega-Lite spec: the spec with its datasets, drawn in the
user's language's locale, and "Show data" listing the layer asked for."""

import altair as alt
import pandas as pd
from streamlit.testing.v1 import AppTest

from planner.ui.shell.charts import shown_first, spec_of
from planner.ui.shell.lang import LANG_KEY


def layered() -> alt.LayerChart:
    points = pd.DataFrame({"value": [7.5, 2.25], "effort": [1.5, 8.0]})
    lines = pd.DataFrame({"value": [5.0]})
    return alt.layer(
        alt.Chart(lines).mark_rule().encode(y="value:Q"),
        alt.Chart(points).mark_point().encode(x="effort:Q", y="value:Q"),
    )


def test_the_spec_carries_its_datasets():
    spec = spec_of(layered())
    assert len(spec["datasets"]) == 2
    assert [layer["mark"]["type"] for layer in spec["layer"]] == ["rule", "point"]


def test_shown_first_puts_the_layers_dataset_first_and_changes_nothing_else():
    spec = spec_of(layered())
    points = spec["layer"][1]["data"]["name"]
    shown = shown_first(spec, 1)
    assert next(iter(shown["datasets"])) == points
    assert shown["datasets"] == spec["datasets"]  # the same datasets, in another order
    assert {k: v for k, v in shown.items() if k != "datasets"} == {
        k: v for k, v in spec.items() if k != "datasets"
    }


def draw():
    from planner.ui.shell.charts import draw_chart
    from tests.ui.shell.test_charts import layered

    draw_chart(layered())


def test_a_chart_is_drawn_in_the_users_locale():
    at = AppTest.from_function(draw)
    at.session_state[LANG_KEY] = "nl"
    at.run()
    assert not at.exception
    [chart] = at.get("vega_lite_chart")
    spec = chart.proto.spec.replace(" ", "")
    assert '"decimal":","' in spec and '"thousands":"."' in spec
