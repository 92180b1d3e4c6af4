"""The `planner_me` cookie: HttpOnly, SameSite=Strict, kept 90 days; over HTTPS (direct
or as a proxy says) `__Host-` prefixed and Secure."""

import pytest
from starlette.requests import Request
from starlette.responses import Response

from planner.ui.access.personal_cookie import personal_cookie_name, set_personal_cookie


def request(scheme: str, headers: dict[str, str] | None = None) -> Request:
    raw = [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]
    port = 443 if scheme == "https" else 80
    scope = {"type": "http", "scheme": scheme, "server": ("planner.example", port)}
    return Request(scope | {"path": "/", "query_string": b"", "headers": raw})


def cookie(req: Request) -> str:
    response = Response()
    set_personal_cookie(response, req, "token-1")
    [header] = response.headers.getlist("set-cookie")
    return header


def test_over_http_it_is_planner_me_httponly_strict_for_90_days():
    header = cookie(request("http"))
    assert header.startswith("planner_me=token-1;")
    parts = {part.strip().lower() for part in header.split(";")}
    assert {"httponly", "samesite=strict", "path=/", f"max-age={90 * 86_400}"} <= parts
    assert "secure" not in parts


@pytest.mark.parametrize(
    "req",
    [request("https"), request("http", {"X-Forwarded-Proto": "https"})],
    ids=["https", "behind-a-proxy"],
)
def test_over_https_it_is_host_prefixed_and_secure(req):
    header = cookie(req)
    assert personal_cookie_name(req) == "__Host-planner_me"
    assert header.startswith("__Host-planner_me=token-1;")
    parts = {part.strip().lower() for part in header.split(";")}
    assert {"secure", "httponly", "samesite=strict", "path=/"} <= parts
    assert not any(part.startswith("domain=") for part in parts)  # __Host-: no domain
