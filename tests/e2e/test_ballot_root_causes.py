"""The root causes of the first ballot's misfiled and lost answers, one test each.

The first ballot was made of Streamlit pills on the page: a 4 s `run_every` fragment
reran it by itself, its widgets were keyed by position and wrote to "the current
candidate" held in Session State, and each pill had a `default=` that Session State
also set. Each test below recreates the situation that broke it and fails on it:

1. Reruns under the pointer: a rerun swaps the page's elements while the old ones still
   take clicks, and a periodic rerun reset the pills (answers lost). The ballot now
   never reruns the page by itself, nor for an answer. (Run against the first ballot,
   the same count found 3 fragment reruns in 10 idle seconds.)
2. A click while the card changes: the old pills wrote to whatever candidate was
   current when the rerun ran (stored on the previous candidate, 1 in 3 tries 0.4 s
   after the new title showed). An answer now carries the candidate of the card its
   button sat in; with a slow network and a busy machine, every click lands there.
3. Shown but not stored: a pill looked chosen whether or not its write happened. Now an
   answer shows as chosen only once the server says it stored it; a failed write says
   so, keeps the answer and retries.
"""

import random

from playwright.sync_api import Page, expect
from streamlit.proto.BackMsg_pb2 import BackMsg

from tests.e2e.rounds import busy_machine, new_round, stored_answers
from tests.e2e.steps import CLICK_LOG, DESKTOP, PHONE, ballot_settled, new_page, settled

IDLE_MS = 10_000  # the first ballot reran every 4 s; the page's clock is moved on this far


def reruns_sent(page: Page) -> list[str]:
    """A live list of the reruns the page asks the server for over its WebSocket."""
    sent: list[str] = []

    def on_frame(payload) -> None:
        if isinstance(payload, bytes | bytearray):
            message = BackMsg()
            message.ParseFromString(bytes(payload))
            if message.WhichOneof("type") == "rerun_script":
                sent.append(message.rerun_script.page_script_hash)

    page.on("websocket", lambda socket_: socket_.on("framesent", on_frame))
    return sent


def test_the_ballot_never_reruns_the_page_by_itself_or_for_an_answer(browser, served):
    _, _, _, people = new_round(served.database_url)
    page = new_page(browser, viewport=PHONE)
    page.clock.install()  # the page's timers, run at will: a periodic rerun would fire
    reruns = reruns_sent(page)
    page.goto(f"{served.url}/?me={people[0][1]}")
    card = page.get_by_test_id("ballot-card")
    expect(card.locator("h2.title")).to_be_visible(timeout=30_000)
    settled(page)
    loaded = len(reruns)
    assert loaded >= 1  # the listener sees the page's own first run
    page.clock.run_for(IDLE_MS)  # every timer due in that time fires, in order
    settled(page)
    for label in ("1", "2", "3", "4", "5", "?"):
        card.locator("fieldset.criterion").nth(1).locator(f'button[data-label="{label}"]').click()
    ballot_settled(page)
    assert len(reruns) == loaded, f"{len(reruns) - loaded} reruns while idle and answering"
    page.context.close()


def test_a_click_while_the_card_changes_lands_on_the_card_it_sat_in(browser, served):
    """Answer a card completely, then click on the next card the instant its title shows
    (auto-advance swaps it), over a slow network on a busy machine; a second person jumps
    with *Next unscored* mid-answer. Every click is stored on the card it was on."""
    session_id, titles, criteria, people = new_round(served.database_url)
    rng = random.Random(7)
    pages = []
    for viewport, (_, token) in zip((DESKTOP, PHONE), people[:2], strict=True):
        context = browser.new_context(viewport=viewport)
        context.add_init_script(CLICK_LOG)
        page = new_page(context)
        network = context.new_cdp_session(page)
        network.send("Network.enable")
        network.send(
            "Network.emulateNetworkConditions",
            {"offline": False, "latency": 300, "downloadThroughput": -1, "uploadThroughput": -1},
        )
        page.goto(f"{served.url}/?me={token}")
        expect(page.get_by_test_id("ballot-card").locator("h2.title")).to_be_visible(timeout=60_000)
        pages.append(page)
    with busy_machine():
        for _ in range(len(titles) - 1):
            for n, page in enumerate(pages):
                card = page.get_by_test_id("ballot-card")
                title = card.locator("h2.title").inner_text()
                for group in card.locator("fieldset.criterion").all():
                    group.locator("button").nth(rng.randrange(6)).click()
                if n == 1:  # jumps on before the last answer is back
                    page.get_by_role("button", name="Next unscored").click()
                expect(card.locator("h2.title")).not_to_have_text(title, timeout=20_000)
                card.locator("fieldset.criterion").first.locator("button").nth(4).click()
        for page in pages:
            ballot_settled(page)
    stored = stored_answers(served.database_url, session_id, people[:2])
    for page, (stakeholder_id, _) in zip(pages, people, strict=False):
        log = page.evaluate("() => window.__clicks")
        aimed = {(titles[c["title"]], criteria[c["criterion"]]): c["label"] for c in log}
        assert stored[stakeholder_id] == aimed, f"clicks: {log}"
        page.context.close()


def test_an_answer_shows_as_chosen_only_once_stored(browser, served):
    """The network drops the vote: the answer is not shown as chosen, the ballot says it
    is retrying; once the network is back it is stored and only then shown as chosen."""
    session_id, _, _, people = new_round(served.database_url)
    stakeholder_id, token = people[0]
    page = new_page(browser, viewport=PHONE)
    page.goto(f"{served.url}/?me={token}")
    card = page.get_by_test_id("ballot-card")
    group = card.locator("fieldset.criterion").first
    expect(group).to_be_visible(timeout=30_000)
    network_down = [True]
    page.route(
        "**/api/ballot/vote",
        lambda route: route.abort() if network_down[0] else route.continue_(),
    )
    group.locator('button[data-label="4"]').click()
    expect(group.locator(".state")).to_have_attribute("data-state", "retrying")
    expect(group.locator("button[aria-pressed=true]")).to_have_count(0)
    assert stored_answers(served.database_url, session_id, people)[stakeholder_id] == {}
    for _ in range(2):  # the next tries fail too (after 0.5 s, 1 s): still nothing looks chosen
        page.wait_for_event("requestfailed", lambda request: request.url.endswith("/vote"))
        expect(group.locator("button[aria-pressed=true]")).to_have_count(0)
    network_down[0] = False
    expect(group.locator("button[aria-pressed=true]")).to_have_attribute(
        "data-label", "4", timeout=20_000
    )
    expect(group.locator(".state")).to_have_attribute("data-state", "stored")
    assert list(
        stored_answers(served.database_url, session_id, people)[stakeholder_id].values()
    ) == ["4"]
    page.context.close()
