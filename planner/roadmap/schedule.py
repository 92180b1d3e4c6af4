"""Placing ranked candidates into periods within capacity, after their dependencies.

Candidates are taken in ranked order, but never before the candidates they need; a
candidate pinned to a period (and what it needs) goes first. Each is placed into the
earliest period that comes after all its dependencies and has room for it; one larger
than a period's capacity fills consecutive periods. What does not fit is unscheduled,
with the reason. Same input, same output.
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
    "pin_after_dependency", "pin_full", "capacity".
    """
    ranked = set(ranking)
    needs = {c: set(n) & ranked for c, n in (needs or {}).items() if c in ranked}
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
        outcome = _place(candidate, efforts, free, needs, pins, excluded, result)
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
    if candidate in pins:
        if pins[candidate] < earliest:
            return ("pin_after_dependency", {"period": pins[candidate]})
        start = pins[candidate]
        placement = _take_one(effort, free, start)
        if placement is None and effort > max(free[start:], default=0) + EPSILON:
            placement = _span(effort, free, start)  # no period holds it whole: it may span
        return placement if placement else ("pin_full", {"period": start})
    # The earliest period that holds it whole; only if none can, consecutive periods.
    for start in range(earliest, len(free)):
        if placement := _take_one(effort, free, start):
            return placement
    for start in range(earliest, len(free)):
        if placement := _span(effort, free, start):
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
