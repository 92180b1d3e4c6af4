"""HiGHS, quiet: a solver that prints nothing, and sums of its terms."""

import os
import threading
from collections.abc import Iterable
from typing import Any

import highspy

_BANNER = threading.Lock()
_BANNER_SHOWN = False

Expression = highspy.highs_linear_expression


def silent_solver(seconds: float | None = None) -> highspy.Highs:
    """A silent, single-threaded, seeded solver (stopping after `seconds` if given).
    HiGHS prints a banner to standard output when a process makes its first one: sent
    to standard error instead, so the CLI's output stays clean."""
    global _BANNER_SHOWN
    with _BANNER:
        if not _BANNER_SHOWN:
            saved = os.dup(1)
            try:
                os.dup2(2, 1)
                solver = highspy.Highs()  # type: ignore[no-untyped-call]
            finally:
                os.dup2(saved, 1)
                os.close(saved)
            _BANNER_SHOWN = True
        else:
            solver = highspy.Highs()  # type: ignore[no-untyped-call]
    solver.setOptionValue("output_flag", False)
    solver.setOptionValue("random_seed", 0)
    solver.setOptionValue("threads", 1)
    if seconds is not None:
        solver.setOptionValue("time_limit", max(float(seconds), 0.01))
    return solver


def total(terms: Iterable[Any]) -> Expression:
    """A sum of solver terms (0 for none), as one expression."""
    result = Expression(0.0)
    for term in terms:
        result += term
    return result
