"""The load per period as people read it: effort planned, capacity, how full."""

import pandas as pd

from planner.roadmap.build import build_roadmap
from planner.roadmap.settings import RoadmapSettings
from planner.roadmap.table import load_table

CANDIDATES = pd.DataFrame(
    {"id": [1, 2, 3], "title": list("ABC"), "phase": "P", "channels": [["W"]] * 3}
)
CONSENSUS = pd.DataFrame({"value": [9.0, 8.0, 7.0], "effort": [6.5, 4.0, 1500.0]}, index=[1, 2, 3])


def _roadmap():
    settings = RoadmapSettings(
        start=pd.Timestamp("2027-01-01").date(), periods=2, capacities=(12.5, 2000)
    )
    return build_roadmap(CANDIDATES, CONSENSUS, settings)


def test_each_period_in_english():
    table = load_table(_roadmap(), "en")
    assert table.to_dict("records") == [
        {"Period": "Q1 2027", "Effort planned": "10.5", "Capacity": "12.5", "Filled": "84%"},
        {"Period": "Q2 2027", "Effort planned": "1,500.0", "Capacity": "2,000", "Filled": "75%"},
    ]


def test_each_period_in_dutch():
    table = load_table(_roadmap(), "nl")
    assert list(table.columns) == ["Periode", "Geplande inspanning", "Capaciteit", "Gevuld"]
    assert table.iloc[0].tolist()[1:] == ["10,5", "12,5", "84%"]
    assert table.iloc[1].tolist()[1:] == ["1.500,0", "2.000", "75%"]
