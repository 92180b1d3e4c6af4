"""The matrix's data: the scored candidates as points with their quadrant and votes, and
the consensus value summed per phase x channel."""

import math

import pandas as pd
import pytest

from planner.roadmap.matrix import matrix_points, value_by_cell
from planner.roadmap.quadrants import Quadrant, Thresholds


@pytest.fixture(name="candidates")
def candidates_fixture() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": [1, 2, 3, 4],
            "title": ["Welcome mail", "Chat bot", "Status page", "Not scored"],
            "phase": ["Buying", "Service", "Service", "Buying"],
            "channels": [["E-mail", "Website"], ["Chat"], [], ["Website"]],
        }
    )


@pytest.fixture(name="consensus")
def consensus_fixture() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "value": [8.0, 3.0, 6.5],
            "effort": [2.0, 7.0, math.nan],  # 3 has a value only: not on the matrix
            "value_n": [5, 4, 3],
            "effort_n": [4, 4, math.nan],
        },
        index=pd.Index([1, 2, 3], name="candidate_id"),
    )


def test_only_candidates_with_value_and_effort_are_points(candidates, consensus):
    points = matrix_points(candidates, consensus, Thresholds())
    assert points["candidate_id"].tolist() == [1, 2]
    assert points["quadrant"].tolist() == [Quadrant.QUICK_WIN, Quadrant.MONEY_PIT]


def test_a_point_has_its_first_channel_and_the_fewer_of_its_votes(candidates, consensus):
    points = matrix_points(candidates, consensus, Thresholds())
    assert points["channel"].tolist() == ["E-mail", "Chat"]
    assert points["n"].tolist() == [4, 4]
    assert points["title"].tolist() == ["Welcome mail", "Chat bot"]


def test_the_quadrants_follow_the_thresholds_given(candidates, consensus):
    points = matrix_points(candidates, consensus, Thresholds(value=9.0, effort=1.0))
    assert points["quadrant"].tolist() == [Quadrant.MONEY_PIT, Quadrant.MONEY_PIT]


def test_value_by_cell_counts_a_candidate_in_each_of_its_channels(candidates, consensus):
    points = matrix_points(candidates, consensus, Thresholds())
    table = value_by_cell(points, ["Buying", "Service"], ["Website", "E-mail", "Chat", "Store"])
    assert table.index.tolist() == ["Website", "E-mail", "Chat", "Store"]
    assert table.columns.tolist() == ["Buying", "Service"]
    assert table.loc["Website", "Buying"] == 8.0
    assert table.loc["E-mail", "Buying"] == 8.0
    assert table.loc["Chat", "Service"] == 3.0
    assert table.loc["Store"].tolist() == [0.0, 0.0]  # an empty cell is 0, not missing


def test_value_by_cell_sums_and_rounds():
    points = pd.DataFrame(
        {
            "phase": ["Buying", "Buying", "Buying"],
            "channels": [["Chat"], ["Chat"], []],
            "value": [2.25, 3.01, 9.0],  # the last has no channel: in no cell
        }
    )
    table = value_by_cell(points, ["Buying"], ["Chat"])
    assert table.loc["Chat", "Buying"] == 5.3
    assert table.index.name is None and table.columns.name is None
