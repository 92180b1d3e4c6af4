"""Numbers as each language writes them."""

from datetime import timedelta

import pytest

from planner.core.numbers import (
    few_decimals,
    file_size,
    number_list,
    one_decimal,
    read_numbers,
    seconds,
)


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


@pytest.mark.parametrize(
    ("values", "english", "dutch"),
    [((20.0,), "20", "20"), ((12.5, 10, 1000), "12.5, 10, 1000", "12,5; 10; 1000")],
)
def test_a_list_of_numbers_as_typed_back(values, english, dutch):
    """Dutch writes a decimal comma, so its list takes semicolons; no thousands marks
    (a list could not tell them from separators)."""
    assert number_list(values, "en") == english and number_list(values, "nl") == dutch
    assert read_numbers(english, "en") == read_numbers(dutch, "nl") == list(values)


@pytest.mark.parametrize(
    ("typed", "numbers"),
    [("12,5", [12.5]), ("20, 20, 30", [20, 20, 30]), ("12.5; 7", [12.5, 7]), ("1.000", [1000])],
)
def test_dutch_lists_as_people_type_them(typed, numbers):
    """A comma and a space separate; "12.5" is read the English way; "1.000" is Dutch."""
    assert read_numbers(typed, "nl") == numbers


@pytest.mark.parametrize("typed", ["20,20,30", "tien", ""])
def test_what_is_not_a_dutch_list_is_refused(typed):
    with pytest.raises(ValueError):
        read_numbers(typed, "nl")


@pytest.mark.parametrize(
    ("size", "lang", "text"),
    [
        (244, "en", "244 byte"),
        (244, "nl", "244 byte"),
        (1_500, "nl", "1,5 kB"),
        (2_250_000, "en", "2.2 MB"),
        (2_250_000, "nl", "2,2 MB"),
    ],
)
def test_a_file_size_is_written_as_the_language_writes_it(size, lang, text):
    assert file_size(size, lang) == text
