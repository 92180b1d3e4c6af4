"""The sign-in cookie: given once to a page load, HttpOnly and SameSite, never to scripts."""

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from planner.ui.access.visit_cookie import COOKIE, VisitCookie

PAGE = {"accept": "text/html,application/xhtml+xml"}


def client(base_url: str = "http://testserver") -> TestClient:
    app = Starlette(
        routes=[Route("/{path:path}", lambda request: PlainTextResponse("ok"))],
        middleware=[Middleware(VisitCookie)],
    )
    return TestClient(app, base_url=base_url)


def test_a_page_load_without_one_gets_a_random_http_only_cookie():
    first = client().get("/matrix", headers=PAGE).headers["set-cookie"]
    second = client().get("/", headers=PAGE).headers["set-cookie"]
    assert first.startswith(f"{COOKIE}=") and first.split(";")[0] != second.split(";")[0]
    assert len(first.split(";")[0].split("=", 1)[1]) == 43
    for attribute in ("HttpOnly", "SameSite=Lax", "Path=/"):
        assert attribute in first
    assert "Secure" not in first
    assert "Secure" in client("https://testserver").get("/", headers=PAGE).headers["set-cookie"]


def test_a_browser_with_one_keeps_it_and_other_requests_get_none():
    browser = client()
    browser.cookies.set(COOKIE, "k" * 43)
    assert "set-cookie" not in browser.get("/", headers=PAGE).headers
    assert "set-cookie" not in client().get("/api/ballot/state").headers  # not a page
    browser.cookies.set(COOKIE, "forged")  # not one of ours: replaced
    assert "set-cookie" in browser.get("/", headers=PAGE).headers
