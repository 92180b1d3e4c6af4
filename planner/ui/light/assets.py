"""The light page's JS and CSS under names that carry a hash of their content, so a
browser keeps them for a year and a new release is a new address.

    GET /b/assets/ballot.3f2a9c01d4e5.js   (immutable; gzip when asked, see compression.py)

The ballot's files are the Vote page's own (planner/ui/scoring/ballot.js, ballot.css),
served unchanged.
"""

import hashlib
from functools import cache
from pathlib import Path
from typing import NamedTuple

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

HERE = Path(__file__).parent
SCORING = HERE.parent / "scoring"
FILES = {
    "ballot.js": SCORING / "ballot.js",
    "ballot.css": SCORING / "ballot.css",
    "light.js": HERE / "light.js",
    "light.css": HERE / "light.css",
}
TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}
PREFIX = "/b/assets/"
IMMUTABLE = "public, max-age=31536000, immutable"


class Asset(NamedTuple):
    name: str  # hashed: "ballot.3f2a9c01d4e5.js"
    body: bytes
    media_type: str


def _hashed(name: str, body: bytes) -> str:
    stem, suffix = name.rsplit(".", 1)
    return f"{stem}.{hashlib.sha256(body).hexdigest()[:12]}.{suffix}"


@cache
def assets() -> dict[str, Asset]:
    """Hashed name -> asset, read once per process."""
    found = {}
    for name, path in FILES.items():
        body = path.read_bytes()
        found[_hashed(name, body)] = Asset(_hashed(name, body), body, TYPES[path.suffix])
    return found


@cache
def url(name: str) -> str:
    """The address of `name` ("ballot.js") with its content hash."""
    body = FILES[name].read_bytes()
    return PREFIX + _hashed(name, body)


async def asset(request: Request) -> Response:
    found = assets().get(request.path_params["name"])
    if found is None:
        return Response("not found", status_code=404, media_type="text/plain")
    return Response(found.body, media_type=found.media_type, headers={"Cache-Control": IMMUTABLE})


ROUTES = [Route(PREFIX + "{name}", asset, methods=["GET", "HEAD"])]
