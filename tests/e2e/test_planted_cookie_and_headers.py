"""A security reviewer's first look, in Chromium and over HTTP: a cookie planted before a
sign-in gains nothing, sign-out ends every tab, and every response carries its headers."""

import re
import urllib.error
import urllib.request

import pytest
from playwright.sync_api import BrowserContext, expect

from planner.core.i18n import t
from planner.demo import DEMO_NAME, DEMO_PASSPHRASE
from tests.e2e.steps import DESKTOP, go, handed_over, new_page, settled, sign_in

SIGNED_OUT = "Sign in to see this page"


def visit_cookie(context: BrowserContext) -> str:
    [value] = [c["value"] for c in context.cookies() if c["name"] == "planner_visit"]
    return value


def test_a_planted_cookie_gains_nothing_and_sign_out_ends_every_tab(browser, served):
    attacker = browser.new_context(viewport=DESKTOP)
    attacker_page = new_page(attacker)
    attacker_page.goto(served.url)
    settled(attacker_page)
    planted = visit_cookie(attacker)  # a token the server issued to the attacker

    victim = browser.new_context(viewport=DESKTOP)
    # what a page on another port of the same host can do: set the app's cookie
    victim.add_cookies([{"name": "planner_visit", "value": planted, "url": served.url}])
    page = new_page(victim)
    with page.expect_response(handed_over) as handed:
        sign_in(page, served.url, DEMO_NAME, DEMO_PASSPHRASE)
    assert handed.value.status == 204
    settled(page)
    assert visit_cookie(victim) != planted  # the page handed its browser a new token

    attacker_page.goto(f"{served.url}/candidates")  # holds the planted value still
    settled(attacker_page)
    expect(attacker_page.get_by_text(SIGNED_OUT)).to_be_visible()

    second_tab = new_page(victim)
    second_tab.goto(f"{served.url}/candidates")
    settled(second_tab)
    expect(second_tab.get_by_role("link", name="Scoring session")).to_be_visible()
    page.get_by_role("button", name=t("access.sign_out", "en")).click()
    settled(page)
    go(second_tab, "Matrix")  # its next click
    expect(second_tab.get_by_text(SIGNED_OUT)).to_be_visible()
    expect(second_tab.get_by_text("This sign-in ended")).to_be_visible()
    for context in (attacker, victim):
        context.close()


def fetch(url: str, method: str = "GET", headers: dict | None = None):
    request = urllib.request.Request(url, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.headers


@pytest.mark.parametrize(
    "kind, path, method, headers",
    [
        ("page", "/", "GET", {"Accept": "text/html"}),
        ("page", "/matrix", "GET", {"Accept": "text/html"}),
        ("static", "STATIC", "GET", {}),
        ("health", "/_stcore/health", "GET", {}),
        ("route", "/api/ballot/state?session=1", "GET", {}),
        ("route", "/api/ballot/candidate?round=1&candidate=1", "GET", {}),
        ("route", "/api/ballot/vote", "POST", {"Content-Type": "application/json"}),
        ("download", "/api/download?fmt=csv&ticket=x", "GET", {}),
        ("sign-in", "/api/sign-in/cookie", "POST", {}),
        ("wrong method", "/api/ballot/vote", "GET", {}),
        ("wrong method", "/api/sign-in/cookie", "GET", {}),
        ("unknown route", "/api/nothing/here", "GET", {}),
    ],
)
def test_every_response_carries_the_security_headers(served, kind, path, method, headers):
    if path == "STATIC":
        with urllib.request.urlopen(served.url + "/", timeout=30) as response:
            html = response.read().decode()
        path = "/" + re.search(r'src="\.?/?(static/js/[^"]+)"', html).group(1)
    status, got = fetch(served.url + path, method, headers)
    assert status < 500
    if kind in ("wrong method", "unknown route"):  # not the pages' HTML
        assert 400 <= status < 500 and "html" not in got["Content-Type"]
    assert got["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in got["Content-Security-Policy"]
    assert got["X-Content-Type-Options"] == "nosniff"
    assert got["Referrer-Policy"] == "no-referrer"
    if path.startswith("/api/"):
        assert got["Content-Security-Policy"].startswith("default-src 'none'")
