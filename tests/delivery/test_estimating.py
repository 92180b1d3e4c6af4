"""Estimating bias: effort scores against the actual effort of delivered items."""

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.delivery.estimating import PEOPLE, ROLES, estimating_bias

NAN = float("nan")


def scores(*rows: tuple[int, str, str | None, float]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["candidate_id", "stakeholder", "role", "score"])


def actuals(*rows: tuple[int, float]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["candidate_id", "actual_effort"])


@pytest.mark.parametrize(
    ("given", "actual", "bias", "mean_error"),
    [
        ([6.0], 6.0, 0.0, 0.0),  # spot on
        ([8.0], 3.0, 5.0, 5.0),  # overestimates
        ([1.0], 3.0, -2.0, 2.0),  # underestimates
        ([10.0, 0.0], 5.0, 0.0, 5.0),  # off both ways: no bias, but far off
    ],
)
def test_bias_is_score_minus_actual_and_the_error_its_size(given, actual, bias, mean_error):
    rows = [(i, "Ann", "IT", score) for i, score in enumerate(given)]
    result = estimating_bias(scores(*rows), actuals(*((i, actual) for i in range(len(given)))))
    [person] = result.people.to_dict("records")
    assert person == {
        "stakeholder": "Ann",
        "role": "IT",
        "items": len(given),
        "bias": bias,
        "mean_error": mean_error,
    }
    assert (result.recorded, result.scored) == (len(given), len(given))


def test_roles_pool_their_people_and_a_missing_role_is_blank():
    result = estimating_bias(
        scores((1, "Ann", "IT", 6.0), (1, "Bo", "IT", 2.0), (1, "Cas", None, 5.0)),
        actuals((1, 3.0)),
    )
    assert result.roles.to_dict("records") == [
        {"role": "", "people": 1, "items": 1, "bias": 2.0, "mean_error": 2.0},
        {"role": "IT", "people": 2, "items": 1, "bias": 1.0, "mean_error": 2.0},
    ]


def test_an_actual_effort_nobody_scored_is_counted_not_lost():
    """Recorded but unscored: no bias yet, and Progress can say why."""
    result = estimating_bias(scores((2, "Ann", "IT", 6.0)), actuals((1, 3.0)))
    assert (result.recorded, result.scored) == (1, 0)
    assert result.people.empty and list(result.people.columns) == PEOPLE
    assert result.roles.empty and list(result.roles.columns) == ROLES


def test_no_scores_at_all_still_counts_the_actual_efforts():
    empty = pd.DataFrame(columns=["candidate_id", "stakeholder", "role", "score"])
    result = estimating_bias(empty, actuals((1, 3.0), (2, 7.5)))
    assert (result.recorded, result.scored, len(result.people)) == (2, 0, 0)


def test_missing_numbers_are_left_out():
    result = estimating_bias(
        scores((1, "Ann", "IT", NAN), (2, "Ann", "IT", 4.0)), actuals((1, 3.0), (2, NAN))
    )
    assert (result.recorded, result.scored, len(result.people)) == (1, 0, 0)


@given(
    st.lists(
        st.tuples(
            st.integers(0, 4),
            st.sampled_from(["Ann", "Bo"]),
            st.floats(0, 10, allow_nan=False),
        ),
        max_size=12,
    ),
    st.dictionaries(st.integers(0, 4), st.floats(0, 10, allow_nan=False), max_size=5),
)
def test_the_error_is_never_smaller_than_the_bias(given, delivered):
    roles = {"Ann": "IT", "Bo": "Sales"}
    rows = {(c, who): (c, who, roles[who], s) for c, who, s in given}  # one score each
    result = estimating_bias(scores(*rows.values()), actuals(*delivered.items()))
    assert result.recorded == len(delivered)
    assert result.scored == len({c for c, _ in rows} & set(delivered))
    for frame in (result.people, result.roles):
        assert (frame["mean_error"] >= frame["bias"].abs() - 1e-9).all()
        assert (frame["items"] <= result.scored).all()
