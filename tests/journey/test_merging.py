"""The merge rules, without a database: fields, which row survives, dependencies, queues."""

import pytest

from planner.core.errors import InvalidInput
from planner.journey.merging import (
    MergeSide,
    joined_comment,
    joined_description,
    merged_dependencies,
    merged_fields,
    merged_queue,
    winners,
)

KEPT = MergeSide(id=1, phase_id=5, description="In the app.", channel_ids=(2,), tags=("nps",))


@pytest.mark.parametrize(
    ("other", "field", "expected"),
    [
        (MergeSide(2, 5, channel_ids=(3, 2)), "channel_ids", [2, 3]),
        (
            MergeSide(2, 5, description="On the website."),
            "description",
            "In the app.\n\nOn the website.",
        ),
        (MergeSide(2, 5, description="In the app."), "description", "In the app."),
        (MergeSide(2, 5, tags=("cost", "nps")), "tags", ["nps", "cost"]),
        (MergeSide(2, 5, proposer="Service"), "proposer", "Service"),
        (MergeSide(2, 5, persona_id=7), "persona_id", 7),
        (MergeSide(2, 5, pre_value=6.0), "pre_value", 6.0),
        (MergeSide(2, 5, channel_switch=True), "channel_switch", True),
    ],
)
def test_the_kept_candidate_takes_what_it_lacks(other, field, expected):
    assert merged_fields(KEPT, [other])[field] == expected


@pytest.mark.parametrize(
    ("kept", "field", "expected"),
    [
        (MergeSide(1, 5, proposer="IT"), "proposer", "IT"),
        (MergeSide(1, 5, persona_id=3), "persona_id", 3),
        (MergeSide(1, 5, pre_value=0.0), "pre_value", 0.0),  # 0 is a score, not empty
        (MergeSide(1, 5, touchpoint="Checkout"), "touchpoint", "Checkout"),
    ],
)
def test_the_kept_candidate_keeps_its_own(kept, field, expected):
    other = MergeSide(2, 5, proposer="Sales", persona_id=9, pre_value=8.0, touchpoint="Basket")
    assert merged_fields(kept, [other])[field] == expected


@pytest.mark.parametrize(
    "others",
    [[], [MergeSide(1, 5)], [MergeSide(2, 6)], [MergeSide(2, 5), MergeSide(2, 5)]],
    ids=["none", "itself", "another phase", "twice"],
)
def test_a_merge_needs_two_candidates_of_one_phase(others):
    with pytest.raises(InvalidInput):
        merged_fields(KEPT, others)


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ({1: ["a"], 2: ["a"]}, {"a": 1}),  # the kept candidate's vote stays
        ({2: ["a"]}, {"a": 2}),  # moved when it has none
        ({2: ["a"], 3: ["a"]}, {"a": 2}),  # the first merged candidate's
        ({3: ["a"], 2: ["b"]}, {"a": 3, "b": 2}),
        ({}, {}),
    ],
)
def test_winners_per_key(rows, expected):
    assert winners(rows, kept=1, order=[2, 3]) == expected


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        ([(2, 9)], {(1, 9)}),  # what a merged one needed, the kept one needs
        ([(9, 3)], {(9, 1)}),  # what needed a merged one needs the kept one
        ([(2, 3), (1, 2)], set()),  # between the merged: gone, never itself
        ([(1, 9), (2, 9)], {(1, 9)}),  # once
    ],
)
def test_dependencies_move_to_the_kept_candidate(pairs, expected):
    assert merged_dependencies(pairs, kept=1, merged=[2, 3]) == expected


def test_comments_are_joined_once_and_cut_to_the_limit():
    assert joined_comment(["Good", " ", "Good", "Costly"], 100) == "Good\nCostly"
    assert joined_comment(["a" * 8, "b" * 8], 10) == "aaaaaaaa\n…"


def test_descriptions_are_kept_in_order_once():
    assert joined_description(["", "B", "A", "B"]) == "B\n\nA"


def test_the_kept_candidate_takes_the_first_place_in_a_focus_queue():
    assert merged_queue([3, 4, 1, 2], kept=1, merged=[2, 3]) == [1, 4]
