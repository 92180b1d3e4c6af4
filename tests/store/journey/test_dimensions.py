"""Phases, channels and personas: add, rename, reorder, remove."""

import pytest

from planner.core.errors import Conflict
from planner.models import Channel, Persona, Phase
from planner.store.journey.dimensions import (
    add_item,
    list_items,
    remove_item,
    rename_item,
    reorder_items,
)
from planner.store.journey.workspaces import load_journey
from tests.factories import add_candidate, make_journey

pytestmark = pytest.mark.storage

MODELS = [Phase, Channel, Persona]


def names(db, model, journey):
    return [i.name for i in list_items(db=db, model=model, workspace_id=journey.workspace.id)]


@pytest.mark.parametrize("model", MODELS)
def test_add_puts_the_item_last(db, model):
    journey = make_journey(db)
    add_item(db=db, model=model, workspace_id=journey.workspace.id, name="Extra")
    assert names(db, model, journey)[-1] == "Extra"


@pytest.mark.parametrize("model", MODELS)
def test_names_are_unique_per_workspace_in_any_case(db, model):
    journey = make_journey(db)
    add_item(db=db, model=model, workspace_id=journey.workspace.id, name="Kiosk")
    with pytest.raises(Conflict, match="Kiosk"):
        add_item(db=db, model=model, workspace_id=journey.workspace.id, name="KIOSK")


def test_the_same_name_may_live_in_two_workspaces(db):
    a, b = make_journey(db, "A"), make_journey(db, "B")
    for journey in (a, b):
        add_item(db=db, model=Channel, workspace_id=journey.workspace.id, name="Kiosk")
    for journey in (a, b):
        reread = load_journey(db=db, workspace_id=journey.workspace.id)
        assert "Kiosk" in reread.channel_names


@pytest.mark.parametrize("model", MODELS)
def test_rename(db, model):
    journey = make_journey(db)
    item = add_item(db=db, model=model, workspace_id=journey.workspace.id, name="Old")
    rename_item(db=db, model=model, item_id=item.id, name="New")
    assert "New" in names(db, model, journey)


def test_rename_onto_another_name_is_refused(db):
    journey = make_journey(db)
    with pytest.raises(Conflict):
        rename_item(db=db, model=Phase, item_id=journey.phases[0].id, name="sharing")


def test_reorder(db):
    journey = make_journey(db)
    ids = [p.id for p in journey.phases]
    reorder_items(db=db, model=Phase, workspace_id=journey.workspace.id, ids=ids[::-1])
    assert names(db, Phase, journey) == journey.phase_names[::-1]


def test_reorder_keeps_unnamed_items_after_the_named(db):
    journey = make_journey(db)
    reorder_items(
        db=db, model=Phase, workspace_id=journey.workspace.id, ids=[journey.phases[-1].id]
    )
    assert names(db, Phase, journey) == ["Sharing", *journey.phase_names[:-1]]


@pytest.mark.parametrize("model", MODELS)
def test_remove_unused(db, model):
    journey = make_journey(db)
    item = add_item(db=db, model=model, workspace_id=journey.workspace.id, name="Gone")
    remove_item(db=db, model=model, item_id=item.id)
    assert "Gone" not in names(db, model, journey)


@pytest.mark.parametrize(
    ("model", "pick"),
    [
        (Phase, lambda j: j.phases[0]),
        (Channel, lambda j: j.channels[0]),
        (Persona, lambda j: j.personas[0]),
    ],
)
def test_remove_in_use_is_refused_naming_the_candidates(db, model, pick):
    journey = make_journey(db)
    add_candidate(db, journey, "Wish list sync", persona_id=journey.personas[0].id)
    item = pick(journey)
    with pytest.raises(Conflict) as error:
        remove_item(db=db, model=model, item_id=item.id)
    message = error.value.message("en")
    assert "Wish list sync" in message and item.name in message
    assert "Wish list sync" in error.value.message("nl")
