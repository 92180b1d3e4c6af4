"""The journey's input schemas: what people type is cleaned by the one text rule and held
to its limits, refused naming the field; the defaults a new workspace and candidate get."""

import pytest

from planner.core.limits import NAME_MAX, TITLE_MAX
from planner.journey.templates import Template
from planner.models import (
    CandidateCreate,
    CandidateUpdate,
    DimensionCreate,
    WorkspaceCreate,
    WorkspaceUpdate,
)
from tests.models.helpers import dutch_refusal, refusals

IDEA = {"title": "Idea", "phase_id": 1, "channel_ids": [1]}


def test_a_candidate_is_cleaned_and_gets_its_defaults():
    candidate = CandidateCreate(**(IDEA | {"title": "  Stock\tper store\n", "tags": [" new "]}))
    assert candidate.title == "Stock per store"
    assert candidate.tags == ["new"]
    assert (candidate.description, candidate.proposer, candidate.channel_switch) == ("", "", False)
    assert (candidate.pre_value, candidate.pre_effort, candidate.persona_id) == (None, None, None)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": ""}, "Title is required."),
        ({"title": " \n "}, "Title is required."),
        ({"title": "x" * (TITLE_MAX + 1)}, f"Title may have at most {TITLE_MAX} characters."),
        ({"channel_ids": []}, "Channels"),
        ({"pre_value": 11}, "Value may be at most 10."),
        ({"pre_effort": -1}, "at least 0"),
        ({"tags": ["ok", " "]}, "Tags"),
    ],
)
def test_a_candidate_is_refused_naming_the_field(changes, message):
    found = refusals(CandidateCreate, **(IDEA | changes))
    assert found and message in found[0]


def test_a_refusal_is_in_dutch_too():
    assert dutch_refusal(CandidateCreate, **(IDEA | {"title": ""})) == "Titel is verplicht."


def test_an_update_changes_only_what_is_given():
    update = CandidateUpdate(title="New title")
    assert update.model_dump(exclude_none=True) == {"title": "New title", "clear_persona": False}
    assert refusals(CandidateUpdate, channel_ids=[]) != []
    assert refusals(CandidateUpdate) == []


def test_a_new_workspace_is_english_with_six_phases_unless_asked():
    workspace = WorkspaceCreate(name="Retail")
    assert (workspace.language, workspace.template, workspace.description) == (
        "en",
        Template.SIX_PHASE,
        "",
    )
    found = refusals(WorkspaceCreate, name="Retail", language="fr", template="ten_phase")
    assert found[0].startswith("Language must be one of")
    assert found[1].startswith("Template must be one of")


@pytest.mark.parametrize("schema", [WorkspaceCreate, DimensionCreate])
def test_names_are_required_and_held_to_the_name_limit(schema):
    assert refusals(schema, name="") == ["Name is required."]
    assert refusals(schema, name="x" * (NAME_MAX + 1)) == [
        f"Name may have at most {NAME_MAX} characters."
    ]
    assert refusals(schema, name="x" * NAME_MAX) == []


def test_a_workspace_update_leaves_out_what_is_not_given():
    assert WorkspaceUpdate(archived=True).model_dump(exclude_none=True) == {"archived": True}
