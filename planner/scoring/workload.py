"""What a session asks of each stakeholder: the answers to give and the minutes they take.

>>> workload(candidates=42, criteria=3)
Workload(candidates=42, criteria=3, answers=126, minutes=21)
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from planner.scoring.setup import ScoringSetup

# Reading a card and tapping a score: about ten seconds an answer for someone new to the
# candidates (a second round on the same ones goes faster). The estimate says so.
SECONDS_PER_ANSWER = 10


class Workload(NamedTuple):
    candidates: int
    criteria: int
    answers: int  # per stakeholder
    minutes: int  # rounded up: the time to plan for


def workload(candidates: int, criteria: int, seconds: int = SECONDS_PER_ANSWER) -> Workload:
    """Each stakeholder answers every criterion of every candidate."""
    answers = candidates * criteria
    return Workload(candidates, criteria, answers, math.ceil(answers * seconds / 60))


def criteria_per_stakeholder(setup: ScoringSetup) -> int:
    """The most criteria one stakeholder rates: those of the busiest listed role, or of a
    stakeholder whose role is not listed (they rate the criteria open to everyone)."""
    return max(len(setup.criteria_for(role)) for role in ("", *setup.role_weights_named))
