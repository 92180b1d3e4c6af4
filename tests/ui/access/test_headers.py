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
    headers = client().get("/api/download").headers
    csp = headers["content-security-policy"]
    assert csp.startswith("default-src 'none'") and "sandbox" in csp
    assert headers["cache-control"] == "no-store"  # every route; pages as Streamlit sets
    assert "cache-control" not in client().get("/matrix").headers


def test_over_https_browsers_are_told_to_keep_to_it():
    assert "max-age" in client("https://testserver").get("/").headers["strict-transport-security"]


@pytest.mark.parametrize(
    "origin, opened",
    [
        (None, True),  # not a browser
        ("http://testserver", True),
        ("http://testserver:9999", False),  # another port of the same host: same site
        ("http://evil.example", False),
        ("null", False),
    ],
)
def test_a_websocket_opens_only_from_the_apps_own_origin(origin, opened):
    from starlette.websockets import WebSocket, WebSocketDisconnect

    async def stream(websocket: WebSocket):
        await websocket.accept()
        await websocket.send_text("page")
        await websocket.close()

    from starlette.routing import WebSocketRoute

    app = Starlette(
        routes=[WebSocketRoute("/_stcore/stream", stream)],
        middleware=[Middleware(SecurityHeaders)],
    )
    headers = {"origin": origin} if origin else {}
    client = TestClient(app)
    if opened:
        with client.websocket_connect("/_stcore/stream", headers=headers) as socket:
            assert socket.receive_text() == "page"
    else:
        with (
            pytest.raises(WebSocketDisconnect),
            client.websocket_connect("/_stcore/stream", headers=headers),
        ):
            pass
