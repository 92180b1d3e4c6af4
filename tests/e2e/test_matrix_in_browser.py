"""The matrix with more candidates than spread bars it draws, in a real browser: the
spread shows for the point under the pointer and for the one picked; the tooltip reads
in the page's language; the options sit in a popover and keep what was chosen while it
is closed; "Show data" lists the points."""

import io
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable

import numpy as np
import pytest
from PIL import Image
from playwright.sync_api import Locator, Page, expect

from planner.core.db import make_engine, writing
from planner.core.i18n import t
from planner.demo import DEMO_NAME, DEMO_PASSPHRASE
from planner.roadmap.matrix_chart import ALL_SPREADS
from planner.store.journey.workspaces import load_journey
from planner.store.scoring.scoring_model import load_scoring_setup
from planner.store.scoring.sessions import reveal_round
from tests.conftest import ROOT
from tests.e2e.rounds import busy_machine
from tests.e2e.steps import DESKTOP, click_option, go, new_page, pick_language, settled, sign_in
from tests.factories import add_candidate, demo_session, join, vote_all
from tests.served_app import served_app

# Which runs the page went through since it was installed (data-test-script-state).
RUNS = """() => {
  window.__runs = [];
  const app = document.querySelector('[data-testid=stApp]');
  new MutationObserver(() => window.__runs.push(app.getAttribute('data-test-script-state')))
    .observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
}"""


def typed(n: int) -> str:
    """A title that looks like HTML: the tooltip must show it as typed."""
    return f"Extra idea {n} <img src=x onerror=alert({n})>"


@pytest.fixture(scope="module")
def many_url(tmp_path_factory) -> str:
    """The demo grown past ALL_SPREADS candidates, each voted on by three stakeholders who
    disagree (every candidate has a spread), the round revealed."""
    folder = tmp_path_factory.mktemp("matrix")
    database_url = f"sqlite:///{folder / 'planner.db'}"
    env = {**os.environ, "DATABASE_URL": database_url}
    subprocess.run([sys.executable, "-m", "planner", "init"], cwd=ROOT, env=env, check=True)
    engine = make_engine(database_url)
    with writing(engine) as db:
        journey = load_journey(db=db, workspace_id=1)
        extra = [add_candidate(db, journey, title=typed(n)) for n in range(ALL_SPREADS)]
        ids = list(range(1, extra[0].id)) + [c.id for c in extra]  # the demo's and these
    assert len(ids) > ALL_SPREADS
    scoring = demo_session(engine, 1, candidate_ids=ids)
    with writing(engine) as db:
        setup = load_scoring_setup(db=db, workspace_id=1)
        for offset, name in enumerate(("Ann", "Bob", "Cas")):  # the fewest for a consensus
            person = join(db, scoring, name)
            for candidate_id in ids:
                label = str(1 + (candidate_id + 2 * offset) % 5)
                vote_all(db, scoring, person, candidate_id, setup, label=label)
        reveal_round(db=db, session_id=scoring.id)
    engine.dispose()
    with served_app(database_url, folder / "streamlit.log") as server:
        yield server.url


def changed(shot: bytes, other: bytes) -> int:
    """How many pixels of two screenshots differ by more than anti-aliasing does (a
    redrawn canvas may differ by a few levels at the edges of what it drew)."""
    a, b = (np.asarray(Image.open(io.BytesIO(s)).convert("RGB"), dtype=int) for s in (shot, other))
    return int((np.abs(a - b).sum(axis=2) > 48).sum())


def steady(canvas: Locator, holds: Callable[[bytes], bool], seconds: float = 10) -> bytes:
    """A screenshot of `canvas` once it has stopped changing (two in a row alike) and
    shows what `holds` asks; fails when that does not come within `seconds`."""
    deadline = time.monotonic() + seconds
    last = canvas.screenshot()
    while True:
        shot = canvas.screenshot()
        if changed(shot, last) == 0 and holds(shot):
            return shot
        assert time.monotonic() < deadline, "the canvas did not come to rest showing it"
        last = shot


def _point(page: Page, box: dict, heading: str = "") -> tuple[float, float]:
    """Somewhere the pointer is over a point (where the chart shows its tooltip), one
    whose tooltip's heading holds `heading` when given."""
    tooltip = page.locator("#vg-tooltip-element.visible")
    for y in range(int(box["y"]) + 20, int(box["y"] + box["height"]) - 60, 10):
        for x in range(int(box["x"]) + 60, int(box["x"] + box["width"]) - 160, 10):
            page.mouse.move(x, y)
            if tooltip.count() and heading in tooltip.locator("h2").inner_text():
                return x, y
    raise AssertionError("no point found under the pointer")


def _tooltip(page: Page) -> tuple[str, dict[str, str]]:
    """The tooltip shown: its heading (the candidate's title) and its rows."""
    shown = page.locator("#vg-tooltip-element")
    keys, values = shown.locator("td.key").all_inner_texts(), shown.locator("td.value")
    return shown.locator("h2").inner_text(), dict(zip(keys, values.all_inner_texts(), strict=True))


