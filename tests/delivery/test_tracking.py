from datetime import date, timedelta

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.delivery.tracking import (
    burn_up,
    calendar,
    flag_deadlines,
    moved_due_dates,
    on_time_rate,
    progress,
    slips,
    to_check,
)
from planner.delivery.workflow import STATUSES
from planner.roadmap.periods import make_periods

TODAY = date(2027, 2, 15)
QUARTERS = make_periods(date(2027, 1, 1), "quarter", 4)


def item(id, status="committed", due=date(2027, 3, 31), done_on=None, value=5.0, **extra):
    return {
        "id": id,
        "title": f"Item {id}",
        "owner": "Team A",
        "status": status,
        "due": due,
        "done_on": done_on,
        "value": value,
        "kpi_result": None,
        **extra,
    }


def frame(*items):
    return pd.DataFrame(list(items))


def test_overdue_counts_the_days_late_of_open_items_only():
    flagged = flag_deadlines(
        frame(
            item(1, "in_progress", due=date(2027, 2, 1)),
            item(2, "done", due=date(2027, 2, 1), done_on=date(2027, 2, 10)),
            item(3, "dropped", due=date(2027, 1, 1)),
            item(4, "blocked", due=date(2027, 2, 14)),
            item(5, "committed", due=TODAY),
        ),
        TODAY,
    ).set_index("id")
    assert flagged["overdue"].to_dict() == {1: True, 2: False, 3: False, 4: True, 5: False}
    assert flagged.loc[1, "days_late"] == 14
    assert flagged.loc[4, "days_late"] == 1
    assert pd.isna(flagged.loc[5, "days_late"])  # due today is not late yet
    assert pd.isna(flagged.loc[2, "days_left"])


def test_at_risk_is_blocked_or_not_started_close_to_the_deadline():
    flagged = flag_deadlines(
        frame(
            item(1, "committed", due=TODAY + timedelta(days=14)),
            item(2, "committed", due=TODAY + timedelta(days=15)),
            item(3, "in_progress", due=TODAY + timedelta(days=3)),
            item(4, "blocked", due=TODAY + timedelta(days=90)),
            item(5, "proposed", due=TODAY),
            item(6, "committed", due=TODAY - timedelta(days=1)),  # overdue, not "at risk"
        ),
        TODAY,
    ).set_index("id")
    assert flagged["at_risk"].to_dict() == {1: True, 2: False, 3: False, 4: True, 5: True, 6: False}


def test_to_check_lists_done_items_without_a_measured_result():
    items = frame(
        item(1, "done", done_on=TODAY),
        item(2, "done", done_on=TODAY, kpi_result=12.0),
        item(3, "in_progress"),
    )
    assert to_check(items)["id"].tolist() == [1]


def test_burn_up_accumulates_committed_and_delivered_value_per_period():
    items = frame(
        item(1, "done", due=date(2027, 3, 31), done_on=date(2027, 2, 1), value=8),
        item(2, "in_progress", due=date(2027, 3, 31), value=4),
        item(3, "done", due=date(2027, 6, 30), done_on=date(2027, 7, 2), value=2),
        item(4, "dropped", due=date(2027, 3, 31), value=100),
        item(5, "committed", due=date(2027, 9, 30), value=None),
    )
    chart = burn_up(items, QUARTERS, today=date(2027, 8, 1))
    assert chart["period"].tolist() == ["Q1 2027", "Q2 2027", "Q3 2027", "Q4 2027"]
    assert chart["committed"].tolist() == [12, 14, 14, 14]
    assert chart["delivered"].tolist()[:3] == [8, 8, 10]
    assert chart["delivered"].isna().tolist() == [False, False, False, True]  # Q4 not begun


def test_on_time_rate_is_done_on_or_before_due_among_done():
    items = frame(
        item(1, "done", due=date(2027, 3, 31), done_on=date(2027, 3, 31)),
        item(2, "done", due=date(2027, 3, 31), done_on=date(2027, 4, 1)),
        item(3, "done", due=date(2027, 3, 31), done_on=date(2027, 1, 5)),
        item(4, "in_progress", due=date(2027, 1, 1)),
    )
    assert on_time_rate(items) == pytest.approx(2 / 3)
    assert on_time_rate(items.iloc[3:]) is None


