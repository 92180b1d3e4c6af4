"""Every number and date in a table is written the way the page's language writes them."""

import json
from datetime import date, datetime

import pandas as pd
import pytest

from planner.core.numbers import marks
from planner.ui.shell.browser_locale import script
from planner.ui.tables import decimals_of, localised
from planner.ui.upload import size_style
from tests.ui.conftest import every_tab
from tests.ui.test_language_switch import switch
from tests.ui.test_pages_smoke import FACILITATOR_PAGES, SHARED_PAGES

IN_LANGUAGE = {"localized", "percent"}  # both written by the browser's Intl


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


def test_styled_tables_get_the_languages_marks():
    assert marks("nl") == {"decimal": ",", "thousands": "."}
    assert marks("en") == {"decimal": ".", "thousands": ","}


def test_the_browser_is_given_the_apps_locale():
    assert '["nl-NL"]' in script("nl") and 'lang = "nl-NL"' in script("nl")
    assert '["en-GB"]' in script("en") and '["en-GB"]' in script("xx")


def test_every_table_on_every_page_writes_numbers_and_dates_in_the_language(open_page, demo):
    """Each numeric or date column of every table, on every page, in Dutch."""
    checked = set()
    for name in FACILITATOR_PAGES + SHARED_PAGES:
        at = switch(open_page(name), "nl")
        assert any(script("nl") == h.proto.body for h in at.get("html")), name
        shown = [table for view in every_tab(at, name, "nl") for table in view.dataframe]
        for table in shown:
            frame, config = table.value, formats(json.loads(table.proto.columns or "{}"))
            for column in frame.columns:
                values = frame[column]
                dated = isinstance(values.dropna().iloc[0] if values.notna().any() else 0, date)
                numeric = pd.api.types.is_numeric_dtype(values) and not (
                    pd.api.types.is_bool_dtype(values)
                )
                if numeric or dated or pd.api.types.is_datetime64_any_dtype(values):
                    if table.proto.arrow_data.styler.styles:  # a Styler: text made in pandas
                        continue
                    assert config.get(column) in IN_LANGUAGE, (name, column)
                    checked.add(name)
    assert {"consensus", "matrix", "roadmap", "journey_setup", "scoring_model"} <= checked


def test_the_file_uploader_speaks_the_language(open_page, demo):
    """Streamlit's uploader says "Upload" and "200MB per file" in English: replaced."""
    at = switch(open_page("import_candidates"), "nl")
    styles = [h.proto.body for h in at.get("html") if "stFileUploaderDropzone" in h.proto.body]
    assert styles and 'content: "Bestand kiezen"' in styles[0]
    assert "CSV, XLSX · tot 20 MB per bestand" in [c.value for c in at.caption]


def test_the_uploaded_file_size_replaces_streamlits_own():
    style = size_style(244, "nl")
    assert '"244 byte"' in style and "244.0B" not in style and "stFileChipName" in style
