"""Edits in the candidates table become candidate updates."""

import itertools
from types import SimpleNamespace

from planner.journey.edits import updates_from_edits
from planner.journey.journey import Journey
from planner.journey.templates import DEFAULT_CHANNELS, SIX_PHASES


def make_journey() -> Journey:
    """The six-phase journey with the default channels and one persona, no database."""
    ids = itertools.count(1)

    def rows(names):
        return [SimpleNamespace(id=next(ids), name=name) for name in names]

    return Journey(
        SimpleNamespace(id=1, name="Retail"),
        rows(term.en for term in SIX_PHASES),
        rows(term.en for term in DEFAULT_CHANNELS),
        rows(["Family"]),
    )


def test_edits_become_updates_with_ids():
    journey = make_journey()
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


def test_persona_set_by_name():
    journey = make_journey()
    assert updates_from_edits(journey, [5], {"0": {"persona": "Family"}}) == [
        (5, {"persona_id": journey.persona_id("Family")})
    ]
