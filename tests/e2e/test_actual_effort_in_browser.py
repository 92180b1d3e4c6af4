"""The issue's steps in Chromium, by the product owner's link: mark a commitment done,
enter its actual effort (no KPI measured yet), save; the card shows the actual effort
and Progress sets it against the stakeholders' effort scores. On a busy machine."""

from datetime import date, timedelta

from playwright.sync_api import Page, expect

from planner.core.db import make_engine, writing
from planner.models import CommitmentCreate, SessionCreate, StakeholderJoin, StatusChange
from planner.store.access.grants import get_access
from planner.store.delivery.commitments import change_status, commit
from planner.store.journey.workspaces import list_workspaces
from planner.store.scoring.scoring_model import load_scoring_setup
from planner.store.scoring.sessions import open_session, reveal_round
from planner.store.scoring.stakeholders import join_session
from tests.e2e.rounds import busy_machine, close_open_sessions
from tests.e2e.steps import DESKTOP, choose, go, new_page, settled
from tests.factories import saved_version, vote_all

# Effort answers on the 1-5 scale (1 = 0, 5 = 10); bias and mean error against an actual
# 3, as the grid's screen-reader copy writes them (the canvas shows 7.0).
SCORERS = {"Ann Estimates": ("IT", "5", "7", "7"), "Bo Estimates": ("Sales", "1", "-3", "3")}


def delivering(database_url: str) -> tuple[str, str]:
    """The demo's first roadmap item committed and in progress, its effort scored by Ann
    (IT) and Bo (Sales) in a revealed round: (its title, the product owner's token)."""
    engine = make_engine(database_url)
    with writing(engine) as db:
        workspace = list_workspaces(db=db)[0]
        close_open_sessions(db, workspace.id)
        version = saved_version(db, workspace.id, name="Effort check", today=date.today())
        commitment = commit(
            db=db,
            version_id=version.id,
            position=0,
            commitment_in=CommitmentCreate(
                owner="Team Web", committed_by="Paula", due=date.today() + timedelta(days=30)
            ),
        )
        change_status(
            db=db,
            commitment_id=commitment.id,
            change=StatusChange(status="in_progress", by="Paula"),
            today=date.today(),
        )
        scoring = open_session(
            db=db,
            workspace_id=workspace.id,
            session_in=SessionCreate(name="Effort check"),
            candidate_ids=[commitment.candidate_id],
        )
        setup = load_scoring_setup(db=db, workspace_id=workspace.id)
        effort = [c for c in setup.criteria if c.dimension == "effort"]
        for name, (role, label, *_) in SCORERS.items():
            person = join_session(
                db=db, code=scoring.code, join_in=StakeholderJoin(name=name, role=role)
            )[1]
            vote_all(db, scoring, person, commitment.candidate_id, setup, label, effort)
        reveal_round(db=db, session_id=scoring.id)
        token = get_access(db=db, workspace_id=workspace.id).owner_token
    engine.dispose()
    return commitment.title, token


def grid_rows(page: Page, grid) -> list[list[str]]:
    """The rows of a data grid, from the screen-reader copy it keeps of its cells."""
    rows = grid.locator("[role='row']")
    return [row.locator("[role='gridcell']").all_inner_texts() for row in rows.all()]


def test_an_actual_effort_saved_by_the_owner_shows_on_the_card_and_in_the_bias(
    browser, served, screenshot
):
    """Done, actual effort 3, save: the card says 3.0 of 10; Progress: Ann 7, Bo -3."""
    title, token = delivering(served.database_url)
    page = new_page(browser, viewport=DESKTOP)
    with busy_machine():
        page.goto(f"{served.url}/?owner={token}")
        settled(page)
        go(page, "Commitments")
        choose(page, "Open a commitment", f"{title} · Team Web · in progress")
        choose(page, "Move to", "done")
        status = page.get_by_test_id("stForm").filter(
            has=page.get_by_role("button", name="Change status")
        )
        status.get_by_label("By", exact=True).fill("Paula")
        status.get_by_role("button", name="Change status").click()
        expect(page.get_by_text("is now done")).to_be_visible()
        settled(page)
        card = page.get_by_test_id("stForm").filter(has_text="Actual effort (0-10)")
        card.get_by_role("spinbutton", name="Actual effort (0-10)").fill("3")
        card.get_by_label("By", exact=True).fill("Paula")
        card.get_by_role("button", name="Save the result").click()
        expect(page.get_by_text(f"Result of “{title}” saved.")).to_be_visible()
        settled(page)
        expect(page.get_by_text("Actual effort: 3.0 of 10")).to_be_visible()
        screenshot(page, "actual-effort-card")

        go(page, "Progress")
        expect(
            page.get_by_text("1 delivered item has its actual effort recorded, and stakeholders")
        ).to_be_visible()
        expect(page.get_by_text("No delivered item has its actual effort")).to_have_count(0)
        people, roles = page.get_by_test_id("stDataFrame").all()[-2:]
        for grid, first in ((people, "Ann Estimates"), (roles, "IT")):
            expect(grid.locator("[role='gridcell']").filter(has_text=first)).to_have_count(1)
        by_name = {row[0]: row for row in grid_rows(page, people) if row}
        by_role = {row[0]: row for row in grid_rows(page, roles) if row}
        people.scroll_into_view_if_needed()
        screenshot(page, "actual-effort-progress")
    for name, (role, _, bias, error) in SCORERS.items():
        assert by_name[name][1:] == [role, "1", bias, error], by_name
        assert by_role[role][1:] == ["1", "1", bias, error], by_role
    page.context.close()
