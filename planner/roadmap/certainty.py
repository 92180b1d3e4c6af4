"""How sure the roadmap is: each resample of the stakeholders (planner.scoring.certainty)
put through the same steps as the roadmap — quadrant lines, quadrants, ranking (all
resamples at once) and the schedule's first period. The best plan is followed through
its WSJF ranking and the greedy schedule (solving it 200 times would take minutes)."""

import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from planner.roadmap.quadrants import MIDDLE, QUADRANTS, ThresholdMode
from planner.roadmap.ranking import Strategy, quadrant_order, sort_keys
from planner.roadmap.schedule import schedule
from planner.roadmap.settings import RoadmapSettings
from planner.scoring.certainty import UNCERTAIN, Resampled


@dataclass(frozen=True)
class Certainty:
    """How sure each candidate's place is (indexed by candidate id), and the plan's."""

    quadrants: pd.DataFrame  # one column per quadrant: the probability of it
    ranks: pd.DataFrame  # rank_low, rank_median, rank_high (the 90 % interval)
    first_period: pd.Series  # the probability of being in the first period
    stability: float  # share of resamples whose first period holds the same candidates

    def uncertain_first(self) -> pd.Series:
        """Candidates whose place in the first period is a toss-up (20-80 %)."""
        low, high = UNCERTAIN
        return self.first_period.between(low, high, inclusive="neither")


def _quadrants(value: np.ndarray, effort: np.ndarray, mode: str) -> np.ndarray:
    """Quadrant names per resample and candidate ("" where a number is missing)."""
    if mode == ThresholdMode.MEDIAN:
        both = np.where(np.isnan(value) | np.isnan(effort), np.nan, 1.0)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # nothing on the matrix
            value_line = np.nanmedian(value * both, axis=1, keepdims=True)
            effort_line = np.nanmedian(effort * both, axis=1, keepdims=True)
        value_line = np.where(np.isnan(value_line), MIDDLE, value_line)
        effort_line = np.where(np.isnan(effort_line), MIDDLE, effort_line)
    else:
        value_line = effort_line = np.full((len(value), 1), MIDDLE)
    high_value, high_effort = value >= value_line, effort >= effort_line
    names = np.select(
        [high_value & ~high_effort, high_value & high_effort, ~high_value & ~high_effort],
        [q.value for q in QUADRANTS[:3]],
        default=QUADRANTS[3].value,
    )
    return np.where(np.isnan(value) | np.isnan(effort), "", names)


def quadrant_chances(drawn: Resampled, threshold_mode: str) -> pd.DataFrame:
    """The chance of each quadrant per candidate (rows: candidate ids), quickly: no
    ranking or scheduling."""
    quadrants = _quadrants(drawn.value, drawn.effort, threshold_mode)
    return pd.DataFrame(
        {q.value: (quadrants == q.value).mean(axis=0) for q in QUADRANTS},
        index=drawn.candidate_ids,
    )


def chance_of(
    chances: pd.DataFrame, ids: Sequence[int] | np.ndarray | pd.Series, quadrants: Iterable[object]
) -> np.ndarray:
    """Per (candidate, quadrant) pair, that quadrant's chance from `chances` (rows:
    candidate ids, columns: quadrants, from `quadrant_chances`); NaN where unknown.
    Vectorised: a page with thousands of points asks it on every rerun."""
    ids = np.asarray(ids)
    rows = chances.reindex(ids).to_numpy(dtype=float)
    column = {q: i for i, q in enumerate(chances.columns)}
    at = np.array([column.get(q, -1) if isinstance(q, str) else -1 for q in quadrants], int)
    if not len(ids) or not rows.shape[1]:
        return np.full(len(ids), np.nan)
    picked = rows[np.arange(len(ids)), np.maximum(at, 0)]
    return np.where(at >= 0, picked, np.nan)


def plan_certainty(
    drawn: Resampled,
    settings: RoadmapSettings,
    plan_first: set[int],
    needs: dict[int, set[int]] | None = None,
    pins: dict[int, int] | None = None,
    excluded: set[int] | None = None,
) -> Certainty:
    """Quadrant probabilities, 90 % rank intervals, the chance of the first period and
    the first period's stability, for the candidates `drawn` covers."""
    strategy = Strategy.WSJF if settings.strategy == Strategy.OPTIMAL else settings.strategy
    ids = drawn.candidate_ids
    value, effort = drawn.value, drawn.effort
    total = len(value)
    quadrants = _quadrants(value, effort, settings.threshold_mode)
    missing = np.isnan(value) | np.isnan(effort)
    keys = sort_keys(
        strategy,
        np.where(missing, 0.0, value),
        np.where(missing, 0.0, effort),
        quadrant_order(quadrants),
        np.broadcast_to(ids, value.shape),
    )
    order = np.lexsort([missing, *keys][::-1])  # missing ones last, then by the keys
    ranks = np.empty(value.shape)
    np.put_along_axis(ranks, order, np.arange(1, len(ids) + 1)[None, :].repeat(total, 0), 1)
    ranks[missing] = np.nan
    first, same = np.zeros(len(ids)), 0
    position = {c: i for i, c in enumerate(ids)}
    for r in range(total):
        ranking = [int(ids[i]) for i in order[r] if not missing[r, i]]
        efforts = {int(c): float(e) for c, e in zip(ids, effort[r], strict=True)}
        result = schedule(ranking, efforts, list(settings.capacities), needs, pins, excluded)
        in_first = {c for c, p in result.placed.items() if p.start == 0}
        for candidate in in_first:
            first[position[candidate]] += 1
        same += in_first == plan_first
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # a candidate never ranked
        low, middle, high = np.nanpercentile(ranks, [5, 50, 95], axis=0, method="nearest")
    return Certainty(
        quadrants=pd.DataFrame(
            {q.value: (quadrants == q.value).mean(axis=0) for q in QUADRANTS}, index=ids
        ),  # as quadrant_chances
        ranks=pd.DataFrame({"rank_low": low, "rank_median": middle, "rank_high": high}, index=ids),
        first_period=pd.Series(first / total, index=ids),
        stability=same / total if total else 1.0,
    )
