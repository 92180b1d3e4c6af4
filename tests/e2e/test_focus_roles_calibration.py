"""Focus mode with three stakeholders driven by the facilitator's clicks; a ballot with
only the criteria of one's role and a consensus of those entitled; the calibration
references beside the scale. Real Chromium, with every core busy."""

from playwright.sync_api import expect

from planner.core.db import make_engine, reading, writing
from planner.demo import DEMO_NAME as DEMO
from planner.demo import DEMO_PASSPHRASE
from planner.models import (
    CriterionCreate,
    ReferenceSet,
    RoleWeightCreate,
    SessionCreate,
    StakeholderJoin,
)
from planner.store.journey.candidates import get_candidate
from planner.store.journey.workspaces import list_workspaces
from planner.store.scoring.calibration import set_references
from planner.store.scoring.focus import focus_of
from planner.store.scoring.scoring_model import (
    load_scoring_setup,
    set_role_weights,
    update_criterion,
)
from planner.store.scoring.sessions import open_session
from planner.store.scoring.stakeholders import join_session
from tests.e2e.rounds import busy_machine, close_open_sessions
from tests.e2e.steps import PHONE, answer_current, go, new_page, settled, sign_in


def fresh_session(database_url: str, name: str, candidates: list[int], *, focus: bool, people):
    """A new session (the open ones closed) and its stakeholders' personal links."""
    engine = make_engine(database_url)
    with writing(engine) as db:
        workspace = list_workspaces(db=db)[0]
        close_open_sessions(db, workspace.id)
        scoring = open_session(
            db=db,
            workspace_id=workspace.id,
            session_in=SessionCreate(name=name, focus=focus),
            candidate_ids=candidates,
        )
        tokens = [
            join_session(
                db=db,
                code=scoring.code,
                join_in=StakeholderJoin(name=f"{who} {scoring.id}", role=role),
            ).token
            for who, role in people
        ]
        titles = {c: get_candidate(db=db, candidate_id=c).title for c in candidates}
    engine.dispose()
    return scoring.id, workspace.id, tokens, titles


def ballot_title(page):
    return page.get_by_test_id("ballot-card").locator("h2.title")


def test_focus_mode_moves_three_stakeholders_together(browser, served):
    session_id, _, tokens, titles = fresh_session(
        served.database_url,
        "Poker",
        [7, 3, 11],
        focus=True,
        people=[("Ann", ""), ("Bo", ""), ("Cy", "")],
    )
    facilitator = new_page(browser, viewport={"width": 1366, "height": 900})
    sign_in(facilitator, served.url, DEMO, DEMO_PASSPHRASE)
    go(facilitator, "Scoring session")
    phones = []
    for token in tokens:
        page = new_page(browser, viewport=PHONE)
        page.goto(f"{served.url}/?me={token}")
        expect(ballot_title(page)).to_have_text(titles[7], timeout=30_000)
        expect(page.get_by_test_id("ballot-picker").locator("option")).to_have_count(1)
        phones.append(page)
    with busy_machine():
        for page, label in zip(phones, ("1", "5", "3"), strict=True):
            answer_current(page, label, "Together", advances=False)
        expect(facilitator.get_by_test_id("stMetricValue").nth(2)).to_have_text("3", timeout=20_000)
        facilitator.get_by_role("button", name="Reveal the scores").click()
        settled(facilitator)
        for page in phones:
            expect(page.get_by_text("of this round have been revealed")).to_be_visible(
                timeout=20_000
            )
        facilitator.get_by_role("button", name=f"Next: “{titles[3]}”").click()
        settled(facilitator)
        for page in phones:  # everyone follows to the next candidate, nothing answered yet
            expect(ballot_title(page)).to_have_text(titles[3], timeout=20_000)
            expect(page.get_by_text("0 of 1 scored")).to_be_visible()
        for page in phones:
            answer_current(page, "2", "Second", advances=False)
        facilitator.get_by_role("button", name="Reveal the scores").click()
        settled(facilitator)
        facilitator.get_by_role("button", name="Score this one again").click()
        settled(facilitator)
        for page in phones:  # the same one, a new round: scored afresh
            # The new round's ballot is a new element: until the run that brings it ends,
            # the old round's may still show beside it for a moment (seen once in CI).
            progress = page.get_by_test_id("ballot-progress")
            expect(progress.filter(has_text="0 of 1 scored")).to_be_visible(timeout=20_000)
            expect(progress).to_have_count(1, timeout=20_000)
            expect(progress).to_have_text("0 of 1 scored")
            expect(ballot_title(page)).to_have_text(titles[3])
    engine = make_engine(served.database_url)
    with reading(engine) as db:
        focus = focus_of(db=db, session_id=session_id)
    engine.dispose()
    assert focus.current == 3 and [s.rounds for s in focus.queue] == [1, 2, 0]


def test_a_role_sees_its_criteria_and_the_references_beside_the_scale(browser, served):
    engine = make_engine(served.database_url)
    with writing(engine) as db:
        workspace = list_workspaces(db=db)[0]
        set_role_weights(
            db=db,
            workspace_id=workspace.id,
            weights_in=[RoleWeightCreate(role=r, weight=1) for r in ("IT", "Marketing")],
        )
        setup = load_scoring_setup(db=db, workspace_id=workspace.id)
        effort = setup.criteria_of("effort")[0]
        update_criterion(
            db=db,
            criterion_id=effort.id,
            criterion_in=CriterionCreate(name=effort.name, dimension="effort", roles=["IT"]),
        )
        set_references(
            db=db,
            workspace_id=workspace.id,
            dimension="effort",
            chosen=[ReferenceSet(candidate_id=5, label="2")],
        )
        reference = get_candidate(db=db, candidate_id=5).title
    engine.dispose()
    _, _, tokens, _ = fresh_session(
        served.database_url,
        "Roles",
        [8, 9],
        focus=False,
        people=[("Ivo", "IT"), ("Mia", "Marketing")],
    )
    it, marketing = (new_page(browser, viewport=PHONE) for _ in tokens)
    for page, token in zip((it, marketing), tokens, strict=True):
        page.goto(f"{served.url}/?me={token}")
        expect(ballot_title(page)).to_be_visible(timeout=30_000)
    it_card, marketing_card = (p.get_by_test_id("ballot-card") for p in (it, marketing))
    expect(it_card.locator("fieldset.criterion")).to_have_count(3)
    expect(marketing_card.locator("fieldset.criterion")).to_have_count(2)  # value only
    expect(it.get_by_test_id("references-effort")).to_have_text(f"For reference: 2 = {reference}")
    expect(marketing.get_by_test_id("references-effort")).to_have_count(0)
    answer_current(marketing, "4", "Value only")  # complete without effort: moves on
