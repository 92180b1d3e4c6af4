"""The best plan as a mixed-integer program for HiGHS (planner.roadmap.optimal solves it).

One binary per candidate and *option* (start period, end period: one period for a
candidate that fits it, an interval for one larger than the period it starts in), and
for spanning options the effort per period as a continuous load. Built as arrays and
handed to HiGHS in one call each (term by term through highspy's expressions, building
took 0.4 s of a solve at n = 300).

Two versions: the *strict* program keeps every rule (each period of a span carries at
least MIN_SPAN_LOAD); the *relaxed* one lets a span's loads fall anywhere in it, zero
included. The relaxed program is a relaxation (its bound holds for the strict one) that
HiGHS proves several times faster where many candidates span: it drops the options a
span with empty periods makes pointless.
"""

import time
from dataclasses import dataclass, field

import highspy
import numpy as np

from planner.roadmap.schedule import EPSILON, Placement, Schedule

# Effort points the strict program puts at least into each period of a span: a span over
# a period without work would start or end where nothing is done (the loads are tidied
# afterwards, see `front_loaded`, so a span's loads read as the greedy plan's do).
MIN_SPAN_LOAD = 1e-3

Option = tuple[int, int, int]  # candidate, start, end


def options_of(
    effort: float, capacities: list[float], pin: int | None = None
) -> list[tuple[int, int]]:
    """(start, end) pairs a candidate may take: one period it fits in, or, starting in a
    period it is larger than, consecutive periods that hold it, each with room for work."""
    periods = len(capacities)
    options = []
    for start in [pin] if pin is not None else range(periods):
        if not 0 <= start < periods:
            continue
        if effort <= capacities[start] + EPSILON:
            options.append((start, start))
            continue
        room = 0.0
        for end in range(start, periods):
            if capacities[end] < MIN_SPAN_LOAD:
                break  # a span never crosses a period it cannot work in
            room += capacities[end]
            if room + EPSILON >= effort and end > start:
                options.append((start, end))
    return options


@dataclass
class Program:
    """The program as arrays: columns (all from 0) and rows (lower <= Σ a × x <= upper)."""

    choose: dict[Option, int] = field(default_factory=dict)  # option -> its column
    loads: dict[tuple[int, int], int] = field(default_factory=dict)  # (c, period) -> column
    upper: list[float] = field(default_factory=list)
    cost: list[float] = field(default_factory=list)
    row_lower: list[float] = field(default_factory=list)
    row_upper: list[float] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    indices: list[int] = field(default_factory=list)
    coefficients: list[float] = field(default_factory=list)

    def column(self, upper: float, cost: float = 0.0) -> int:
        self.upper.append(upper)
        self.cost.append(cost)
        return len(self.upper) - 1

    def row(self, terms: list[tuple[int, float]], lower: float, upper: float) -> None:
        self.starts.append(len(self.indices))
        self.row_lower.append(lower)
        self.row_upper.append(upper)
        for index, coefficient in terms:
            self.indices.append(index)
            self.coefficients.append(coefficient)

    def into(self, solver: highspy.Highs) -> None:
        """Hand the program to `solver`, maximising."""
        columns = len(self.upper)
        solver.addVars(columns, np.zeros(columns), np.array(self.upper))
        binary = np.array(sorted(self.choose.values()), dtype=np.int32)
        kind = np.full(len(binary), highspy.HighsVarType.kInteger.value, dtype=np.uint8)
        solver.changeColsIntegrality(len(binary), binary, kind)
        everyone = np.arange(columns, dtype=np.int32)
        solver.changeColsCost(columns, everyone, np.array(self.cost))
        solver.changeObjectiveSense(highspy.ObjSense.kMaximize)
        solver.addRows(
            len(self.row_lower),
            np.array(self.row_lower),
            np.array(self.row_upper),
            len(self.indices),
            np.array(self.starts, dtype=np.int32),
            np.array(self.indices, dtype=np.int32),
            np.array(self.coefficients),
        )

    def start_from(self, solver: highspy.Highs, plan: Schedule, partly: bool = False) -> None:
        """Hand `solver` the plan as its first solution; `partly`: only where the plan puts
        each candidate that is in one period or nowhere, the spans for it to fill in."""
        chosen = {(c, p.start, p.end) for c, p in plan.placed.items()}
        if partly:
            spanning = {c for c, p in plan.placed.items() if p.end > p.start}
            fixed = [
                (i, float(o in chosen)) for o, i in self.choose.items() if o[0] not in spanning
            ]
            indices = np.array([i for i, _ in fixed], dtype=np.int32)
            solver.setSolution(len(fixed), indices, np.array([v for _, v in fixed]))
            return
        values = [0.0] * len(self.upper)
        for option in sorted(chosen & self.choose.keys()):
            values[self.choose[option]] = 1.0
            for p, points in plan.placed[option[0]].load.items():
                if (option[0], p) in self.loads:
                    values[self.loads[option[0], p]] = points
        solution = highspy.HighsSolution()
        solution.col_value = values
        solver.setSolution(solution)

    def plan_of(self, solver: highspy.Highs, efforts: dict[int, float]) -> Schedule:
        """The solver's solution as placements (nothing unscheduled listed)."""
        solution = solver.getSolution().col_value
        result = Schedule()
        for (c, s, e), column in self.choose.items():
            if solution[column] > 0.5:
                load = {s: max(efforts[c], 0.0)}
                if e > s:
                    load = {p: solution[self.loads[c, p]] for p in range(s, e + 1)}
                result.placed[c] = Placement(s, e, load)
        return result


