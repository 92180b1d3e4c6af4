"""What a user does in the browser, step by step, shared by the browser tests."""

import re

from playwright.sync_api import Browser, BrowserContext, Page, Response, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.e2e.runs import follow, runs_of

# Logs every click on a ballot answer with what was shown around it at that instant.
CLICK_LOG = """
window.__clicks = [];
document.addEventListener('click', (event) => {
  const button = event.composedPath()[0];
  if (!(button instanceof HTMLElement) || !button.dataset || !button.dataset.label) return;
  const group = button.closest('fieldset.criterion');
  const card = button.closest('section.card');
  if (!group || !card) return;
  window.__clicks.push({
    title: card.querySelector('h2.title').textContent,
    criterion: group.querySelector('legend span').textContent,
    label: button.dataset.label,
  });
}, true);
"""

PHONE = {"width": 390, "height": 844}
ANSWERS: dict = {}  # page -> the ballot routes' answers it got, to explain a failure
DESKTOP = {"width": 1366, "height": 768}


def new_page(owner: Browser | BrowserContext, **options) -> Page:
    """A page in a new context of `owner` (a browser, with the context's `options`) or in
    the context `owner`, its script runs followed from the start (`settled` waits on them)."""
    context = owner.new_context(**options) if isinstance(owner, Browser) else owner
    return follow(context.new_page())


def settled(page: Page) -> None:
    """Wait until Streamlit has finished the runs the last action started.

    The app root says whether a script runs (`data-test-script-state`: a click makes it
    `rerunRequested` at once, then `running`, then `notRunning`), but it also reads
    `notRunning` between the two runs of an `st.rerun()`. What the server tells the page
    over its WebSocket tells the two apart (tests/e2e/runs.py): every run asked for has
    started, and the last one has ended for good. The page must be opened with `new_page`.
    """
    app = page.get_by_test_id("stApp")
    expect(app).to_have_attribute("data-test-script-state", "notRunning", timeout=30_000)
    runs_of(page).wait(timeout_ms=30_000)
    expect(app).to_have_attribute("data-test-script-state", "notRunning", timeout=30_000)
    # Elements of the previous run still on screen are marked stale until redrawn.
    expect(page.locator("[data-stale='true']")).to_have_count(0, timeout=30_000)


def sign_in(page: Page, url: str, workspace: str, passphrase: str, who: str = "Eva") -> None:
    """Open a workspace as its facilitator; the session keeps this until the tab reloads."""
    page.goto(url)
    form = page.get_by_test_id("stForm").first  # the sign-in tab comes first
    form.get_by_label("Workspace", exact=True).fill(workspace)
    form.get_by_role("textbox", name="Passphrase").fill(passphrase)
    form.get_by_label("Your name").fill(who)
    with page.expect_response(handed_over):  # the sign-in's cookie, before a reload
        page.get_by_role("button", name="Open as facilitator").click()
    expect(page.get_by_role("link", name="Scoring session")).to_be_visible()


def handed_over(response: Response) -> bool:
    """The answer to the request that hands a new sign-in to the browser's cookie (sent by
    the page after the run that signed in: a reload before it would find no cookie)."""
    return response.url.endswith("/api/sign-in/cookie")


def go(page: Page, link: str) -> None:
    """Follow a link of the navigation (keeps the browser session, unlike a reload).

    On a phone the navigation sits in the collapsed sidebar: open it first.
    """
    phone = page.viewport_size["width"] < 640
    opener = page.get_by_test_id("stExpandSidebarButton")
    if phone and opener.is_visible():
        opener.click()
    page.get_by_role("link", name=link, exact=True).first.click()  # nav, or the page's own link
    settled(page)
    closer = page.get_by_test_id("stSidebarCollapseButton")
    if phone and closer.is_visible():
        closer.click()


def choose(page: Page, label: str, option: str) -> None:
    """Pick `option` in the select box labelled `label`, and wait until it shows."""
    settled(page)
    box = page.get_by_test_id("stSelectbox").filter(has=page.get_by_text(label, exact=True)).first
    pick(page, box.get_by_role("combobox"), option)


def pick(page: Page, combobox, option: str) -> None:
    """Pick `option` in `combobox`, and wait until it shows."""
    if combobox.input_value() == option:
        return
    click_option(page, combobox, option)
    expect(combobox).to_have_value(option)
    settled(page)


def click_option(page: Page, combobox, option: str) -> None:
    """Open `combobox`'s list and click `option` (a select box's or a multiselect's).

    A run that ends while the list is open redraws the box and closes the list, and a
    click during a run can miss the list altogether: then open it again, as a person would.
    """
    for attempt in range(3):
        settled(page)
        combobox.click()
        choice = page.get_by_role("option", name=option, exact=True)
        try:
            choice.click(timeout=10_000)
            return
        except PlaywrightTimeout:
            if attempt == 2:
                raise
            page.keyboard.press("Escape")


def pick_language(page: Page, where, name: str) -> None:
    """Choose `name` in the language box (the one showing "English") of `where`."""
    settled(page)
    boxes = where.get_by_role("combobox")
    box = next(
        boxes.nth(i) for i in range(boxes.count()) if boxes.nth(i).input_value() == "English"
    )
    pick(page, box, name)


