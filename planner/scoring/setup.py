"""A workspace's scoring setup as one value (its model, criteria, role weights), and what
the consensus needs from it: the criteria as a frame, each voter's weight, the rules."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from planner.journey.naming import name_key
from planner.scoring.certainty import Resampled, resample
from planner.scoring.consensus import ConsensusRules, aggregate, composites
from planner.scoring.scales import SCALES, Scale, ScaleKey

if TYPE_CHECKING:  # the rows it is made of; this module needs no database
    from planner.models import Criterion, ScoringModel


@dataclass(frozen=True)
class ScoringSetup:
    model: ScoringModel
    criteria: list[Criterion]
    role_weights_named: dict[str, float]  # role as typed -> weight

    @property
    def role_weights(self) -> dict[str, float]:
        """role name_key -> weight."""
        return {name_key(role): weight for role, weight in self.role_weights_named.items()}

    @property
    def scale(self) -> Scale:
        return SCALES[ScaleKey(self.model.scale)]

    def criteria_of(self, dimension: str) -> list[Criterion]:
        return [c for c in self.criteria if c.dimension == dimension]

    def role_weight(self, role: str) -> float:
        return self.role_weights.get(name_key(role), 1.0)


def criteria_frame(setup: ScoringSetup) -> pd.DataFrame:
    return pd.DataFrame(
        [(c.id, c.dimension, c.weight) for c in setup.criteria],
        columns=["criterion_id", "dimension", "weight"],
    )


def stakeholder_weights(setup: ScoringSetup, votes: pd.DataFrame) -> dict[int, float]:
    people = votes.drop_duplicates("stakeholder_id")
    return {
        int(who): setup.role_weight(str(role))
        for who, role in zip(people["stakeholder_id"], people["role"], strict=True)
    }


def rules_of(setup: ScoringSetup) -> ConsensusRules:
    model = setup.model
    return ConsensusRules(model.consensus_method, model.disagreement, model.min_votes)


def aggregate_votes(setup: ScoringSetup, votes: pd.DataFrame) -> pd.DataFrame:
    """`aggregate` with the workspace's criteria, role weights and rules."""
    return aggregate(
        votes, criteria_frame(setup), stakeholder_weights(setup, votes), rules_of(setup)
    )


def resample_votes(setup: ScoringSetup, votes: pd.DataFrame, settled: pd.DataFrame) -> Resampled:
    """`resample` with the workspace's criteria, role weights and consensus method."""
    return resample(
        composites(votes, criteria_frame(setup)),
        settled,
        method=rules_of(setup).method,
        weights=stakeholder_weights(setup, votes),
    )
