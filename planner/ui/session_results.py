"""The reveal: each candidate's distribution of scores, n, mean, median, spread, flags."""

import pandas as pd
import streamlit as st

from planner.charts import distribution_chart
from planner.consensus import composites
from planner.store.consensus import aggregate_votes, criteria_frame
from planner.store.scoring_model import ScoringSetup
from planner.ui.lang import t

COLUMNS = [
    "value",
    "value_n",
    "value_median",
    "value_mean",
    "value_sd",
    "effort",
    "effort_n",
    "effort_median",
    "effort_mean",
    "effort_sd",
]


def results_table(results: pd.DataFrame, titles: dict[int, str]) -> pd.DataFrame:
    """The aggregates of a round as a table to show, in the order of `titles`."""
    table = results.reindex(list(titles))[COLUMNS].round(1)
    table.insert(0, "title", list(titles.values()))
    flags = results.reindex(list(titles))
    table["flag"] = [
        "⚑ " + t("session.discuss") if d else ("… " + t("session.insufficient") if i else "")
        for d, i in zip(
            flags["discuss"].fillna(False), flags["insufficient"].fillna(True), strict=True
        )
    ]
    return table.reset_index(drop=True)


def show_results(
    setup: ScoringSetup,
    votes: pd.DataFrame,
    titles: dict[int, str],
    comments: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Draw the results of a revealed round; returns its aggregates."""
    results = aggregate_votes(setup, votes)
    if results.empty:
        st.info(t("session.no_votes"))
        return results
    people = composites(votes, criteria_frame(setup))
    people = people.assign(
        title=people["candidate_id"].map(titles),
        discuss=people["candidate_id"].map(results["discuss"]),
    )
    labels = {key: t(f"chart.{key}") for key in ("value", "effort", "score", "title", "discuss")}
    st.altair_chart(distribution_chart(people, labels), width="content")
    st.dataframe(
        results_table(results, titles),
        hide_index=True,
        width="stretch",
        column_config={
            "title": t("field.title"),
            "flag": t("session.flag"),
            **{f"{d}": t(f"chart.{d}") for d in ("value", "effort")},
            **{
                f"{d}_{s}": t(f"session.stat_{s}", dimension=t(f"chart.{d}"))
                for d in ("value", "effort")
                for s in ("n", "median", "mean", "sd")
            },
        },
    )
    if comments is not None and not comments.empty:
        with st.expander(t("session.comments", count=len(comments))):
            st.dataframe(
                comments.assign(title=comments["candidate_id"].map(titles))[
                    ["title", "stakeholder", "comment"]
                ],
                hide_index=True,
                width="stretch",
                column_config={
                    "title": t("field.title"),
                    "stakeholder": t("field.name"),
                    "comment": t("field.comment"),
                },
            )
    return results
