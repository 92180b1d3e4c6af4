"""The best plan: the schedule that delivers the most value early, proven by a solver.

Objective: Σ value × (number of periods − index of the period the candidate ends in)
over the scheduled candidates, periods counted from 0 — value counts more the earlier
it lands, and nothing for a candidate left out. Under the rules every plan keeps
(planner.roadmap.plan_rules, the same as the greedy strategies'): capacity per period;
what a candidate needs ends before it starts; pins first, as the greedy plan holds
them (a pin is the user's decision, not the solver's: it holds in the best plan
wherever it holds in the greedy one, and one that cannot hold is reported with the
same reason); left-out candidates; only a candidate larger than a period spans
consecutive periods, each of them carrying work.

A mixed-integer program (planner.roadmap.program) solved with HiGHS. It starts from
the best greedy plan with the same pins (WSJF's, or highest value or lowest effort
first, whichever delivers most: a warm start, so the answer is never worse than any of
them), while a neighbourhood search (planner.roadmap.neighbourhood) improves that plan
beside the solver. Where candidates span periods, the program's relaxation (a span's
loads anywhere in it) is solved first, in up to half of the time: it is proven several
times faster, and its bound holds for the strict program, which then only has to find a
plan that reaches it. All within a time limit on the whole solve, building the programs
included, reporting the best bound: "proven optimal", "within X % of the best possible
plan", or no bound when the time ran out before the solver had one. Same input, same
output.
"""

import copy
import math
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass

import highspy

from planner.roadmap.neighbourhood import improve
from planner.roadmap.plan_rules import span_breaks
from planner.roadmap.program import Program, build, front_loaded
from planner.roadmap.schedule import EPSILON, Reason, Schedule, check_acyclic, schedule
from planner.roadmap.solver import silent_solver, stop_at


@dataclass(frozen=True)
class Proof:
    """How good the plan is: its objective, the solver's bound (None when the time limit
    ended before the solver had one), and the gap between."""

    objective: float
    bound: float | None
    optimal: bool
    seconds: float

    @property
    def gap(self) -> float | None:
        """How far below the best possible plan it may be, as a fraction (0 = optimal;
        None without a bound)."""
        if self.optimal:
            return 0.0
        if self.bound is None:
            return None
        if self.bound <= EPSILON:
            return 0.0
        return max(self.bound - self.objective, 0.0) / self.bound


@dataclass(frozen=True)
class PlanFigures:
    """What a plan delivers: value of the candidates ending in each period, the value it
    leaves unscheduled, and the capacity it leaves unused."""

    delivered: tuple[float, ...]
    unscheduled_value: float
    unused_capacity: float


def figures(
    result: Schedule, values: dict[int, float], capacities: list[float], ranked: list[int]
) -> PlanFigures:
    delivered = [0.0] * len(capacities)
    for candidate, placement in result.placed.items():
        delivered[placement.end] += values[candidate]
    left = sum(values[c] for c in ranked if c not in result.placed)
    unused = sum(capacities) - sum(result.load(len(capacities)))
    return PlanFigures(tuple(delivered), left, max(unused, 0.0))


def objective(result: Schedule, values: dict[int, float], periods: int) -> float:
    """Σ value × (periods − end period) over the scheduled candidates."""
    return sum(values[c] * (periods - p.end) for c, p in result.placed.items())


_SOLVED: "OrderedDict[tuple[object, ...], tuple[Schedule, Proof]]" = OrderedDict()
_SOLVED_LOCK = threading.Lock()
SOLVED_KEPT = 64  # best plans remembered per process (a page rerun must not solve again)


