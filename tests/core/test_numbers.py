"""Numbers as each language writes them."""

from planner.core.numbers import one_decimal


def test_numbers_per_language():
    assert (one_decimal(7.5, "en"), one_decimal(7.5, "nl")) == ("7.5", "7,5")
    assert (one_decimal(1234.5, "en"), one_decimal(1234.5, "nl")) == ("1,234.5", "1.234,5")
