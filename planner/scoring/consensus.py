"""Aggregating votes into consensus: a pure function of the votes, no storage.

Every vote is on 0–10. A stakeholder's *composite* for a candidate is the weighted
mean of their answers on the criteria of one dimension (value or effort);
"don't know" answers are left out and the weights of the answered criteria count.
Per candidate and dimension, the consensus is the median of the stakeholders'
composites (each stakeholder counts once), or their mean weighted by role weight, or
*per criterion*: each criterion's median of those who rated it, then the criteria's mean
weighted by criterion weight. Where criteria are limited to roles, only the last keeps
the weights: four Service people rating "Customer value" (weight 1) 10 and two Marketing
people rating "Business value" (weight 3) 0 give a median of composites of 10 (four
composites of 10, two of 0), and (1 × 10 + 3 × 0) / 4 = 2.5 per criterion.
"""

from dataclasses import dataclass
from enum import StrEnum
from typing import cast

import numpy as np
import numpy.typing as npt
import pandas as pd


class ConsensusMethod(StrEnum):
    MEDIAN = "median"
    WEIGHTED_MEAN = "weighted_mean"  # weighted by role weight
    PER_CRITERION = "per_criterion"  # each criterion's median, weighted by criterion weight


class Dimension(StrEnum):
    VALUE = "value"
    EFFORT = "effort"


DIMENSIONS = tuple(Dimension)


class Source(StrEnum):
    """Where a dimension's consensus comes from (`settle_numbers`)."""

    OVERRIDE = "override"  # the facilitator's
    VOTES = "votes"  # enough stakeholders voted
    IMPORT = "import"  # the pre-score the candidate was imported with
    INSUFFICIENT = "insufficient"  # votes, too few of them
    NONE = "none"  # nothing to go on


STATS = ("n", "mean", "median", "weighted_mean", "sd", "min", "max", "q1", "q3")


@dataclass(frozen=True)
class ConsensusRules:
    method: str = ConsensusMethod.MEDIAN
    disagreement: float = 0.25  # share of the 0–10 range the standard deviation may reach
    min_votes: int = 3


def composites(votes: pd.DataFrame, criteria: pd.DataFrame) -> pd.DataFrame:
    """Each stakeholder's weighted score per candidate and dimension.

    votes: candidate_id, stakeholder_id, criterion_id, score (NaN = don't know).
    criteria: criterion_id, dimension, weight.
    Returns candidate_id, stakeholder_id, dimension, score.
    """
    answered = votes.dropna(subset=["score"]).merge(
        criteria[["criterion_id", "dimension", "weight"]], on="criterion_id"
    )
    answered = answered.assign(weighted=answered["score"] * answered["weight"])
    sums = answered.groupby(["candidate_id", "stakeholder_id", "dimension"], sort=False)[
        ["weighted", "weight"]
    ].sum()
    return (sums["weighted"] / sums["weight"]).rename("score").reset_index()


def per_criterion(votes: pd.DataFrame, criteria: pd.DataFrame) -> pd.DataFrame:
    """Per candidate and dimension, each criterion's median answer, then their mean weighted
    by criterion weight (criteria nobody answered left out).

    votes and criteria as for `composites`. Returns candidate_id, dimension, score.
    """
    answered = consensus_scores(votes, criteria, ConsensusMethod.PER_CRITERION)
    medians = answered.groupby(["candidate_id", "dimension", "criterion_id"], sort=False).agg(
        score=("score", "median"), weight=("weight", "first")
    )
    medians = medians.assign(weighted=medians["score"] * medians["weight"])
    sums = medians.groupby(level=["candidate_id", "dimension"], sort=False)[
        ["weighted", "weight"]
    ].sum()
    return (sums["weighted"] / sums["weight"]).rename("score").reset_index()


