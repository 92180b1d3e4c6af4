"""Altair chart builders: DataFrames in, charts out; no Streamlit here."""

import altair as alt
import pandas as pd


def distribution_chart(composites: pd.DataFrame, labels: dict[str, str]) -> alt.FacetChart:
    """Each stakeholder's value and effort per candidate (points) with their spread (box).

    composites: title, dimension ("value"/"effort"), score, discuss (bool).
    labels: texts for "value", "effort", "score", "title", "discuss".
    """
    data = composites.assign(
        dimension=composites["dimension"].map(labels),
        flag=composites["discuss"].map({True: "⚑", False: ""}),
    )
    y = alt.Y("title:N", title=None, sort=None, axis=alt.Axis(labelLimit=260))
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
    return (
        alt.layer(box, points, data=data)
        .properties(height=height, width=280)
        .facet(
            column=alt.Column("dimension:N", title=None, sort=[labels["value"], labels["effort"]])
        )
    )
