"""The reveal: each candidate's distribution of scores, n, mean, median, spread, flags."""

import pandas as pd
import streamlit as st

from planner.core.config import database_url
from planner.core.db import reading
from planner.roadmap.charts import distribution_chart, distribution_panels
from planner.scoring.consensus import composites
from planner.scoring.setup import ScoringSetup, aggregate_votes, criteria_frame
from planner.store.scoring.votes import round_comments, round_votes
from planner.ui import tables
from planner.ui.shell.charts import draw_chart
from planner.ui.shell.engine import get_engine
from planner.ui.shell.lang import t
from planner.ui.widgets import multiselect

CHART_LIMIT = 25  # more rows make the chart unreadable; the table shows them all
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


@st.cache_data(show_spinner=False, max_entries=32)
def _revealed(url: str, round_id: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    with reading(get_engine(url)) as db:
        return (
            round_votes(db=db, round_ids=[round_id]),
            round_comments(db=db, round_id=round_id),
        )


def revealed_round(round_id: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Votes and comments of a revealed round: they never change, so all viewers share them."""
    return _revealed(database_url(), round_id)


def flagged_first(results: pd.DataFrame, ids: list[int]) -> list[int]:
    """`ids` with the candidates flagged for discussion first, each part in its order."""
    flagged = set(results.index[results["discuss"].fillna(False).astype(bool)])
    return [c for c in ids if c in flagged] + [c for c in ids if c not in flagged]


def results_table(results: pd.DataFrame, titles: dict[int, str]) -> pd.DataFrame:
    """The aggregates of a round as a table to show: flagged candidates first, then in the
    order of `titles`."""
    order = flagged_first(results, list(titles))
    table = results.reindex(order)[COLUMNS].round(1)
    table.insert(0, "title", [titles[c] for c in order])
    flags = results.reindex(order)
    table["flag"] = [
        "⚑ " + t("session.discuss") if d else ("… " + t("session.insufficient") if i else "")
        for d, i in zip(
            flags["discuss"].fillna(False), flags["insufficient"].fillna(True), strict=True
        )
    ]
    return table.reset_index(drop=True)


def most_divided(results: pd.DataFrame, limit: int = CHART_LIMIT) -> list[int]:
    """Candidates to chart first: flagged ones, then by the larger of their two spreads."""
    spread = results[["value_sd", "effort_sd"]].max(axis=1).fillna(0)
    order = results.assign(spread=spread).sort_values(["discuss", "spread"], ascending=False)
    return order.index[:limit].tolist()


def show_results(
    setup: ScoringSetup,
    votes: pd.DataFrame,
    titles: dict[int, str],
    comments: pd.DataFrame | None = None,
    *,
    key: str,
    compact: bool = False,
) -> pd.DataFrame:
    """Draw the results of a revealed round; returns its aggregates. `compact` fits a
    phone (the stakeholders' view)."""
    results = aggregate_votes(setup, votes)
    if results.empty:
        st.info(t("session.no_votes"))
        return results
    charted = multiselect(
        st,
        t("session.chart_candidates", limit=CHART_LIMIT),
        list(titles),
        default=[c for c in most_divided(results) if c in titles],
        format_func=titles.get,
        max_selections=CHART_LIMIT,
        key=f"{key}_chart",
    )
    people = composites(votes[votes["candidate_id"].isin(charted)], criteria_frame(setup))
    people = people.assign(
        title=people["candidate_id"].map(titles),
        discuss=people["candidate_id"].map(results["discuss"]),
    )
    labels = {key: t(f"chart.{key}") for key in ("value", "effort", "score", "title", "discuss")}
    if compact:  # the stakeholder's view: as wide as the column, on a phone and a desktop
        for panel in distribution_panels(people, labels):
            draw_chart(panel, width="stretch")
    else:
        draw_chart(distribution_chart(people, labels), width="content")
    tables.show(
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
            tables.show(
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
