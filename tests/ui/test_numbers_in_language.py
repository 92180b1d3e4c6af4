"""Every number and date in a table, on every page, is written the way the page's language
writes them."""

import json
from datetime import date

import pandas as pd

from planner.core.numbers import marks
from planner.ui.shell.browser_locale import script
from tests.ui.conftest import every_tab
from tests.ui.shell.test_keep_choices import switch
from tests.ui.test_pages_smoke import FACILITATOR_PAGES, SHARED_PAGES
from tests.ui.test_tables import formats

IN_LANGUAGE = {"localized", "percent"}  # both written by the browser's Intl


def test_styled_tables_get_the_languages_marks():
    assert marks("nl") == {"decimal": ",", "thousands": "."}
    assert marks("en") == {"decimal": ".", "thousands": ","}


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
