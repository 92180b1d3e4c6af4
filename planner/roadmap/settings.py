"""The roadmap's settings as one value, validated once: what the page, the CLI, the
working plan, a saved version and a backup all hold.

One capacity counts for every period; otherwise there is one per period. Capacities
are typed as "20" or "10, 20, 30" (commas or semicolons).

>>> RoadmapSettings(start=date(2027, 1, 1), periods=3, capacities=(10,)).capacities
(10.0, 10.0, 10.0)
>>> parse_capacities("10; 20 ,30")
[10.0, 20.0, 30.0]
"""

from datetime import date
from math import isfinite
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from planner.core.errors import InvalidInput
from planner.core.limits import PERIODS_MAX, TIME_LIMIT_MAX
from planner.core.numbers import read_numbers
from planner.roadmap.periods import PeriodKind
from planner.roadmap.quadrants import ThresholdMode
from planner.roadmap.ranking import Strategy

MAX_PERIODS = PERIODS_MAX
# The defaults of a new roadmap, read by the RoadmapPlan table and the CLI too.
DEFAULT_PERIODS = 4
DEFAULT_CAPACITY = 20.0
DEFAULT_TIME_LIMIT = 10.0
# Years a roadmap may start in: 60 periods from the last still end long before Python's
# calendar does (year 9999).
EARLIEST_START, LATEST_START = date(1900, 1, 1), date(2999, 12, 31)


def quarter_start(today: date) -> date:
    """The first day of `today`'s quarter: where a new roadmap starts."""
    return date(today.year, (today.month - 1) // 3 * 3 + 1, 1)


def parse_capacities(text: str, lang: str = "en") -> list[float]:
    """The capacities as typed in `lang` ("20", "10, 20; 30"; Dutch "12,5; 10", see
    `planner.core.numbers.read_numbers`); an `InvalidInput` naming the field
    when a part is not a number ("nan" and "inf" are not)."""
    try:
        capacities = read_numbers(text, lang)
    except ValueError:
        raise InvalidInput("error.capacity_not_numbers") from None
    if not all(isfinite(capacity) for capacity in capacities):
        raise InvalidInput("error.capacity_not_numbers")
    return capacities


class RoadmapSettings(BaseModel):
    model_config = ConfigDict(frozen=True, from_attributes=True)

    start: date = Field(ge=EARLIEST_START, le=LATEST_START)
    strategy: Strategy = Strategy.QUICK_WINS
    period_kind: PeriodKind = PeriodKind.QUARTER
    periods: int = Field(DEFAULT_PERIODS, ge=1, le=MAX_PERIODS)
    capacities: tuple[float, ...] = Field((DEFAULT_CAPACITY,), validate_default=True)
    threshold_mode: ThresholdMode = ThresholdMode.MIDDLE
    time_limit: float = Field(DEFAULT_TIME_LIMIT, gt=0, le=TIME_LIMIT_MAX)  # seconds, "optimal"

    @field_validator("capacities")
    @classmethod
    def _one_per_period(
        cls, capacities: tuple[float, ...], info: ValidationInfo
    ) -> tuple[float, ...]:
        periods = info.data.get("periods")
        if periods is None:  # periods itself is invalid: that is the error reported
            return capacities
        if len(capacities) == 1:
            capacities = capacities * periods
        if len(capacities) != periods:
            raise InvalidInput("error.capacities_count", count=len(capacities), periods=periods)
        if not all(isfinite(c) and c > 0 for c in capacities):
            raise InvalidInput("error.capacity_positive")
        return capacities

    @classmethod
    def default(cls, today: date) -> "RoadmapSettings":
        """Four quarters of 20 points from this quarter."""
        return cls(start=quarter_start(today))

    @classmethod
    def from_plan(cls, plan: object) -> "RoadmapSettings":
        """From anything with these attributes (the stored working plan)."""
        return cls.model_validate(plan, from_attributes=True)

    def to_json(self) -> dict[str, Any]:
        """Plain JSON values: the start as ISO date, enums as their values."""
        return self.model_dump(mode="json")

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "RoadmapSettings":
        return cls.model_validate(data)
