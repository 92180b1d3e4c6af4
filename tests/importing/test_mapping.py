"""Unknown names mapped to known ones: read as them now, kept as aliases, read so next time."""

import pytest

from planner.core.db import reading, writing
from planner.importing.apply import import_candidates
from planner.importing.batched import import_in_batches
from planner.importing.preview import preview_import
from planner.importing.reading import ImportFailed, read_table
from planner.store.journey.aliases import alias_map, set_alias
from planner.store.journey.candidates import candidate_frame
from planner.store.journey.workspaces import load_journey
from tests.factories import make_journey
from tests.importing.helpers import csv_bytes

ROWS = [
    {"title": "Call back", "phase": "Nazorg", "channel": "Callcenter|Chat", "persona": "Gezin"},
    {"title": "Chat bot", "phase": "Service", "channel": "callcenter", "persona": ""},
]
pytestmark = pytest.mark.storage

MAP = {"phase": {"Nazorg": "service"}, "channel": {"CALLCENTER": "Contact centre"}}


def preview(journey, rows=ROWS, **kwargs):
    return preview_import(read_table(csv_bytes(rows), "x.csv"), journey, **kwargs)


@pytest.fixture(name="journey")
def journey_fixture(db):
    return make_journey(db)


def test_unknown_names_can_be_read_as_known_ones(journey):
    result = preview(journey, map_to=MAP, accept_new={"persona": ["Gezin"]})
    assert result.ok
    assert [(r.phase, r.channels) for r in result.rows] == [
        ("Service", ("Contact centre", "Chat")),
        ("Service", ("Contact centre",)),
    ]
    # As first typed in the file, to be kept as aliases; created ones are not aliases.
    assert result.mapped == {
        "phase": {"Nazorg": "Service"},
        "channel": {"Callcenter": "Contact centre"},
    }
    assert result.new_items == {"persona": ["Gezin"]}


def test_a_mapping_to_a_name_the_journey_lacks_is_refused(journey):
    with pytest.raises(ImportFailed) as refused:
        preview(journey, map_to={"channel": {"Callcenter": "Teletext"}})
    assert refused.value.message("en") == "Not found: channel Teletext."


def test_stored_aliases_come_before_translations(journey):
    """“Winkel” is Dutch for Store; the workspace says it means its Website here."""
    rows = [{"title": "A", "phase": "Buying", "channel": "Winkel"}]
    assert preview(journey, rows).rows[0].channels == ("Store",)
    result = preview(journey, rows, aliases={"channel": {"winkel": "Website"}})
    assert result.rows[0].channels == ("Website",)
    assert result.aliased == {"channel": {"Winkel": "Website"}} and not result.mapped


def test_an_alias_to_a_name_that_is_gone_is_not_used(journey):
    rows = [{"title": "A", "phase": "Buying", "channel": "Kiosk"}]
    result = preview(journey, rows, aliases={"channel": {"kiosk": "Gone"}})
    assert result.unknown == {"channel": ["Kiosk"]}


def test_importing_keeps_the_mappings_as_aliases_for_the_next_import(db, journey):
    wid = journey.workspace.id
    first = preview(journey, map_to=MAP, accept_new={"persona": ["Gezin"]})
    assert import_candidates(db=db, workspace_id=wid, preview=first) == 2
    assert alias_map(db=db, workspace_id=wid) == {
        "phase": {"nazorg": "Service"},
        "channel": {"callcenter": "Contact centre"},
    }
    journey = load_journey(db=db, workspace_id=wid)
    assert "Nazorg" not in journey.phase_names and "Callcenter" not in journey.channel_names
    again = preview(
        journey,
        [{**ROWS[0], "title": "Again"}],
        aliases=alias_map(db=db, workspace_id=wid),
    )
    assert again.ok and again.rows[0].channels == ("Contact centre", "Chat")
    assert again.aliased == {
        "phase": {"Nazorg": "Service"},
        "channel": {"Callcenter": "Contact centre"},
    }


def test_a_batched_import_keeps_them_too(engine):
    with writing(engine) as db:
        journey = make_journey(db)
        set_alias(
            db=db, workspace_id=journey.workspace.id, kind="persona", name="Gezin", target="Family"
        )
        aliases = alias_map(db=db, workspace_id=journey.workspace.id)
    result = preview(journey, map_to=MAP, aliases=aliases)
    assert result.ok and result.aliased == {"persona": {"Gezin": "Family"}}
    import_in_batches(engine=engine, preview=result, workspace_id=journey.workspace.id, batch=1)
    with reading(engine) as db:
        assert alias_map(db=db, workspace_id=journey.workspace.id) == {
            "phase": {"nazorg": "Service"},
            "channel": {"callcenter": "Contact centre"},
            "persona": {"gezin": "Family"},
        }
        frame = candidate_frame(db=db, workspace_id=journey.workspace.id)
    assert sorted(frame["persona"].fillna("")) == ["", "Family"]


def test_the_preview_frame_has_every_column_of_the_file(journey):
    rows = [
        {"title": "A", "phase": "Buying", "channel": "Store", "value": "7,5", "proposer": "Eva"}
    ]
    frame = preview(journey, rows).frame("nl")
    assert list(frame.columns) == [
        "row",
        "title",
        "phase",
        "channels",
        "value",
        "proposer",
        "warning",
    ]
    assert frame.loc[0, "value"] == "7,5"
