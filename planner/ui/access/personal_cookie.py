"""The `planner_me` cookie: a stakeholder's personal link, set by the server's routes
(the ballot's, the light page's, the address middleware), never readable by scripts."""

from starlette.requests import Request
from starlette.responses import Response

from planner.access.visit_tokens import cookie_name, https_request

COOKIE = "planner_me"
COOKIE_DAYS = 90


def set_personal_cookie(response: Response, request: Request, token: str) -> None:
    """The personal link in the `planner_me` cookie: HttpOnly, SameSite=Strict, 90 days;
    `__Host-` and Secure over HTTPS."""
    name = personal_cookie_name(request)
    response.set_cookie(
        name,
        token,
        max_age=COOKIE_DAYS * 86_400,
        path="/",
        httponly=True,
        samesite="strict",
        secure=name != COOKIE,
    )


def personal_cookie_name(request: Request) -> str:
    """`planner_me`, `__Host-` prefixed over HTTPS (see planner.access.visit_tokens)."""
    return cookie_name(COOKIE, https=https_request(request.url.scheme, request.headers))
