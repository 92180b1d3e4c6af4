"""Security headers on every response of the app (middleware of `st.App`, see app.py):
pages, Streamlit's static files, the JSON routes and downloads alike.

- No site may frame the app (`X-Frame-Options: DENY`, CSP `frame-ancestors 'none'`):
  nothing of it is meant to be shown inside another page, the presenter view included
  (it opens in its own tab).
- No type sniffing, and no referrer: personal links and link tokens are secrets, and an
  address with one must never travel to another site.
- The routes answer JSON or a file, never a page: their CSP allows nothing at all, so a
  download opened in the browser (an SVG, say) runs no script; and no cache keeps their
  answers (`Cache-Control: no-store`): a join answers a personal link, a ballot route
  one's own answers.
- Over HTTPS, browsers are told to keep to HTTPS (HSTS).
- A WebSocket (the pages' channel) is opened only from the app's own origin: a page on
  another port of the same host is "same site", so the browser would send it the sign-in
  cookie, and Streamlit's own origin check lets another port through.
"""

from urllib.parse import urlsplit

from starlette.datastructures import MutableHeaders
from starlette.requests import HTTPConnection
from starlette.responses import JSONResponse
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from planner.access.visit_tokens import https_request

EVERY_RESPONSE = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}
PAGE_CSP = "frame-ancestors 'none'"
ROUTE_CSP = (
    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox"
)
ROUTES = "/api/"
# The light stakeholder page (planner/ui/light): its own scripts and styles only.
LIGHT_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
)
LIGHT = "/b/"
HSTS = "max-age=31536000"


def headers_for(path: str, *, https: bool) -> dict[str, str]:
    """The security headers of a response to `path`.

    >>> headers_for("/api/download", https=False)["Content-Security-Policy"].split(";")[0]
    "default-src 'none'"
    """
    csp = (
        ROUTE_CSP if path.startswith(ROUTES) else LIGHT_CSP if path.startswith(LIGHT) else PAGE_CSP
    )
    found = EVERY_RESPONSE | {"Content-Security-Policy": csp}
    if path.startswith(ROUTES):
        found = found | {"Cache-Control": "no-store"}
    return found | {"Strict-Transport-Security": HSTS} if https else found


def same_origin(origin: str | None, host: str | None) -> bool:
    """Whether a WebSocket's `Origin` is the app's own (scheme aside): host and port as
    the browser addressed the app. No Origin (not a browser) is let through.

    >>> same_origin("http://127.0.0.1:8501", "127.0.0.1:8501")
    True
    >>> same_origin("http://127.0.0.1:9999", "127.0.0.1:8501")
    False
    """
    if origin is None:
        return True
    return bool(host) and urlsplit(origin).netloc.lower() == (host or "").lower()


class SecurityHeaders:
    """Add `headers_for` the request's path to every HTTP response; refuse a WebSocket
    opened from another origin."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":
            connection = HTTPConnection(scope)
            if not same_origin(connection.headers.get("origin"), connection.headers.get("host")):
                await send({"type": "websocket.close", "code": 1008})
                return
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        connection = HTTPConnection(scope)
        wanted = headers_for(
            scope.get("path", ""), https=https_request(connection.url.scheme, connection.headers)
        )

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in wanted.items():
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def _no_such_route(request) -> JSONResponse:
    return JSONResponse({"error": "no such route"}, status_code=404)


# Last of the app's routes: any other address or method under /api/ is a 404, not the
# pages' HTML that Streamlit answers every unknown address with.
UNKNOWN_ROUTES = [
    Route(
        "/api/{path:path}",
        _no_such_route,
        methods=["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
    )
]
