"""A facilitator and three stakeholders score at the same time, each in their own browser."""

from playwright.sync_api import expect

from planner.demo import DEMO_NAME as DEMO
from planner.demo import DEMO_PASSPHRASE
from tests.e2e.steps import answer_current, go, join, new_page, open_session, settled, sign_in

# Each stakeholder's answers per candidate: the same label on every criterion.
ANSWERS = {"Annelies Zwart": ("1", "2"), "Bram Oosterhuis": ("3", "2"), "Chen Wei-Ling": ("5", "4")}
# Medians on 0–10: candidate 1: 0, 5, 10 -> 5; candidate 2: 2.5, 2.5, 7.5 -> 2.5.
EXPECTED_VALUES = ("5", "2.5")


def test_three_stakeholders_score_blind_and_the_reveal_adds_up(browser, app_url, screenshot):
    """Live progress without reloads, nothing of others before the reveal, right medians after."""
    facilitator = new_page(browser, viewport={"width": 1366, "height": 900})
    sign_in(facilitator, app_url, DEMO, DEMO_PASSPHRASE)
    go(facilitator, "Scoring session")
    code = open_session(
        facilitator,
        "Sharing workshop",
        {"Phase": "Sharing", "Channel": "E-mail"},
        "2 of 42 candidates will be scored.",
    )
    people = {}
    for name in ANSWERS:
        width = 390 if name.startswith("Chen") else 1366  # one stakeholder on a phone
        people[name] = new_page(browser, viewport={"width": width, "height": 844})
        # The round's state reaches the Vote page by the push alone: every poll is held
        # back (the ballot polls only until the first pushed state, and as a fallback).
        people[name].route("**/api/ballot/state*", lambda route: route.abort())
        join(people[name], app_url, code, name, total=2)
    expect(facilitator.get_by_test_id("stMetricValue").nth(1)).to_have_text("3", timeout=15_000)

    for candidate in (0, 1):  # interleaved: everyone answers the same candidate at once
        for name, page in people.items():
            # The ballot moves on by itself once a candidate is complete (auto-advance).
            answer_current(
                page,
                ANSWERS[name][candidate],
                f"note-of-{name}-{candidate}",
                advances=candidate == 0,
            )
    for page in people.values():
        expect(page.get_by_text("2 of 2 scored")).to_be_visible()
    screenshot(people["Chen Wei-Ling"], "scoring-stakeholder-phone")

    # The facilitator's view refreshed by itself: three finished ballots, no reload.
    expect(facilitator.get_by_test_id("stMetricValue").nth(2)).to_have_text("3", timeout=15_000)
    screenshot(facilitator, "scoring-facilitator-live")

    # Blind: no stakeholder's page holds anything of another's ballot.
    for name, page in people.items():
        html = page.content()
        for other in ANSWERS:
            if other != name:
                assert f"note-of-{other}" not in html and other not in html

    # Each ballot follows the round by the stream; a reload from here on would wipe the mark.
    for page in people.values():
        expect(page.locator(".ballot")).to_have_attribute("data-follows", "push", timeout=15_000)
        page.evaluate("() => { window.__sameDocument = true; }")
    facilitator.get_by_role("button", name="Reveal the scores").click()
    expect(facilitator.get_by_text("Scores revealed.")).to_be_visible()
    settled(facilitator)  # the reveal redraws the page: read the results, not the live view
    cells = facilitator.locator("[data-testid='stDataFrame'] [role='gridcell']")
    title = "Refer a friend with a €25 voucher"
    expect(cells.filter(has_text=title).first).to_be_attached()  # the grid's hidden copy
    rows = cells.all_text_contents()
    screenshot(facilitator, "scoring-reveal")
    values = [
        rows[i + 1]
        for i, cell in enumerate(rows)
        if cell
        in {"Review request after assembly, not delivery", "Refer a friend with a €25 voucher"}
    ]
    assert sorted(values) == sorted(EXPECTED_VALUES), rows

    # Stakeholders see the reveal by themselves too, brought by the push (every poll held
    # back) without a reload: the results as wide as their page (a faceted chart was
    # 2 x 170 px on a desktop), and no "can be changed until the reveal".
    for name, page in people.items():
        expect(page.get_by_text("of this round have been revealed")).to_be_visible(timeout=15_000)
        assert page.evaluate("() => window.__sameDocument === true"), name
    for name, page_width in (("Annelies Zwart", 1366), ("Chen Wei-Ling", 390)):
        page = people[name]
        charts = page.get_by_test_id("stVegaLiteChart")
        expect(charts).to_have_count(2)
        for chart in (charts.nth(0), charts.nth(1)):
            drawn = chart.locator("canvas, svg.marks").first
            expect(drawn).to_be_visible()
            width = drawn.bounding_box()["width"]
            assert width > 500 if page_width > 390 else width <= 390, (name, width)
        expect(page.get_by_text("can be changed until the reveal")).to_have_count(0)
        # The reveal's follower runs in the component without an error (it once could
        # not mark how it follows on a shadow root, and the page showed the JS error), and
        # follows the facilitator to the next round by the push too.
        follower = page.locator(".follower")
        expect(follower).to_have_attribute("data-follows", "push", timeout=15_000)
        expect(page.get_by_text("Component Error")).to_have_count(0)
