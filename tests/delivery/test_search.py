"""Filtering the commitments board: every filter given must match, an empty one matches
all, a row matches the channels when it is on any of them."""

import pandas as pd
import pytest

from planner.delivery.search import filter_commitments


@pytest.fixture(name="board")
def board_fixture() -> pd.DataFrame:
    """Four flagged commitments, as the board holds them."""
    return pd.DataFrame(
        {
            "title": ["Welcome mail", "Status page", "Chat bot", "Call back"],
            "owner": ["Ann", "Bob", "Ann", ""],
            "status": ["committed", "in_progress", "blocked", "done"],
            "period_label": ["S1 · 6 Jan", "S1 · 6 Jan", "S2 · 20 Jan", "S2 · 20 Jan"],
            "phase": ["onboarding", "usage", "usage", "support"],
            "channels": [["email"], ["web", "app"], ["app"], []],
            "overdue": [True, False, True, False],
        },
        index=[11, 12, 13, 14],
    )


def titles(frame: pd.DataFrame) -> list[str]:
    return frame["title"].tolist()


def test_no_filter_keeps_every_row(board):
    assert titles(filter_commitments(board)) == titles(board)


@pytest.mark.parametrize(
    ("filters", "kept"),
    [
        ({"owners": ["Ann"]}, ["Welcome mail", "Chat bot"]),
        ({"owners": [""]}, ["Call back"]),
        ({"statuses": ["blocked", "done"]}, ["Chat bot", "Call back"]),
        ({"periods": ["S2 · 20 Jan"]}, ["Chat bot", "Call back"]),
        ({"phases": ["usage"]}, ["Status page", "Chat bot"]),
        ({"channels": ["app"]}, ["Status page", "Chat bot"]),
        ({"channels": ["email", "web"]}, ["Welcome mail", "Status page"]),
        ({"overdue_only": True}, ["Welcome mail", "Chat bot"]),
        ({"owners": ["Ann"], "phases": ["usage"]}, ["Chat bot"]),
        ({"owners": ["Ann"], "statuses": ["done"]}, []),
        ({"channels": ["phone"]}, []),
    ],
)
def test_every_filter_given_must_match(board, filters, kept):
    assert titles(filter_commitments(board, **filters)) == kept


def test_the_rows_kept_keep_their_index_and_columns(board):
    found = filter_commitments(board, owners=["Bob"])
    assert found.index.tolist() == [12]
    assert found.columns.tolist() == board.columns.tolist()