def optimise(
    ranking: list[int],
    values: dict[int, float],
    efforts: dict[int, float],
    capacities: list[float],
    needs: dict[int, set[int]] | None = None,
    pins: dict[int, int] | None = None,
    excluded: set[int] | None = None,
    time_limit: float = 10.0,
) -> tuple[Schedule, Proof]:
    """The best plan for the ranked candidates (see the module), and its proof, within
    `time_limit` seconds of wall time; solved once per input in this process (a rerun of
    the page gets the same plan at once)."""
    key = (
        tuple(ranking),
        tuple(sorted(values.items())),
        tuple(sorted(efforts.items())),
        tuple(capacities),
        tuple(sorted((c, tuple(sorted(n))) for c, n in (needs or {}).items())),
        tuple(sorted((pins or {}).items())),
        tuple(sorted(excluded or ())),
        time_limit,
    )
    with _SOLVED_LOCK:
        if key in _SOLVED:
            _SOLVED.move_to_end(key)
            return copy.deepcopy(_SOLVED[key])
    solved = _solve(ranking, values, efforts, capacities, needs, pins, excluded, time_limit)
    with _SOLVED_LOCK:
        _SOLVED[key] = solved
        while len(_SOLVED) > SOLVED_KEPT:
            _SOLVED.popitem(last=False)
    return copy.deepcopy(solved)


def _solve(
    ranking: list[int],
    values: dict[int, float],
    efforts: dict[int, float],
    capacities: list[float],
    needs: dict[int, set[int]] | None = None,
    pins: dict[int, int] | None = None,
    excluded: set[int] | None = None,
    time_limit: float = 10.0,
) -> tuple[Schedule, Proof]:
    began = time.monotonic()
    deadline = began + time_limit  # for all of it: building the programs counts too
    needs, pins, excluded = needs or {}, pins or {}, excluded or set()
    greedy = schedule(ranking, efforts, capacities, needs, pins, excluded)
    periods = len(capacities)
    # What the rules keep out whatever the plan: left out, not ranked, a pin that cannot
    # hold (pins come first, so the greedy plan decides them), and whatever needs such a
    # candidate, however indirectly.
    ranked = set(ranking)
    out = {
        c: r
        for c, r in greedy.unscheduled.items()
        if r[0] in {"excluded", "needs_excluded", "needs_unscored"} or c in pins
    }
    grew = True
    while grew:
        grew = False
        for c in ranking:
            blocked = [n for n in sorted(needs.get(c, ())) if n in out or n not in ranked]
            if c not in out and blocked:
                out[c] = greedy.unscheduled.get(c, ("needs_unscheduled", {"needed": blocked[0]}))
                grew = True
    held = {c: pins[c] for c in pins if c in greedy.placed}
    eligible = [c for c in ranking if c not in out]
    inside = set(eligible)
    deps = {c: set(needs.get(c, ())) & inside for c in eligible}
    check_acyclic(deps)

    def worth(plan: Schedule) -> float:
        return objective(plan, values, periods)

    def run(
        solved: Program, plan: Schedule, until: float, target: float | None, hint: Schedule
    ) -> tuple[Schedule, float | None, Schedule]:
        """Solve `solved` (the strict program or its relaxation) from `plan` (or, when `hint`
        has placements, from its candidates in one period, the rest for the solver to fill
        in) until `until`, with the neighbourhood search beside it. The best plan that
        keeps every rule, the solver's bound (that plan's objective when it proved `solved`
        optimal), and the solver's own plan (empty without one)."""
        solver = silent_solver()
        solved.into(solver)
        solver.setOptionValue("mip_rel_gap", 1e-6)
        # The neighbourhood search finds the good plans: the solver spends its time on
        # the bound (with its own heuristics on, its proven gap was 0.43-0.53 % on the
        # hardest instance of the bench; without, 0.49 %, and another one proven optimal).
        solver.setOptionValue("mip_heuristic_effort", 0.0)
        if target is not None:  # stop once a plan reaches it: nothing can be better
            solver.setOptionValue("objective_target", target)
        if hint.placed:
            solved.start_from(solver, hint, partly=True)
        else:
            solved.start_from(solver, plan)
        if not stop_at(solver, until):  # timed from here: the limit is the whole solve's
            return plan, None, Schedule()
        # The solver works on its own thread (HiGHS releases the interpreter) while the
        # neighbourhood search improves the plan beside it, until either is done.
        running = solver.startSolve()
        near = improve(
            plan, eligible, values, efforts, capacities, deps, pins, until, solver.is_solver_running
        )
        solver.joinSolve(running)
        best = near if worth(near) > worth(plan) + EPSILON else plan
        info, own = solver.getInfo(), Schedule()
        if info.primal_solution_status >= 2:  # it has a plan: the relaxation's may break rules
            own = solved.plan_of(solver, efforts)
            found = front_loaded(own, capacities)
            keeps = set(held) <= set(found.placed) and not any(
                span_breaks(p, max(efforts[c], 0.0), capacities) for c, p in found.placed.items()
            )
            if keeps and worth(found) + EPSILON >= worth(best):
                best = found
        if solver.getModelStatus() == highspy.HighsModelStatus.kOptimal and solved is strict:
            return best, worth(best), own
        bound = info.mip_dual_bound
        return best, bound if math.isfinite(bound) else None, own

    result = _best_greedy(greedy, ranking, values, efforts, capacities, needs, pins, excluded)
    bounds: list[float] = []
    strict = build(eligible, values, efforts, capacities, deps, held, deadline)
    if strict is not None and not strict.choose:  # nothing can be placed: nothing to do
        bounds.append(worth(result))
    elif strict is not None:
        target, hint = None, Schedule()
        spanning = {c for c, _ in strict.loads}
        if spanning and 10 * len(spanning) >= len(eligible):
            # Many spans: the relaxation first, in up to half of the time left. (With a few,
            # as at n = 30 in the bench, its half is better spent on the strict program.)
            relaxed = build(eligible, values, efforts, capacities, deps, held, deadline, False)
            half = time.monotonic() + (deadline - time.monotonic()) / 2
            if relaxed is not None:
                result, bound, hint = run(relaxed, result, half, None, Schedule())
                if bound is not None:
                    bounds.append(bound)
                    target = bound - _tolerance(bound)
        if not bounds or worth(result) < bounds[0] - _tolerance(bounds[0]):
            # From the relaxation's plan with its spans left to the solver: in the bench
            # (n = 10), a plan reaching the relaxation's bound took 35,000 simplex
            # iterations from the greedy plan, and none from there.
            result, bound, _ = run(strict, result, deadline, target, hint)
            bounds += [bound] if bound is not None else []
    plan = Schedule(placed=dict(result.placed), unscheduled=dict(out))
    for c in eligible:
        if c not in plan.placed:
            plan.unscheduled[c] = _reason(c, deps, plan)
    plan_value = worth(plan)
    best_bound = max(min(bounds), plan_value) if bounds else None
    optimal = best_bound is not None and plan_value >= best_bound - _tolerance(best_bound)
    return plan, Proof(plan_value, best_bound, optimal, time.monotonic() - began)


