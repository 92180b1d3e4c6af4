"""Numbers as each language writes them."""

from datetime import timedelta

import pytest

from planner.core.numbers import few_decimals, one_decimal, seconds


def test_numbers_per_language():
    assert (one_decimal(7.5, "en"), one_decimal(7.5, "nl")) == ("7.5", "7,5")
    assert (one_decimal(1234.5, "en"), one_decimal(1234.5, "nl")) == ("1,234.5", "1.234,5")


@pytest.mark.parametrize(
    ("value", "decimals", "english", "dutch"),
    [(10.0, 1, "10", "10"), (62.54, 1, "62.5", "62,5"), (0.05, 3, "0.05", "0,05")],
)
def test_few_decimals_leave_out_trailing_zeros(value, decimals, english, dutch):
    assert few_decimals(value, "en", decimals) == english
    assert few_decimals(value, "nl", decimals) == dutch


@pytest.mark.parametrize(
    ("wait", "english", "dutch"),
    [
        (timedelta(seconds=30), "30 seconds", "30 seconden"),
        (timedelta(seconds=1), "1 second", "1 seconde"),
        (timedelta(seconds=1.2), "2 seconds", "2 seconden"),  # rounded up: then it is over
        (timedelta(milliseconds=1), "1 second", "1 seconde"),
        (timedelta(seconds=90), "90 seconds", "90 seconden"),  # seconds, never minutes
    ],
)
def test_waits_in_seconds_per_language(wait, english, dutch):
    assert (seconds(wait, "en"), seconds(wait, "nl")) == (english, dutch)
