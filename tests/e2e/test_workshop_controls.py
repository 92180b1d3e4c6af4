"""The facilitator's controls reach the stakeholders' browsers: the join link's QR code
reads back from the screen, the time box counts down on every ballot and reveals the
round at zero, a nudge shows on the ballots of the people nudged and no others."""

import io
from datetime import timedelta

import zxingcpp
from PIL import Image
from playwright.sync_api import expect

from planner.access.links import join_link
from planner.core.db import make_engine, reading, writing
from planner.demo import DEMO_NAME as DEMO
from planner.demo import DEMO_PASSPHRASE
from planner.models import SessionSettings, utcnow
from planner.store.scoring.round_timing import nudge, start_timer
from planner.store.scoring.sessions import change_settings, get_session, reveal_round
from tests.e2e.rounds import busy_machine, new_round
from tests.e2e.steps import DESKTOP, PHONE, answer_current, go, new_page, settled, sign_in


def test_the_qr_code_on_screen_reads_back_as_the_join_link(browser, served):
    session_id, _, _, _ = new_round(served.database_url)
    engine = make_engine(served.database_url)
    with reading(engine) as db:
        code = get_session(db=db, session_id=session_id).code
    engine.dispose()
    page = new_page(browser, viewport=DESKTOP)
    sign_in(page, served.url, DEMO, DEMO_PASSPHRASE)
    go(page, "Scoring session")
    settled(page)
    image = page.get_by_test_id("stImage").locator("img").first
    expect(image).to_be_visible()
    shot = Image.open(io.BytesIO(image.screenshot()))
    found = [r.text for r in zxingcpp.read_barcodes(shot)]
    assert found == [join_link(served.url, code)]  # on the address colleagues reach


def test_time_box_and_nudges_reach_the_ballots(browser, served):
    session_id, _, _, people = new_round(served.database_url)
    ballots = []
    for _, token in people[:3]:
        page = new_page(browser, viewport=PHONE)
        page.goto(f"{served.url}/?me={token}")
        expect(page.get_by_test_id("ballot-card").locator("h2.title")).to_be_visible(timeout=30_000)
        ballots.append(page)
    answer_current(ballots[0], "3", "First feeling")  # a vote: there is something to reveal
    engine = make_engine(served.database_url)
    with writing(engine) as db:
        change_settings(
            db=db,
            session_id=session_id,
            settings=SessionSettings(reveal_at_zero=True, reveal_when_done=False),
        )
        # 20 s from now: a one-minute box that started 40 s ago
        start_timer(db=db, session_id=session_id, minutes=1, now=utcnow() - timedelta(seconds=40))
        nudge(db=db, session_id=session_id, stakeholder_ids=[people[1][0], people[2][0]])
    with busy_machine():
        for page in ballots:
            clock = page.get_by_test_id("ballot-clock")
            expect(clock).to_contain_text("left", timeout=10_000)
            assert 0 < int(clock.get_attribute("data-left")) <= 20
        for page in ballots[1:]:
            expect(page.get_by_test_id("ballot-nudge")).to_contain_text(
                "The facilitator is waiting for you", timeout=10_000
            )
        expect(ballots[0].get_by_test_id("ballot-nudge")).to_be_hidden()
        ballots[1].get_by_test_id("ballot-nudge").get_by_role("button", name="OK").click()
        expect(ballots[1].get_by_test_id("ballot-nudge")).to_be_hidden()
        for page in ballots:  # zero: the round reveals itself, every ballot follows
            expect(page.get_by_text("The scores of this round have been revealed")).to_be_visible(
                timeout=40_000
            )
    with reading(engine) as db:
        assert get_session(db=db, session_id=session_id).status == "open"
    engine.dispose()


def test_the_presenter_view_fills_a_projector_and_follows_the_round(browser, served, screenshot):
    session_id, _, _, people = new_round(served.database_url)
    engine = make_engine(served.database_url)
    with reading(engine) as db:
        code = get_session(db=db, session_id=session_id).code
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    page = new_page(context)
    sign_in(page, served.url, DEMO, DEMO_PASSPHRASE)
    ballot = new_page(context)  # someone scores one candidate meanwhile
    ballot.goto(f"{served.url}/?me={people[0][1]}")
    expect(ballot.get_by_test_id("ballot-card").locator("h2.title")).to_be_visible(timeout=30_000)
    answer_current(ballot, "4", "Worth it")
    ballot.close()
    page.goto(f"{served.url}/presenter?session={session_id}")  # a new tab: the sign-in holds
    settled(page)
    expect(page.get_by_test_id("stSidebar")).to_be_hidden()
    expect(page.get_by_test_id("stMetricValue").first).to_have_text(code)
    expect(page.get_by_text("Scored so far")).to_be_visible()
    image = page.get_by_test_id("stImage").locator("img").first
    expect(image).to_be_visible()
    box = image.bounding_box()
    assert box["width"] >= 400 and box["x"] + box["width"] <= 1920  # large, on screen
    found = [r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(image.screenshot())))]
    assert found == [join_link(served.url, code)]  # on the address colleagues reach
    screenshot(page, "presenter-voting")
    with writing(engine) as db:
        reveal_round(db=db, session_id=session_id)
    engine.dispose()
    expect(page.get_by_text("Candidate 1 of 1 · round 1")).to_be_visible(timeout=15_000)
    expect(page.get_by_text("“Worth it”")).to_be_visible()
    settled(page)
    screenshot(page, "presenter-results")
