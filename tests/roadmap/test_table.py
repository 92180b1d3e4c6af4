"""A roadmap as tables for people: one row per candidate (period, rank, quadrant and why
not planned, in the language asked; owner and status once committed; how sure each place
is), and the load per period: effort planned, capacity, how full."""

import numpy as np
import pandas as pd

from planner.roadmap.build import build_roadmap
from planner.roadmap.certainty import plan_certainty
from planner.roadmap.settings import RoadmapSettings
from planner.roadmap.table import headings, load_table, roadmap_table, with_certainty
from planner.scoring.certainty import Resampled

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


def _tight():
    """C (effort 1500) fits in no period."""
    settings = RoadmapSettings(
        start=pd.Timestamp("2027-01-01").date(), periods=2, capacities=(12.5, 20)
    )
    return build_roadmap(CANDIDATES, CONSENSUS, settings)


def test_the_table_lists_planned_candidates_by_period_and_rank_then_the_rest():
    table = roadmap_table(_tight(), "en")
    assert table["title"].tolist() == ["B", "A", "C"]
    assert table["rank"].tolist() == [1, 2, 3]
    assert table["period"].tolist()[:2] == ["Q1 2027", "Q1 2027"]
    assert pd.isna(table.loc[2, "period"])
    assert table["note"].tolist()[:2] == ["", ""]
    assert table.loc[2, "note"] == "No room in any period after what it needs"


def test_the_table_is_in_the_language_asked():
    table = roadmap_table(_tight(), "nl")
    assert table["quadrant"].tolist() == ["Snelle winst", "Grote klapper", "Grote klapper"]
    assert table.loc[2, "note"] == "Geen ruimte in een periode na wat het nodig heeft"
    assert headings(["period", "rank", "note"], "nl") == {
        "period": "Periode",
        "rank": "Rang",
        "note": "Waarom niet ingepland",
    }


def test_commitments_add_owner_and_status_before_the_note():
    committed = pd.DataFrame({"candidate_id": [2], "owner": ["Ann"], "status": ["in_progress"]})
    table = roadmap_table(_tight(), "en", commitments=committed)
    assert table.columns.tolist()[-3:] == ["owner", "status", "note"]
    assert table.loc[0, ["owner", "status"]].tolist() == ["Ann", "in progress"]
    assert table.loc[1, ["owner", "status"]].isna().all()


def test_with_certainty_adds_the_rank_interval_and_how_sure_the_quadrant_is():
    roadmap = _tight()
    # four resamples: A and B swap places half the time, C stays a big bet
    drawn = Resampled(
        np.array([1, 2, 3]),
        np.array([[9.0, 8.0, 7.0], [9.0, 8.0, 7.0], [8.0, 9.0, 7.0], [8.0, 9.0, 7.0]]),
        np.array([[6.5, 4.0, 1500.0]] * 4),
    )
    certainty = plan_certainty(drawn, roadmap.settings, plan_first={1, 2})
    table = with_certainty(roadmap_table(roadmap, "en"), roadmap, certainty, "en")
    columns = table.columns.tolist()
    assert columns[columns.index("rank") + 1] == "rank_interval"
    assert columns[columns.index("quadrant") + 1] == "quadrant_sure"
    assert table.loc[2, "rank_interval"] == "3 (3–3)"
    assert table.loc[2, "quadrant_sure"] == 100
    assert table["quadrant_sure"].between(0, 100).all()
