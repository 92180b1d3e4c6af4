"""Journey setup's table of import aliases: added, changed and removed; an alias that is
a name of the journey refused."""

from planner.core.db import reading
from planner.store.journey.aliases import list_aliases
from tests.ui.conftest import texts
from tests.ui.pages.test_journey_setup import edit


def aliases_of(engine, demo):
    with reading(engine) as db:
        return [(a.kind, a.name, a.target) for a in list_aliases(db=db, workspace_id=demo.id)]


def test_aliases_are_added_changed_and_removed_in_their_table(open_page, demo, engine):
    at = open_page("journey_setup")
    edit(
        at, "aliases_channel", {"added_rows": [{"name": "Callcenter", "target": "Contact centre"}]}
    )
    assert aliases_of(engine, demo) == [("channel", "Callcenter", "Contact centre")]
    assert at.dataframe  # the channel tab's aliases table shows it
    edit(at, "aliases_channel", {"edited_rows": {0: {"target": "Chat"}}})
    assert aliases_of(engine, demo) == [("channel", "Callcenter", "Chat")]
    edit(at, "aliases_channel", {"deleted_rows": [0]})
    assert aliases_of(engine, demo) == []


def test_an_alias_that_is_a_name_of_the_journey_is_refused(open_page, demo, engine):
    at = open_page("journey_setup", lang="nl")
    edit(at, "aliases_channel", {"added_rows": [{"name": "website", "target": "Chat"}]})
    assert "“website” is zelf een kanaal van deze klantreis" in texts(at)
    edit(at, "aliases_channel", {"added_rows": [{"name": "Bel"}]})
    assert "Staat voor" in texts(at)
    assert aliases_of(engine, demo) == []
