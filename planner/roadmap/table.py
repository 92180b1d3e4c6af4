"""A roadmap as a table for people: period, rank, title, scores, quadrant, or why it is out."""

from typing import Any

import numpy as np
import pandas as pd
from babel.numbers import format_decimal

from planner.core.i18n import supported, t
from planner.core.numbers import few_decimals, one_decimal, whole_percent
from planner.roadmap.build import Roadmap
from planner.roadmap.certainty import Certainty, chance_of
from planner.roadmap.optimal import PlanFigures
from planner.roadmap.quadrants import QUADRANTS

COLUMN_LABELS = {  # column -> catalog key of its heading
    "period": "chart.period",
    "start": "roadmap.from",
    "end": "roadmap.until",
    "rank": "chart.rank",
    "title": "field.title",
    "phase": "field.phase",
    "channels": "field.channels",
    "value": "chart.value",
    "effort": "chart.effort",
    "quadrant": "chart.quadrant",
    "note": "roadmap.note",
    "rank_interval": "chart.rank_interval",
    "quadrant_sure": "chart.quadrant_sure",
    "owner": "field.owner",
    "status": "field.status",
}
COLUMNS = list(COLUMN_LABELS)[:11]  # owner and status join once commitments exist


def headings(columns: list[str], lang: str) -> dict[str, str]:
    """column -> its heading in `lang`, for renaming a roadmap table for people."""
    return {column: t(COLUMN_LABELS[column], lang) for column in columns}


