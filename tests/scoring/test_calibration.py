"""Calibration references: at most three per dimension, each candidate once, each with
an answer of the scale; refusals say why in English and Dutch."""

import pytest

from planner.core.errors import InvalidInput
from planner.scoring.calibration import MAX_REFERENCES, check_references

LABELS = ("1", "2", "3", "4", "5")


@pytest.mark.parametrize(
    "references",
    [[], [(1, "3")], [(1, "1"), (2, "3"), (3, "5")], [(1, "3"), (2, "3")]],
)
def test_check_references_takes_up_to_three_candidates_with_answers_of_the_scale(references):
    assert check_references(references, LABELS) is None


@pytest.mark.parametrize(
    ("references", "english", "dutch"),
    [
        (
            [(1, "1"), (2, "2"), (3, "3"), (4, "4")],
            f"At most {MAX_REFERENCES} reference candidates",
            f"{MAX_REFERENCES}",
        ),
        ([(1, "3"), (1, "4")], "once per dimension", "kandidaat"),
        (
            [(1, "?")],
            "“?” is not an answer on this scale. Allowed: 1, 2, 3, 4, 5.",
            "1, 2, 3, 4, 5",
        ),
        ([(1, "6")], "“6” is not an answer", "“6”"),
    ],
)
def test_check_references_refuses_saying_why(references, english, dutch):
    with pytest.raises(InvalidInput) as refused:
        check_references(references, LABELS)
    assert english in refused.value.message("en")
    assert dutch in refused.value.message("nl")
    assert refused.value.message("nl") != refused.value.message("en")
