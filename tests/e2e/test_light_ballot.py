"""The light stakeholder page (/b/CODE) in Chromium: join by the link, vote, reload,
follow the facilitator's reveal; desktop and phone, English and Dutch, by keyboard."""

import pytest
from playwright.sync_api import Page, expect

from planner.core.db import make_engine, reading, writing
from planner.store.scoring.round_timing import nudge, start_timer
from planner.store.scoring.sessions import (
    current_round,
    get_session,
    open_revote,
    participants,
    reveal_round,
)
from planner.store.scoring.votes import my_ballot
from tests.e2e.rounds import CANDIDATES, new_round, stored_answers
from tests.e2e.steps import DESKTOP, PHONE, new_page
from tests.e2e.test_accessibility import ALSO_FAILING, scan

TEXTS = {
    "en": {
        "name": "Name",
        "role": "Role or department",
        "join": "Join",
        "progress": "{done} of {total} scored",
        "revealed": "The scores of this round have been revealed.",
    },
    "nl": {
        "name": "Naam",
        "role": "Rol of afdeling",
        "join": "Meedoen",
        "progress": "{done} van {total} gescoord",
        "revealed": "De scores van deze ronde zijn bekendgemaakt.",
    },
}


def code_of(database_url: str, session_id: int) -> str:
    engine = make_engine(database_url)
    with reading(engine) as db:
        code = get_session(db=db, session_id=session_id).code
    engine.dispose()
    return code


def settled_ballot(page: Page) -> None:
    """Every answer clicked is stored and the card stays put."""
    ballot = page.locator(".ballot")
    expect(ballot).to_have_attribute("data-pending", "0", timeout=20_000)
    expect(ballot).to_have_attribute("data-moving", "0", timeout=20_000)


def answer_card(page: Page, label: str) -> str:
    """Click `label` on every criterion of the card shown; wait until the ballot moved on."""
    card = page.get_by_test_id("ballot-card")
    title = card.locator("h2.title")
    expect(title).to_be_visible()
    shown = title.inner_text()
    for group in card.locator("fieldset.criterion").all():
        group.locator(f'button[data-label="{label}"]').click()
    expect(title).not_to_have_text(shown, timeout=20_000)
    settled_ballot(page)
    return shown


def join_light(page: Page, link: str, lang: str, name: str) -> None:
    page.goto(link)
    text = TEXTS[lang]
    expect(page.locator("html")).to_have_attribute("lang", lang)
    page.get_by_label(text["name"], exact=True).fill(name)
    page.get_by_label(text["role"], exact=True).fill("Marketing")
    page.get_by_role("button", name=text["join"]).click()
    heading = page.get_by_test_id("ballot-card").locator("h2.title")
    expect(heading).to_be_visible(timeout=30_000)
    expect(heading).to_be_focused()  # after joining, the keyboard starts on the card


