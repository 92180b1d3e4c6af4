"""A workspace's scoring setup: which consensus method a first role limit brings."""

import pytest

from planner.models import ScoringModel
from planner.scoring.setup import ScoringSetup, method_once_limited


def setup_of(method: str, limited: bool) -> ScoringSetup:
    return ScoringSetup(
        model=ScoringModel(workspace_id=1, consensus_method=method),
        criteria=[],
        role_weights_named={"IT": 1.0, "Sales": 1.0},
        criterion_roles={7: ("IT",)} if limited else {},
    )


@pytest.mark.parametrize(
    ("method", "limited", "roles", "voted", "expected"),
    [
        ("median", False, ["IT"], False, "per_criterion"),  # the first limit, no votes yet
        ("median", False, ["IT"], True, "median"),  # votes: nobody's numbers change unasked
        ("median", False, [], False, "median"),  # no limit set
        ("median", True, ["Sales"], False, "median"),  # not the first: the choice stands
        ("weighted_mean", False, ["IT"], False, "weighted_mean"),  # chosen, not the default
        ("per_criterion", False, ["IT"], True, "per_criterion"),
    ],
)
def test_method_once_limited(method, limited, roles, voted, expected):
    assert method_once_limited(setup_of(method, limited), roles, voted) == expected
