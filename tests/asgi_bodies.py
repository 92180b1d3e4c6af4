"""A request body sent in chunks straight to an ASGI app, as a server passes it on."""

import anyio


def post_endlessly(app, path: str, *, declared: int | None = None) -> tuple[int, int]:
    """POST 1 KB chunks to `app` until it answers (at most 1 MB): its status, and how
    many bytes it took in first. Called at the ASGI level, as a server would: the
    TestClient reads a body whole before the app sees it."""
    read, status = 0, 0

    async def receive():
        nonlocal read
        read += 1_000
        return {"type": "http.request", "body": b"x" * 1_000, "more_body": read < 1_000_000}

    async def send(message):
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    headers = [(b"content-type", b"application/json")]
    if declared is not None:
        headers.append((b"content-length", str(declared).encode()))
    scope = {
        "type": "http",
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": headers,
        "client": ("10.0.0.9", 5000),
        "server": ("testserver", 80),
    }
    anyio.run(app, scope, receive, send)
    return status, read
