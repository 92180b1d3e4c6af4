"""A roadmap built from scores: every candidate listed with its outcome (planned, or why
not), planned ones first; what changed between two roadmaps; what a roadmap delivers."""

import math
from datetime import date

import pandas as pd
import pytest

from planner.roadmap.build import build_roadmap, compare, roadmap_figures
from planner.roadmap.settings import RoadmapSettings

CANDIDATES = pd.DataFrame(
    {
        "id": [1, 2, 3, 4],
        "title": ["A", "B", "C", "D"],
        "phase": "P",
        "channels": [["W"]] * 4,
    }
)
# D has no consensus: not scored
CONSENSUS = pd.DataFrame({"value": [9.0, 8.0, 7.0], "effort": [6.0, 4.0, 30.0]}, index=[1, 2, 3])


def settings(**fields) -> RoadmapSettings:
    values = {"start": date(2027, 1, 1), "strategy": "wsjf", "periods": 2, "capacities": (10.0,)}
    return RoadmapSettings(**(values | fields))


def test_every_candidate_is_listed_planned_ones_first():
    roadmap = build_roadmap(CANDIDATES, CONSENSUS, settings())
    items = roadmap.items.set_index("title")
    assert roadmap.items["title"].tolist() == ["B", "A", "C", "D"]
    assert items.loc["B", ["rank", "start_period"]].tolist() == [1, 0]
    assert items.loc["A", "start_period"] == 0
    assert items.loc["C", "reason"] == "capacity"  # 30 fits in no period of 10
    assert items.loc["D", "reason"] == "not_scored"
    assert math.isnan(items.loc["D", "rank"])
    assert roadmap.scheduled["title"].tolist() == ["B", "A"]
    assert roadmap.unscheduled["title"].tolist() == ["C", "D"]
    assert roadmap.load == [10.0, 0.0]
    assert [p.label for p in roadmap.periods] == ["Q1 2027", "Q2 2027"]


def test_pins_exclusions_and_needs_are_kept():
    roadmap = build_roadmap(
        CANDIDATES,
        CONSENSUS,
        settings(periods=3, capacities=(20.0, 40.0, 40.0)),
        needs={2: {3}},  # B needs C
        pins={1: 1},  # A in the second period
        excluded=set(),
    )
    items = roadmap.items.set_index("title")
    assert items.loc["A", "start_period"] == 1
    # C (30) fits only in the second period; B, ranked first, waits until C is done
    assert items.loc["C", "end_period"] == 1
    assert items.loc["B", ["rank", "start_period"]].tolist() == [1, 2]
    excluded = build_roadmap(CANDIDATES, CONSENSUS, settings(), excluded={2})
    assert excluded.items.set_index("title").loc["B", "reason"] == "excluded"


def test_the_best_plan_is_compared_with_wsjf():
    best = build_roadmap(CANDIDATES, CONSENSUS, settings(strategy="optimal", time_limit=5.0))
    assert best.proof is not None and best.compared is not None
    chosen, wsjf = best.compared
    assert sum(chosen.delivered) >= sum(wsjf.delivered)
    assert build_roadmap(CANDIDATES, CONSENSUS, settings()).proof is None


def items(*rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["candidate_id", "title", "start_period"])


@pytest.mark.parametrize(
    ("before", "after", "change"),
    [
        (math.nan, 0, "added"),
        (0, math.nan, "removed"),
        (1, 0, "earlier"),
        (0, 1, "later"),
    ],
)
def test_compare_says_what_changed(before, after, change):
    changes = compare(items((1, "A", before)), items((1, "A", after)))
    assert changes.to_dict("records") == [
        {
            "candidate_id": 1,
            "title": "A",
            "change": change,
            "before": None if math.isnan(before) else before,
            "after": None if math.isnan(after) else after,
        }
    ]


def test_compare_leaves_out_what_stayed_and_names_new_candidates():
    old = items((1, "A", 0), (2, "B", math.nan))
    new = items((1, "A", 0), (2, "B", math.nan), (3, "C", 1))
    changes = compare(old, new)
    assert changes[["candidate_id", "title", "change"]].values.tolist() == [[3, "C", "added"]]


def test_roadmap_figures_count_value_delivered_left_and_capacity_unused():
    roadmap = build_roadmap(CANDIDATES, CONSENSUS, settings(capacities=(10.0, 5.0)))
    figures = roadmap_figures(roadmap)
    assert figures.delivered == (17.0, 0.0)  # A and B end in the first period
    assert figures.unscheduled_value == 7.0  # C; D is not scored
    assert figures.unused_capacity == 5.0
