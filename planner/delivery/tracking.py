"""Where commitments stand on a given day: overdue, at risk, to check, burn-up, on time, slip,
and how far their due dates were moved.

Pure functions over a commitments frame (see `planner.store.delivery.commitments.COLUMNS`) and a
fixed `today`, so every figure can be tested for any date.
"""

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from planner.delivery.workflow import NOT_STARTED, OPEN
from planner.roadmap.periods import LENGTHS, Period, PeriodKind, make_periods, period_of

RISK_DAYS = 14  # an item not started with its deadline this close is at risk


def flag_deadlines(frame: pd.DataFrame, today: date, risk_days: int = RISK_DAYS) -> pd.DataFrame:
    """`frame` with `days_late`, `days_left`, `overdue` and `at_risk`.

    Overdue: still open and its due date (the end of the committed period when only a
    period was given) has passed. At risk: open, not overdue, and blocked, or not started
    with `risk_days` or fewer days to go.
    """
    due = pd.to_datetime(frame["due"])
    days_left = (due - pd.Timestamp(today)).dt.days
    still_open = frame["status"].isin(OPEN)
    overdue = still_open & (days_left < 0)
    at_risk = (
        still_open
        & ~overdue
        & (
            frame["status"].eq("blocked")
            | (frame["status"].isin(NOT_STARTED) & (days_left <= risk_days))
        )
    )
    return frame.assign(
        days_left=days_left.where(still_open).astype("Int64"),
        days_late=(-days_left).where(overdue).astype("Int64"),
        overdue=overdue,
        at_risk=at_risk,
    )


def to_check(frame: pd.DataFrame) -> pd.DataFrame:
    """Done items whose KPI result was not measured yet."""
    return frame[frame["status"].eq("done") & frame["kpi_result"].isna()]


def calendar(start: date, kind: str, until: date, since: date | None = None) -> list[Period]:
    """Periods of `kind` in step with `start`, from the one holding `since` (default: `start`)
    up to the one holding `until` (at least one)."""
    begin = pd.Timestamp(start)
    while since is not None and begin.date() > since:
        begin -= LENGTHS[PeriodKind(kind)]
    start = begin.date()
    count = 1
    periods = make_periods(start, kind, count)
    while periods[-1].end < until:
        count *= 2
        periods = make_periods(start, kind, count)
    last = period_of(periods, max(until, start))
    return periods[: (last or 0) + 1]


def burn_up(frame: pd.DataFrame, periods: list[Period], today: date) -> pd.DataFrame:
    """Per period: value committed (due by its end) and value delivered (done by its end).

    Dropped items do not count. Delivered is left empty for periods not begun by `today`.
    Values are consensus values (0–10); items without one count 0.
    """
    live = frame[frame["status"].ne("dropped")]
    value = live["value"].fillna(0.0).to_numpy()
    ends = pd.to_datetime([p.end for p in periods])
    due = pd.to_datetime(live["due"])
    done_on = pd.to_datetime(live["done_on"].where(live["status"].eq("done")))

    def per_period(dates: pd.Series) -> np.ndarray:
        """Running total of value by the first period whose end is on or after each date
        (a cumulative sum, so never smaller for a later period)."""
        slot = np.searchsorted(ends.to_numpy(), dates.to_numpy(), side="left")
        known = dates.notna().to_numpy() & (slot < len(periods))
        added = np.bincount(slot[known], weights=value[known], minlength=len(periods))
        return np.cumsum(added)

    committed, delivered = per_period(due), per_period(done_on)
    rows = [
        {
            "period": period.label,
            "end": period.end,
            "committed": float(committed[i]),
            "delivered": float(delivered[i]) if period.start <= today else None,
        }
        for i, period in enumerate(periods)
    ]
    return pd.DataFrame(rows, columns=["period", "end", "committed", "delivered"])


def on_time_rate(frame: pd.DataFrame) -> float | None:
    """The share of done items finished on or before their due date; None when none is done."""
    done = frame[frame["status"].eq("done")]
    if done.empty:
        return None
    return float((pd.to_datetime(done["done_on"]) <= pd.to_datetime(done["due"])).mean())


def slips(frame: pd.DataFrame, periods: list[Period], today: date) -> pd.DataFrame:
    """Per done or overdue item: the committed period, the period it was done in (or, when
    still open, the current one) and the slip between them in periods (0 = on time)."""
    index = {p.index: p for p in periods}
    today_period = period_of(periods, today)
    rows = []
    for item in frame.to_dict("records"):
        committed = period_of(periods, item["due"])
        if item["status"] == "done":
            actual = period_of(periods, item["done_on"])
        elif item["status"] in OPEN and item["due"] < today:
            actual = today_period
        else:
            continue
        if committed is None or actual is None:
            continue
        rows.append(
            {
                "id": item["id"],
                "title": item["title"],
                "owner": item["owner"],
                "status": item["status"],
                "committed": index[committed].label,
                "actual": index[actual].label,
                "slip": actual - committed,
            }
        )
    columns = ["id", "title", "owner", "status", "committed", "actual", "slip"]
    return pd.DataFrame(rows, columns=columns)


def moved_due_dates(frame: pd.DataFrame, moves: pd.DataFrame) -> pd.DataFrame:
    """Per owner of the commitments in `frame`: how many had their due date moved
    (`moved`), how often (`moves`) and by how many days in all (`days`): each commitment's
    last date minus its first promised one, so a date moved on and back again counts
    what is left (earlier than promised: negative). Most days first.

    `moves` holds the moves, one a row: `commitment_id`, `from_due`, `to_due`."""
    columns = ["owner", "moved", "moves", "days"]
    moves = moves[moves["commitment_id"].isin(frame["id"])]
    if moves.empty:
        return pd.DataFrame(columns=columns)
    shift = pd.to_datetime(moves["to_due"]) - pd.to_datetime(moves["from_due"])
    owners = dict(zip(frame["id"], frame["owner"], strict=True))
    per_owner = (
        moves.assign(owner=moves["commitment_id"].map(owners), days=shift.dt.days)
        .groupby("owner", sort=False)
        .agg(
            moved=("commitment_id", "nunique"),
            moves=("commitment_id", "size"),
            days=("days", "sum"),
        )
        .reset_index()
    )
    per_owner = per_owner.astype({"moved": int, "moves": int, "days": int})
    return per_owner.sort_values(["days", "owner"], ascending=[False, True], ignore_index=True)[
        columns
    ]


@dataclass(frozen=True)
class Progress:
    burn_up: pd.DataFrame
    on_time: float | None
    slips: pd.DataFrame
    to_check: pd.DataFrame


def progress(frame: pd.DataFrame, start: date, kind: str, today: date) -> Progress:
    """Burn-up, on-time rate, slip and items to check, on a calendar of `kind` in step with
    `start` that spans today, every due date and every done date."""
    dates = [today, *frame["due"], *frame["done_on"].dropna()]
    periods = calendar(start, kind, max(dates), since=min(dates))
    return Progress(
        burn_up=burn_up(frame, periods, today),
        on_time=on_time_rate(frame),
        slips=slips(frame, periods, today),
        to_check=to_check(frame),
    )