@pytest.mark.parametrize(
    ("lang", "viewport"), [("en", DESKTOP), ("nl", PHONE)], ids=["en-desktop", "nl-phone"]
)
def test_a_stakeholder_joins_votes_reloads_and_sees_the_reveal(browser, served, lang, viewport):
    """Join by the light link, answer three candidates, reload, follow the reveal."""
    session_id, _, _, _ = new_round(served.database_url)
    code = code_of(served.database_url, session_id)
    page = new_page(browser, viewport=viewport)
    assets = []
    page.on("response", lambda r: "/b/assets/" in r.url and assets.append(r))
    link = f"{served.url}/b/{code}" + ("?lang=nl" if lang == "nl" else "")
    join_light(page, link, lang, f"Light {lang}")
    progress = TEXTS[lang]["progress"]
    answered = [answer_card(page, label) for label in ("2", "4", "?")]
    expect(page.get_by_test_id("ballot-progress")).to_have_text(
        progress.format(done=3, total=CANDIDATES)
    )
    # No Streamlit front end: the page's own files only, hashed and kept for a year.
    assert {r.url.rsplit("/", 1)[1].split(".")[0] for r in assets} == {"ballot", "light"}
    assert all("immutable" in r.headers["cache-control"] for r in assets)
    assert page.evaluate("() => document.querySelectorAll('script[src*=\"static\"]').length") == 0
    assert page.evaluate("() => document.documentElement.scrollWidth - innerWidth") <= 0

    page.reload()  # the cookie brings the ballot back, where it was
    expect(page.get_by_test_id("ballot-progress")).to_have_text(
        progress.format(done=3, total=CANDIDATES), timeout=30_000
    )
    expect(page.locator("#join")).to_be_hidden()
    picker = page.get_by_test_id("ballot-picker")
    for title in answered:
        expect(picker.locator("option", has_text=f"✓ {title}")).to_have_count(1)

    engine = make_engine(served.database_url)
    with writing(engine) as db:
        reveal_round(db=db, session_id=session_id)
    engine.dispose()
    expect(page.get_by_text(TEXTS[lang]["revealed"])).to_be_visible(timeout=20_000)
    results = page.get_by_test_id("light-results")
    for title in answered:
        expect(results.get_by_role("rowheader", name=title)).to_be_visible()
    expect(page.get_by_test_id("ballot-card")).to_have_count(0)
    page.context.close()


def test_the_personal_link_opens_the_ballot_on_another_device(browser, served):
    """A fresh browser with the personal link answers as the same person."""
    session_id, _, _, people = new_round(served.database_url)
    code = code_of(served.database_url, session_id)
    stakeholder_id, token = people[0]
    page = new_page(browser, viewport=PHONE)
    page.goto(f"{served.url}/b/{code}?me={token}")
    answered = answer_card(page, "5")
    assert "me=" not in page.url  # the secret leaves the address bar
    page.reload()
    picker = page.get_by_test_id("ballot-picker")
    expect(picker.locator("option", has_text=f"✓ {answered}")).to_have_count(1, timeout=30_000)
    stored = stored_answers(served.database_url, session_id, [people[0]])[stakeholder_id]
    assert set(stored.values()) == {"5"} and len(stored) == 3  # three criteria, one card
    page.context.close()


def test_a_personal_link_of_an_earlier_session_joins_the_next_by_a_post(browser, served):
    """The next session's link with an earlier personal link: the ballot's GET enrols
    nobody (it answers 401), the page then takes part by its POST (/api/light/enrol)
    and shows the ballot."""
    _, _, _, earlier = new_round(served.database_url)
    session_id, _, _, _ = new_round(served.database_url)
    code = code_of(served.database_url, session_id)
    stakeholder_id, token = earlier[0]
    page = new_page(browser, viewport=DESKTOP)
    methods = []
    page.on(
        "request",
        lambda r: (
            "/api/light/" in r.url
            and methods.append(f"{r.method} {r.url.split('?')[0].removeprefix(served.url)}")
        ),
    )
    page.goto(f"{served.url}/b/{code}?me={token}")
    expect(page.get_by_test_id("ballot-card").locator("h2.title")).to_be_visible(timeout=30_000)
    expect(page.locator("#join")).to_be_hidden()
    assert methods[:3] == [
        "GET /api/light/ballot",
        "POST /api/light/enrol",
        "GET /api/light/ballot",
    ]
    engine = make_engine(served.database_url)
    with reading(engine) as db:
        assert stakeholder_id in {p.id for p in participants(db=db, session_id=session_id)}
    engine.dispose()
    page.context.close()


def tab_to(page: Page, criterion_id: int, label: str) -> None:
    """Press Tab until the answer `label` of `criterion_id` has the focus."""
    script = """() => {
        const here = document.activeElement;
        const group = here.closest('fieldset.criterion');
        return [here.dataset.label || null, group ? group.dataset.criterion : null];
    }"""
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate(script) == [label, str(criterion_id)]:
            return
    raise AssertionError(f"Tab never reached {label} of criterion {criterion_id}")


