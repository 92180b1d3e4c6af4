"""Every ballot route x every scope: a key answers only about the rounds of the sessions
its stakeholder takes part in; another session, another workspace, an unknown or an
impossible id all get 404 (never 403 or 500: no oracle of what exists)."""

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from planner.core.db import reading, writing
from planner.models import SessionCreate, StakeholderJoin
from planner.store.scoring.sessions import open_session
from planner.store.scoring.stakeholders import join_session
from planner.store.scoring.votes import my_ballot
from planner.ui.scoring.ballot_routes import MEMBERS, ROUTES, STATES
from tests.factories import add_candidate, make_journey


@pytest.fixture(name="client")
def client_fixture(database_url):
    STATES.forget()
    MEMBERS.__init__()
    with TestClient(Starlette(routes=ROUTES)) as client:
        yield client


@pytest.fixture(name="scopes")
def scopes_fixture(engine, demo):
    """Ann's own session; another session of her workspace; a session of another
    workspace with a confidential candidate: scope -> (session, round, candidate)."""
    with writing(engine) as db:
        own = open_session(
            db=db, workspace_id=demo.id, session_in=SessionCreate(name="Own"), candidate_ids=[1]
        )
        ann = join_session(db=db, code=own.code, join_in=StakeholderJoin(name="Ann"))
        other = open_session(
            db=db, workspace_id=demo.id, session_in=SessionCreate(name="Other"), candidate_ids=[2]
        )
        join_session(db=db, code=other.code, join_in=StakeholderJoin(name="Bert"))
        journey = make_journey(db, name="Bank")
        secret = add_candidate(db, journey, title="Confidential merger portal")
        foreign = open_session(
            db=db,
            workspace_id=journey.workspace.id,
            session_in=SessionCreate(name="Theirs"),
            candidate_ids=[secret.id],
        )
        join_session(db=db, code=foreign.code, join_in=StakeholderJoin(name="Carl"))
    return ann.token, {
        "own": (own.id, 1, 1),
        "other session": (other.id, 2, 2),
        "other workspace": (foreign.id, 3, secret.id),
        "unknown": (999, 999, 999),
        "2**70": (2**70, 2**70, 2**70),
    }


SCOPES = ["own", "other session", "other workspace", "unknown", "2**70"]
ROUTE_CALLS = ["state", "candidate", "vote", "comment"]
# route -> scope -> status: the key's own round answers, nothing else does
EXPECTED = {
    "state": dict.fromkeys(SCOPES, 404) | {"own": 200},
    "candidate": dict.fromkeys(SCOPES, 404) | {"own": 200},
    # an impossible id in a body is a malformed body
    "vote": dict.fromkeys(SCOPES, 404) | {"own": 200, "2**70": 400},
    "comment": dict.fromkeys(SCOPES, 404) | {"own": 200, "2**70": 400},
}


def call(client, route, key, session, round_id, candidate):
    headers = {"X-Ballot-Key": key} if key else {}
    if route == "state":
        return client.get(f"/api/ballot/state?session={session}", headers=headers)
    if route == "candidate":
        query = f"round={round_id}&candidate={candidate}"
        return client.get(f"/api/ballot/candidate?{query}", headers=headers)
    body = {"round": round_id, "candidate": candidate}
    if route == "vote":
        body |= {"criterion": 1, "answer": "3"}
    else:
        body |= {"comment": "leak?"}
    return client.post(f"/api/ballot/{route}", json=body, headers=headers)


@pytest.mark.parametrize("scope", SCOPES)
@pytest.mark.parametrize("route", ROUTE_CALLS)
def test_each_route_answers_only_about_the_keys_own_rounds(client, scopes, route, scope):
    key, targets = scopes
    response = call(client, route, key, *targets[scope])
    assert response.status_code == EXPECTED[route][scope]
    if response.status_code != 200:
        assert "Confidential" not in response.text and "title" not in response.json()


@pytest.mark.parametrize("route", ROUTE_CALLS)
def test_without_a_key_nothing_answers(client, scopes, route):
    _, targets = scopes
    assert call(client, route, "", *targets["own"]).status_code == 401


def test_nothing_is_written_outside_the_keys_own_rounds(client, scopes, engine):
    key, targets = scopes
    for scope in SCOPES[1:]:
        for route in ("vote", "comment"):
            call(client, route, key, *targets[scope])
    with reading(engine) as db:
        for round_id in (2, 3):
            for stakeholder_id in (1, 2, 3):
                ballot = my_ballot(db=db, round_id=round_id, stakeholder_id=stakeholder_id)
                assert not ballot.answers and not ballot.comments