def test_two_people_read_the_tooltip_each_in_their_language_on_a_busy_machine(browser, many_url):
    """Each point's tooltip is written on the server in the page's language: its title
    as the heading, then its figures ("7,5" and "84%" in Dutch). Two people open the
    matrix at the same moment, one in Dutch and one in English, while every core is busy:
    each view is made once per language and shared, and neither gets the other's. A
    title that looks like HTML reads as typed and runs nothing."""
    pages = [new_page(browser, viewport=DESKTOP, locale="en-US") for _ in range(2)]
    dialogs = []
    for page in pages:
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        sign_in(page, many_url, DEMO_NAME, DEMO_PASSPHRASE)
    dutch, english = pages
    pick_language(dutch, dutch.get_by_test_id("stSidebar"), "Nederlands")
    with busy_machine():
        for page, lang in ((dutch, "nl"), (english, "en")):  # both runs at once
            page.get_by_role("link", name=t("nav.matrix", lang), exact=True).first.click()
        for page in pages:
            settled(page)
    shown = {}
    for page, lang in ((dutch, "nl"), (english, "en")):
        _point(page, page.get_by_test_id("stVegaLiteChart").first.bounding_box(), "<img")
        shown[lang] = _tooltip(page)
        assert page.locator("#vg-tooltip-element img").count() == 0
    for lang, (title, rows) in shown.items():
        assert title in {typed(n) for n in range(ALL_SPREADS)}, (lang, title)
        decimal = r"\d+,\d" if lang == "nl" else r"\d+\.\d"
        assert list(rows)[:3] == [
            t(k, lang) for k in ("field.phase", "field.channels", "chart.value")
        ]
        assert re.fullmatch(decimal, rows[t("chart.value", lang)])
        assert re.fullmatch(decimal, rows[t("chart.effort", lang)])
        assert rows[t("chart.n", lang)] == "3"
        assert re.fullmatch(r"\d+\s?%", rows[t("chart.quadrant_sure", lang)])
    assert dialogs == []
    for page in pages:
        page.context.close()


def test_the_spread_shows_under_the_pointer_and_for_the_pick(browser, many_url):
    page = new_page(browser, viewport=DESKTOP)
    sign_in(page, many_url, DEMO_NAME, DEMO_PASSPHRASE)
    go(page, "Matrix")
    expect(page.get_by_test_id("stAlert")).to_have_count(0)  # every candidate is shown
    chart = page.get_by_test_id("stVegaLiteChart").first
    canvas = chart.locator("canvas")
    expect(canvas).to_have_count(1)  # drawn on a canvas, not as thousands of SVG nodes
    box = chart.bounding_box()
    page.mouse.move(box["x"] + 2, box["y"] + 2)
    page.evaluate(RUNS)
    bare = steady(canvas, lambda shot: True)
    x, y = _point(page, box)
    page.add_style_tag(content="#vg-tooltip-element { display: none !important; }")
    steady(canvas, lambda shot: changed(shot, bare) > 40)  # the spread of the point under it
    page.mouse.move(box["x"] + 2, box["y"] + 2)
    steady(canvas, lambda shot: changed(shot, bare) == 0)  # gone with the pointer
    assert page.evaluate("window.__runs") == []  # hovering reruns nothing
    page.mouse.click(x, y)
    settled(page)
    expect(page.get_by_test_id("stMetric")).to_have_count(2)  # the picked one's details
    page.mouse.move(box["x"] + 2, box["y"] + 2)
    steady(canvas, lambda shot: changed(shot, bare) > 40)  # the picked one keeps its spread
    page.context.close()


def test_the_options_keep_what_was_chosen_while_closed(browser, many_url):
    page = new_page(browser, viewport=DESKTOP)
    sign_in(page, many_url, DEMO_NAME, DEMO_PASSPHRASE)
    go(page, "Matrix")
    expect(page.get_by_text("Everyone (the consensus) · All candidates")).to_be_visible()
    expect(page.get_by_test_id("stMultiSelect")).to_have_count(0)  # closed: not drawn
    page.get_by_role("button", name="Filter and colour").click()
    phases = page.get_by_test_id("stMultiSelect").filter(has=page.get_by_text("Phase", exact=True))
    click_option(page, phases.get_by_role("combobox"), "Buying")
    settled(page)
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    expect(page.get_by_test_id("stMultiSelect")).to_have_count(0)
    summary = "Everyone (the consensus) · Phase: Buying · Colour by: Quadrant"
    expect(page.get_by_text(summary)).to_be_visible()
    page.get_by_role("tab", name="Candidates per quadrant").click()  # a rerun
    settled(page)
    expect(page.get_by_text(summary)).to_be_visible()
    page.get_by_role("button", name="Filter and colour").click()
    expect(page.get_by_test_id("stPopoverBody").get_by_text("Buying")).to_be_visible()
    page.context.close()


def test_show_data_lists_the_points(browser, many_url):
    """The chart toolbar's "Show data" lists every point (its first dataset), not the
    one-row quadrant lines."""
    page = new_page(browser, viewport=DESKTOP)
    sign_in(page, many_url, DEMO_NAME, DEMO_PASSPHRASE)
    go(page, "Matrix")
    page.get_by_test_id("stVegaLiteChart").first.hover()
    page.get_by_role("button", name="Show data").click()
    # The grid keeps a screen-reader table of its rows: a header row, then one per point.
    rows = page.get_by_test_id("stDataFrame").locator("table[role=grid]")
    expect(rows).to_have_attribute("aria-rowcount", str(42 + ALL_SPREADS + 1))
    page.context.close()
