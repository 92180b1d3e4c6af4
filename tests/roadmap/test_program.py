"""The best plan's program: its options, its relaxation and the tidying of a span's loads."""

import time

import pytest

from planner.roadmap.program import build, front_loaded, options_of
from planner.roadmap.schedule import Placement, Schedule
from planner.roadmap.solver import silent_solver, stop_at


@pytest.mark.parametrize(
    ("effort", "capacities", "pin", "expected"),
    [
        (3.0, [4.0, 4.0], None, [(0, 0), (1, 1)]),  # fits each: whole, never split
        (6.0, [4.0, 4.0, 4.0], None, [(0, 1), (0, 2), (1, 2)]),
        (6.0, [4.0, 8.0, 4.0], None, [(0, 1), (0, 2), (1, 1)]),  # fits period 1 whole
        (6.0, [4.0, 0.0, 4.0], None, []),  # a span never crosses a period without room
        (6.0, [4.0, 4.0, 4.0], 1, [(1, 2)]),  # pinned: from its pin only
        (6.0, [4.0, 4.0], 5, []),  # pinned outside the roadmap
    ],
)
def test_the_options_of_a_candidate(effort, capacities, pin, expected):
    assert options_of(effort, capacities, pin) == expected


def test_a_spans_loads_move_to_its_start_and_its_empty_end_goes():
    plan = Schedule(
        placed={
            1: Placement(0, 0, {0: 3.0}),
            3: Placement(0, 3, {0: 0.0, 1: 4.0, 2: 3.0, 3: 1.0}),
        }
    )
    tidy = front_loaded(plan, [4.0, 4.0, 4.0, 4.0])
    assert tidy.placed[3] == Placement(0, 2, {0: 1.0, 1: 4.0, 2: 3.0})
    assert tidy.placed[1] == plan.placed[1]


def solve(program):
    solver = silent_solver()
    program.into(solver)
    solver.run()
    return solver.getInfo().objective_function_value


def test_the_relaxation_bounds_the_strict_program():
    """The issue's spans (capacities 4 x 5; efforts 2, 1, 8): the relaxation may leave a
    span's first period empty, the strict program may not; same optimum here, and never
    below the strict one."""
    efforts, values = {1: 2.0, 2: 1.0, 3: 8.0}, {1: 5.56, 2: 8.89, 3: 10.0}
    args = ([1, 3, 2], values, efforts, [4.0] * 5, {1: set(), 2: set(), 3: set()}, {})
    strict = build(*args, deadline=time.monotonic() + 60)
    relaxed = build(*args, deadline=time.monotonic() + 60, strict=False)
    assert solve(relaxed) == pytest.approx(solve(strict)) == 5.56 * 5 + 8.89 * 5 + 10 * 3


def test_nothing_is_built_or_started_after_the_deadline():
    args = ([1], {1: 1.0}, {1: 1.0}, [4.0], {1: set()}, {})
    assert build(*args, deadline=time.monotonic() - 1) is None
    assert not stop_at(silent_solver(), time.monotonic() - 1)
    solver = silent_solver()
    assert stop_at(solver, time.monotonic() + 5)
    _, limit = solver.getOptionValue("time_limit")
    assert 0 < limit <= 5
