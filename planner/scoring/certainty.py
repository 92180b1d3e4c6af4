"""How sure the ranking is: the stakeholders resampled.

A bootstrap: draw the stakeholders with replacement (as many as voted), recompute every
candidate's consensus from the drawn ones' composites, and see what changes — its
quadrant, its rank, whether it lands in the first period. Seeded: same votes, same
figures. A number that comes from a facilitator's decision or a pre-score is certain by
definition and does not move; only numbers from votes are resampled.
"""

import warnings
from dataclasses import dataclass
from typing import cast

import numpy as np
import pandas as pd

from planner.scoring.consensus import DIMENSIONS, ConsensusMethod

RESAMPLES = 200
SEED = 20_261_123
CHUNK = 25  # resamples computed at a time (bounds the memory of one step)
UNCERTAIN = (0.2, 0.8)  # a probability of the first period in between is "uncertain"


@dataclass(frozen=True)
class Resampled:
    """Per resample and candidate, the value and effort (rows: resamples)."""

    candidate_ids: np.ndarray
    value: np.ndarray  # resamples x candidates
    effort: np.ndarray


def resample(
    composites: pd.DataFrame,
    settled: pd.DataFrame,
    method: str = ConsensusMethod.MEDIAN,
    weights: dict[int, float] | None = None,
    resamples: int = RESAMPLES,
    seed: int = SEED,
) -> Resampled:
    """Value and effort of every candidate of `settled` in each of `resamples` draws.

    composites: candidate_id, stakeholder_id, dimension, score (see `composites`).
    settled: from `settle`, indexed by candidate id, with value, effort and the
    `{dimension}_source` of each; only numbers whose source is "votes" are resampled.
    """
    ids = settled.index.to_numpy()
    people = np.sort(composites["stakeholder_id"].unique())
    out: dict[str, np.ndarray] = {
        str(d): np.tile(settled[d].to_numpy(dtype=float), (resamples, 1)) for d in DIMENSIONS
    }
    if len(people) == 0 or len(ids) == 0:
        return Resampled(ids, out["value"], out["effort"])
    grid = composites.pivot_table(
        index="stakeholder_id", columns=["dimension", "candidate_id"], values="score"
    ).reindex(index=people)
    role_weight = np.array([(weights or {}).get(p, 1.0) for p in people])
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, len(people), size=(resamples, len(people)))
    for dimension in DIMENSIONS:
        voted = settled[f"{dimension}_source"].eq("votes").to_numpy()
        if not voted.any() or dimension not in grid.columns.get_level_values(0):
            continue
        of_dimension = cast(pd.DataFrame, grid[dimension])  # stakeholders x candidates
        scores = of_dimension.reindex(columns=ids[voted]).to_numpy(dtype=float)
        for start in range(0, resamples, CHUNK):
            chosen = draws[start : start + CHUNK]  # R x S
            drawn = scores[chosen]  # R x S x C
            if method == ConsensusMethod.WEIGHTED_MEAN:
                w = np.where(np.isnan(drawn), 0.0, role_weight[chosen][:, :, None])
                total = w.sum(axis=1)
                numbers = np.nansum(np.nan_to_num(drawn) * w, axis=1)
                with np.errstate(invalid="ignore", divide="ignore"):
                    result = np.where(total > 0, numbers / total, np.nan)
            else:
                with np.errstate(all="ignore"), warnings.catch_warnings():
                    warnings.simplefilter("ignore", RuntimeWarning)  # a slice all NaN
                    result = np.nanmedian(drawn, axis=1)
            # A draw without anyone who voted on it keeps the consensus as it is.
            fallback = settled[dimension].to_numpy(dtype=float)[voted]
            out[dimension][start : start + CHUNK, voted] = np.where(
                np.isnan(result), fallback, result
            )
    return Resampled(ids, out["value"], out["effort"])
