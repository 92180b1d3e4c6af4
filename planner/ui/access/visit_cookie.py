"""The browser's sign-in cookie, given by the server (middleware and a route of `st.App`,
see app.py).

Every page load without a token the server issued gets `planner_visit` (over HTTPS
`__Host-planner_visit`): a new signed random token (planner.access.visit_tokens),
HttpOnly (no script reads it), SameSite=Lax (sent when a link from an e-mail opens the
app, never with another site's requests), Secure over HTTPS. A value the server never
issued is replaced. The token signs nobody in by itself: a sign-in record under it does
(planner.store.access.sign_ins), and such a record is only ever made under a token issued at
that moment. The page hands that new token to its browser with one request:

    POST /api/sign-in/cookie   X-Planner-Sign-In: TOKEN   -> 204 + Set-Cookie, else 404

It answers only for a live sign-in, only to the app's own pages (a custom header: another
site's page cannot send it without a CORS preflight, which the app never allows).
"""

import os
from collections.abc import Callable
from datetime import UTC, datetime
from http.cookies import SimpleCookie

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import MutableHeaders
from starlette.requests import HTTPConnection, Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from planner.access.sign_ins import lifetime_from
from planner.access.visit_tokens import cookie_name, https_request, issue, issued
from planner.core.db import reading

COOKIE = "planner_visit"
MAX_AGE_DAYS = 400  # browsers keep a cookie at most this long; the record decides
HANDOVER_HEADER = "x-planner-sign-in"


def visit_cookie_name(connection: HTTPConnection) -> str:
    """The cookie's name for this request: `__Host-` prefixed over HTTPS."""
    return cookie_name(COOKIE, https=https_request(connection.url.scheme, connection.headers))


def cookie_header(token: str, *, secure: bool) -> str:
    cookie: SimpleCookie = SimpleCookie()
    name = cookie_name(COOKIE, https=secure)
    cookie[name] = token
    morsel = cookie[name]
    morsel["path"] = "/"
    morsel["max-age"] = str(MAX_AGE_DAYS * 86_400)
    morsel["httponly"] = True
    morsel["samesite"] = "Lax"
    if secure:
        morsel["secure"] = True
    return morsel.OutputString()


def _visits_secret() -> str:
    from planner.ui.shell.engine import app_secret  # the pages' engine and its secrets

    return app_secret("visits")


class VisitCookie:
    """Give a page load without a token the server issued a new one."""

    def __init__(self, app: ASGIApp, secret: Callable[[], str] = _visits_secret) -> None:
        self.app = app
        self.secret = secret

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        connection = HTTPConnection(scope)
        if "text/html" not in connection.headers.get("accept", ""):  # not a page load
            await self.app(scope, receive, send)
            return
        secret = await run_in_threadpool(self.secret)
        if issued(secret, connection.cookies.get(visit_cookie_name(connection))):
            await self.app(scope, receive, send)
            return
        https = https_request(connection.url.scheme, connection.headers)
        header = cookie_header(issue(secret), secure=https)

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message).append("set-cookie", header)
            await send(message)

        await self.app(scope, receive, send_with_cookie)


def signed_in(token: str) -> bool:
    """Whether a live sign-in record holds `token` (read on a thread: it queries)."""
    from planner.store.access.sign_ins import last_seen
    from planner.ui.shell.engine import engine

    with reading(engine()) as db:
        seen = last_seen(
            db=db, token=token, now=datetime.now(UTC), lifetime=lifetime_from(os.environ)
        )
    return seen is not None


async def hand_over(request: Request) -> Response:
    """Put the token of a sign-in begun on the page into the browser's cookie."""
    token = request.headers.get(HANDOVER_HEADER, "")
    fetched_from = request.headers.get("sec-fetch-site", "same-origin")
    if fetched_from != "same-origin" or not issued(await run_in_threadpool(_visits_secret), token):
        return Response(status_code=404)
    if not await run_in_threadpool(signed_in, token):
        return Response(status_code=404)
    https = https_request(request.url.scheme, request.headers)
    response = Response(status_code=204, headers={"Cache-Control": "no-store"})
    response.headers.append("set-cookie", cookie_header(token, secure=https))
    return response


ROUTES = [Route("/api/sign-in/cookie", hand_over, methods=["POST"])]
