"""How long a browser stays signed in: the rule for the server-side sign-in records.

A sign-in ends after `idle` without a visit and at the latest `absolute` after it began;
both come from the environment (`PLANNER_SIGNIN_IDLE_HOURS`, default 12, and
`PLANNER_SIGNIN_MAX_DAYS`, default 7). The time it was last seen is written at most
once per `TOUCH`, so a click does not cost a write.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

IDLE_HOURS = "PLANNER_SIGNIN_IDLE_HOURS"
MAX_DAYS = "PLANNER_SIGNIN_MAX_DAYS"
TOUCH = timedelta(minutes=5)


@dataclass(frozen=True)
class Lifetime:
    idle: timedelta = timedelta(hours=12)
    absolute: timedelta = timedelta(days=7)

    def alive(self, *, created: datetime, seen: datetime, now: datetime) -> bool:
        """Whether a sign-in begun at `created` and last seen at `seen` still holds."""
        return now - seen < self.idle and now - created < self.absolute


def needs_touch(*, seen: datetime, now: datetime) -> bool:
    """Whether to write down that the sign-in was seen now."""
    return now - seen >= TOUCH


def _positive(environ: Mapping[str, str], name: str, default: float) -> float:
    text = environ.get(name, "").strip()
    if not text:
        return default
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 < value < 10_000:
        raise ValueError(f"{name} must be a number above 0 (got {text!r})")
    return value


def lifetime_from(environ: Mapping[str, str]) -> Lifetime:
    """The lifetime the environment sets; a value that is not a positive number is refused.

    >>> lifetime_from({"PLANNER_SIGNIN_IDLE_HOURS": "1"}).idle
    datetime.timedelta(seconds=3600)
    """
    return Lifetime(
        idle=timedelta(hours=_positive(environ, IDLE_HOURS, 12)),
        absolute=timedelta(days=_positive(environ, MAX_DAYS, 7)),
    )
