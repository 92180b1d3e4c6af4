"""A workspace's scoring setup as one value (its model, criteria, role weights), and what
the consensus needs from it: the criteria as a frame, each voter's weight, the rules."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np
import pandas as pd

from planner.journey.naming import name_key
from planner.scoring.certainty import Resampled, resample
from planner.scoring.consensus import (
    ConsensusMethod,
    ConsensusRules,
    aggregate,
    consensus_scores,
)
from planner.scoring.scales import SCALES, Scale, ScaleKey


# What this module reads of the rows a setup is made of (planner.models.ScoringModel,
# Criterion): described here, not imported, so the domain stays below the models.
class ScoringModelRow(Protocol):
    @property
    def scale(self) -> str: ...

    @property
    def consensus_method(self) -> str: ...

    @property
    def disagreement(self) -> float: ...

    @property
    def min_votes(self) -> int: ...


class CriterionRow(Protocol):
    @property
    def id(self) -> int | None: ...

    @property
    def name(self) -> str: ...

    @property
    def dimension(self) -> str: ...

    @property
    def weight(self) -> float: ...


@dataclass(frozen=True)
class ScoringSetup:
    model: ScoringModelRow
    criteria: Sequence[CriterionRow]
    role_weights_named: dict[str, float]  # role as typed -> weight
    # criterion id -> the roles that rate it (as the workspace lists them); a criterion
    # not in here is rated by everyone
    criterion_roles: dict[int, tuple[str, ...]] = field(default_factory=dict)

    @property
    def role_weights(self) -> dict[str, float]:
        """role name_key -> weight."""
        return {name_key(role): weight for role, weight in self.role_weights_named.items()}

    @property
    def scale(self) -> Scale:
        return SCALES[ScaleKey(self.model.scale)]

    def criteria_of(self, dimension: str) -> list[CriterionRow]:
        return [c for c in self.criteria if c.dimension == dimension]

    def role_weight(self, role: str) -> float:
        return self.role_weights.get(name_key(role), 1.0)

    def roles_of(self, criterion_id: int) -> tuple[str, ...]:
        """The roles that rate this criterion; () for everyone."""
        return self.criterion_roles.get(criterion_id, ())

    def entitled(self, criterion_id: int, role: str) -> bool:
        """Whether a stakeholder of `role` rates this criterion."""
        roles = self.roles_of(criterion_id)
        return not roles or name_key(role) in {name_key(r) for r in roles}

    def criteria_for(self, role: str) -> list[CriterionRow]:
        """The criteria a stakeholder of `role` rates, in order."""
        return [c for c in self.criteria if c.id is not None and self.entitled(c.id, role)]


def entitled_votes(setup: ScoringSetup, votes: pd.DataFrame) -> pd.DataFrame:
    """The votes of stakeholders entitled to their criterion (votes given before a
    criterion was limited to roles no longer count for the others)."""
    if not setup.criterion_roles or votes.empty:
        return votes
    allowed = {(c, name_key(r)) for c, roles in setup.criterion_roles.items() for r in roles}
    limited = votes["criterion_id"].isin(list(setup.criterion_roles))
    keys = [name_key(str(r)) for r in votes["role"]]
    ok = [
        not lim or (int(c), k) in allowed
        for lim, c, k in zip(limited, votes["criterion_id"], keys, strict=True)
    ]
    return votes[np.array(ok, dtype=bool)]


def seen_by(votes: pd.DataFrame, role: str | None) -> pd.DataFrame:
    """The votes of one role's stakeholders ("value as Service sees it"); None: all."""
    if role is None:
        return votes
    return votes[np.array([name_key(str(r)) == name_key(role) for r in votes["role"]], dtype=bool)]


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


def method_once_limited(setup: ScoringSetup, roles: list[str], voted: bool) -> str:
    """The consensus method once a criterion is limited to `roles`: per criterion when this
    is the workspace's first limited criterion, it still has the default method (median)
    and nobody voted yet — else the one it has. With criteria limited to roles, a median
    of composites lets the larger group outvote the criteria's weights; a switch before
    the first vote changes nobody's numbers, one after it would change them unasked."""
    method = setup.model.consensus_method
    first = bool(roles) and not setup.criterion_roles
    if first and not voted and method == ConsensusMethod.MEDIAN:
        return ConsensusMethod.PER_CRITERION
    return method


def rules_of(setup: ScoringSetup) -> ConsensusRules:
    model = setup.model
    return ConsensusRules(model.consensus_method, model.disagreement, model.min_votes)


def aggregate_votes(setup: ScoringSetup, votes: pd.DataFrame) -> pd.DataFrame:
    """`aggregate` with the workspace's criteria, role weights and rules; a criterion
    limited to roles counts only the votes of those roles."""
    votes = entitled_votes(setup, votes)
    return aggregate(
        votes, criteria_frame(setup), stakeholder_weights(setup, votes), rules_of(setup)
    )


def resample_votes(setup: ScoringSetup, votes: pd.DataFrame, settled: pd.DataFrame) -> Resampled:
    """`resample` with the workspace's criteria, role weights and consensus rules."""
    votes = entitled_votes(setup, votes)
    rules = rules_of(setup)
    return resample(
        consensus_scores(votes, criteria_frame(setup), rules.method),
        settled,
        rules,
        stakeholder_weights(setup, votes),
    )