def consensus_scores(votes: pd.DataFrame, criteria: pd.DataFrame, method: str) -> pd.DataFrame:
    """What a candidate's consensus is taken of, per stakeholder: their composites
    (candidate_id, stakeholder_id, dimension, score); for the per-criterion method their
    answers, each with its criterion_id and the criterion's weight."""
    if method != ConsensusMethod.PER_CRITERION:
        return composites(votes, criteria)
    answered = votes.dropna(subset=["score"]).merge(
        criteria[["criterion_id", "dimension", "weight"]], on="criterion_id"
    )
    return answered[
        ["candidate_id", "stakeholder_id", "dimension", "criterion_id", "weight", "score"]
    ]


def enough_votes(n: npt.ArrayLike, min_votes: int) -> np.ndarray:
    """The minimum-votes rule: whether `n` stakeholders' votes on a dimension count."""
    return np.asarray(n) >= min_votes


def settle_numbers(
    override: npt.ArrayLike,
    from_votes: npt.ArrayLike,
    n: npt.ArrayLike,
    enough: npt.ArrayLike,
    pre: npt.ArrayLike,
) -> tuple[np.ndarray, np.ndarray]:
    """One dimension's consensus and its source, element by element (arrays broadcast, so
    a resample of many draws settles at once): the facilitator's override, else the votes
    when there are `enough` of them (`enough_votes`), else the pre-score, else nothing
    (NaN; source "insufficient" when `n` > 0, else "none")."""
    override, from_votes, pre = (np.asarray(a, dtype=float) for a in (override, from_votes, pre))
    conditions = [
        ~np.isnan(override),
        np.asarray(enough, dtype=bool) & ~np.isnan(from_votes),
        ~np.isnan(pre),
    ]
    value = np.select(conditions, [override, from_votes, pre], default=np.nan)
    nothing = np.where(np.asarray(n) > 0, Source.INSUFFICIENT, Source.NONE)
    source = np.select(conditions, [Source.OVERRIDE, Source.VOTES, Source.IMPORT], default=nothing)
    return value, source


def aggregate(
    votes: pd.DataFrame,
    criteria: pd.DataFrame,
    stakeholder_weights: dict[int, float] | None = None,
    rules: ConsensusRules = ConsensusRules(),
) -> pd.DataFrame:
    """Per candidate: consensus value and effort, counts, spread and flags.

    Columns: value, effort, value_n, value_mean, value_median, value_weighted_mean,
    value_sd (population), value_min, value_max, value_q1, value_q3 (and effort_*),
    both_ends, discuss, value_insufficient and effort_insufficient (fewer votes than
    `rules.min_votes` on that dimension), insufficient (either). Indexed by candidate_id;
    only voted candidates.
    """
    per_person = composites(votes, criteria)
    weights = per_person["stakeholder_id"].map(stakeholder_weights or {}).fillna(1.0)
    per_person = per_person.assign(weight=weights, weighted=per_person["score"] * weights)
    groups = per_person.groupby(["candidate_id", "dimension"], sort=True)
    scores = groups["score"]
    stats = pd.DataFrame(
        {
            "n": scores.count(),
            "mean": scores.mean(),
            "median": scores.median(),
            "weighted_mean": groups["weighted"].sum() / groups["weight"].sum(),
            "sd": scores.std(ddof=0),
            "min": scores.min(),
            "max": scores.max(),
            "q1": scores.quantile(0.25),
            "q3": scores.quantile(0.75),
        }
    )
    wide = cast(pd.DataFrame, stats.unstack("dimension"))  # a frame: stats has two levels
    stat_level, dimension_level = (wide.columns.get_level_values(n) for n in (0, 1))
    wide.columns = [f"{d}_{s}" for s, d in zip(stat_level, dimension_level, strict=True)]
    for dimension in DIMENSIONS:
        for stat in STATS:
            if f"{dimension}_{stat}" not in wide:
                wide[f"{dimension}_{stat}"] = 0 if stat == "n" else np.nan
    if rules.method == ConsensusMethod.PER_CRITERION:
        chosen = per_criterion(votes, criteria).pivot(
            index="candidate_id", columns="dimension", values="score"
        )
    else:
        chosen = wide[[f"{d}_{rules.method}" for d in DIMENSIONS]].set_axis(DIMENSIONS, axis=1)
    for dimension in DIMENSIONS:
        wide[dimension] = chosen.get(dimension, np.nan)
    wide = wide.fillna({f"{d}_n": 0 for d in DIMENSIONS}).astype(
        {f"{d}_n": int for d in DIMENSIONS}
    )
    wide["both_ends"] = _both_ends(votes).reindex(wide.index, fill_value=False)
    # A spread exactly at the limit is not over it, whatever the rounding of the weights.
    spread_limit = rules.disagreement * 10 + 1e-9
    wide["discuss"] = (
        (wide["value_sd"] > spread_limit) | (wide["effort_sd"] > spread_limit) | wide["both_ends"]
    )
    for dimension in DIMENSIONS:  # too few votes: per dimension, and for the candidate
        wide[f"{dimension}_insufficient"] = ~enough_votes(wide[f"{dimension}_n"], rules.min_votes)
    wide["insufficient"] = wide["value_insufficient"] | wide["effort_insufficient"]
    wide.index.name = "candidate_id"
    return wide[
        [
            *DIMENSIONS,
            *[f"{d}_{s}" for d in DIMENSIONS for s in STATS],
            "both_ends",
            "discuss",
            *[f"{d}_insufficient" for d in DIMENSIONS],
            "insufficient",
        ]
    ]