def build(
    eligible: list[int],
    values: dict[int, float],
    efforts: dict[int, float],
    capacities: list[float],
    deps: dict[int, set[int]],
    held: dict[int, int],
    deadline: float,
    strict: bool = True,
) -> Program | None:
    """The program for the eligible candidates (`held` pins fixed), or None if `deadline`
    (a time.monotonic() value) passes while it is built."""
    periods = len(capacities)
    inf = highspy.kHighsInf
    program = Program()
    options = {c: options_of(max(efforts[c], 0.0), capacities, held.get(c)) for c in eligible}
    capacity_use: list[list[tuple[int, float]]] = [[] for _ in range(periods)]
    before = [0.0, *np.cumsum(capacities)]
    for c in eligible:
        effort = max(efforts[c], 0.0)
        for s, e in options[c]:
            program.choose[c, s, e] = program.column(1.0, values[c] * (periods - e))
            if e == s:
                capacity_use[s].append((program.choose[c, s, e], effort))
        chosen = [(program.choose[c, s, e], 1.0) for s, e in options[c]]
        if chosen:  # a held pin must hold: its candidate takes one of its options
            program.row(chosen, 1.0 if c in held else -inf, 1.0)
        spans = [(s, e) for s, e in options[c] if e > s]
        covered = sorted({p for s, e in spans for p in range(s, e + 1)})
        for p in covered:
            load = program.loads[c, p] = program.column(capacities[p])
            capacity_use[p].append((load, 1.0))
            here = [(program.choose[c, s, e], s, e) for s, e in spans if s <= p <= e]
            if not strict:  # at most the capacity, in the option taken
                program.row([(load, 1.0)] + [(i, -capacities[p]) for i, _, _ in here], -inf, 0)
                continue
            # In the option taken: at least MIN_SPAN_LOAD and what the span's other periods
            # cannot hold; at most the capacity and what they leave over.
            most = [(i, -min(capacities[p], effort - MIN_SPAN_LOAD * (e - s))) for i, s, e in here]
            least = [
                (i, -max(MIN_SPAN_LOAD, effort - (before[e + 1] - before[s]) + capacities[p]))
                for i, s, e in here
            ]
            program.row([(load, 1.0), *most], -inf, 0.0)
            program.row([(load, 1.0), *least], 0.0, inf)
        if spans:
            program.row(
                [(program.loads[c, p], 1.0) for p in covered]
                + [(program.choose[c, s, e], -effort) for s, e in spans],
                0.0,
                0.0,
            )
        if time.monotonic() >= deadline:
            return None
    for p in range(periods):
        if capacity_use[p]:
            program.row(capacity_use[p], -inf, capacities[p])
    for c in eligible:
        for needed in sorted(deps[c]):
            # Started by period p only if what it needs ended before p: per period, which
            # bounds the solver far tighter than one "end < start" with a big M. Only in
            # periods it may start in: between two, the row of the first is the tighter.
            for p in sorted({s for s, _ in options[c]}):
                started = [(program.choose[c, s, e], 1.0) for s, e in options[c] if s <= p]
                ended = [(program.choose[needed, s, e], -1.0) for s, e in options[needed] if e < p]
                program.row(started + ended, -inf, 0.0)
        if time.monotonic() >= deadline:
            return None
    return program


def front_loaded(plan: Schedule, capacities: list[float]) -> Schedule:
    """`plan` with each span's work moved as early in the span as the room left allows,
    and periods left without work dropped from its end. A solver keeps a span's loads
    within capacity but puts them anywhere in it; the greedy plan fills from the start."""
    free = [c - u for c, u in zip(capacities, plan.load(len(capacities)), strict=True)]
    tidy = Schedule(placed=dict(plan.placed), unscheduled=dict(plan.unscheduled))
    for start, candidate in sorted((p.start, c) for c, p in plan.placed.items() if p.end > p.start):
        placement = plan.placed[candidate]
        load = {p: max(points, 0.0) for p, points in placement.load.items()}
        for p in range(start, placement.end):
            for q in range(placement.end, p, -1):
                move = min(max(free[p], 0.0), load[q])
                load[p], load[q] = load[p] + move, load[q] - move
                free[p], free[q] = free[p] - move, free[q] + move
        end = max(p for p in load if load[p] > EPSILON or p == start)
        load[end] += sum(load.pop(p) for p in range(end + 1, placement.end + 1))
        tidy.placed[candidate] = Placement(start, end, load)
    return tidy
