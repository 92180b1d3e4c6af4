"""The sign-in cookie: given to a page load, signed, HttpOnly and SameSite, never to
scripts; `__Host-` over HTTPS; a value the server never issued is replaced; a new
sign-in's token reaches the cookie through the hand-over route only."""

from datetime import UTC, datetime

import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from planner.access.sign_ins import Lifetime
from planner.access.visit_tokens import issue, issued
from planner.core.db import writing
from planner.store.access.sign_ins import Remembered, begin, visit_secret
from planner.ui.access import visit_cookie
from planner.ui.access.visit_cookie import COOKIE, HANDOVER_HEADER, VisitCookie

PAGE = {"accept": "text/html,application/xhtml+xml"}
SECRET = "the server's secret"


def client(base_url: str = "http://testserver") -> TestClient:
    app = Starlette(
        routes=[Route("/{path:path}", lambda request: PlainTextResponse("ok"))],
        middleware=[Middleware(VisitCookie, secret=lambda: SECRET)],
    )
    return TestClient(app, base_url=base_url)


def given(response) -> tuple[str, str]:
    name, rest = response.headers["set-cookie"].split("=", 1)
    return name, rest.split(";")[0]


def test_a_page_load_without_one_gets_a_signed_random_http_only_cookie():
    first = client().get("/matrix", headers=PAGE)
    second = client().get("/", headers=PAGE)
    assert given(first)[0] == COOKIE and given(first)[1] != given(second)[1]
    assert issued(SECRET, given(first)[1])
    for attribute in ("HttpOnly", "SameSite=Lax", "Path=/"):
        assert attribute in first.headers["set-cookie"]
    assert "Secure" not in first.headers["set-cookie"]


@pytest.mark.parametrize(
    "base_url, headers",
    [("https://testserver", {}), ("http://testserver", {"x-forwarded-proto": "https"})],
)
def test_over_https_the_cookie_is_host_prefixed_and_secure(base_url, headers):
    response = client(base_url).get("/", headers=PAGE | headers)
    assert given(response)[0] == f"__Host-{COOKIE}"
    assert "Secure" in response.headers["set-cookie"]
    assert "Domain" not in response.headers["set-cookie"]


def test_an_issued_token_is_kept_and_other_requests_get_none():
    browser = client()
    browser.cookies.set(COOKIE, issue(SECRET))
    assert "set-cookie" not in browser.get("/", headers=PAGE).headers
    assert "set-cookie" not in client().get("/api/ballot/state").headers  # not a page


@pytest.mark.parametrize(
    "held",
    ["k" * 43, "forged", issue("another server's secret"), "x" * 5000],
    ids=["unsigned", "short", "other-secret", "huge"],  # a random token is no stable id
)
def test_a_value_the_server_never_issued_is_replaced(held):
    browser = client()
    browser.cookies.set(COOKIE, held)
    name, token = given(browser.get("/", headers=PAGE))
    assert name == COOKIE and token != held and issued(SECRET, token)


def test_over_https_a_plain_cookie_planted_beside_it_does_not_count():
    browser = client("https://testserver")
    browser.cookies.set(COOKIE, issue(SECRET))  # what a sibling port could plant
    assert given(browser.get("/", headers=PAGE))[0] == f"__Host-{COOKIE}"


@pytest.fixture(name="routes")
def routes_fixture(engine):
    """The hand-over route, against this test's database (its DATABASE_URL)."""
    return TestClient(Starlette(routes=visit_cookie.ROUTES), base_url="http://testserver")


def signed_in(engine) -> str:
    with writing(engine) as db:
        kept = Remembered(actor="Eva", lang="nl")
        return begin(db=db, kept=kept, now=datetime.now(UTC), lifetime=Lifetime())


def test_the_hand_over_sets_the_cookie_of_a_live_sign_in(routes, engine):
    token = signed_in(engine)
    response = routes.post("/api/sign-in/cookie", headers={HANDOVER_HEADER: token})
    assert response.status_code == 204
    assert given(response) == (COOKIE, token)
    assert "HttpOnly" in response.headers["set-cookie"]


@pytest.mark.parametrize(
    "case",
    ["no header", "not issued", "issued, no sign-in", "from another site", "a GET"],
)
def test_the_hand_over_refuses_everything_else(routes, engine, case):
    token = signed_in(engine)
    with writing(engine) as db:
        unsigned = issue(visit_secret(db=db))
    headers = {
        "no header": {},
        "not issued": {HANDOVER_HEADER: "k" * 43},
        "issued, no sign-in": {HANDOVER_HEADER: unsigned},
        "from another site": {HANDOVER_HEADER: token, "sec-fetch-site": "cross-site"},
        "a GET": {HANDOVER_HEADER: token},
    }[case]
    method = routes.get if case == "a GET" else routes.post
    response = method("/api/sign-in/cookie", headers=headers)
    assert response.status_code in (404, 405)
    assert "set-cookie" not in response.headers
