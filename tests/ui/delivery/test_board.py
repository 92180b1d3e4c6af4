"""The commitments' table: dates and numbers written as the page's language writes them."""

from datetime import date, timedelta

import pyarrow as pa

from planner.core import dates
from tests.ui.pages.test_commitments import (
    promise,
    version_fixture,  # noqa: F401 (a fixture)
)


def test_the_table_writes_dates_and_numbers_as_the_language_does(open_page, engine, version):
    """Its cells are text made by pandas (the rows are coloured): made in Dutch."""
    due = date.today() + timedelta(days=40)
    promise(engine, version, period=None, due=due, owner="Team Web")
    at = open_page("commitments", lang="nl")
    at.segmented_control(key="commitments_view").set_value("table").run()
    shown = pa.ipc.open_stream(at.dataframe[0].proto.arrow_data.styler.display_values)
    cells = {str(cell) for column in shown.read_all().columns for cell in column.to_pylist()}
    assert dates.day(due, "nl") in cells  # "12 jan 2027", not "2027-01-12"
    assert not any(cell.count(".") == 1 and cell.replace(".", "").isdigit() for cell in cells)
