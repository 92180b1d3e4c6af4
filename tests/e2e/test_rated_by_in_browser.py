"""Who rates a criterion, chosen in the browser: a role picked stays picked when the
facilitator presses Escape (the grid's own cell editor would have dropped it)."""

import pytest
from playwright.sync_api import expect

from planner.core.db import make_engine, reading, writing
from planner.demo import DEMO_NAME, DEMO_PASSPHRASE
from planner.models import RoleWeightCreate
from planner.store.journey.workspaces import find_workspace
from planner.store.scoring.scoring_model import load_scoring_setup, set_role_weights
from tests.e2e.steps import DESKTOP, click_option, go, new_page, settled, sign_in


@pytest.fixture(name="listed")
def listed_fixture(served):
    """The demo with Marketing and IT listed; the roles of its effort criterion, read anew."""
    engine = make_engine(served.database_url)
    with writing(engine) as db:
        workspace_id = find_workspace(db=db, name=DEMO_NAME).id
        set_role_weights(
            db=db,
            workspace_id=workspace_id,
            weights_in=[RoleWeightCreate(role=r, weight=1) for r in ("Marketing", "IT")],
        )

    def effort_roles() -> tuple[str, ...]:
        with reading(engine) as db:
            setup = load_scoring_setup(db=db, workspace_id=workspace_id)
        return setup.roles_of(setup.criteria_of("effort")[0].id)

    yield effort_roles
    engine.dispose()


def test_a_role_picked_for_a_criterion_survives_escape(browser, served, listed):
    page = new_page(browser, viewport=DESKTOP)
    sign_in(page, served.url, DEMO_NAME, DEMO_PASSPHRASE)
    go(page, "Scoring model")
    box = page.get_by_test_id("stMultiSelect").filter(has=page.get_by_text("Effort", exact=True))
    for role, stored in (("IT", ("IT",)), ("Marketing", ("IT", "Marketing"))):
        click_option(page, box.get_by_role("combobox"), role)
        page.keyboard.press("Escape")  # the list closes
        page.keyboard.press("Escape")  # and once more, on the box itself
        settled(page)
        expect(box).to_contain_text(role)
        assert listed() == stored
    page.reload()
    settled(page)
    go(page, "Scoring model")
    box = page.get_by_test_id("stMultiSelect").filter(has=page.get_by_text("Effort", exact=True))
    expect(box).to_contain_text("IT")
    expect(box).to_contain_text("Marketing")
