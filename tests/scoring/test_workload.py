"""What a session asks of each stakeholder."""

from types import SimpleNamespace

import pytest

from planner.core.i18n import t
from planner.core.numbers import Count
from planner.scoring.setup import ScoringSetup
from planner.scoring.workload import SECONDS_PER_ANSWER, criteria_per_stakeholder, workload


@pytest.mark.parametrize(
    ("candidates", "criteria", "answers", "minutes"),
    [
        (42, 3, 126, 21),  # the demo: all its candidates
        (7, 3, 21, 4),  # 3.5 minutes: rounded up, the time to plan for
        (1, 1, 1, 1),
        (0, 3, 0, 0),
        (2000, 3, 6000, 1000),
    ],
)
def test_answers_and_minutes(candidates, criteria, answers, minutes):
    assert SECONDS_PER_ANSWER == 10
    load = workload(candidates, criteria)
    assert (load.answers, load.minutes) == (answers, minutes)


def criterion(id_: int) -> SimpleNamespace:
    return SimpleNamespace(id=id_)


@pytest.mark.parametrize(
    ("roles", "limits", "most"),
    [
        ({}, {}, 3),  # everyone rates everything
        ({"IT": 1.0, "Sales": 1.0}, {}, 3),
        ({"IT": 1.0, "Sales": 1.0}, {3: ("IT",)}, 3),  # IT rates all three
        ({"IT": 1.0, "Sales": 1.0}, {1: ("Sales",), 3: ("IT",)}, 2),
        ({"IT": 1.0}, {1: ("IT",), 2: ("IT",), 3: ("IT",)}, 3),
    ],
)
def test_criteria_per_stakeholder_is_the_busiest_ballot(roles, limits, most):
    setup = ScoringSetup(
        model=None,  # type: ignore[arg-type]
        criteria=[criterion(1), criterion(2), criterion(3)],  # type: ignore[list-item]
        role_weights_named=roles,
        criterion_roles=limits,
    )
    assert criteria_per_stakeholder(setup) == most


@pytest.mark.parametrize(
    ("lang", "count", "text"),
    [
        ("en", 1, "1 answer"),
        ("en", 6000, "6,000 answers"),
        ("nl", 1, "1 antwoord"),
        ("nl", 6000, "6.000 antwoorden"),
    ],
)
def test_a_count_reads_as_its_language_writes_it(lang, count, text):
    assert t("session.workload_answers", lang, count=Count(count, lang)) == text
