"""A roadmap as a table for people: period, rank, title, scores, quadrant, or why it is out."""

import pandas as pd

from planner.i18n import t
from planner.roadmap import Roadmap

COLUMNS = [
    "period",
    "start",
    "end",
    "rank",
    "title",
    "phase",
    "channels",
    "value",
    "effort",
    "quadrant",
    "note",
]


def roadmap_table(
    roadmap: Roadmap, lang: str = "en", titles: dict[int, str] | None = None
) -> pd.DataFrame:
    """One row per candidate, scheduled ones first in period and rank order.

    `titles` (candidate id -> title) names the candidates a reason refers to.
    """
    items = roadmap.items
    periods = {p.index: p for p in roadmap.periods}
    titles = titles or dict(zip(items["candidate_id"], items["title"], strict=True))

    def span(row, attribute):
        if pd.isna(row["start_period"]):
            return None
        first, last = periods[int(row["start_period"])], periods[int(row["end_period"])]
        if attribute == "period":
            return first.label if first == last else f"{first.label} – {last.label}"
        return first.start if attribute == "start" else last.end

    def note(row) -> str:
        if not pd.isna(row["start_period"]) or not row["reason"]:
            return ""
        params = dict(row["reason_params"] or {})
        if "needed" in params:
            params["needed"] = titles.get(params["needed"], params["needed"])
        if "period" in params:
            index = params["period"]
            params["period"] = periods[index].label if index in periods else index + 1
        return t(f"reason.{row['reason']}", lang, **params)

    table = pd.DataFrame(
        {
            "period": [span(row, "period") for _, row in items.iterrows()],
            "start": [span(row, "start") for _, row in items.iterrows()],
            "end": [span(row, "end") for _, row in items.iterrows()],
            "rank": items["rank"].astype("Int64"),
            "title": items["title"],
            "phase": items["phase"],
            "channels": items["channels"].map(", ".join),
            "value": items["value"].round(1),
            "effort": items["effort"].round(1),
            "quadrant": items["quadrant"].map(lambda q: t(f"quadrant.{q}", lang) if q else None),
            "note": [note(row) for _, row in items.iterrows()],
        }
    )
    return table[COLUMNS]
