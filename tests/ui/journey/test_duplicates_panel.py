"""Candidates page, Possible duplicates: suggested per phase, merged after a confirmation
naming what is kept, and undone."""

import pytest

from planner.core.db import reading, writing
from planner.core.numbers import few_decimals
from planner.journey.duplicates import candidates_of, suggest_duplicates
from planner.store.journey.candidates import candidate_frame
from planner.store.journey.workspaces import load_journey
from tests.factories import add_candidate, make_journey
from tests.ui.conftest import texts


def titles(engine, workspace_id):
    with reading(engine) as db:
        frame = candidate_frame(db=db, workspace_id=workspace_id)
    return dict(zip(frame["title"], frame["channels"], strict=True))


def retail(engine):
    """A workspace with the same idea in the app and on the website, and another idea."""
    with writing(engine) as db:
        journey = make_journey(db)
        service = journey.phase_names[4]
        app = add_candidate(db, journey, "Order status in the app", service, ["Mobile app"])
        site = add_candidate(db, journey, "Order status on the website", service, ["Website"])
        add_candidate(db, journey, "Gift wrapping at checkout", service, ["Store"])
        return load_journey(db=db, workspace_id=journey.workspace.id), app.id, site.id


def test_a_pair_is_suggested_with_its_reason(open_page, engine):
    retail(engine)
    at = open_page("candidates")
    assert "Possible duplicates" in [toggle.label for toggle in at.toggle]
    at.toggle(key="show_duplicates").set_value(True).run()
    assert not at.exception
    shown = texts(at)
    assert "Order status in the app" in shown and "same words apart from the channel" in shown
    assert "Gift wrapping" not in " ".join(m.value for m in at.markdown if "·" in m.value)


def test_a_merge_asks_first_and_keeps_one_candidate_on_both_channels(open_page, engine):
    journey, app, site = retail(engine)
    at = open_page("candidates")
    at.toggle(key="show_duplicates").set_value(True).run()
    at.button(key=f"merge_{app}_{site}").click().run()
    assert not at.exception
    assert "Keep “Order status in the app” on Mobile app, Website?" in texts(at)
    assert len(titles(engine, journey.workspace.id)) == 3  # nothing merged yet
    at.button(key="confirm_merge").click().run()
    assert not at.exception
    after = titles(engine, journey.workspace.id)
    assert after["Order status in the app"] == ["Website", "Mobile app"]
    assert "Order status on the website" not in after
    assert "“Order status on the website” merged into “Order status in the app”." in texts(at)


def test_the_kept_one_is_chosen_and_the_merge_undone(open_page, engine):
    journey, app, site = retail(engine)
    at = open_page("candidates", lang="nl")
    at.toggle(key="show_duplicates").set_value(True).run()
    at.radio(key=f"keep_{app}_{site}").set_value(site).run()
    at.button(key=f"merge_{app}_{site}").click().run()
    at.button(key="confirm_merge").click().run()
    assert not at.exception
    assert set(titles(engine, journey.workspace.id)) == {
        "Order status on the website",
        "Gift wrapping at checkout",
    }
    undo = [button for button in at.button if button.key and button.key.startswith("undo_merge_")]
    assert [button.label for button in undo] == ["Ongedaan maken"]
    undo[0].click().run()
    assert not at.exception
    assert len(titles(engine, journey.workspace.id)) == 3
    assert "Samenvoegen ongedaan gemaakt" in texts(at)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_pair_shows_its_score_as_the_language_writes_it(open_page, engine, lang):
    journey, *_ = retail(engine)
    with reading(engine) as db:
        frame = candidate_frame(db=db, workspace_id=journey.workspace.id)
    (pair,) = suggest_duplicates(candidates_of(frame), channels=journey.channel_names)
    at = open_page("candidates", lang=lang)
    at.toggle(key="show_duplicates").set_value(True).run()
    assert not at.exception
    (line,) = [m.value for m in at.markdown if "·" in m.value and "Order status" in m.value]
    assert f"· score {few_decimals(pair.score, lang)} ·" in line, line
