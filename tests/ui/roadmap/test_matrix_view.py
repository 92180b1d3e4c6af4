"""What the Matrix page draws: "Show data" lists the points, one row per candidate with
its tooltip, not the quadrant lines."""

import pyarrow as pa


def test_show_data_on_the_matrix_lists_its_points(open_page, demo):
    """The chart toolbar's "Show data" lists the chart's first dataset: the points, one
    row per candidate with its tooltip, not the quadrant lines."""
    at = open_page("matrix")
    [chart] = at.get("vega_lite_chart")
    first = chart.proto.datasets[0]
    shown = pa.ipc.open_stream(first.data.data).read_all().to_pylist()
    assert len(shown) == 42
    assert {"candidate_id", "tip"} <= set(shown[0])
    assert all(row["tip"]["title"] for row in shown)
    assert f'"name":"{first.name}"' in chart.proto.spec.replace(" ", "")  # the points draw it
