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
>>> people, roles = estimating_bias(scores, actual)
>>> people.to_dict("records")
[{'stakeholder': 'Ann', 'role': 'IT', 'items': 2, 'bias': 1.5, 'mean_error': 1.5}, \
{'stakeholder': 'Bo', 'role': 'Sales', 'items': 1, 'bias': -2.0, 'mean_error': 2.0}]
"""

import pandas as pd

PEOPLE = ["stakeholder", "role", "items", "bias", "mean_error"]
ROLES = ["role", "people", "items", "bias", "mean_error"]


def estimating_bias(
    scores: pd.DataFrame, actuals: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(per stakeholder, per role); both empty without a delivered item with its actual
    effort that someone scored."""
    both = scores.dropna(subset=["score"]).merge(
        actuals.dropna(subset=["actual_effort"]), on="candidate_id"
    )
    if both.empty:
        return pd.DataFrame(columns=PEOPLE), pd.DataFrame(columns=ROLES)
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
    return people[PEOPLE], roles[ROLES]
