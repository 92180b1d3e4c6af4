"""The middleware that takes a personal link's key out of a page's address: a known key
becomes the HttpOnly cookie and a redirect without it; anything else goes through."""

import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from planner.core.db import writing
from planner.models import SessionCreate, StakeholderJoin
from planner.store.scoring.sessions import open_session
from planner.store.scoring.stakeholders import join_session
from planner.ui.access.key_in_address import KeyOutOfAddress
from tests.factories import add_candidate, make_journey


@pytest.fixture(name="key")
def key_fixture(engine):
    """(join code, personal link key) of a stakeholder."""
    with writing(engine) as db:
        journey = make_journey(db)
        scoring = open_session(
            db=db,
            workspace_id=journey.workspace.id,
            session_in=SessionCreate(name="Q1"),
            candidate_ids=[add_candidate(db, journey).id],
        )
        joined = join_session(db=db, code=scoring.code, join_in=StakeholderJoin(name="Ann"))
    return scoring.code, joined.token


@pytest.fixture(name="client")
def client_fixture(database_url):
    app = Starlette(
        routes=[
            Route(
                "/{path:path}", lambda request: PlainTextResponse("page"), methods=["GET", "POST"]
            )
        ],
        middleware=[Middleware(KeyOutOfAddress)],
    )
    return TestClient(app, follow_redirects=False)


@pytest.mark.parametrize(
    ("address", "kept"),
    [("/?me={key}", "/?link=1"), ("/?join={code}&me={key}", "/?join={code}&link=1")],
)
def test_a_known_key_becomes_the_cookie(client, key, address, kept):
    code, token = key
    answer = client.get(address.format(code=code, key=token))
    assert answer.status_code == 303 and answer.headers["location"] == kept.format(code=code)
    cookie = answer.headers["set-cookie"]
    assert cookie.startswith(f"planner_me={token};") and "HttpOnly" in cookie
    assert "SameSite=strict" in cookie and answer.headers["cache-control"] == "no-store"


def test_the_sign_off_page_keeps_its_path(client, key):
    answer = client.get(f"/signoff?me={key[1]}")
    assert answer.status_code == 303 and answer.headers["location"] == "/signoff?link=1"


@pytest.mark.parametrize(
    "address",
    [
        "/?me=not-a-key",  # the page says the link does not work
        "/b/{code}?me={key}",  # the light page reads its own ?me=
        "/api/ballot/state?me={key}",
        "/",
    ],
)
def test_anything_else_goes_through(client, key, address):
    code, token = key
    answer = client.get(address.format(code=code, key=token))
    assert (
        answer.status_code == 200 and answer.text == "page" and "set-cookie" not in answer.headers
    )


def test_a_post_goes_through(client, key):
    assert client.post(f"/?me={key[1]}").status_code == 200
