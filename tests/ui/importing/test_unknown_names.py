"""The import preview's choice for each unknown name: create it, or read it as a name the
journey knows (kept as an alias), the most alike offered first."""

import pytest

from planner.core.db import reading
from planner.core.text import clean_text
from planner.store.journey.aliases import alias_map
from planner.store.journey.candidates import candidate_frame
from planner.store.journey.workspaces import load_journey
from planner.ui.importing.unknown_names import CREATE, likely_first
from tests.ui.conftest import texts
from tests.ui.pages.test_import_candidates import GOOD, UNKNOWN_PHASE, count, upload


def test_choosing_to_create_an_unknown_phase(open_page, demo, engine):
    at = upload(open_page("import_candidates"), [GOOD, UNKNOWN_PHASE])
    at.selectbox(key="resolve_phase_nazorg").select(CREATE).run()
    assert "New phases to create: Nazorg" in texts(at)
    at.button(key="import_all").click().run()
    assert count(engine, demo) == 44


def test_mapping_an_unknown_name_keeps_it_as_an_alias(open_page, demo, engine):
    """“Callcenter” is read as the known “Contact centre”: no second channel, and the
    next import reads it so by itself."""
    row = {"titel": "Terugbelverzoek", "fase": "Service", "kanaal": "Callcenter | Chat"}
    at = upload(open_page("import_candidates"), [GOOD, row])
    choice = at.selectbox(key="resolve_channel_callcenter")
    assert choice.label == "Channel “Callcenter”" and choice.value is None
    assert choice.options[0] == "Create “Callcenter” as a new channel"
    assert choice.options[1] == "Same as “Contact centre”"  # the likeliest first
    assert at.button(key="import_all").disabled  # left open: the row is an error
    choice.select("Contact centre").run()
    assert "kept as aliases for the next imports: Callcenter → Contact centre" in texts(at)
    assert at.dataframe[0].value["Channels"].tolist() == ["Store", "Contact centre, Chat"]
    at.button(key="import_all").click().run()
    assert not at.exception
    with reading(engine) as db:
        assert "Callcenter" not in load_journey(db=db, workspace_id=demo.id).channel_names
        assert alias_map(db=db, workspace_id=demo.id) == {
            "channel": {"callcenter": "Contact centre"}
        }
        frame = candidate_frame(db=db, workspace_id=demo.id)
    assert frame.set_index("title").loc["Terugbelverzoek", "channels"] == [
        "Contact centre",
        "Chat",
    ]
    again = upload(open_page("import_candidates"), [{**row, "titel": "Tweede keer"}])
    assert not again.main.selectbox  # nothing unknown: read by the alias
    assert "read by this workspace's aliases: Callcenter → Contact centre" in texts(again)
    assert not again.button(key="import_all").disabled


@pytest.mark.parametrize(
    ("name", "known", "offered"),
    [
        ("Contactcentrum", ["Website", "App", "Klantcontactcentrum"], "Klantcontactcentrum"),
        ("WINKEL", ["Website", "Winkel"], "Winkel"),
        ("webshop", ["Website", "App", "Webshop NL"], "Webshop NL"),
    ],
)
def test_the_most_alike_known_name_is_offered_first(name, known, offered):
    ordered = likely_first(name, known)
    assert ordered[0] == offered
    assert sorted(ordered) == sorted(known)  # every known name, each once


def test_without_a_likeness_the_journeys_order_is_kept():
    assert likely_first("xyz", ["Website", "App", "Store"]) == ["Website", "App", "Store"]


def test_the_create_option_is_never_a_name():
    """Names are stored under the text rule, which drops control characters: no stored name
    can equal the option."""
    assert clean_text(CREATE, name=True) != CREATE
