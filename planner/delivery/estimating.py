"""Estimating bias: the effort stakeholders gave against the effort it took.

For every delivered commitment whose actual effort was recorded (0-10, the effort points
the roadmap counts), each stakeholder's effort score of its candidate (their weighted
effort criteria, 0-10, from the newest revealed round that scored it) is compared with
it. Per stakeholder and per role: how many items, the bias (mean of score - actual:
above 0 they overestimate, below 0 they underestimate) and the mean absolute error.

>>> import pandas as pd
>>> scores = pd.DataFrame({"candidate_id": [1, 1, 2], "stakeholder": ["Ann", "Bo", "Ann"],
...                        "role": ["IT", "Sales", "IT"], "score": [6.0, 2.0, 8.0]})
>>> actual = pd.DataFrame({"candidate_id": [1, 2], "actual_effort": [4.0, 7.0]})
>>> bias = estimating_bias(scores, actual)
>>> bias.people.to_dict("records")
[{'stakeholder': 'Ann', 'role': 'IT', 'items': 2, 'bias': 1.5, 'mean_error': 1.5}, \
{'stakeholder': 'Bo', 'role': 'Sales', 'items': 1, 'bias': -2.0, 'mean_error': 2.0}]
>>> (bias.recorded, bias.scored)
(2, 2)
"""

from dataclasses import dataclass

import pandas as pd

PEOPLE = ["stakeholder", "role", "items", "bias", "mean_error"]
ROLES = ["role", "people", "items", "bias", "mean_error"]


@dataclass(frozen=True)
class EstimatingBias:
    people: pd.DataFrame  # per stakeholder: PEOPLE
    roles: pd.DataFrame  # per role: ROLES
    recorded: int  # delivered items with their actual effort recorded
    scored: int  # of those, the items that at least one stakeholder scored


def estimating_bias(scores: pd.DataFrame, actuals: pd.DataFrame) -> EstimatingBias:
    """The bias per stakeholder and per role (both empty without a delivered item with its
    actual effort that someone scored), and how many items with an actual effort there
    are and how many of them were scored: an actual effort nobody scored is counted, not
    lost."""
    actuals = actuals.dropna(subset=["actual_effort"])
    both = scores.dropna(subset=["score"]).merge(actuals, on="candidate_id")
    recorded, scored = actuals["candidate_id"].nunique(), both["candidate_id"].nunique()
    if both.empty:
        return EstimatingBias(
            pd.DataFrame(columns=PEOPLE), pd.DataFrame(columns=ROLES), recorded, 0
        )
    both = both.assign(
        error=both["score"] - both["actual_effort"],
        role=both["role"].fillna("").astype(str),
    )
    both["miss"] = both["error"].abs()
    people = (
        both.groupby(["stakeholder", "role"], as_index=False)
        .agg(items=("candidate_id", "nunique"), bias=("error", "mean"), mean_error=("miss", "mean"))
        .sort_values("stakeholder")
        .reset_index(drop=True)
    )
    roles = (
        both.groupby("role", as_index=False)
        .agg(
            people=("stakeholder", "nunique"),
            items=("candidate_id", "nunique"),
            bias=("error", "mean"),
            mean_error=("miss", "mean"),
        )
        .sort_values("role")
        .reset_index(drop=True)
    )
    return EstimatingBias(people[PEOPLE], roles[ROLES], recorded, scored)
