"""gzip for what browsers download (middleware of `st.App`, see app.py): the pages,
Streamlit's own static files, the light page and its assets, when the browser asks for
it. A file under a hashed name never changes, so it is compressed once per process and
kept (at most CACHE_MAX bytes); other responses are compressed as they go.

JSON routes (/api/) are left alone: their answers are small, and a response that holds a
secret (a personal link) beside text an attacker may choose must not be compressed
(BREACH).
"""

import gzip

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

IMMUTABLE = ("/static/", "/b/assets/")  # hashed names: compressed once, kept
NEVER = ("/api/", "/_stcore/")
COMPRESSIBLE = (
    "text/",
    "application/javascript",
    "application/json",
    "application/manifest+json",
    "image/svg+xml",
    "application/wasm",
)
MINIMUM = 500  # bytes: smaller answers gain nothing
LEVEL = 6  # zlib's default: ~95 % of level 9's saving at a third of its time
CACHE_MAX = 64 * 1024 * 1024
THREAD_MINIMUM = 256 * 1024  # compress larger bodies off the event loop


def _compressible(headers: Headers) -> bool:
    kind = headers.get("content-type", "")
    return (
        kind.startswith(COMPRESSIBLE)
        and "content-encoding" not in headers
        and "content-range" not in headers
    )


def _gzipped(body: bytes) -> bytes:
    return gzip.compress(body, compresslevel=LEVEL, mtime=0)


class Compressed:
    """gzip a GET's answer when the browser accepts it (see the module's docstring)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self._cache: dict[str, tuple[list[tuple[bytes, bytes]], bytes]] = {}
        self._cached_bytes = 0

    def _wanted(self, scope: Scope) -> bool:
        if scope["type"] != "http" or scope.get("method") != "GET":
            return False
        path = scope.get("path", "")
        headers = Headers(scope=scope)
        return (
            not path.startswith(NEVER)
            and "gzip" in headers.get("accept-encoding", "")
            and "range" not in headers
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self._wanted(scope):
            await self.app(scope, receive, send)
            return
        path = scope["path"]
        key = f"{path}?{scope.get('query_string', b'').decode('latin-1')}"
        keep = path.startswith(IMMUTABLE)
        if keep and key in self._cache:
            headers, body = self._cache[key]
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        start: Message | None = None
        chunks: list[bytes] = []
        passing = False

        async def buffered(message: Message) -> None:
            nonlocal start, passing
            if message["type"] == "http.response.start":
                headers = Headers(raw=message["headers"])
                if message["status"] != 200 or not _compressible(headers):
                    passing = True
                    await send(message)
                else:
                    start = message
                return
            if passing or message["type"] != "http.response.body":
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body", False):
                return
            await self._finish(start, b"".join(chunks), send, key if keep else None)

        await self.app(scope, receive, buffered)

    async def _finish(self, start: Message, body: bytes, send: Send, key: str | None) -> None:
        if len(body) < MINIMUM:
            await send(start)
            await send({"type": "http.response.body", "body": body})
            return
        packed = await run_in_threadpool(_gzipped, body) if len(body) > THREAD_MINIMUM else None
        packed = packed if packed is not None else _gzipped(body)
        headers = MutableHeaders(raw=list(start["headers"]))
        headers["content-encoding"] = "gzip"
        headers["content-length"] = str(len(packed))
        headers.add_vary_header("Accept-Encoding")
        if (etag := headers.get("etag")) is not None:
            headers["etag"] = _gzip_etag(etag)
        raw = headers.raw
        if key is not None and self._cached_bytes + len(packed) <= CACHE_MAX:
            self._cache[key] = (raw, packed)
            self._cached_bytes += len(packed)
        await send({"type": "http.response.start", "status": 200, "headers": raw})
        await send({"type": "http.response.body", "body": packed})


def _gzip_etag(etag: str) -> str:
    """Another representation, another tag: `"abc"` -> `"abc-gzip"` (weak stays weak)."""
    return etag[:-1] + '-gzip"' if etag.endswith('"') else etag + "-gzip"