def add_candidate_here(page: Page, title: str) -> None:
    """Type `title` in the open cell's form and add it; wait for the confirmation.

    Each add renews the form: wait for the one fresh, empty form before typing (during
    a run the old one can still be on screen), then for the confirmation itself.
    """
    settled(page)
    field = page.get_by_label("Title", exact=True)
    if page.get_by_text("Add a candidate here").is_visible() and not field.first.is_visible():
        page.get_by_text("Add a candidate here").click()  # a cell with candidates folds it
    expect(field).to_have_count(1, timeout=30_000)
    expect(field).to_have_value("", timeout=30_000)
    field.fill(title)
    added = page.get_by_text(f"Candidate “{title}” added.")
    app = page.get_by_test_id("stApp")
    for attempt in range(3):
        page.get_by_role("button", name="Add candidate").click()
        try:
            expect(added).to_be_visible(timeout=20_000)
            break
        except AssertionError:
            # A click the app never heard of (no run, the title still typed, no message;
            # seen once in CI on a busy machine): click again, as a person would. A run
            # still going is waited for instead, so nothing is added twice.
            expect(app).to_have_attribute("data-test-script-state", "notRunning", timeout=30_000)
            if attempt == 2 or added.is_visible() or field.input_value() != title:
                expect(added).to_be_visible(timeout=30_000)
                break
    settled(page)


def join(page: Page, url: str, code: str, name: str, total: int) -> None:
    join_by_link(page, f"{url}/?join={code}", name, total)


def join_by_link(page: Page, link: str, name: str, total: int) -> None:
    """Open the join link a facilitator shares, give a name and a role, and join."""
    page.add_init_script(CLICK_LOG)  # what was clicked, to explain a failure
    page.on(
        "response",
        lambda r: (
            "/api/ballot/" in r.url
            and "/state" not in r.url
            and ANSWERS.setdefault(page, []).append(f"{r.status} {r.request.post_data}")
        ),
    )
    page.goto(link)
    page.get_by_label("Name").fill(name)
    page.get_by_label("Role or department").fill("Marketing")
    page.get_by_role("button", name="Join").click()
    expect(page.get_by_text(f"0 of {total} scored")).to_be_visible()


def ballot_settled(page: Page) -> None:
    """Wait until every answer clicked on the ballot is stored (none saving or retrying)
    and the card stays put (no move to the next one scheduled or loading)."""
    # Both read at one instant (one selector): the ballot schedules the move a stored answer
    # calls for in the same step as it counts that answer stored (ballot.js, send), so no
    # moment shows nothing pending and nothing moving while a move is still to come.
    at_rest = page.locator('.ballot[data-pending="0"][data-moving="0"]')
    expect(at_rest).to_have_count(1, timeout=20_000)


def answer_current(page: Page, label: str, comment: str, *, advances: bool = True) -> str:
    """Answer `label` on every criterion of the candidate shown, with a comment; wait until
    all is stored and (with `advances`) the ballot has moved on by itself. Its title."""
    card = page.get_by_test_id("ballot-card")
    title = card.locator("h2.title").inner_text()
    card.get_by_label("Comment").fill(comment)
    expect(card.locator(".comment-state")).to_have_text("✓ saved")
    for group in card.locator("fieldset.criterion").all():
        group.locator(f'button[data-label="{label}"]').click()
    ballot_settled(page)
    # Stored and complete: the picker marks it ✓ (the card may have moved on already).
    done = page.get_by_test_id("ballot-picker").locator("option", has_text=f"✓ {title}")
    try:
        expect(done).to_have_count(1)
    except AssertionError as error:
        clicks = page.evaluate("() => window.__clicks")
        raise AssertionError(
            f"{title!r} not complete; clicks: {clicks}; answers: {ANSWERS.get(page)}"
        ) from error
    if advances:
        expect(card.locator("h2.title")).not_to_have_text(title)
    return title


def horizontal_overflow(page: Page) -> int:
    """How many pixels the page is wider than the window (0: no sideways scrolling)."""
    containers = '[data-testid="stMain"], [data-testid="stAppViewContainer"]'
    return page.evaluate(
        f"""() => Math.max(
            document.documentElement.scrollWidth,
            ...[...document.querySelectorAll('{containers}')].map(e => e.scrollWidth)
        ) - window.innerWidth"""
    )


def add_choice(page: Page, label: str, option: str) -> None:
    """Add `option` to the multiselect labelled `label`."""
    settled(page)
    box = page.get_by_test_id("stMultiSelect").filter(has=page.get_by_text(label, exact=True)).first
    box.get_by_role("combobox").click()
    page.get_by_role("option", name=option, exact=True).click()
    page.keyboard.press("Escape")
    expect(box).to_contain_text(option)
    settled(page)


def open_session(page: Page, name: str, filters: dict[str, str], will_score: str) -> str:
    """Open a scoring session on the candidates the `filters` (label -> option) leave;
    returns its join code."""
    page.get_by_role("tab", name="Open a new session").click()
    page.get_by_label("Name", exact=True).fill(name)
    for label, option in filters.items():
        add_choice(page, label, option)
    expect(page.get_by_text(will_score)).to_be_visible()
    page.get_by_role("button", name="Open session").click()
    expect(page.get_by_text("Session opened")).to_be_visible()
    code = page.get_by_test_id("stMetricValue").first
    expect(code).to_have_text(re.compile(r"^[A-Z0-9]{6}$"))
    return code.inner_text()
