"""Focus mode: the room takes the candidates one at a time, together (planning poker).

The facilitator moves everyone to a candidate; it is scored, revealed, discussed and, if
need be, scored again, on its own; then the next. Each step is a round of one candidate
(so reveals, re-votes, blind scoring and the consensus work as for any round).

>>> next_in_queue([4, 7, 9, 2], current=7, done={4, 7})
9
>>> next_in_queue([4, 7, 9, 2], current=2, done={7, 9, 2})
4
>>> next_in_queue([4, 7], current=7, done={4, 7}) is None
True
"""

from collections.abc import Collection, Sequence


def next_in_queue(queue: Sequence[int], current: int | None, done: Collection[int]) -> int | None:
    """The first candidate after `current` (wrapping round) not revealed yet; None when
    every one is."""
    start = queue.index(current) + 1 if current in queue else 0
    for candidate in [*queue[start:], *queue[:start]]:
        if candidate not in done:
            return candidate
    return None
