"""A workspace's journey as one value: its names in order, and the id behind a name."""

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from planner.journey.journey import Journey, JourneyKind


@dataclass(frozen=True)
class Named:
    id: int | None
    name: str


@dataclass(frozen=True)
class Space:
    id: int
    name: str
    updated_at: datetime


@pytest.fixture(name="journey")
def journey_fixture() -> Journey:
    return Journey(
        workspace=Space(1, "Onboarding", datetime(2026, 12, 1, tzinfo=UTC)),
        phases=[Named(11, "Inspiration"), Named(12, "Buying")],
        channels=[Named(21, "Website"), Named(22, "E-mail"), Named(23, "Chat")],
        personas=[Named(31, "Starter")],
    )


def test_the_names_keep_the_journeys_order(journey):
    assert journey.phase_names == ["Inspiration", "Buying"]
    assert journey.channel_names == ["Website", "E-mail", "Chat"]
    assert journey.persona_names == ["Starter"]


def test_each_name_finds_its_own_id(journey):
    assert journey.phase_id("Buying") == 12
    assert journey.channel_id("E-mail") == 22
    assert journey.persona_id("Starter") == 31


def test_a_name_the_journey_does_not_have_finds_nothing(journey):
    with pytest.raises(StopIteration):
        journey.phase_id("Website")  # a channel's name, not a phase's
    with pytest.raises(StopIteration):
        journey.channel_id("e-mail")  # names are matched exactly here


def test_a_journey_is_a_value():
    empty = Journey(Space(1, "W", datetime(2026, 1, 1, tzinfo=UTC)), (), (), ())
    assert empty == Journey(Space(1, "W", datetime(2026, 1, 1, tzinfo=UTC)), (), (), ())
    assert empty.phase_names == []
    with pytest.raises(AttributeError):
        empty.phases = ()


def test_the_kinds_of_names_are_phase_channel_and_persona():
    assert [kind.value for kind in JourneyKind] == ["phase", "channel", "persona"]
