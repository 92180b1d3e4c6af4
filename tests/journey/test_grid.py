"""The journey grid's counts."""

import pandas as pd

from planner.journey.grid import cell_counts, empty_cells, in_cell

CANDIDATES = pd.DataFrame(
    {
        "title": ["a", "b", "c"],
        "phase": ["Buying", "Buying", "Service"],
        "channels": [["Website", "App"], ["Website"], ["Store"]],
    }
)


def test_counts_per_cell_with_zeros():
    counts = cell_counts(CANDIDATES, ["Buying", "Service", "Sharing"], ["Website", "App", "Store"])
    assert counts.to_dict() == {
        "Buying": {"Website": 2, "App": 1, "Store": 0},
        "Service": {"Website": 0, "App": 0, "Store": 1},
        "Sharing": {"Website": 0, "App": 0, "Store": 0},
    }


def test_counts_of_no_candidates():
    counts = cell_counts(CANDIDATES.iloc[:0], ["Buying"], ["Website"])
    assert counts.to_dict() == {"Buying": {"Website": 0}}


def test_in_cell_and_empty_cells():
    assert list(in_cell(CANDIDATES, "Buying", "App")["title"]) == ["a"]
    counts = cell_counts(CANDIDATES, ["Buying", "Service"], ["Website", "Store"])
    assert empty_cells(counts) == [("Buying", "Store"), ("Service", "Website")]
