"""Eight stakeholders click as fast as their pages allow on a busy machine: every stored
answer is the last one clicked for that candidate and criterion, none is lost.

The truth is what each person clicked on as shown: a listener in the page logs, for
every click on an answer, the title of the card the button sat in and the criterion's
name at that instant. The database must hold exactly the last of those per person,
candidate and criterion (0 misfiled, 0 lost).
"""

import random

import pytest
from playwright.sync_api import Page, expect

from planner.core.db import make_engine, writing
from planner.store.scoring.sessions import reveal_round
from tests.e2e.rounds import CANDIDATES, STAKEHOLDERS, busy_machine, new_round, stored_answers
from tests.e2e.steps import CLICK_LOG, DESKTOP, PHONE, ballot_settled, new_page

RANDOM_CLICKS = 30
# How long a Vote page may take to load or redraw on a machine at load 17 and more, where
# expect's default 5 s ran out before the ballot showed.
LOADED_MS = 60_000


def act(page: Page, rng: random.Random, finishing: list[int] | None) -> None:
    """One thing a hurried person does: answer, change an answer, skip or jump."""
    card = page.get_by_test_id("ballot-card")
    if finishing is not None:  # make sure every candidate gets answered in the end
        if finishing:
            page.get_by_test_id("ballot-picker").select_option(str(finishing.pop()))
        expect(card.locator("fieldset.criterion").first).to_be_visible()
        for group in card.locator("fieldset.criterion").all():
            group.locator("button").nth(rng.randrange(3)).click()
        return
    roll = rng.random()
    if roll < 0.08:
        page.get_by_role("button", name="Next unscored").click()
    elif roll < 0.16:
        picker = page.get_by_test_id("ballot-picker")
        values = picker.locator("option").evaluate_all("options => options.map(o => o.value)")
        picker.select_option(rng.choice(values))
    else:
        groups = card.locator("fieldset.criterion")
        group = groups.nth(rng.randrange(3))
        group.locator("button").nth(rng.randrange(6)).click()  # 1..5 or don't know


# One repetition in `make test`; the other two (other random clicks) in `make test-slow`,
# which CI runs as well.
@pytest.mark.parametrize(
    "repetition",
    [1, pytest.param(2, marks=pytest.mark.slow), pytest.param(3, marks=pytest.mark.slow)],
)
def test_fast_clicks_on_a_busy_machine_land_where_aimed(browser, served, repetition):
    """8 stakeholders (2 on phones), all cores busy: 0 misfiled, 0 lost."""
    session_id, titles, criteria, people = new_round(served.database_url)
    rng = random.Random(repetition)
    contexts, pages = [], []
    for n in range(len(people)):
        context = browser.new_context(viewport=PHONE if n < 2 else DESKTOP)
        context.add_init_script(CLICK_LOG)
        contexts.append(context)
        pages.append(new_page(context))
    try:
        with busy_machine():
            for page, (_, token) in zip(pages, people, strict=True):
                page.goto(f"{served.url}/?me={token}")
            for page in pages:
                expect(page.get_by_test_id("ballot-card").locator("h2.title")).to_be_visible(
                    timeout=60_000
                )
            for _ in range(RANDOM_CLICKS):  # interleaved: everyone clicks at once
                for page in pages:
                    act(page, rng, None)
            for _ in range(CANDIDATES):
                for page in pages:
                    act(page, rng, [rng.choice(list(titles.values()))])
            for page in pages:
                ballot_settled(page)
        stored = stored_answers(served.database_url, session_id, people)
        misfiled = lost = clicks = 0
        for page, (stakeholder_id, _) in zip(pages, people, strict=True):
            log = page.evaluate("() => window.__clicks")
            clicks += len(log)
            expected = {(titles[c["title"]], criteria[c["criterion"]]): c["label"] for c in log}
            mine = stored[stakeholder_id]
            misfiled += sum(1 for k, v in mine.items() if expected.get(k) != v)
            lost += sum(1 for k in expected if k not in mine)
        assert clicks >= STAKEHOLDERS * RANDOM_CLICKS * 0.7
        assert (misfiled, lost) == (0, 0), f"{clicks} clicks: {misfiled} misfiled, {lost} lost"
        # What each ballot shows is what is stored: its count and the card on screen.
        for page, (stakeholder_id, _) in zip(pages, people, strict=True):
            mine = stored[stakeholder_id]
            complete = {c for c, _ in mine if all((c, k) in mine for k in criteria.values())}
            expect(page.get_by_test_id("ballot-progress")).to_have_text(
                f"{len(complete)} of {CANDIDATES} scored"
            )
            ballot_settled(page)  # a last answer can move the ballot on to the next card
            card = page.get_by_test_id("ballot-card")
            shown = titles[card.locator("h2.title").inner_text()]
            for name, criterion in criteria.items():
                group = card.locator("fieldset.criterion").filter(has_text=name)
                pressed = group.locator("button[aria-pressed=true]")
                if (shown, criterion) in mine:
                    expect(pressed).to_have_attribute("data-label", mine[(shown, criterion)])
                else:
                    expect(pressed).to_have_count(0)
    finally:
        for context in contexts:
            context.close()


