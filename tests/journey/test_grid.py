"""The journey grid's counts, and its cells holding likely duplicates."""

import pandas as pd
import pytest

from planner.journey.duplicates import DuplicateSuggestion, Reason
from planner.journey.grid import cell_counts, duplicate_cells, empty_cells, in_cell

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


def pairs_of(*ids: tuple[int, int]) -> list[DuplicateSuggestion]:
    return [DuplicateSuggestion(a, b, "Service", 90.0, Reason.SAME_WORDS) for a, b in ids]


@pytest.mark.parametrize(
    ("first", "second", "marked"),
    [
        (["App"], ["Website"], {"App", "Website"}),  # one idea per channel
        (["App"], ["App", "Website"], {"App", "Website"}),  # one spans the other's
        (["App", "Website"], ["App", "Website"], {"App", "Website"}),
        (["App"], ["App"], set()),  # same cell: it lists both already
        (["App", "Store"], ["Website"], {"App", "Store", "Website"}),
    ],
)
def test_a_pair_marks_the_cells_where_it_repeats_another_channel(first, second, marked):
    frame = pd.DataFrame({"id": [1, 2], "channels": [first, second]})
    [pair] = pairs_of((1, 2))
    cells = duplicate_cells(frame, [pair])
    assert cells == {("Service", channel): [pair] for channel in marked}


def test_cells_keep_the_suggestions_order_and_skip_candidates_gone():
    frame = pd.DataFrame({"id": [1, 2, 3], "channels": [["App"], ["Website"], ["Website"]]})
    best, next_best, gone = pairs_of((1, 3), (1, 2), (1, 4))
    cells = duplicate_cells(frame, [best, next_best, gone])
    assert cells[("Service", "App")] == [best, next_best]
    assert cells[("Service", "Website")] == [best, next_best]
    assert set(cells) == {("Service", "App"), ("Service", "Website")}
