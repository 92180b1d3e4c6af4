"""gzip for what browsers download: when asked, once per hashed file, never for /api/."""

import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route
from starlette.testclient import TestClient

from planner.ui.compression import Compressed

SCRIPT = "console.log('a ballot');\n" * 200
served_paths = []


async def script(request):
    served_paths.append(request.url.path)
    return Response(SCRIPT, media_type="text/javascript", headers={"ETag": '"abc"'})


async def small(request):
    return PlainTextResponse("short")


async def picture(request):
    return Response(b"\x89PNG" + b"0" * 2000, media_type="image/png")


async def api(request):
    return JSONResponse({"key": "secret", "echo": "x" * 2000})


@pytest.fixture(name="client")
def client_fixture():
    served_paths.clear()
    routes = [
        Route("/static/js/index.1234.js", script),
        Route("/b/assets/ballot.5678.js", script),
        Route("/page.js", script),
        Route("/small", small),
        Route("/picture", picture),
        Route("/api/light/ballot", api),
    ]
    app = Starlette(routes=routes, middleware=[Middleware(Compressed)])
    return TestClient(app)


def fetch(client, path, encoding="gzip, deflate, br"):
    return client.get(path, headers={"Accept-Encoding": encoding})


@pytest.mark.parametrize("path", ["/static/js/index.1234.js", "/b/assets/ballot.5678.js"])
def test_a_hashed_file_is_gzipped_once_and_kept(client, path):
    first, second = fetch(client, path), fetch(client, path)
    for answer in (first, second):
        assert answer.headers["content-encoding"] == "gzip"
        assert answer.text == SCRIPT  # the client unpacks it
        assert int(answer.headers["content-length"]) < len(SCRIPT) / 5
        assert "Accept-Encoding" in answer.headers["vary"]
        assert answer.headers["etag"] == '"abc-gzip"'
    assert served_paths == [path]  # the second answer came from the kept copy


def test_other_answers_are_gzipped_each_time(client):
    fetch(client, "/page.js"), fetch(client, "/page.js")
    assert served_paths == ["/page.js", "/page.js"]


@pytest.mark.parametrize(
    ("path", "encoding"),
    [
        ("/page.js", "identity"),  # not asked for
        ("/small", "gzip"),  # too small to gain
        ("/picture", "gzip"),  # already compressed
        ("/api/light/ballot", "gzip"),  # a secret beside echoed text: never (BREACH)
    ],
)
def test_left_alone(client, path, encoding):
    answer = fetch(client, path, encoding)
    assert answer.status_code == 200 and "content-encoding" not in answer.headers


def test_a_range_request_is_left_alone(client):
    answer = client.get("/page.js", headers={"Accept-Encoding": "gzip", "Range": "bytes=0-9"})
    assert "content-encoding" not in answer.headers