def test_voting_by_keyboard_alone(browser, served):
    """Tab to an answer, press Space; after each card focus is on the next heading."""
    session_id, _, criteria, _ = new_round(served.database_url)
    code = code_of(served.database_url, session_id)
    page = new_page(browser, viewport=DESKTOP)
    join_light(page, f"{served.url}/b/{code}", "en", "Keys Only")
    heading = page.get_by_test_id("ballot-card").locator("h2.title")
    for label in ("3", "1"):
        shown = heading.inner_text()
        for criterion_id in criteria.values():
            tab_to(page, criterion_id, label)
            page.keyboard.press("Space")
        expect(heading).not_to_have_text(shown, timeout=20_000)
        expect(heading).to_be_focused()  # the next card: the keyboard starts on it
    settled_ballot(page)
    expect(page.get_by_test_id("ballot-progress")).to_have_text(f"2 of {CANDIDATES} scored")
    page.context.close()


def test_requests_cut_off_by_a_closed_connection_are_sent_again(browser, served):
    """The join's answer, the first card load and the first vote meet a closed
    connection (the join after the server made it): all are sent again, the join
    answers the same person, and the answer clicked is the one stored."""
    session_id, _, criteria, _ = new_round(served.database_url)
    code = code_of(served.database_url, session_id)
    page = new_page(browser, viewport=PHONE)
    cut = {"/api/ballot/candidate": 1, "/api/ballot/vote": 1}

    def flaky(route):
        path = route.request.url.split("?")[0].removeprefix(served.url)
        if cut.get(path):
            cut[path] -= 1
            route.abort("connectionclosed")
        else:
            route.continue_()

    page.route("**/api/ballot/**", flaky)
    lost = []

    def answer_lost(route):
        if not lost:
            lost.append(route.fetch().status)  # the server joined them; the page never hears
            route.abort("connectionclosed")
        else:
            route.continue_()

    page.route("**/api/light/join", answer_lost)
    join_light(page, f"{served.url}/b/{code}", "en", "Flaky Network")
    shown = answer_card(page, "4")
    assert cut == {"/api/ballot/candidate": 0, "/api/ballot/vote": 0} and lost == [200]
    picker = page.get_by_test_id("ballot-picker")
    expect(picker.locator("option", has_text=f"✓ {shown}")).to_have_count(1)
    engine = make_engine(served.database_url)
    with reading(engine) as db:
        round_id = current_round(db=db, session_id=session_id).id
        [me] = [p for p in participants(db=db, session_id=session_id) if p.name == "Flaky Network"]
        stored = my_ballot(db=db, round_id=round_id, stakeholder_id=me.id).answers
    engine.dispose()
    assert set(stored.values()) == {"4"} and len(stored) == len(criteria)
    page.context.close()


def serious(page: Page) -> list[dict]:
    """axe-core's critical and serious violations (and headings out of order)."""
    found = scan(page, [])
    failing = [
        v for v in found if v["impact"] in ("critical", "serious") or v["id"] in ALSO_FAILING
    ]
    return [(v["id"], [(n["target"], n["summary"]) for n in v["nodes"]]) for v in failing]


def test_no_serious_axe_violation_and_a_revote_is_followed(browser, served):
    """axe-core on the join form, the ballot and the reveal (Dutch, phone); then a re-vote
    round opens and the page is a ballot again."""
    session_id, titles, _, _ = new_round(served.database_url)
    code = code_of(served.database_url, session_id)
    page = new_page(browser, viewport=PHONE, bypass_csp=True)
    page.goto(f"{served.url}/b/{code}?lang=nl")
    expect(page.get_by_role("button", name="Meedoen")).to_be_visible()
    assert serious(page) == []
    join_light(page, f"{served.url}/b/{code}?lang=nl", "nl", "Axe Person")
    answer_card(page, "3")
    assert serious(page) == []
    engine = make_engine(served.database_url)
    with writing(engine) as db:
        reveal_round(db=db, session_id=session_id)
    expect(page.get_by_text(TEXTS["nl"]["revealed"])).to_be_visible(timeout=20_000)
    assert serious(page) == []
    again = list(titles.values())[:2]
    with writing(engine) as db:
        open_revote(db=db, session_id=session_id, candidate_ids=again)
    engine.dispose()
    expect(page.get_by_test_id("ballot-progress")).to_have_text("0 van 2 gescoord", timeout=20_000)
    expect(page.locator("#results")).to_be_hidden()
    page.context.close()


