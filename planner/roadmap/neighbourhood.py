"""A better plan near a given one: re-plan a few periods at a time, exactly.

A large-neighbourhood search for the best plan (planner.roadmap.optimal): all but a
window of three periods stays as it is; the candidates in the window and the
unscheduled ones are re-placed by a small mixed-integer program that maximises the same
objective (value × periods left after the one it ends in) under the same rules. A
window's best is never worse than what it replaces, so the plan only improves; it
stops when no window improves it or at its deadline. Pinned candidates and those that
span periods stay where they are.

It finds the plans the full program is slowest to find (a reshuffle of a dozen
candidates over three periods), so the full program starts from a better plan and,
when its time runs out, reports a smaller gap.
"""

import itertools
import time
from collections.abc import Callable, Iterator

import highspy

from planner.roadmap.schedule import EPSILON, Placement, Schedule

Window = tuple[int, ...]
WINDOW_SECONDS = 1.0  # at most, per window (most take a few milliseconds)


def improve(
    plan: Schedule,
    eligible: list[int],
    values: dict[int, float],
    efforts: dict[int, float],
    capacities: list[float],
    needs: dict[int, set[int]],
    pins: dict[int, int],
    deadline: float,
    keep_going: Callable[[], bool] = lambda: True,
) -> Schedule:
    """`plan` with windows of periods re-planned until none improves, `deadline` (a
    time.monotonic() value) passes or `keep_going()` says no (checked before each window).
    `needs` holds only eligible candidates."""
    periods = len(capacities)
    fixed = {
        c: p for c, p in plan.placed.items() if c in pins or p.end > p.start or c not in eligible
    }
    at: dict[int, int | None] = {c: None for c in eligible if c not in fixed and c not in pins}
    for c, placement in plan.placed.items():
        if c not in fixed:
            at[c] = placement.start
    best = _worth(at, fixed, values, periods)
    improved = True
    while improved:
        improved = False
        for window in _windows(periods):
            if not keep_going() or time.monotonic() >= deadline:
                return _as_schedule(plan, fixed, at, efforts)
            better = _replan(window, at, fixed, values, efforts, capacities, needs, deadline)
            if better is None:
                continue
            value = _worth(better, fixed, values, periods)
            if value > best + 1e-6:
                at, best, improved = better, value, True
    return _as_schedule(plan, fixed, at, efforts)


def _worth(
    at: dict[int, int | None], fixed: dict[int, Placement], values: dict[int, float], periods: int
) -> float:
    moved = sum(values[c] * (periods - p) for c, p in at.items() if p is not None)
    return moved + sum(values[c] * (periods - p.end) for c, p in fixed.items())


def _windows(periods: int) -> Iterator[Window]:
    """Every three periods (or all, when fewer): small enough to solve in milliseconds,
    large enough for the reshuffles pairs of periods cannot make (tried: pairs first
    stop at a worse plan)."""
    yield from itertools.combinations(range(periods), min(3, periods))


def _replan(
    window: Window,
    at: dict[int, int | None],
    fixed: dict[int, Placement],
    values: dict[int, float],
    efforts: dict[int, float],
    capacities: list[float],
    needs: dict[int, set[int]],
    deadline: float,
) -> dict[int, int | None] | None:
    """The best placement of the window's and the unscheduled candidates with all else
    kept, or None if the solver found none in time."""
    from planner.roadmap.solver import silent_solver, stop_at, total

    periods = len(capacities)
    moving = [c for c, p in at.items() if p is None or p in window]
    moves = set(moving)
    span: dict[int, tuple[int, int]] = {c: (p.start, p.end) for c, p in fixed.items()}
    span.update({c: (p, p) for c, p in at.items() if p is not None and c not in moves})
    used = dict.fromkeys(window, 0.0)  # by pinned and spanning candidates (all else moves)
    for placement in fixed.values():
        for period, points in placement.load.items():
            if period in used:
                used[period] += points
    dependents: dict[int, set[int]] = {}
    for c, its_needs in needs.items():
        for n in its_needs:
            dependents.setdefault(n, set()).add(c)

    solver = silent_solver()
    chosen: dict[tuple[int, int], highspy.highs_var] = {}
    for c in moving:
        outside_needs = [n for n in needs.get(c, ()) if n not in moves]
        if any(n not in span for n in outside_needs):
            continue  # needs a candidate that stays unscheduled
        after = max((span[n][1] for n in outside_needs), default=-1)
        before = min((span[d][0] for d in dependents.get(c, ()) if d in span), default=periods)
        for p in window:
            if after < p < before and max(efforts[c], 0.0) <= capacities[p] + EPSILON:
                chosen[c, p] = solver.addBinary()
    for c in moving:
        options = [chosen[c, p] for p in window if (c, p) in chosen]
        if options:
            solver.addConstr(total(options) <= 1)
        if at[c] is not None and any(d in span for d in dependents.get(c, ())):
            if not options:
                return None
            solver.addConstr(total(options) >= 1)  # a placed candidate still needs it
        for n in needs.get(c, ()):
            if n in moves:
                for p in window:
                    if (c, p) in chosen:
                        earlier = [chosen[n, q] for q in window if q < p and (n, q) in chosen]
                        solver.addConstr(chosen[c, p] <= total(earlier))
    for p in window:
        load = total(max(efforts[c], 0.0) * chosen[c, p] for c in moving if (c, p) in chosen)
        solver.addConstr(load <= capacities[p] - used[p] + EPSILON)
    if not chosen:
        return None
    goal = total(values[c] * (periods - p) * var for (c, p), var in chosen.items())
    current = highspy.HighsSolution()  # where the window starts: its plan as it is
    current.col_value = [float(at[c] == p) for c, p in chosen]
    solver.setSolution(current)
    # Timed from here, once the window's program is built: the deadline is the whole
    # solve's.
    if not stop_at(solver, min(time.monotonic() + WINDOW_SECONDS, deadline)):
        return None
    solver.maximize(goal)
    if solver.getInfo().primal_solution_status < 2:
        return None
    solution = solver.getSolution().col_value
    better = dict(at)
    for c in moving:
        better[c] = None
    for (c, p), var in chosen.items():
        if solution[var.index] > 0.5:
            better[c] = p
    return better


def _as_schedule(
    plan: Schedule,
    fixed: dict[int, Placement],
    at: dict[int, int | None],
    efforts: dict[int, float],
) -> Schedule:
    result = Schedule(unscheduled=dict(plan.unscheduled))
    result.placed = dict(fixed)
    for c, p in at.items():
        if p is not None:
            result.placed[c] = Placement(p, p, {p: max(efforts[c], 0.0)})
            result.unscheduled.pop(c, None)
        else:
            result.unscheduled.setdefault(c, ("capacity", {}))
    return result