def _both_ends(votes: pd.DataFrame) -> pd.Series:
    """True for candidates where one criterion got both the lowest and the highest answer."""
    answered = votes.dropna(subset=["score"])
    extremes = answered.groupby(["candidate_id", "criterion_id"])["score"].agg(["min", "max"])
    hit = (extremes["min"] <= 0) & (extremes["max"] >= 10)
    return hit.groupby("candidate_id").any()


def settle(
    candidates: pd.DataFrame, aggregates: pd.DataFrame, overrides: pd.DataFrame
) -> pd.DataFrame:
    """The consensus of every candidate, and where each number comes from.

    Per dimension, on its own: the facilitator's newest override, else the votes (when
    that dimension has enough), else the pre-score from the import, else nothing
    (`settle_numbers`). `{dimension}_source` says which (a `Source`): "override", "votes", "import",
    "insufficient" (some votes on that dimension, too few) or "none"; `{dimension}_pre`
    keeps the pre-score (a resample of the votes falls back on it). A value with enough
    votes counts even when the effort has too few, and the other way round.

    candidates: id, pre_value, pre_effort. aggregates: from `aggregate`.
    overrides: candidate_id, value, effort (the newest per candidate).
    """
    settled = aggregates.reindex(candidates["id"])
    settled.index.name = "candidate_id"
    for dimension in DIMENSIONS:
        settled[f"{dimension}_n"] = settled[f"{dimension}_n"].fillna(0).astype(int)
    settled["discuss"] = settled["discuss"].fillna(False).astype(bool)
    for flag in ("insufficient", *[f"{d}_insufficient" for d in DIMENSIONS]):
        settled[flag] = settled[flag].fillna(False).astype(bool)
    override = overrides.set_index("candidate_id").reindex(settled.index)
    pre = candidates.set_index("id").reindex(settled.index)
    for dimension in DIMENSIONS:
        value, source = settle_numbers(
            override[dimension].to_numpy(dtype=float),
            settled[dimension].to_numpy(dtype=float),
            settled[f"{dimension}_n"].to_numpy(),
            ~settled[f"{dimension}_insufficient"].to_numpy(dtype=bool),
            pre[f"pre_{dimension}"].to_numpy(dtype=float),
        )
        settled[dimension], settled[f"{dimension}_source"] = value, source
        settled[f"{dimension}_pre"] = pre[f"pre_{dimension}"].astype(float)
    return settled