def test_the_time_box_and_a_nudge_reach_the_light_page(browser, served):
    """The facilitator's clock and nudge show on the light ballot, as on the Vote page."""
    session_id, _, _, people = new_round(served.database_url)
    code = code_of(served.database_url, session_id)
    stakeholder_id, token = people[1]
    page = new_page(browser, viewport=PHONE)
    page.goto(f"{served.url}/b/{code}?me={token}")
    expect(page.get_by_test_id("ballot-card").locator("h2.title")).to_be_visible(timeout=30_000)
    engine = make_engine(served.database_url)
    with writing(engine) as db:
        start_timer(db=db, session_id=session_id, minutes=5)
        nudge(db=db, session_id=session_id, stakeholder_ids=[stakeholder_id])
    engine.dispose()
    clock = page.get_by_test_id("ballot-clock")
    expect(clock).to_contain_text("left", timeout=15_000)
    assert 240 < int(clock.get_attribute("data-left")) <= 300
    expect(page.get_by_test_id("ballot-nudge")).to_contain_text(
        "The facilitator is waiting for you", timeout=15_000
    )
    page.context.close()


def test_a_reveal_reaches_the_light_ballot_through_the_push(browser, served):
    """The round's state is pushed (Server-Sent Events): with every poll of /state held
    back, the reveal still reaches the ballot, and the results follow by the push too."""
    session_id, _, _, people = new_round(served.database_url)
    code = code_of(served.database_url, session_id)
    _, token = people[2]
    page = new_page(browser, viewport=PHONE)
    polls = []

    def no_poll(route):
        polls.append(route.request.url)
        route.abort()

    page.route("**/api/ballot/state*", no_poll)
    page.goto(f"{served.url}/b/{code}?me={token}")
    expect(page.locator(".ballot")).to_have_attribute("data-follows", "push", timeout=30_000)
    engine = make_engine(served.database_url)
    with writing(engine) as db:
        reveal_round(db=db, session_id=session_id)
    engine.dispose()
    expect(page.get_by_text(TEXTS["en"]["revealed"])).to_be_visible(timeout=20_000)
    expect(page.get_by_test_id("ballot-card")).to_have_count(0)
    follower = page.locator("#ballot-host .follower")  # follows the facilitator to the next round
    expect(follower).to_have_attribute("data-follows", "push", timeout=20_000)
    assert all("/api/ballot/state" in url for url in polls)  # none got through
    page.context.close()


def test_without_the_push_the_ballot_polls_and_still_follows(browser, served):
    """A browser or proxy where the stream fails: the ballot falls back to the poll."""
    session_id, _, _, people = new_round(served.database_url)
    code = code_of(served.database_url, session_id)
    _, token = people[3]
    page = new_page(browser, viewport=DESKTOP)
    streams = []

    def no_stream(route):
        streams.append(route.request.url)
        route.abort()

    page.route("**/api/ballot/events*", no_stream)
    page.goto(f"{served.url}/b/{code}?me={token}")
    expect(page.get_by_test_id("ballot-card").locator("h2.title")).to_be_visible(timeout=30_000)
    expect(page.locator(".ballot")).to_have_attribute("data-follows", "poll")
    engine = make_engine(served.database_url)
    with writing(engine) as db:
        reveal_round(db=db, session_id=session_id)
    engine.dispose()
    expect(page.get_by_text(TEXTS["en"]["revealed"])).to_be_visible(timeout=20_000)
    assert streams  # the stream was tried, and refused
    page.context.close()
