"""A small cache shared by all threads, whose answers serve for a few seconds: what
every ballot of a session asks (the round's state, a key's membership, the session's
yardsticks) is read once per interval for all of them, not once per request."""

import threading
import time
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class TimedCache(Generic[K, V]):
    """key -> value, read by `read(key, *extra)` at most once per `ttl` seconds per key
    (`extra`: what the read needs that is not part of the key, e.g. a secret only its
    hash of which is kept).

    Two threads asking at the same moment may both read (no lock is held while reading:
    a slow read never holds up the answers of other keys). Past `maxsize` keys the cache
    starts over rather than grow without bound.

    >>> reads = []
    >>> cache = TimedCache(lambda key: reads.append(key) or key * 2, ttl=60)
    >>> cache.get(3), cache.get(3), reads
    (6, 6, [3])
    """

    def __init__(self, read: Callable[..., V], *, ttl: float, maxsize: int = 1000) -> None:
        self._read = read
        self.ttl = ttl
        self._maxsize = maxsize
        self._lock = threading.Lock()
        self._values: dict[K, tuple[float, V]] = {}

    def get(self, key: K, *extra: object) -> V:
        now = time.monotonic()
        with self._lock:
            found = self._values.get(key)
        if found is not None and now - found[0] < self.ttl:
            return found[1]
        value = self._read(key, *extra)
        self.put(key, value)
        return value

    def put(self, key: K, value: V) -> None:
        """Keep `value` for `key` from now on, as if it had just been read."""
        with self._lock:
            if len(self._values) >= self._maxsize:
                self._values.clear()
            self._values[key] = (time.monotonic(), value)

    def forget(self) -> None:
        """Read everything afresh at its next `get`."""
        with self._lock:
            self._values.clear()