def roadmap_table(
    roadmap: Roadmap,
    lang: str = "en",
    titles: dict[int, str] | None = None,
    commitments: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per candidate, scheduled ones first in period and rank order.

    `titles` (candidate id -> title) names the candidates a reason refers to. With
    `commitments` (candidate_id, owner, status) the table gains owner and status columns.
    """
    items = roadmap.items
    periods = {p.index: p for p in roadmap.periods}
    titles = titles or dict(zip(items["candidate_id"], items["title"], strict=True))

    first = items["start_period"].map({i: p for i, p in periods.items()})
    last = items["end_period"].map({i: p for i, p in periods.items()})
    scheduled = first.notna()
    period = pd.Series(None, index=items.index, dtype=object)
    period[scheduled] = [
        a.label_in(lang) if a == b else f"{a.label_in(lang)} – {b.label_in(lang)}"
        for a, b in zip(first[scheduled], last[scheduled], strict=True)
    ]

    def note(reason: Any, given: Any) -> str:
        params = dict(given or {})
        if "needed" in params:
            params["needed"] = titles.get(params["needed"], params["needed"])
        if "period" in params:
            index = params["period"]
            params["period"] = periods[index].label_in(lang) if index in periods else index + 1
        return t(f"reason.{reason}", lang, **params) if reason else ""

    notes = pd.Series("", index=items.index, dtype=object)
    out = items[~scheduled]
    if len(out):
        texts = [note(r, p) for r, p in zip(out["reason"], out["reason_params"], strict=True)]
        notes[~scheduled] = pd.Series(texts, index=out.index, dtype=object)
    quadrants = {q: t(f"quadrant.{q}", lang) for q in QUADRANTS}
    table = pd.DataFrame(
        {
            "period": period,
            "start": first.map(lambda p: p.start, na_action="ignore"),
            "end": last.map(lambda p: p.end, na_action="ignore"),
            "rank": items["rank"].astype("Int64"),
            "title": items["title"],
            "phase": items["phase"],
            # text also when there are no items (the timeline splits it)
            "channels": items["channels"].map(", ".join).astype(str),
            "value": items["value"].round(1),
            "effort": items["effort"].round(1),
            "quadrant": items["quadrant"].map(quadrants),
            "note": notes,
        }
    )
    if commitments is None or commitments.empty:
        return table[COLUMNS]
    committed = commitments.set_index("candidate_id")
    table["owner"] = items["candidate_id"].map(committed["owner"])
    table["status"] = (
        items["candidate_id"]
        .map(committed["status"])
        .map(lambda s: t(f"status.{s}", lang), na_action="ignore")
    )
    return table[[*COLUMNS[:-1], "owner", "status", "note"]]


def load_table(roadmap: Roadmap, lang: str) -> pd.DataFrame:
    """Per period: the effort planned, the capacity and how full it is, as `lang` writes
    them ("12,5", "85%"): a small static table, headed in `lang`."""
    code = supported(lang)
    rows = [
        {
            t("chart.period", lang): period.label_in(lang),
            t("roadmap.used", lang): one_decimal(used, lang),
            t("field.capacity", lang): format_decimal(capacity, "#,##0.#", locale=code),
            t("roadmap.fill", lang): whole_percent(used / capacity if capacity else 0, lang),
        }
        for period, used, capacity in zip(
            roadmap.periods, roadmap.load, roadmap.settings.capacities, strict=True
        )
    ]
    return pd.DataFrame(rows)


def best_plan_notes(roadmap: Roadmap, lang: str = "en") -> list[str]:
    """For the best plan: how good it is, and what it gains over WSJF (empty otherwise)."""
    proof, compared = roadmap.proof, roadmap.compared
    if proof is None or compared is None:
        return []
    limit = few_decimals(roadmap.settings.time_limit, lang, 3)
    if proof.optimal:
        first = t("roadmap.proven_optimal", lang, seconds=one_decimal(proof.seconds, lang))
    elif proof.gap is None:  # the time limit ended before the solver had a bound
        first = t("roadmap.no_bound", lang, limit=limit)
    else:
        first = t("roadmap.within_gap", lang, gap=one_decimal(100 * proof.gap, lang), limit=limit)
    best, wsjf = compared

    def per_period(figures: PlanFigures) -> str:
        return " / ".join(few_decimals(d, lang) for d in figures.delivered)

    second = t(
        "roadmap.gain_over_wsjf",
        lang,
        best=per_period(best),
        wsjf=per_period(wsjf),
        best_left=one_decimal(best.unscheduled_value, lang),
        wsjf_left=one_decimal(wsjf.unscheduled_value, lang),
        best_unused=one_decimal(best.unused_capacity, lang),
        wsjf_unused=one_decimal(wsjf.unused_capacity, lang),
    )
    return [first, second]


def with_certainty(
    table: pd.DataFrame, roadmap: Roadmap, certainty: Certainty, lang: str = "en"
) -> pd.DataFrame:
    """`table` (from `roadmap_table`, same rows) with how sure each place is: the rank as
    "4 (2–9)" (its 90 % interval over the resamples), the chance of the quadrant shown,
    and a note where the place in the first period is a toss-up (20–80 %)."""
    ids = roadmap.items["candidate_id"]
    ranks = certainty.ranks.reindex(ids.to_numpy())
    chances = chance_of(certainty.quadrants, ids.to_numpy(), roadmap.items["quadrant"])
    intervals = [
        f"{int(r)} ({int(low)}–{int(high)})" if pd.notna(r) and pd.notna(low) else ""
        for r, low, high in zip(
            roadmap.items["rank"], ranks["rank_low"], ranks["rank_high"], strict=True
        )
    ]
    uncertain = certainty.uncertain_first().reindex(ids.to_numpy(), fill_value=False)
    chance_first = certainty.first_period.reindex(ids.to_numpy()).fillna(0.0)
    flags = [
        t("roadmap.uncertain_first", lang, percent=round(100 * float(p))) if flag else ""
        for flag, p in zip(uncertain, chance_first.to_numpy(dtype=float), strict=True)
    ]
    notes = [
        " · ".join(part for part in (flag, note) if part)
        for flag, note in zip(flags, table["note"], strict=True)
    ]
    at = list(table.columns).index("rank") + 1
    sure = pd.Series(np.round(100 * chances), index=table.index).astype("Int64")
    result = table.assign(note=notes)
    result.insert(at, "rank_interval", intervals)
    result.insert(list(result.columns).index("quadrant") + 1, "quadrant_sure", sure)
    return result
