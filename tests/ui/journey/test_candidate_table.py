"""The editable candidates table: an inline edit is saved at once; one that leaves a
candidate without channels is refused and changes nothing."""

from tests.ui.conftest import texts
from tests.ui.pages.test_candidates import stored, table_key


def test_inline_edit_is_saved(open_page, demo, engine):
    at = open_page("candidates")
    at.multiselect(key="filter_phase").select("Sharing").run()
    first = at.dataframe[0].value.iloc[0]
    at.session_state[table_key(at)] = {
        "edited_rows": {0: {"title": "Renamed inline", "channels": ["Chat"]}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    assert not at.exception
    frame = stored(engine, demo)
    renamed = frame[frame["title"] == "Renamed inline"].iloc[0]
    assert renamed["channels"] == ["Chat"] and first["title"] not in frame["title"].tolist()
    assert "1 candidate saved." in texts(at)


def test_inline_edit_without_channels_is_refused(open_page, demo, engine):
    at = open_page("candidates")
    before = stored(engine, demo)
    at.session_state[table_key(at)] = {
        "edited_rows": {0: {"channels": []}},
        "added_rows": [],
        "deleted_rows": [],
    }
    at.run()
    assert "Choose at least 1 Channels" in texts(at)
    assert stored(engine, demo)["channels"].equals(before["channels"])
