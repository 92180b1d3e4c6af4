"""Commitments as a table for people: one row each, headings and statuses in the
language asked, channels joined, the value rounded."""

import pandas as pd
import pytest

from planner.delivery.table import COLUMN_LABELS, commitment_table


@pytest.fixture(name="tracked")
def tracked_fixture() -> pd.DataFrame:
    """Two tracked commitments (the frame `tracked_commitments` gives)."""
    return pd.DataFrame(
        {
            "title": ["Welcome mail", "Chat bot"],
            "owner": ["Ann", "Bob"],
            "status": ["in_progress", "blocked"],
            "period_label": ["S1 · 6 Jan", "S2 · 20 Jan"],
            "due": ["2027-01-19", "2027-02-02"],
            "days_late": pd.array([pd.NA, 3], dtype="Int64"),
            "phase": ["onboarding", "usage"],
            "channels": [["email", "app"], []],
            "value": [7.25, 4.04],
            "kpi_name": ["Activation", ""],
            "kpi_target": ["+5 %", ""],
            "kpi_result": ["", ""],
            "version": [2, 2],
            "not_shown": ["x", "y"],
        },
        index=[40, 41],
    )


def test_the_table_has_the_columns_of_its_headings_in_order(tracked):
    table = commitment_table(tracked, "en", headings=False)
    assert table.columns.tolist() == list(COLUMN_LABELS)
    assert table.index.tolist() == [0, 1]


def test_statuses_are_in_the_language_and_channels_joined(tracked):
    english = commitment_table(tracked, "en", headings=False)
    dutch = commitment_table(tracked, "nl", headings=False)
    assert english["status"].tolist() == ["in progress", "blocked"]
    assert dutch["status"].tolist() == ["in uitvoering", "geblokkeerd"]
    assert english["channels"].tolist() == ["email, app", ""]
    assert english["value"].tolist() == [7.2, 4.0]
    assert english["period"].tolist() == ["S1 · 6 Jan", "S2 · 20 Jan"]


@pytest.mark.parametrize(
    ("lang", "first_headings"),
    [
        ("en", ["Title", "Owner", "Status", "Committed period"]),
        ("nl", ["Titel", "Eigenaar", "Status", "Toegezegde periode"]),
    ],
)
def test_headings_are_in_the_language(tracked, lang, first_headings):
    table = commitment_table(tracked, lang)
    assert table.columns.tolist()[:4] == first_headings
    assert len(set(table.columns)) == len(COLUMN_LABELS)
    assert "not_shown" not in table.columns
