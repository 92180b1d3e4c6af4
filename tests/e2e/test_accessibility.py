"""Accessibility in Chromium: axe-core on every page each role sees, in English and Dutch,
on a desktop and (the stakeholders' pages and a sample of the others) on a phone; no
critical or serious violation in the app's own content. Streamlit's own chrome is left
out by selector, in one place (a11y_known.py).

axe-core is vendored (vendor/axe.min.js, version and licence in vendor/README.md): the
suite runs offline on a fresh machine, and a new axe release cannot change the result
without a commit.
"""

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from planner.core.db import make_engine, writing
from planner.core.i18n import t
from planner.demo import DEMO_NAME, DEMO_PASSPHRASE
from planner.models import CommitmentCreate, SessionCreate, SignoffRequest, StakeholderJoin
from planner.store.access.grants import get_access
from planner.store.delivery.commitments import commit
from planner.store.delivery.signoff import request_signoff
from planner.store.journey.candidates import candidate_frame
from planner.store.journey.workspaces import list_workspaces
from planner.store.scoring.scoring_model import load_scoring_setup
from planner.store.scoring.sessions import open_session, reveal_round
from planner.store.scoring.stakeholders import join_session
from tests.e2e.a11y_known import KNOWN
from tests.e2e.rounds import close_open_sessions
from tests.e2e.steps import DESKTOP, PHONE, go, new_page, pick_language, settled, sign_in
from tests.factories import saved_version, vote_all

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
FAILING = ("critical", "serious")
ALSO_FAILING = {"heading-order"}  # moderate in axe; headings out of order mislead all the same
LANGUAGES = {"en": "English", "nl": "Nederlands"}

# The pages each role sees (PAGE_FILES keys; "presenter" and "join" open by address).
VISITOR = ["workspaces", "import"]  # a first visit: the demo, sign-in, a new workspace
FACILITATOR = [
    "workspaces",
    "grid",
    "candidates",
    "import",
    "setup",
    "audit",
    "session",
    "consensus",
    "scoring_model",
    "matrix",
    "roadmap",
    "signoff",
    "commitments",
    "progress",
    "presenter",  # last: full screen, without the navigation
]
LINKED = ["workspaces", "import", "matrix", "roadmap", "signoff", "commitments", "progress"]
STAKEHOLDER = ["join", "vote", "signoff"]
PAGES = {
    "visitor": VISITOR,
    "facilitator": FACILITATOR,
    "manager": LINKED,
    "owner": LINKED,
    "stakeholder": STAKEHOLDER,
}
# On a phone: every page of stakeholders and visitors; of the others the ones people
# open on the way.
PHONE_SAMPLE = {
    "facilitator": ["workspaces", "session", "matrix", "roadmap"],
    "manager": ["roadmap", "progress"],
}


@dataclass(frozen=True)
class Workshop:
    """What the pages show: a revealed round, a version asked to sign, a commitment, and
    an open session (its join code, personal links of stakeholders who have not voted)."""

    url: str
    code: str
    session_id: int
    viewer: str
    owner: str
    people: list[str]


@pytest.fixture(scope="module")
def workshop(served) -> Workshop:
    return workshop_in(served.url, served.database_url)


def workshop_in(url: str, database_url: str) -> Workshop:
    """Build the Workshop's state through the domain API in the served database."""
    engine = make_engine(database_url)
    with writing(engine) as db:
        workspace = list_workspaces(db=db)[0]
        close_open_sessions(db, workspace.id)
        ids = candidate_frame(db=db, workspace_id=workspace.id)["id"].tolist()[:12]
        scored = open_session(
            db=db,
            workspace_id=workspace.id,
            session_in=SessionCreate(name="Spring workshop"),
            candidate_ids=ids,
        )
        setup = load_scoring_setup(db=db, workspace_id=workspace.id)
        for offset, name in enumerate(("Ann", "Bob", "Cas")):  # they disagree a little
            person = join_session(
                db=db, code=scored.code, join_in=StakeholderJoin(name=name, role="Sales")
            )[1]
            for candidate_id in ids:
                label = str(1 + (candidate_id + 2 * offset) % 5)
                vote_all(db, scored, person, candidate_id, setup, label=label)
        reveal_round(db=db, session_id=scored.id)
    with writing(engine) as db:
        version = saved_version(db, workspace.id, name="Spring plan", today=date.today())
        request_signoff(db=db, version_id=version.id, request_in=SignoffRequest(by="Eva"))
        commit(
            db=db,
            version_id=version.id,
            position=0,
            commitment_in=CommitmentCreate(
                owner="Team Web", committed_by="Paula", due=date.today() + timedelta(days=30)
            ),
        )
    with writing(engine) as db:
        close_open_sessions(db, workspace.id)
        live = open_session(
            db=db,
            workspace_id=workspace.id,
            session_in=SessionCreate(name="Live round"),
            candidate_ids=ids[:3],
        )
        people = [
            join_session(
                db=db, code=live.code, join_in=StakeholderJoin(name=f"Voter {n}", role="Sales")
            ).token
            for n in range(8)
        ]
        access = get_access(db=db, workspace_id=workspace.id)
        found = Workshop(url, live.code, live.id, access.viewer_token, access.owner_token, people)
    engine.dispose()
    return found


