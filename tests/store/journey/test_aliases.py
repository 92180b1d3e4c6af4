"""Import aliases: other names for a workspace's phases, channels and personas."""

import pytest

from planner.core.errors import Conflict, InvalidInput, NotFound
from planner.models import Channel
from planner.store.journey.aliases import (
    alias_map,
    list_aliases,
    remove_alias,
    save_aliases,
    set_alias,
)
from planner.store.journey.dimensions import add_item, remove_item
from tests.factories import make_journey

pytestmark = pytest.mark.storage


def aliases(db, journey):
    return [
        (a.kind, a.name, a.target) for a in list_aliases(db=db, workspace_id=journey.workspace.id)
    ]


def test_an_alias_stands_for_a_name_and_is_found_in_any_case(db):
    journey = make_journey(db)
    wid = journey.workspace.id
    set_alias(db=db, workspace_id=wid, kind="channel", name="Callcenter", target="contact CENTRE")
    set_alias(db=db, workspace_id=wid, kind="persona", name="Gezin", target="Family")
    assert aliases(db, journey) == [
        ("channel", "Callcenter", "Contact centre"),
        ("persona", "Gezin", "Family"),
    ]
    assert alias_map(db=db, workspace_id=wid) == {
        "channel": {"callcenter": "Contact centre"},
        "persona": {"gezin": "Family"},
    }


def test_the_same_alias_again_points_it_elsewhere(db):
    journey = make_journey(db)
    wid = journey.workspace.id
    set_alias(db=db, workspace_id=wid, kind="channel", name="Callcenter", target="Contact centre")
    set_alias(db=db, workspace_id=wid, kind="channel", name="CALLCENTER ", target="Chat")
    assert aliases(db, journey) == [("channel", "CALLCENTER", "Chat")]


def test_an_alias_is_changed_by_its_id(db):
    journey = make_journey(db)
    wid = journey.workspace.id
    first = set_alias(
        db=db, workspace_id=wid, kind="phase", name="Oriëntatie", target="Inspiration"
    )
    set_alias(db=db, workspace_id=wid, kind="phase", name="Kopen", target="Buying")
    set_alias(
        db=db,
        workspace_id=wid,
        kind="phase",
        name="Verkennen",
        target="Inspiration",
        alias_id=first.id,
    )
    assert aliases(db, journey) == [
        ("phase", "Kopen", "Buying"),
        ("phase", "Verkennen", "Inspiration"),
    ]
    with pytest.raises(Conflict, match="already an alias “kopen”"):
        set_alias(
            db=db, workspace_id=wid, kind="phase", name="kopen", target="Buying", alias_id=first.id
        )


@pytest.mark.parametrize(
    ("name", "target", "error", "message"),
    [
        ("Website", "Chat", Conflict, "“Website” is a channel of this journey itself"),
        ("Kiosk", "Teletext", NotFound, "Not found: channel Teletext"),
        ("Kiosk", " ", InvalidInput, "Stands for"),
        ("", "Chat", InvalidInput, "Name"),
        ("x" * 81, "Chat", InvalidInput, "80"),
    ],
)
def test_refused_aliases_say_why(db, name, target, error, message):
    journey = make_journey(db)
    with pytest.raises(error) as raised:
        set_alias(
            db=db, workspace_id=journey.workspace.id, kind="channel", name=name, target=target
        )
    assert message in raised.value.message("en")
    assert aliases(db, journey) == []


def test_an_alias_goes_with_the_name_it_stands_for(db):
    journey = make_journey(db)
    wid = journey.workspace.id
    kiosk = add_item(db=db, model=Channel, workspace_id=wid, name="Kiosk")
    save_aliases(db=db, workspace_id=wid, mapped={"channel": {"Zuil": "Kiosk", "Bel": "Chat"}})
    remove_item(db=db, model=Channel, item_id=kiosk.id)
    db.expire_all()
    assert aliases(db, journey) == [("channel", "Bel", "Chat")]


def test_removing_is_limited_to_the_workspace(db):
    mine, theirs = make_journey(db, name="Mine"), make_journey(db, name="Theirs")
    alias = set_alias(
        db=db, workspace_id=theirs.workspace.id, kind="channel", name="Bel", target="Chat"
    )
    remove_alias(db=db, workspace_id=mine.workspace.id, alias_id=alias.id)
    assert aliases(db, theirs) == [("channel", "Bel", "Chat")]
    remove_alias(db=db, workspace_id=theirs.workspace.id, alias_id=alias.id)
    assert aliases(db, theirs) == []
