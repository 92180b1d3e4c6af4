"""Row ids from outside: whole numbers a database can hold, nothing else."""

import pytest

from planner.core.errors import InvalidInput, validated
from planner.core.ids import ID_MAX, row_id
from planner.models import VoteCast


@pytest.mark.parametrize(
    "text, found",
    [
        ("1", 1),
        (str(ID_MAX), ID_MAX),
        (str(ID_MAX + 1), None),
        (str(2**70), None),
        ("9" * 5_000, None),
        ("0", None),
        ("-1", None),
        ("4.0", None),
        ("١٢", None),  # Arabic-Indic digits are digits to Python, not to a database
        ("", None),
        (None, None),
    ],
)
def test_row_id_reads_only_ids_a_database_holds(text, found):
    assert row_id(text) == found


@pytest.mark.parametrize("value", [0, -3, ID_MAX + 1, 2**70, True, "1", 1.0])
def test_a_body_with_an_impossible_id_is_refused_naming_the_field(value):
    with pytest.raises(InvalidInput) as refused:
        validated(VoteCast, round=value, candidate=1, criterion=1, answer="3")
    assert "Round" in refused.value.message("en")