def scan(page: Page, exclude: list[str]) -> list[dict]:
    """axe-core's violations on the page as it is now, outside the `exclude` selectors."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    return page.evaluate(
        """async (exclude) => {
            const result = await axe.run(
                {exclude: exclude.map((selector) => [selector])},
                {resultTypes: ["violations"]},
            );
            return result.violations.map((v) => ({
                id: v.id,
                impact: v.impact,
                help: v.help,
                nodes: v.nodes.map((n) => ({
                    target: n.target,
                    html: n.html.slice(0, 160),
                    summary: n.failureSummary,
                })),
            }));
        }""",
        exclude,
    )


# No fade-in or other CSS animation or transition still running on the page.
ANIMATIONS_OVER = "() => document.getAnimations().every((a) => a.playState !== 'running')"


def drawn(page: Page) -> None:
    """Wait until the page's charts and the ballot's card are drawn (they draw after the
    script run ends) and any fade-in is over."""
    settled(page)
    charts = page.locator(".vega-embed")
    for n in range(charts.count()):
        expect(charts.nth(n).locator("canvas, svg").first).to_be_attached(timeout=15_000)
    if page.locator(".ballot").count():
        expect(page.get_by_test_id("ballot-card").locator(".title")).to_be_visible()
    page.wait_for_function(ANIMATIONS_OVER)


def in_language(page: Page, where, lang: str) -> None:
    """Show the page in `lang` (the language box of `where`), if it is not already."""
    boxes = where.get_by_role("combobox")
    page.wait_for_function(  # the box shows once the page's run has drawn it
        """([where, names]) => [...where.querySelectorAll('[role=combobox]')]
            .some((box) => names.includes(box.value))""",
        arg=[where.element_handle(), list(LANGUAGES.values())],
        timeout=10_000,
    )
    values = [boxes.nth(i).input_value() for i in range(boxes.count())]
    if LANGUAGES[lang] not in values:
        pick_language(page, where, LANGUAGES[lang])


def walk(page: Page, shop: Workshop, role: str, lang: str, pages: list[str]) -> Iterator[str]:
    """Open each of `pages` as `role` in `lang`, one after the other; yields each page's
    key once it is drawn."""
    if role == "stakeholder":
        yield from _walk_stakeholder(page, shop, lang, pages)
        return
    if role == "visitor":
        page.goto(shop.url)
        settled(page)
    elif role == "facilitator":
        sign_in(page, shop.url, DEMO_NAME, DEMO_PASSPHRASE)
    else:
        token = shop.viewer if role == "manager" else shop.owner
        page.goto(f"{shop.url}/?{'view' if role == 'manager' else 'owner'}={token}")
        settled(page)
    if lang != "en":
        opener = page.get_by_test_id("stExpandSidebarButton")  # a phone folds it away
        if opener.is_visible():
            opener.click()
        in_language(page, page.get_by_test_id("stSidebar"), lang)
    for key in pages:
        if key == "presenter":  # opens in its own tab, from the Scoring session page
            page.goto(f"{shop.url}/presenter?session={shop.session_id}")
        else:
            go(page, t(f"nav.{key}", lang))
        drawn(page)
        yield key


def _walk_stakeholder(page: Page, shop: Workshop, lang: str, pages: list[str]) -> Iterator[str]:
    person = shop.people.pop()  # each visit its own stakeholder, who has not voted yet
    for key in pages:
        if key == "join":
            page.goto(f"{shop.url}/?join={shop.code}")
        elif key == "vote":
            page.goto(f"{shop.url}/?me={person}")
        else:
            settled(page)
            main = page.get_by_test_id("stMain")  # a phone folds the top navigation away
            main.get_by_role("link", name=t(f"nav.{key}", lang)).first.click()
        settled(page)
        in_language(page, page.get_by_test_id("stMain"), lang)
        drawn(page)
        yield key


def report(found: dict[str, list[dict]]) -> str:
    lines = []
    for key, violations in found.items():
        for v in violations:
            targets = "; ".join(" >> ".join(map(str, n["target"])) for n in v["nodes"][:3])
            lines.append(
                f"{key}: {v['impact']} {v['id']} ({v['help']}) x{len(v['nodes'])}: {targets}"
            )
    return "\n".join(lines)


VISITS = [
    *[
        pytest.param(role, lang, DESKTOP, PAGES[role], id=f"{role}-{lang}-desktop")
        for role in PAGES
        for lang in LANGUAGES
    ],
    *[
        pytest.param("stakeholder", lang, PHONE, STAKEHOLDER, id=f"stakeholder-{lang}-phone")
        for lang in LANGUAGES
    ],
    pytest.param(
        "facilitator", "en", PHONE, PHONE_SAMPLE["facilitator"], id="facilitator-en-phone"
    ),
    pytest.param("manager", "nl", PHONE, PHONE_SAMPLE["manager"], id="manager-nl-phone"),
    pytest.param("visitor", "nl", PHONE, VISITOR, id="visitor-nl-phone"),
]


@pytest.mark.parametrize(("role", "lang", "viewport", "pages"), VISITS)
def test_no_critical_or_serious_violation_on_any_page(
    browser, workshop, role, lang, viewport, pages
):
    """Every page the role sees: 0 critical and 0 serious axe-core violations, headings
    in order."""
    page = new_page(browser, viewport=viewport)
    found = {}
    try:
        for key in walk(page, workshop, role, lang, pages):
            failing = [
                v
                for v in scan(page, list(KNOWN))
                if v["impact"] in FAILING or v["id"] in ALSO_FAILING
            ]
            if failing:
                found[key] = failing
    finally:
        page.context.close()
    assert not found, "\n" + report(found)


def test_the_vendored_axe_is_the_version_its_readme_names():
    """vendor/axe.min.js is the axe-core release and file vendor/README.md names."""
    noted = (AXE.parent / "README.md").read_text(encoding="utf-8")
    version = re.search(r"axe-core (\d+\.\d+\.\d+)", noted).group(1)
    digest = re.search(r"`([0-9a-f]{64})`", noted).group(1)
    assert AXE.read_text(encoding="utf-8").startswith(f"/*! axe v{version}\n")
    assert hashlib.sha256(AXE.read_bytes()).hexdigest() == digest


# The element that has focus, inside the ballot's shadow root too.
FOCUSED = """() => {
    let active = document.activeElement;
    while (active && active.shadowRoot && active.shadowRoot.activeElement) {
        active = active.shadowRoot.activeElement;
    }
    const group = active && active.closest && active.closest("fieldset.criterion");
    return active && {
        tag: active.tagName.toLowerCase(),
        cls: active.className,
        text: /^H[1-6]$/.test(active.tagName) ? active.textContent : "",
        name: active.getAttribute("aria-label") || "",
        answer: active.dataset ? active.dataset.label || "" : "",
        criterion: group ? group.dataset.criterion : "",
    };
}"""


def tab_to(page: Page, wanted, presses: list[str], most: int = 60) -> dict:
    """Press Tab until `wanted` (a test of what FOCUSED returns) holds; what has focus."""
    for _ in range(most):
        page.keyboard.press("Tab")
        presses.append("Tab")
        focused = page.evaluate(FOCUSED)
        if focused and wanted(focused):
            return focused
    raise AssertionError(f"Tab never reached it; focus is on {page.evaluate(FOCUSED)}")


def expect_card_heading_focused(page: Page, other_than: str = "") -> str:
    """Wait until focus is on the ballot card's heading (of another candidate than
    `other_than`); its title."""
    try:
        found = page.wait_for_function(
            f"""(otherThan) => {{
                const focused = ({FOCUSED})();
                const heading = focused && focused.tag === "h2" && focused.cls.includes("title");
                return heading && focused.text !== otherThan && focused.text;
            }}""",
            arg=other_than,
            timeout=10_000,
        )
    except PlaywrightTimeout:
        focused = page.evaluate(FOCUSED)
        raise AssertionError(f"focus is not on the card's heading but on {focused}") from None
    return found.json_value()


def test_a_stakeholder_joins_and_votes_with_the_keyboard_alone(browser, workshop):
    """Join and score a candidate with Tab, typing, Enter and Space only; after the join
    and after the ballot moves on by itself, focus is on the new card's heading."""
    page = new_page(browser, viewport=DESKTOP)
    presses: list[str] = []
    try:
        page.goto(f"{workshop.url}/?join={workshop.code}")
        settled(page)
        tab_to(page, lambda f: f["name"] == t("field.name", "en"), presses)
        page.keyboard.type("Kim Keys")
        tab_to(page, lambda f: f["name"] == t("field.role", "en"), presses)
        page.keyboard.type("Service")
        page.keyboard.press("Enter")  # submits the join form
        presses.append("Enter")
        first = expect_card_heading_focused(page)

        criteria = page.get_by_test_id("ballot-card").locator("fieldset.criterion")
        for n in range(criteria.count()):
            criterion = criteria.nth(n).get_attribute("data-criterion")
            tab_to(page, lambda f, c=criterion: f["criterion"] == c and f["answer"] == "3", presses)
            page.keyboard.press("Space")
            presses.append("Space")
        second = expect_card_heading_focused(page, other_than=first)
        expect(page.get_by_test_id("ballot-progress")).to_have_text(re.compile(r"^1 of \d+"))
        picker = page.get_by_test_id("ballot-picker")
        expect(picker.locator("option", has_text=f"✓ {first}")).to_have_count(1)
        assert second != first
    finally:
        page.context.close()