def test_slip_compares_the_committed_period_with_the_period_done():
    items = frame(
        item(1, "done", due=date(2027, 3, 31), done_on=date(2027, 8, 1)),
        item(2, "done", due=date(2027, 6, 30), done_on=date(2027, 5, 1)),
        item(3, "in_progress", due=date(2027, 3, 31)),  # overdue: slips to today's period
        item(4, "committed", due=date(2027, 12, 31)),  # not due yet: no slip to show
    )
    table = slips(items, QUARTERS, today=date(2027, 5, 10)).set_index("id")
    assert table["slip"].to_dict() == {1: 2, 2: 0, 3: 1}
    assert table.loc[1, "committed"] == "Q1 2027"
    assert table.loc[1, "actual"] == "Q3 2027"


def test_calendar_reaches_the_last_date():
    periods = calendar(date(2027, 1, 1), "month", date(2028, 2, 3))
    assert periods[0].label == "Jan 2027"
    assert periods[-1].label == "Feb 2028"
    assert len(calendar(date(2027, 1, 1), "sprint", date(2026, 1, 1))) == 1
    earlier = calendar(date(2027, 1, 1), "quarter", date(2027, 2, 1), since=date(2026, 5, 5))
    assert [p.label for p in earlier] == ["Q2 2026", "Q3 2026", "Q4 2026", "Q1 2027"]


def test_progress_bundles_the_figures_on_one_calendar():
    items = frame(item(1, "done", due=date(2027, 3, 31), done_on=date(2028, 1, 2)))
    result = progress(items, date(2027, 1, 1), "quarter", TODAY)
    assert result.burn_up["period"].iloc[-1] == "Q1 2028"
    assert result.on_time == 0
    assert result.slips["slip"].tolist() == [4]
    assert result.to_check["id"].tolist() == [1]


days = st.integers(min_value=0, max_value=400)


@settings(max_examples=60)
@given(
    st.lists(
        st.tuples(st.sampled_from(STATUSES), days, days, st.floats(0, 10)),
        min_size=1,
        max_size=30,
    ),
    days,
)
def test_burn_up_invariants(rows, today_offset):
    start = date(2027, 1, 1)
    items = frame(
        *(
            item(
                i,
                status,
                due=start + timedelta(days=due),
                done_on=start + timedelta(days=done) if status == "done" else None,
                value=value,
            )
            for i, (status, due, done, value) in enumerate(rows)
        )
    )
    today = start + timedelta(days=today_offset)
    chart = progress(items, start, "month", today).burn_up
    committed, delivered = chart["committed"], chart["delivered"].dropna()
    assert committed.is_monotonic_increasing and delivered.is_monotonic_increasing
    live = items[items["status"] != "dropped"]
    assert committed.iloc[-1] == pytest.approx(live["value"].sum())
    assert (
        delivered.empty
        or delivered.iloc[-1] <= live[live["status"] == "done"]["value"].sum() + 1e-9
    )
    flagged = flag_deadlines(items, today)
    assert not (flagged["overdue"] & flagged["at_risk"]).any()
    assert (
        not flagged[flagged["status"].isin(["done", "dropped"])][["overdue", "at_risk"]].any().any()
    )


def moves(*rows):
    """Due date moves: (commitment id, from, to)."""
    return pd.DataFrame(list(rows), columns=["commitment_id", "from_due", "to_due"])


def test_due_dates_moved_are_counted_per_owner():
    items = frame(
        item(1, owner="Team A"),
        item(2, owner="Team A"),
        item(3, owner="Team B"),
        item(4, owner="Team C"),
    )
    moved = moved_due_dates(
        items,
        moves(
            (1, date(2027, 3, 31), date(2027, 4, 30)),  # +30
            (1, date(2027, 4, 30), date(2027, 5, 10)),  # +10
            (2, date(2027, 3, 31), date(2027, 4, 7)),  # +7
            (3, date(2027, 3, 31), date(2027, 3, 21)),  # -10: pulled in
            (9, date(2027, 3, 31), date(2028, 1, 1)),  # not in this frame (another version)
        ),
    )
    assert moved.to_dict("records") == [
        {"owner": "Team A", "moved": 2, "moves": 3, "days": 47},
        {"owner": "Team B", "moved": 1, "moves": 1, "days": -10},
    ]


def test_a_date_moved_and_back_counts_what_is_left():
    moved = moved_due_dates(
        frame(item(1)),
        moves((1, date(2027, 3, 31), date(2027, 5, 31)), (1, date(2027, 5, 31), date(2027, 4, 5))),
    )
    assert moved.to_dict("records") == [{"owner": "Team A", "moved": 1, "moves": 2, "days": 5}]


def test_no_moves_no_rows():
    assert moved_due_dates(frame(item(1)), moves()).empty
    assert list(moved_due_dates(frame(item(1)), moves()).columns) == [
        "owner",
        "moved",
        "moves",
        "days",
    ]
