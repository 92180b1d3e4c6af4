"""Journey grid, likely duplicates: cells marked with their count, opened from the list
below the grid, merged and undone there, the grid updated and still shown."""

import pyarrow as pa

from planner.core.db import reading, writing
from planner.store.journey.candidates import candidate_frame
from planner.store.journey.workspaces import load_journey
from planner.ui.journey.grid_duplicates import OPENER
from tests.factories import add_candidate, make_journey
from tests.ui.conftest import texts


def stored(engine, workspace_id):
    """title -> channels, as stored now."""
    with reading(engine) as db:
        frame = candidate_frame(db=db, workspace_id=workspace_id)
    return dict(zip(frame["title"], frame["channels"], strict=True))


def retail(engine):
    """The order status proposed in the app and on the website (a likely duplicate across
    channels), another idea in the app, and the same idea twice in one cell."""
    with writing(engine) as db:
        journey = make_journey(db)
        service, buying = journey.phase_names[4], journey.phase_names[3]
        app = add_candidate(db, journey, "Order status in the app", service, ["Mobile app"])
        site = add_candidate(db, journey, "Order status on the website", service, ["Website"])
        add_candidate(db, journey, "Gift wrapping at checkout", service, ["Mobile app"])
        add_candidate(db, journey, "Pay in instalments", buying, ["Store"])
        add_candidate(db, journey, "Pay in instalments", buying, ["Store"])
        return load_journey(db=db, workspace_id=journey.workspace.id), app.id, site.id


def grid_texts(at) -> dict[tuple[str, str], str]:
    """What the grid's cells show, (channel, phase) -> text, as the browser gets it."""
    styler = at.dataframe[0].proto.arrow_data.styler
    shown = pa.ipc.open_stream(styler.display_values).read_pandas()
    data = at.dataframe[0].value
    return {
        (channel, phase): str(shown.iloc[row][phase])
        for row, channel in enumerate(data.index)
        for phase in data.columns
    }


def opener_labels(at) -> list[str]:
    """The marked cells listed below the grid (none: no list)."""
    return [option for pills in at.pills for option in pills.options if pills.key == OPENER]


def open_cell(at, phase: str, channel: str):
    at.pills(key=OPENER).set_value((phase, channel)).run()
    assert not at.exception
    assert at.pills(key=OPENER).value is None  # let go: the same cell opens again later
    return at


def test_cells_with_a_duplicate_on_another_channel_say_so(open_page, engine):
    retail(engine)
    at = open_page("journey_grid")
    cells = grid_texts(at)
    assert cells[("Mobile app", "Service")] == "2 · 1 duplicate?"
    assert cells[("Website", "Service")] == "1 · 1 duplicate?"
    assert cells[("Store", "Buying")] == "2"  # both in one cell: listed there already
    assert at.dataframe[0].value.loc["Mobile app", "Service"] == 2  # still a count
    assert at.pills(key=OPENER).label == "Likely duplicates across channels, in 2 cells:"
    assert opener_labels(at) == ["Service × Website (1)", "Service × Mobile app (1)"]


def test_a_merge_from_the_grid_stays_on_the_grid_and_is_undone_there(open_page, engine):
    journey, app, site = retail(engine)
    at = open_page("journey_grid")
    open_cell(at, "Service", "Website")
    assert (at.selectbox(key="grid_phase").value, at.selectbox(key="grid_channel").value) == (
        "Service",
        "Website",
    )
    shown = texts(at)
    assert "Likely duplicates on other channels (1)" in shown
    assert "Order status in the app (Mobile app)" in shown
    assert "Order status on the website (Website)" in shown
    at.button(key=f"merge_{app}_{site}").click().run()
    assert "Keep “Order status in the app” on Mobile app, Website?" in texts(at)
    assert "Order status on the website" in stored(engine, journey.workspace.id)  # not yet
    at.button(key="confirm_merge").click().run()
    assert not at.exception
    after = stored(engine, journey.workspace.id)
    assert after["Order status in the app"] == ["Website", "Mobile app"]
    assert "Order status on the website" not in after
    assert at.title[0].value == "Journey grid"
    assert "“Order status on the website” merged into “Order status in the app”." in texts(at)
    assert opener_labels(at) == []
    assert grid_texts(at)[("Website", "Service")] == "1"  # the kept one, now on both
    assert at.dataframe[1].value["Title"].tolist() == ["Order status in the app"]
    [undo] = [b for b in at.button if b.key and b.key.startswith("undo_merge_")]
    undo.click().run()
    assert not at.exception
    assert stored(engine, journey.workspace.id)["Order status on the website"] == ["Website"]
    assert "Merge undone: “Order status on the website” is back." in texts(at)
    assert opener_labels(at) == ["Service × Website (1)", "Service × Mobile app (1)"]


def test_in_dutch(open_page, engine):
    _, app, site = retail(engine)
    at = open_page("journey_grid", lang="nl")
    assert grid_texts(at)[("Mobile app", "Service")] == "2 · 1 dubbel?"
    assert at.pills(key=OPENER).label == "Waarschijnlijke dubbelen over kanalen heen, in 2 cellen:"
    open_cell(at, "Service", "Mobile app")
    assert "Waarschijnlijke dubbelen op andere kanalen (1)" in texts(at)
    assert at.button(key=f"merge_{app}_{site}").label == "Samenvoegen"
