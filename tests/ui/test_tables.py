"""Tables' numbers and dates typed to be written in the page's language: untyped columns
localised, typed ones kept, every value shown with its decimals."""

from datetime import date, datetime

import pandas as pd
import pytest

from planner.ui.tables import decimals_of, localised


def formats(config: dict) -> dict:
    """Each column's format; None for a label or a column typed without one."""
    return {
        name: (c.get("type_config") or {}).get("format") if isinstance(c, dict) else None
        for name, c in config.items()
    }


def test_untyped_numbers_and_dates_are_localised_and_typed_columns_kept():
    frame = pd.DataFrame(
        {
            "count": [1, 2000],
            "score": [7.5, 10.0],
            "whole": [3.0, 4.0],
            "spread": [1.234, 0.5],
            "done": [True, False],
            "day": [date(2026, 10, 1), None],
            "at": pd.to_datetime(["2026-10-01 14:05", "2026-10-02 09:00"]),
            "moment": [datetime(2026, 10, 1, 14, 5), None],
            "title": ["a", "b"],
        }
    )
    config = localised(frame, {"count": "Aantal", "title": "Titel", "spread": {"label": "kept"}})
    assert formats(config) == {
        "count": "localized",
        "score": "localized",
        "whole": "localized",
        "spread": None,  # typed by the page: left as it is
        "day": "localized",
        "at": "localized",
        "moment": "localized",
        "title": None,
    }
    assert config["count"]["label"] == "Aantal" and config["title"] == "Titel"
    assert config["score"]["type_config"]["step"] == 0.1
    assert config["whole"]["type_config"]["step"] == 1
    assert config["day"]["type_config"]["type"] == "date"
    assert config["moment"]["type_config"]["type"] == "datetime"
    assert "done" not in config  # a tick box, not a number


def test_two_columns_under_one_heading():
    """Two versions of the same name compared side by side."""
    frame = pd.DataFrame([[1.5, 2.0]], columns=["Q1 plan", "Q1 plan"])
    assert formats(localised(frame)) == {"Q1 plan": "localized"}


@pytest.mark.parametrize(
    ("values", "places"),
    [([1.0, 2.0], 0), ([7.5, 10.0, None], 1), ([0.25, 1.0], 2), ([1 / 3], 2), ([], 0)],
)
def test_decimals_show_every_value_as_it_is(values, places):
    assert decimals_of(pd.Series(values, dtype=float)) == places
