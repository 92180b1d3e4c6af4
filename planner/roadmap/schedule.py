"""Placing ranked candidates into periods within capacity, after their dependencies.

The rules (README, "The roadmap", states them the same way; a test each):
- Candidates are taken in ranked order, but never before the candidates they need; a
  candidate pinned to a period (and what it needs) goes first.
- Each goes whole into the earliest period that comes after everything it needs and
  has room for it.
- Only a candidate *larger than a period* (its effort above that period's capacity)
  spans: it fills consecutive periods from the first one from which their free room
  holds it; a pinned one from its pin. One that fits in a period is never split over
  the room left in several: without a period that holds it whole it is unscheduled.
- A candidate that needs one left out, unscheduled or not ranked (no value or effort
  yet) is unscheduled too, with that reason.
- Effort counts as given (at least 0) against capacity.
Same input, same output.
"""

import heapq
from dataclasses import dataclass, field
from graphlib import CycleError, TopologicalSorter

EPSILON = 1e-9


@dataclass(frozen=True)
class Placement:
    start: int
    end: int  # inclusive
    load: dict[int, float]  # period -> effort points used there


Reason = tuple[str, dict[str, int]]  # why a candidate is unscheduled, with its details


@dataclass
class Schedule:
    placed: dict[int, Placement] = field(default_factory=dict)
    unscheduled: dict[int, Reason] = field(default_factory=dict)  # id -> reason

    def load(self, periods: int) -> list[float]:
        """Effort points used in each period."""
        used = [0.0] * periods
        for placement in self.placed.values():
            for period, points in placement.load.items():
                used[period] += points
        return used


class DependencyCycle(ValueError):
    """Candidates that need each other in a circle; `.cycle` lists them in order."""

    def __init__(self, cycle: list[int]) -> None:
        super().__init__(cycle)
        self.cycle = cycle


def check_acyclic(needs: dict[int, set[int]]) -> None:
    """Raise `DependencyCycle` when the dependencies loop."""
    try:
        TopologicalSorter(needs).prepare()
    except CycleError as error:
        raise DependencyCycle(list(error.args[1][:-1])) from None


def schedule(
    ranking: list[int],
    efforts: dict[int, float],
    capacities: list[float],
    needs: dict[int, set[int]] | None = None,
    pins: dict[int, int] | None = None,
    excluded: set[int] | None = None,
) -> Schedule:
    """Place `ranking` (best first) into `len(capacities)` periods.

    needs: id -> ids it needs (they must end before it starts).
    pins: id -> the period it must start in.  excluded: ids left out on purpose.
    Reasons for unscheduled ids: "excluded", "needs_excluded", "needs_unscheduled",
    "needs_unscored", "pin_after_dependency", "pin_full", "capacity".
    """
    ranked = set(ranking)
    all_needs = {c: set(n) for c, n in (needs or {}).items() if c in ranked}
    unranked = {c: sorted(n - ranked) for c, n in all_needs.items() if n - ranked}
    needs = {c: n & ranked for c, n in all_needs.items()}
    pins, excluded = pins or {}, excluded or set()
    check_acyclic(needs)
    result, free = Schedule(), list(capacities)
    position = {c: i for i, c in enumerate(ranking)}
    # What a pinned candidate needs must come early too: it inherits the pin's urgency.
    urgent = set(pins) & ranked
    stack = list(urgent)
    while stack:
        for needed in needs.get(stack.pop(), ()):
            if needed not in urgent:
                urgent.add(needed)
                stack.append(needed)
    waiting = {c: set(needs.get(c, ())) for c in ranking}
    dependents: dict[int, list[int]] = {}
    for candidate, its_needs in waiting.items():
        for other in its_needs:
            dependents.setdefault(other, []).append(candidate)
    ready = [((c not in urgent), position[c], c) for c in ranking if not waiting[c]]
    heapq.heapify(ready)
    while ready:
        _, _, candidate = heapq.heappop(ready)
        outcome = (
            ("needs_unscored", {"needed": unranked[candidate][0]})
            if candidate in unranked and candidate not in excluded
            else _place(candidate, efforts, capacities, free, needs, pins, excluded, result)
        )
        if isinstance(outcome, Placement):
            result.placed[candidate] = outcome
        else:
            result.unscheduled[candidate] = outcome
        for other in dependents.get(candidate, ()):
            waiting[other].discard(candidate)
            if not waiting[other]:
                heapq.heappush(ready, ((other not in urgent), position[other], other))
    return result


def _place(
    candidate: int,
    efforts: dict[int, float],
    capacities: list[float],
    free: list[float],
    needs: dict[int, set[int]],
    pins: dict[int, int],
    excluded: set[int],
    result: Schedule,
) -> Placement | Reason:
    if candidate in excluded:
        return ("excluded", {})
    for needed in sorted(needs.get(candidate, ())):
        if needed in result.unscheduled:
            reason = "needs_excluded" if needed in excluded else "needs_unscheduled"
            return (reason, {"needed": needed})
    earliest = max((result.placed[n].end + 1 for n in needs.get(candidate, ())), default=0)
    effort = max(efforts[candidate], 0.0)

    def larger_than(period: int) -> bool:
        return effort > capacities[period] + EPSILON

    if candidate in pins:
        start = pins[candidate]
        if start < earliest:
            return ("pin_after_dependency", {"period": start})
        if start < len(free) and larger_than(start):  # it can never fit whole: it spans
            placement = _span(effort, free, start)
        else:
            placement = _take_one(effort, free, start)
        return placement if placement else ("pin_full", {"period": start})
    # The earliest period that holds it whole; only one larger than a period spans.
    for start in range(earliest, len(free)):
        if placement := _take_one(effort, free, start):
            return placement
    for start in range(earliest, len(free)):
        if larger_than(start) and (placement := _span(effort, free, start)):
            return placement
    return ("capacity", {})


def _take_one(effort: float, free: list[float], start: int) -> Placement | None:
    """Take `effort` from period `start` alone (in place), or None if it has no room."""
    if start < len(free) and effort <= free[start] + EPSILON:
        free[start] -= effort
        return Placement(start, start, {start: effort})
    return None


def _span(effort: float, free: list[float], start: int) -> Placement | None:
    """Take `effort` from consecutive periods from `start`, each with room, or None."""
    load, remaining, period = {}, effort, start
    while remaining > EPSILON:
        if period >= len(free) or free[period] <= EPSILON:
            return None
        load[period] = min(free[period], remaining)
        remaining -= load[period]
        period += 1
    for taken_period, points in load.items():
        free[taken_period] -= points
    return Placement(start, max(load, default=start), load)
