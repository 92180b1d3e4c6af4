"""Security headers on every response kind (the served app is checked in
tests/e2e/test_planted_cookie_and_headers.py)."""

import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route
from starlette.testclient import TestClient

from planner.ui.access.headers import SecurityHeaders


def client(base_url: str = "http://testserver") -> TestClient:
    async def download(request):
        return Response(b"<svg/>", media_type="image/svg+xml")

    app = Starlette(
        routes=[
            Route("/api/download", download),
            Route("/{path:path}", lambda request: PlainTextResponse("page")),
        ],
        middleware=[Middleware(SecurityHeaders)],
    )
    return TestClient(app, base_url=base_url)


@pytest.mark.parametrize("path", ["/", "/matrix", "/static/js/index.js", "/api/download"])
def test_no_site_may_frame_sniff_or_learn_the_address(path):
    headers = client().get(path).headers
    assert headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert "strict-transport-security" not in headers


def test_routes_allow_nothing_to_run():
    csp = client().get("/api/download").headers["content-security-policy"]
    assert csp.startswith("default-src 'none'") and "sandbox" in csp


def test_over_https_browsers_are_told_to_keep_to_it():
    assert "max-age" in client("https://testserver").get("/").headers["strict-transport-security"]
