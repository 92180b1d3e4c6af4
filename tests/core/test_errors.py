"""Errors users can cause, shown in any language with its own way of writing numbers."""

from planner.core.errors import InvalidInput, localised
from planner.core.numbers import Count


def test_a_count_is_grouped_as_the_language_does():
    refused = InvalidInput("error.import_too_many_rows", limit=Count(20_000, "en"))
    assert "20,000 rows" in refused.message("en")
    assert "20.000 rijen" in refused.message("nl")


def test_a_number_with_decimals_is_written_as_the_language_does():
    assert localised({"limit": 2.5, "id": 1234}, "nl") == {"limit": "2,5", "id": 1234}
    assert localised({"limit": 10.0}, "en") == {"limit": "10"}
