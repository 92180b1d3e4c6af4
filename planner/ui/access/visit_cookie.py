"""The browser's sign-in cookie, given by the server (middleware of `st.App`, see app.py).

Every browser that loads a page without one gets `planner_visit`: a random token,
HttpOnly (no script reads it), SameSite=Lax (sent when a link from an e-mail opens the
app, never with another site's requests), Secure over HTTPS. It signs nobody in by
itself: a sign-in record in the database (planner.store.sign_ins) under its hash does,
and only once someone signed in or opened a link in that browser.
"""

import secrets
from http.cookies import SimpleCookie

from starlette.datastructures import MutableHeaders
from starlette.requests import HTTPConnection
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from planner.store.sign_ins import TOKEN_SIZES

COOKIE = "planner_visit"
MAX_AGE_DAYS = 400  # browsers keep a cookie at most this long; the record decides


def cookie_header(token: str, *, secure: bool) -> str:
    cookie: SimpleCookie = SimpleCookie()
    cookie[COOKIE] = token
    morsel = cookie[COOKIE]
    morsel["path"] = "/"
    morsel["max-age"] = str(MAX_AGE_DAYS * 86_400)
    morsel["httponly"] = True
    morsel["samesite"] = "Lax"
    if secure:
        morsel["secure"] = True
    return morsel.OutputString()


class VisitCookie:
    """Give a page load without a valid `planner_visit` cookie a new one."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        connection = HTTPConnection(scope)
        held = connection.cookies.get(COOKIE, "")
        page_load = "text/html" in connection.headers.get("accept", "")
        if len(held) in TOKEN_SIZES or not page_load:
            await self.app(scope, receive, send)
            return
        header = cookie_header(secrets.token_urlsafe(32), secure=scope.get("scheme") == "https")

        async def send_with_cookie(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message).append("set-cookie", header)
            await send(message)

        await self.app(scope, receive, send_with_cookie)
