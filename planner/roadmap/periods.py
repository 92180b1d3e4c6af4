"""Roadmap periods: sprints of two weeks, months or quarters from a start date."""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

import pandas as pd

from planner.core import dates


class PeriodKind(StrEnum):
    SPRINT = "sprint"
    MONTH = "month"
    QUARTER = "quarter"


LENGTHS = {
    PeriodKind.SPRINT: pd.DateOffset(weeks=2),
    PeriodKind.MONTH: pd.DateOffset(months=1),
    PeriodKind.QUARTER: pd.DateOffset(months=3),
}


@dataclass(frozen=True)
class Period:
    index: int
    start: date
    end: date  # the last day in the period
    kind: str

    @property
    def label(self) -> str:
        """The label in English (see `label_in`)."""
        return self.label_in("en")

    def label_in(self, lang: str) -> str:
        """'S3 · 6 Jan', 'Jan 2027' or 'Q1 2027' (the period's first day decides), the
        month as `lang` writes it: 'S3 · 6 jan', 'jan 2027'."""
        if self.kind == PeriodKind.SPRINT:
            return f"S{self.index + 1} · {dates.day_month(self.start, lang)}"
        if self.kind == PeriodKind.QUARTER:
            return f"Q{(self.start.month - 1) // 3 + 1} {self.start.year}"
        return dates.month(self.start, lang)


def make_periods(start: date, kind: str, count: int) -> list[Period]:
    """`count` consecutive periods of `kind` from `start`."""
    begin = pd.Timestamp(start)
    starts = [begin + LENGTHS[PeriodKind(kind)] * i for i in range(count + 1)]
    return [
        Period(i, starts[i].date(), (starts[i + 1] - pd.Timedelta(days=1)).date(), kind)
        for i in range(count)
    ]


def period_of(periods: list[Period], day: date) -> int | None:
    """The index of the period holding `day`, None when outside the roadmap."""
    return next((p.index for p in periods if p.start <= day <= p.end), None)
