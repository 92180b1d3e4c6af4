"""When a round reveals itself: at the end of its time box, or once everyone finished.

Both are settings of the session (off by default: the facilitator reveals). A round
with nobody in it never reveals by itself, nor does one without a single vote: there
would be nothing to show.

>>> from datetime import datetime, timedelta, UTC
>>> now = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
>>> reveal_due(now=now, deadline=now - timedelta(seconds=1), at_zero=True,
...            when_done=False, joined=3, finished=1, voted=True)
<Due.TIME_UP: 'time_up'>
>>> seconds_left(now + timedelta(minutes=4, seconds=30), now)
270
"""

import math
from datetime import datetime, timedelta
from enum import StrEnum

MINUTES_MAX = 180  # a time box longer than a workshop is a typing error
NUDGE_SHOWN = timedelta(minutes=10)  # a nudge older than this no longer shows


class Due(StrEnum):
    """Why a round reveals itself."""

    TIME_UP = "time_up"
    ALL_DONE = "all_done"


def seconds_left(deadline: datetime | None, now: datetime) -> int | None:
    """Whole seconds to the deadline (0 once it passed); None without a time box."""
    if deadline is None:
        return None
    return max(math.ceil((deadline - now).total_seconds()), 0)


def reveal_due(
    *,
    now: datetime,
    deadline: datetime | None,
    at_zero: bool,
    when_done: bool,
    joined: int,
    finished: int,
    voted: bool,
) -> Due | None:
    """Whether a voting round reveals itself now, and why (None: it waits)."""
    if not voted:
        return None
    if at_zero and deadline is not None and now >= deadline:
        return Due.TIME_UP
    if when_done and joined and finished >= joined:
        return Due.ALL_DONE
    return None
