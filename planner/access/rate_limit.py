"""Slowing down guessing: after a few failed tries a bucket must wait, longer each time.

A bucket is what is guessed at: a workspace name (passphrases) or join codes and restores
from one address. Free tries first, then 2 s, doubling, at most 15 minutes; failures
older than the window are forgotten. (The attempts themselves: planner.store.attempts.)
"""

from datetime import datetime, timedelta

FREE_FAILURES = 5  # failures within WINDOW before waiting starts
WINDOW = timedelta(minutes=15)
MAX_WAIT = timedelta(minutes=15)


def wait_needed(failures: int, last: datetime | None, now: datetime) -> timedelta:
    """How long the bucket must still wait: 2 s after the 6th failure, doubling, at most 15 min."""
    if failures < FREE_FAILURES or last is None:
        return timedelta(0)
    wait = min(timedelta(seconds=2 ** (failures - FREE_FAILURES + 1)), MAX_WAIT)
    return max(last + wait - now, timedelta(0))
