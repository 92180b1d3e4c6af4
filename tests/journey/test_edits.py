"""Edits in the candidates table become candidate updates."""

import pytest

from planner.journey.edits import updates_from_edits
from tests.factories import make_journey

pytestmark = pytest.mark.storage


def test_edits_become_updates_with_ids(session):
    journey = make_journey(session)
    updates = updates_from_edits(
        journey,
        shown_ids=[10, 20, 30],
        edited_rows={
            2: {"title": "New", "phase": "Service", "channels": ["Chat", "Website"]},
            0: {"persona": None, "tags": ["a"], "channel_switch": True, "description": None},
            1: {"select": True},  # the delete tick is not an edit
        },
    )
    assert updates == [
        (10, {"clear_persona": True, "tags": ["a"], "channel_switch": True, "description": ""}),
        (
            30,
            {
                "title": "New",
                "phase_id": journey.phase_id("Service"),
                "channel_ids": [journey.channel_id("Chat"), journey.channel_id("Website")],
            },
        ),
    ]


def test_persona_set_by_name(session):
    journey = make_journey(session)
    assert updates_from_edits(journey, [5], {"0": {"persona": "Family"}}) == [
        (5, {"persona_id": journey.persona_id("Family")})
    ]
