"""A roadmap: the ranked candidates placed into periods (pure; see planner.roadmap.schedule)."""

from dataclasses import dataclass, field
from enum import StrEnum

import pandas as pd

from planner.roadmap.optimal import PlanFigures, Proof, figures, optimise
from planner.roadmap.periods import Period, make_periods
from planner.roadmap.quadrants import Thresholds, quadrant_of, thresholds_for
from planner.roadmap.ranking import Strategy, rank
from planner.roadmap.schedule import schedule
from planner.roadmap.settings import RoadmapSettings

ITEM_COLUMNS = [
    "candidate_id",
    "rank",
    "title",
    "phase",
    "channels",
    "value",
    "effort",
    "quadrant",
    "start_period",
    "end_period",
    "load",
    "reason",
    "reason_params",
]


@dataclass
class Roadmap:
    settings: RoadmapSettings
    periods: list[Period]
    thresholds: Thresholds
    items: pd.DataFrame  # ITEM_COLUMNS; start_period NaN when unscheduled
    load: list[float] = field(default_factory=list)
    # The best plan only: how good it is, and its figures beside WSJF's.
    proof: Proof | None = None
    compared: tuple[PlanFigures, PlanFigures] | None = None  # (best plan, wsjf)

    @property
    def scheduled(self) -> pd.DataFrame:
        return self.items[self.items["start_period"].notna()]

    @property
    def unscheduled(self) -> pd.DataFrame:
        return self.items[self.items["start_period"].isna()]


def build_roadmap(
    candidates: pd.DataFrame,
    consensus: pd.DataFrame,
    settings: RoadmapSettings,
    needs: dict[int, set[int]] | None = None,
    pins: dict[int, int] | None = None,
    excluded: set[int] | None = None,
) -> Roadmap:
    """Rank the scored candidates, place them, and list every candidate with its outcome.

    candidates: id, title, phase, channels. consensus: value, effort by candidate_id.
    """
    frame = candidates[["id", "title", "phase", "channels"]].assign(
        value=candidates["id"].map(consensus["value"]),
        effort=candidates["id"].map(consensus["effort"]),
    )
    thresholds = thresholds_for(frame, settings.threshold_mode)
    frame["quadrant"] = quadrant_of(frame["value"], frame["effort"], thresholds)
    ranking = rank(frame, settings.strategy)
    efforts = dict(zip(frame["id"], frame["effort"], strict=True))
    capacities = list(settings.capacities)
    result = schedule(ranking, efforts, capacities, needs, pins, excluded)
    proof = compared = None
    if settings.strategy == Strategy.OPTIMAL:  # ranked as WSJF: `result` is WSJF's plan
        values = dict(zip(frame["id"], frame["value"], strict=True))
        wsjf = result
        result, proof = optimise(
            ranking, values, efforts, capacities, needs, pins, excluded, settings.time_limit
        )
        compared = (
            figures(result, values, capacities, ranking),
            figures(wsjf, values, capacities, ranking),
        )
    position = {c: i + 1 for i, c in enumerate(ranking)}
    frame["rank"] = frame["id"].map(position)
    frame["start_period"] = frame["id"].map({c: p.start for c, p in result.placed.items()})
    frame["end_period"] = frame["id"].map({c: p.end for c, p in result.placed.items()})
    frame["load"] = frame["id"].map({c: p.load for c, p in result.placed.items()})
    reasons = {c: r for c, r in result.unscheduled.items()}
    frame["reason"] = [
        reasons.get(c, ("not_scored", {}))[0] if c not in result.placed else None
        for c in frame["id"]
    ]
    frame["reason_params"] = pd.Series(
        [reasons.get(c, ("", {}))[1] for c in frame["id"]], index=frame.index, dtype=object
    )
    items = frame.rename(columns={"id": "candidate_id"}).sort_values(
        ["start_period", "rank", "candidate_id"], na_position="last", kind="stable"
    )
    return Roadmap(
        settings=settings,
        periods=make_periods(settings.start, settings.period_kind, settings.periods),
        thresholds=thresholds,
        items=items[ITEM_COLUMNS].reset_index(drop=True),
        load=result.load(len(capacities)),
        proof=proof,
        compared=compared,
    )


class Change(StrEnum):
    """How an item moved from one roadmap to another (`compare`)."""

    ADDED = "added"
    REMOVED = "removed"
    EARLIER = "earlier"
    LATER = "later"


def compare(old: pd.DataFrame, new: pd.DataFrame) -> pd.DataFrame:
    """What changed between two roadmaps' items (a `Change` each; unmoved ones left out).

    Both frames: candidate_id, title, start_period (NaN = not scheduled).
    """
    before = old.set_index("candidate_id")["start_period"].dropna()
    after = new.set_index("candidate_id")["start_period"].dropna()
    titles = pd.concat(
        [old.set_index("candidate_id")["title"], new.set_index("candidate_id")["title"]]
    )
    titles = titles[~titles.index.duplicated(keep="last")]
    rows = []
    for candidate in sorted(set(before.index) | set(after.index)):
        was, now = before.get(candidate), after.get(candidate)
        if was is None:
            change = Change.ADDED
        elif now is None:
            change = Change.REMOVED
        elif now < was:
            change = Change.EARLIER
        elif now > was:
            change = Change.LATER
        else:
            continue
        rows.append((candidate, titles.get(candidate, ""), change, was, now))
    return pd.DataFrame(rows, columns=["candidate_id", "title", "change", "before", "after"])


def roadmap_figures(roadmap: Roadmap) -> PlanFigures:
    """What a roadmap delivers: value of the candidates ending in each period, the value
    of the scored candidates it leaves out, and the capacity left unused."""
    items = roadmap.items
    scheduled = items[items["end_period"].notna()]
    delivered = [
        float(scheduled.loc[scheduled["end_period"] == p, "value"].sum())
        for p in range(len(roadmap.settings.capacities))
    ]
    left = float(items.loc[items["end_period"].isna(), "value"].fillna(0).sum())
    unused = sum(roadmap.settings.capacities) - sum(roadmap.load)
    return PlanFigures(tuple(delivered), left, max(float(unused), 0.0))
