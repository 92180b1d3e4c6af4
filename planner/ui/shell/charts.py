"""Charts drawn from a Vega-Lite spec made once per change of their data.

Building an Altair chart validates every encoding against Vega-Lite's JSON schema, and
`st.altair_chart` validates the whole chart again when it turns it into a spec: for the
matrix at 2,000 candidates that was two thirds of a rerun. A page instead caches the
spec (`st.cache_data`, keyed by the chart's data and options) and draws it with
`st.vega_lite_chart`, which takes the cached Arrow datasets as they are.

The spec is made by Streamlit's own converter (the one `st.altair_chart` uses: datasets
as Arrow, no 5,000-row limit); Streamlit is pinned in requirements.txt, and should the
converter move, `spec_of` falls back to Altair's own `to_dict`.
"""

from typing import Any

import altair as alt
import streamlit as st

from planner.core.chart_locale import localised
from planner.roadmap.charts import readable
from planner.ui.shell.lang import current_lang

try:  # the converter st.altair_chart uses (private: pinned Streamlit, with a fallback)
    from streamlit.elements.vega_charts import _convert_altair_to_vega_lite_spec
except ImportError:  # pragma: no cover - another Streamlit
    _convert_altair_to_vega_lite_spec = None


def spec_of(chart: alt.TopLevelMixin) -> dict[str, Any]:
    """The chart as a Vega-Lite spec with its datasets (Arrow bytes), to cache."""
    if _convert_altair_to_vega_lite_spec is not None:
        return _convert_altair_to_vega_lite_spec(chart)
    with alt.data_transformers.disable_max_rows():  # pragma: no cover
        return chart.to_dict()


def draw_spec(spec: dict[str, Any], **options) -> Any:
    """Draw a cached spec in the user's language's locale (numbers "7,5" in Dutch; a
    copy: `st.vega_lite_chart` takes its datasets out of it)."""
    # Its text dark enough to read: Streamlit's chart theme greys it to 3.7:1.
    readable_spec = {**spec, "config": readable(spec.get("config", {}))}
    return st.vega_lite_chart(spec=localised(readable_spec, current_lang()), **options)


def draw_chart(chart: alt.TopLevelMixin, **options) -> Any:
    """Draw an Altair chart in the user's language's locale (one drawn once: a chart
    redrawn on every rerun caches its spec and calls `draw_spec`)."""
    return draw_spec(spec_of(chart), **options)


def shown_first(spec: dict[str, Any], layer: int) -> dict[str, Any]:
    """The spec with the dataset its `layer`-th layer draws as its first: the chart
    toolbar's "Show data" lists a chart's first dataset (the matrix's was its one-row
    quadrant lines, not its points). The drawing does not change."""
    name = spec["layer"][layer]["data"]["name"]
    return spec | {"datasets": {name: spec["datasets"][name], **spec["datasets"]}}
