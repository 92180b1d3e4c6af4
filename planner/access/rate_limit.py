"""Slowing down guessing without locking anyone out.

What is guessed at (a workspace's passphrase, join codes, the administrator's passphrase,
creating a workspace) is a *target*; who guesses is a *client* (an address, see
planner.access.clients), which may be a whole office behind one NAT. Failures count in
three buckets, each over the last WINDOW:

- the client at this target (`pair`): 5 free failures, then 2 s, 4, 8, 16, 30 s;
- the client at any target of this kind (`client`): the same, after 20 free failures;
- everyone at this target (`target`): past CEILING failures there are no free failures
  left: a client that has failed waits MAX_WAIT; a client without failures is never
  refused, so a crowd of guessers cannot lock the facilitator out.

Every wait runs from the client's last failure and is at most MAX_WAIT (30 s). A refused
try is not a failure and makes no wait longer: whoever waits the stated seconds gets their
try, so the right passphrase from an address full of wrong ones is answered within 30 s,
while a guesser there gets at most BURST (9) tries, then one per 30 s. (Behind one
address the rightful user shares those tries with anyone there who keeps on guessing:
the address is all that tells clients apart before the passphrase is checked.)

A success forgets the client's failures at that target; not where the target is every
one of its kind (join codes: `join:*`): one code found says nothing of the wrong ones,
so a page of a known code, reloaded, does not reset a guesser's count. (Storage and the one
transaction around check, try and record: planner.store.access.attempts.)
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

FREE_FAILURES = 5  # failures of one client at one target before waiting starts
CLIENT_FREE_FAILURES = 20  # failures of one client at all targets of a kind
CEILING = 50  # failures of all clients at one target
WINDOW = timedelta(minutes=15)
FIRST_WAIT = timedelta(seconds=2)
MAX_WAIT = timedelta(seconds=30)
# A guesser's tries before the waits reach MAX_WAIT: the free ones, then after 2, 4, 8,
# 16 s (all within 30 s); so at most BURST + T / MAX_WAIT tries in any T seconds.
BURST = FREE_FAILURES + 4


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

    @property
    def forgives(self) -> bool:
        """Whether a success forgets the client's failures: at one target, not at all
        targets of a kind (`*`)."""
        return not self.target.endswith(":*")

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
    doubling, at most 30 s, counted from the last failure."""
    if failures < free or last is None:
        return timedelta(0)
    doublings = min(failures - free, 5)  # 2 * 2 ** 5 s is past MAX_WAIT already
    wait = min(FIRST_WAIT * int(2**doublings), MAX_WAIT)
    return max(last + wait - now, timedelta(0))


def wait_for(*, client: Tries, pair: Tries, target: Tries, now: datetime) -> timedelta:
    """How long this client must wait before its next try at this target (at most
    MAX_WAIT; nothing for a client without failures)."""
    wait = max(
        wait_needed(pair.failures, pair.last, now),
        wait_needed(client.failures, client.last, now, CLIENT_FREE_FAILURES),
    )
    if target.failures >= CEILING:  # no free failures left here
        failed = [t.last for t in (client, pair) if t.failures and t.last is not None]
        if failed:
            wait = max(wait, max(failed) + MAX_WAIT - now)
    return wait
