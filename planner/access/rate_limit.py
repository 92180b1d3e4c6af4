"""Slowing down guessing without locking out the owner.

What is guessed at (a workspace's passphrase, join codes, the administrator's passphrase)
is a *target*; who guesses is a *client* (an address, see planner.access.clients).
Failures are counted in three buckets, each over the last WINDOW:

- the client at this target (`pair`): 5 free failures, then 2 s, doubling, at most 15 min;
- the client at any target of this kind (`client`): the same, after 20 free failures;
- everyone at this target (`target`): past CEILING failures, a client that has failed
  here or elsewhere waits CEILING_WAIT; a client without failures is never refused, so a
  crowd of guessers cannot lock the facilitator out.

A success forgets the client's failures at that target. (Storage and the one
transaction around check and record: planner.store.attempts.)
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

FREE_FAILURES = 5  # failures of one client at one target before waiting starts
CLIENT_FREE_FAILURES = 20  # failures of one client at all targets of a kind
CEILING = 50  # failures of all clients at one target
CEILING_WAIT = timedelta(minutes=1)
WINDOW = timedelta(minutes=15)
MAX_WAIT = timedelta(minutes=15)


@dataclass(frozen=True)
class Buckets:
    """Where one try is counted."""

    client: str
    pair: str
    target: str

    @classmethod
    def of(cls, kind: str, target: str, client: str) -> "Buckets":
        """>>> Buckets.of("signin", "demo", "10.0.0.9").pair
        'signin:demo@10.0.0.9'"""
        return cls(f"{kind}@{client}", f"{kind}:{target}@{client}", f"{kind}:{target}")

    def all(self) -> tuple[str, str, str]:
        return (self.client, self.pair, self.target)


@dataclass(frozen=True)
class Tries:
    """The failures of a bucket within WINDOW, and when the last one was."""

    failures: int = 0
    last: datetime | None = None


def wait_needed(
    failures: int, last: datetime | None, now: datetime, free: int = FREE_FAILURES
) -> timedelta:
    """How long a bucket must still wait: 2 s after the first failure past `free`,
    doubling, at most 15 min."""
    if failures < free or last is None:
        return timedelta(0)
    doublings = min(failures - free + 1, 10)  # 2 ** 10 s is past MAX_WAIT already
    wait = min(timedelta(seconds=2**doublings), MAX_WAIT)
    return max(last + wait - now, timedelta(0))


def wait_for(*, client: Tries, pair: Tries, target: Tries, now: datetime) -> timedelta:
    """How long this client must wait before its next try at this target."""
    wait = max(
        wait_needed(pair.failures, pair.last, now),
        wait_needed(client.failures, client.last, now, CLIENT_FREE_FAILURES),
    )
    if target.failures >= CEILING and (client.failures or pair.failures):
        wait = max(wait, CEILING_WAIT)
    return wait