def test_a_vote_after_the_reveal_is_refused_on_the_ballot(browser, served):
    """The facilitator reveals while a ballot is open: the next click is refused with the
    reason, the page shows the reveal, and the refused answer is not stored."""
    session_id, _, _, people = new_round(served.database_url)
    stakeholder_id, token = people[0]
    page = new_page(browser, viewport=PHONE)
    # Only the vote itself may learn of the reveal: the ballot's pushes and polls are
    # held back.
    page.route("**/api/ballot/events*", lambda route: route.abort())
    page.route("**/api/ballot/state*", lambda route: route.abort())
    page.goto(f"{served.url}/?me={token}")
    card = page.get_by_test_id("ballot-card")
    card.locator("fieldset.criterion").first.locator('button[data-label="2"]').click()
    ballot_settled(page)
    engine = make_engine(served.database_url)
    with writing(engine) as db:
        reveal_round(db=db, session_id=session_id)
    card.locator("fieldset.criterion").nth(1).locator('button[data-label="5"]').click()
    # Said on the ballot at once, then kept above the reveal the page turns into.
    warning = page.get_by_test_id("stAlertContentWarning")
    expect(warning).to_contain_text("Voting in this round has closed", timeout=20_000)
    expect(page.get_by_text("of this round have been revealed")).to_be_visible()
    stored = stored_answers(served.database_url, session_id, people)[stakeholder_id]
    assert list(stored.values()) == ["2"]
    engine.dispose()
    page.context.close()


def test_the_personal_link_and_not_the_name_says_who_you_are(browser, served):
    """A personal link resumes the ballot in a new browser and after a reload; typing the
    same name with the join code opens nobody's ballot."""
    session_id, _, _, people = new_round(served.database_url)
    _, token = people[0]
    mine = new_page(browser, viewport=DESKTOP)
    mine.goto(f"{served.url}/?me={token}")
    progress = mine.get_by_test_id("ballot-progress")
    expect(progress).to_have_text(f"0 of {CANDIDATES} scored", timeout=LOADED_MS)
    three = mine.get_by_test_id("ballot-card").locator('button[data-label="3"]').first
    expect(three).to_be_visible(timeout=LOADED_MS)  # the card loads after the ballot
    three.click()
    ballot_settled(mine)
    assert "me=" not in mine.url and "Person" not in mine.url
    mine.reload()  # the cookie brings them back, the address holds only the code
    expect(mine.get_by_text("You are Person")).to_be_visible(timeout=LOADED_MS)
    expect(mine.locator("button[aria-pressed=true]")).to_have_count(1, timeout=LOADED_MS)

    code = mine.url.split("join=")[1]
    stranger = new_page(browser, viewport=DESKTOP)
    stranger.goto(f"{served.url}/?join={code}")
    name = stranger.get_by_label("Name")
    expect(name).to_be_visible(timeout=LOADED_MS)
    name.fill(f"person {session_id}-0")  # same name, other case
    stranger.get_by_role("button", name="Join").click()
    refused = stranger.get_by_text("If that is you, open your personal link")
    expect(refused).to_be_visible(timeout=LOADED_MS)
    expect(stranger.get_by_test_id("ballot-card")).to_have_count(0)
    for page in (mine, stranger):
        page.context.close()
