"""HiGHS, quiet: the solver prints nothing on standard output, runs until its deadline
at most, and sums terms as one expression."""

import time

import highspy

from planner.roadmap.solver import STOP_EARLY, silent_solver, stop_at, total


def option(solver: highspy.Highs, name: str):
    """The value of a solver option (HiGHS answers a status and the value)."""
    status, value = solver.getOptionValue(name)
    assert status == highspy.HighsStatus.kOk
    return value


def test_a_solver_prints_nothing_on_standard_output(capfd):
    solver = silent_solver()
    x = solver.addVariable(lb=0, ub=4)
    solver.maximize(x)
    assert solver.getModelStatus() == highspy.HighsModelStatus.kOptimal
    assert solver.getObjectiveValue() == 4
    assert capfd.readouterr().out == ""


def test_a_solver_is_single_threaded_and_seeded():
    solver = silent_solver()
    assert option(solver, "threads") == 1
    assert option(solver, "random_seed") == 0
    assert option(solver, "output_flag") is False


def test_stop_at_gives_the_solver_a_little_less_than_the_time_left():
    solver = silent_solver()
    assert stop_at(solver, time.monotonic() + 10) is True
    limit = option(solver, "time_limit")
    assert 10 - STOP_EARLY - 0.5 < limit <= 10 - STOP_EARLY


def test_stop_at_a_short_deadline_keeps_nine_tenths_of_it():
    solver = silent_solver()
    assert stop_at(solver, time.monotonic() + 1) is True
    assert 0.8 < option(solver, "time_limit") <= 0.9


def test_stop_at_a_passed_deadline_says_do_not_start():
    solver = silent_solver()
    assert stop_at(solver, time.monotonic() - 1) is False
    assert stop_at(solver, time.monotonic()) is False


def test_total_sums_the_terms_and_is_zero_for_none():
    solver = silent_solver()
    xs = [solver.addVariable(lb=0, ub=1) for _ in range(3)]
    solver.addConstr(total(xs) <= 2)
    solver.maximize(total(x * 1.0 for x in xs) + total([]))
    assert solver.getObjectiveValue() == 2
