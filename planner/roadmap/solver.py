"""HiGHS, quiet: a solver that prints nothing, and sums of its terms."""

import os
import threading
import time
from collections.abc import Iterable
from typing import Any

import highspy

_BANNER = threading.Lock()
_BANNER_SHOWN = False
STOP_EARLY = 0.3  # seconds (at most a tenth of what is left) a solver stops before its deadline

Expression = highspy.highs_linear_expression


def silent_solver() -> highspy.Highs:
    """A silent, single-threaded, seeded solver (see `stop_at` for its time limit).
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
    return solver


def stop_at(solver: highspy.Highs, deadline: float) -> bool:
    """Let `solver` run until `deadline` (a time.monotonic() value) at most: set just
    before it starts, as HiGHS counts its time limit from there. False when the deadline
    has passed (then do not start it)."""
    left = deadline - time.monotonic()
    if left <= 0:
        return False
    # HiGHS looks at its clock between steps (a round of cuts at the root of n = 300 took
    # up to 0.7 s past its limit on a busy machine): it gets a little less.
    solver.setOptionValue("time_limit", left - min(0.1 * left, STOP_EARLY))
    return True


def total(terms: Iterable[Any]) -> Expression:
    """A sum of solver terms (0 for none), as one expression."""
    result = Expression(0.0)
    for term in terms:
        result += term
    return result