def _tolerance(bound: float) -> float:
    """How near a plan's objective must come to a bound to count as reaching it: the
    solver's relative gap (objectives are sums of scores with one decimal)."""
    return 1e-6 * max(1.0, abs(bound))


def _reason(candidate: int, deps: dict[int, set[int]], plan: Schedule) -> Reason:
    """Why an eligible candidate is not in the plan, as the greedy plan would say it."""
    missing = sorted(n for n in deps[candidate] if n not in plan.placed)
    return ("needs_unscheduled", {"needed": missing[0]}) if missing else ("capacity", {})


def _best_greedy(
    greedy: Schedule,
    ranking: list[int],
    values: dict[int, float],
    efforts: dict[int, float],
    capacities: list[float],
    needs: dict[int, set[int]],
    pins: dict[int, int],
    excluded: set[int],
) -> Schedule:
    """The best of the greedy plans (the given ranking's, highest value first, lowest
    effort first) that hold the same pins as the given ranking's: where the solver
    starts, so it is never worse than any of them."""
    position = {c: i for i, c in enumerate(ranking)}
    orders = [
        sorted(ranking, key=lambda c: (-values[c], position[c])),
        sorted(ranking, key=lambda c: (efforts[c], position[c])),
    ]
    periods = len(capacities)
    held = set(pins) & set(greedy.placed)
    best, best_value = greedy, objective(greedy, values, periods)
    for order in orders:
        plan = schedule(order, efforts, capacities, needs, pins, excluded)
        if set(pins) & set(plan.placed) != held:
            continue  # pins come first in the ranking's order: another holds others
        if (value := objective(plan, values, periods)) > best_value + EPSILON:
            best, best_value = plan, value
    return best
