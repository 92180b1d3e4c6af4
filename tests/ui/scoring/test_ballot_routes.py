"""The ballot's JSON routes: answers land on the candidate they name, for the person
whose personal link is sent, and only while the round is voting."""

from datetime import timedelta

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine
from starlette.applications import Starlette
from starlette.testclient import TestClient

from planner.core.db import reading, writing
from planner.models import ReferenceSet, SessionCreate, SessionSettings, StakeholderJoin, utcnow
from planner.store.journey.candidates import get_candidate
from planner.store.scoring.calibration import set_references
from planner.store.scoring.round_timing import nudge, start_timer
from planner.store.scoring.sessions import (
    change_settings,
    close_session,
    open_revote,
    open_session,
    reveal_round,
)
from planner.store.scoring.stakeholders import join_session, renew_link
from planner.store.scoring.votes import my_ballot
from planner.ui.scoring import ballot_routes
from planner.ui.scoring.ballot_routes import ROUTES, STATES
from tests.asgi_bodies import post_endlessly


@pytest.fixture(name="client")
def client_fixture(database_url):
    STATES.forget()
    with TestClient(Starlette(routes=ROUTES)) as client:
        yield client


@pytest.fixture(name="room")
def room_fixture(engine, demo):
    """A session on the demo's first three candidates with Ann and Bert joined."""
    with writing(engine) as db:
        scoring = open_session(
            db=db,
            workspace_id=demo.id,
            session_in=SessionCreate(name="Workshop"),
            candidate_ids=[1, 2, 3],
        )
        ann = join_session(db=db, code=scoring.code, join_in=StakeholderJoin(name="Ann"))
        bert = join_session(db=db, code=scoring.code, join_in=StakeholderJoin(name="Bert"))
    return scoring, ann, bert


def vote(client, token, candidate, criterion, answer, round_id=1, lang="en"):
    return client.post(
        "/api/ballot/vote",
        json={
            "round": round_id,
            "candidate": candidate,
            "criterion": criterion,
            "answer": answer,
            "lang": lang,
        },
        headers={"X-Ballot-Key": token},
    )


def answers(engine, stakeholder_id, round_id=1):
    with reading(engine) as db:
        return my_ballot(db=db, round_id=round_id, stakeholder_id=stakeholder_id).answers


def test_a_vote_is_stored_for_the_candidate_it_names(client, room, engine):
    _, ann, _ = room
    response = vote(client, ann.token, 2, 1, "4")
    assert response.status_code == 200
    assert response.json()["candidate"] == 2 and response.json()["answers"] == {"1": "4"}
    assert answers(engine, ann.stakeholder.id) == {(2, 1): "4"}


def test_the_answer_shown_is_what_the_database_holds(client, room, engine):
    _, ann, _ = room
    for label in ("1", "5", "?", "3"):
        vote(client, ann.token, 1, 2, label)
    card = client.get(
        "/api/ballot/candidate?round=1&candidate=1", headers={"X-Ballot-Key": ann.token}
    ).json()
    assert card["answers"] == {"2": "3"} == {"2": answers(engine, ann.stakeholder.id)[(1, 2)]}


def test_dont_know_is_an_answer(client, room, engine):
    _, ann, _ = room
    assert vote(client, ann.token, 1, 1, "?").json()["answers"] == {"1": "?"}
    assert answers(engine, ann.stakeholder.id) == {(1, 1): None}


def test_a_complete_candidate_counts_as_done(client, room):
    _, ann, _ = room
    for criterion in (1, 2):
        assert vote(client, ann.token, 3, criterion, "2").json()["done"] == []
    assert vote(client, ann.token, 3, 3, "2").json()["done"] == [3]


def test_nobody_votes_without_a_valid_personal_link(client, room, engine):
    _, ann, _ = room
    for token in ("", "guess", ann.token[:-1] + "x", "a" * 500):
        response = vote(client, token, 1, 1, "3")
        assert response.status_code == 401 and "personal link" in response.json()["error"]
    assert answers(engine, ann.stakeholder.id) == {}


def test_an_old_personal_link_stops_at_once(client, room, engine, demo):
    _, ann, _ = room
    with writing(engine) as db:
        new = renew_link(db=db, workspace_id=demo.id, stakeholder_id=ann.stakeholder.id)
    assert vote(client, ann.token, 1, 1, "3").status_code == 401
    assert vote(client, new, 1, 1, "3").status_code == 200


def test_each_answer_goes_to_the_person_of_the_link(client, room, engine):
    _, ann, bert = room
    vote(client, ann.token, 1, 1, "1")
    vote(client, bert.token, 1, 1, "5")
    assert answers(engine, ann.stakeholder.id) == {(1, 1): "1"}
    assert answers(engine, bert.stakeholder.id) == {(1, 1): "5"}


@pytest.mark.parametrize(
    "body, status",
    [
        ({"round": 1, "candidate": 9, "criterion": 1, "answer": "3"}, 404),  # not in round
        ({"round": 1, "candidate": 1, "criterion": 99, "answer": "3"}, 404),  # no criterion
        ({"round": 1, "candidate": 1, "criterion": 1, "answer": "7"}, 400),  # not on scale
        ({"round": 2, "candidate": 1, "criterion": 1, "answer": "3"}, 404),  # no such round
        ({"round": 2**70, "candidate": 1, "criterion": 1, "answer": "3"}, 400),  # too big
        ({"round": 1, "candidate": 2**63, "criterion": 1, "answer": "3"}, 400),
        ({"round": 0, "candidate": 1, "criterion": 1, "answer": "3"}, 400),
        ({"round": "x", "candidate": 1, "criterion": 1, "answer": "3"}, 400),
        ({"round": 1, "candidate": 1, "criterion": 1, "answer": 3}, 400),
        ({"round": 1, "candidate": 1, "criterion": 1}, 400),
        ({"round": True, "candidate": 1, "criterion": 1, "answer": "3"}, 400),
    ],
)
def test_answers_not_on_the_ballot_are_refused(client, room, engine, body, status):
    _, ann, _ = room
    response = client.post("/api/ballot/vote", json=body, headers={"X-Ballot-Key": ann.token})
    assert response.status_code == status and response.json()["error"]
    assert answers(engine, ann.stakeholder.id) == {}


@pytest.mark.parametrize(
    "raw",
    [b"{" * 10, b"[1, 2]", b"[" * 3_000 + b"]" * 3_000, b'{"a": ' * 1_000],
)
@pytest.mark.parametrize("path", ["/api/ballot/vote", "/api/ballot/comment"])
def test_a_huge_nested_or_broken_body_is_refused(client, room, raw, path):
    _, ann, _ = room
    headers = {"X-Ballot-Key": ann.token, "Content-Type": "application/json"}
    assert client.post(path, content=raw, headers=headers).status_code == 400


@pytest.mark.parametrize("path", ["/api/ballot/vote", "/api/ballot/comment"])
def test_a_body_over_the_limit_is_a_413_in_the_requests_language(client, room, path):
    _, ann, _ = room
    headers = {"X-Ballot-Key": ann.token, "Content-Type": "application/json"}
    declared = client.post(f"{path}?lang=nl", content=b"x" * 20_000, headers=headers)
    assert declared.status_code == 413
    assert declared.json()["error"] == "Een verzoek mag hoogstens 8.000 bytes zijn: dit is langer."
    chunked = client.post(path, content=iter([b"x" * 5_000] * 2), headers=headers)
    assert chunked.status_code == 413 and "at most 8,000 bytes" in chunked.json()["error"]


@pytest.mark.parametrize("path", ["/api/ballot/vote", "/api/ballot/comment"])
def test_a_large_body_is_refused_before_it_is_read(path):
    """No key needed to send one: a 400 MB body once took the server from 295 MB to 1 GB."""
    app = Starlette(routes=ROUTES)
    assert post_endlessly(app, path, declared=1_000_000) == (413, 0)
    status, read = post_endlessly(app, path)  # chunked: no Content-Length
    assert status == 413 and read <= ballot_routes.BODY_MAX + 1_000


@pytest.mark.parametrize("end", ["reveal", "close"])
def test_a_vote_after_the_reveal_is_refused_with_a_reason(client, room, engine, end):
    scoring, ann, _ = room
    vote(client, ann.token, 1, 1, "2")
    with writing(engine) as db:
        if end == "reveal":
            reveal_round(db=db, session_id=scoring.id)
        else:
            close_session(db=db, session_id=scoring.id)
    response = vote(client, ann.token, 1, 1, "5", lang="nl")
    assert response.status_code == 409
    assert response.json()["reason"] == "round_closed"
    assert "bekendgemaakt" in response.json()["error"]
    assert answers(engine, ann.stakeholder.id) == {(1, 1): "2"}  # the reveal's vote stays


def test_a_revote_round_takes_new_answers_apart_from_the_old(client, room, engine):
    scoring, ann, _ = room
    vote(client, ann.token, 1, 1, "2")
    with writing(engine) as db:
        reveal_round(db=db, session_id=scoring.id)
        revote = open_revote(db=db, session_id=scoring.id, candidate_ids=[1])
    assert vote(client, ann.token, 2, 1, "4", round_id=revote.id).status_code == 404  # not in it
    assert vote(client, ann.token, 1, 1, "4", round_id=revote.id).status_code == 200
    assert answers(engine, ann.stakeholder.id, revote.id) == {(1, 1): "4"}
    assert answers(engine, ann.stakeholder.id, 1) == {(1, 1): "2"}


def test_comments_are_kept_per_candidate(client, room, engine):
    _, ann, _ = room
    response = client.post(
        "/api/ballot/comment",
        json={"round": 1, "candidate": 2, "comment": "  <b>too</b> costly  "},
        headers={"X-Ballot-Key": ann.token},
    )
    assert response.json() == {"candidate": 2, "comment": "<b>too</b> costly"}
    with reading(engine) as db:
        ballot = my_ballot(db=db, round_id=1, stakeholder_id=ann.stakeholder.id)
    assert ballot.comments == {2: "<b>too</b> costly"}


def test_the_card_holds_one_candidate_and_only_my_answers(client, room):
    _, ann, bert = room
    vote(client, bert.token, 1, 1, "5")
    vote(client, ann.token, 1, 2, "1")
    card = client.get(
        "/api/ballot/candidate?round=1&candidate=1", headers={"X-Ballot-Key": ann.token}
    ).json()
    assert card["answers"] == {"2": "1"}
    assert set(card) == {
        "candidate",
        "title",
        "description",
        "phase",
        "channels",
        "answers",
        "comment",
        "references",
        "done",
    }
    assert card["phase"] and card["channels"]


def test_the_state_follows_reveal_and_close_within_a_second(client, room, engine, monkeypatch):
    scoring, ann, _ = room
    mine = {"X-Ballot-Key": ann.token}
    assert client.get(f"/api/ballot/state?session={scoring.id}", headers=mine).json() == {
        "round": 1,
        "round_status": "voting",
        "status": "open",
        "seconds_left": None,
        "nudged": {},
    }
    with writing(engine) as db:
        close_session(db=db, session_id=scoring.id)
    monkeypatch.setattr(STATES, "ttl", 0)  # a second later
    state = client.get(f"/api/ballot/state?session={scoring.id}", headers=mine).json()
    assert state["status"] == "closed"
    assert client.get("/api/ballot/state?session=999", headers=mine).status_code == 404


def test_remember_sets_an_httponly_cookie_for_a_known_link_only(client, room):
    _, ann, _ = room
    assert client.post("/api/ballot/remember", headers={"X-Ballot-Key": "nope"}).status_code == 401
    response = client.post("/api/ballot/remember", headers={"X-Ballot-Key": ann.token})
    cookie = response.headers["set-cookie"]
    assert cookie.startswith(f"planner_me={ann.token}") and "HttpOnly" in cookie
    assert "samesite=strict" in cookie.lower()


def test_a_comment_over_the_limit_is_refused_whole(client, room, engine):
    _, ann, _ = room
    response = client.post(
        "/api/ballot/comment",
        json={"round": 1, "candidate": 2, "comment": "x" * 1001, "lang": "nl"},
        headers={"X-Ballot-Key": ann.token},
    )
    assert response.status_code == 400 and "1000 tekens" in response.json()["error"]
    with reading(engine) as db:
        ballot = my_ballot(db=db, round_id=1, stakeholder_id=ann.stakeholder.id)
    assert ballot.comments == {}


def test_brackets_inside_a_comment_are_text_not_nesting(client, room, engine):
    """They were counted as nesting: this 24-character comment was refused as too long."""
    _, ann, _ = room
    text = "Options: [a] [b] [c] [d]"
    response = client.post(
        "/api/ballot/comment",
        json={"round": 1, "candidate": 2, "comment": text, "lang": "en"},
        headers={"X-Ballot-Key": ann.token},
    )
    assert response.status_code == 200 and response.json()["comment"] == text
    quoted = 'He said "{x}" \\ [y]'
    client.post(
        "/api/ballot/comment",
        json={"round": 1, "candidate": 3, "comment": quoted},
        headers={"X-Ballot-Key": ann.token},
    )
    with reading(engine) as db:
        ballot = my_ballot(db=db, round_id=1, stakeholder_id=ann.stakeholder.id)
    assert ballot.comments == {2: text, 3: quoted}


def test_a_comment_body_that_is_no_json_object_says_so_not_too_long(client, room):
    _, ann, _ = room
    headers = {"X-Ballot-Key": ann.token, "Content-Type": "application/json"}
    nested = b'{"round": 1, "candidate": 2, "comment": ["a"]}'
    answer = client.post("/api/ballot/comment?lang=nl", content=nested, headers=headers)
    assert answer.status_code == 400
    assert answer.json()["error"].startswith("Dit verzoek kon niet gelezen worden")


def test_the_state_counts_down_and_reveals_at_zero(client, room, engine):
    scoring, ann, bert = room
    vote(client, ann.token, 1, 1, "4")
    with writing(engine) as db:
        change_settings(
            db=db,
            session_id=scoring.id,
            settings=SessionSettings(reveal_at_zero=True, reveal_when_done=False),
        )
        start_timer(db=db, session_id=scoring.id, minutes=2)
        nudge(db=db, session_id=scoring.id, stakeholder_ids=[bert.stakeholder.id])
    mine = {"X-Ballot-Key": ann.token}
    shown = client.get(f"/api/ballot/state?session={scoring.id}", headers=mine).json()
    assert 115 <= shown["seconds_left"] <= 120 and shown["round_status"] == "voting"
    assert list(shown["nudged"]) == [str(bert.stakeholder.id)]
    with writing(engine) as db:  # the time box ends: the next look reveals the round
        start_timer(db=db, session_id=scoring.id, minutes=2, now=utcnow() - timedelta(minutes=2))
    STATES.forget()
    shown = client.get(f"/api/ballot/state?session={scoring.id}", headers=mine).json()
    assert shown["round_status"] == "revealed" and shown["nudged"] == {}
    assert vote(client, bert.token, 1, 1, "2").status_code == 409


def test_the_card_shows_the_calibration_references_beside_the_scale(client, room, engine):
    scoring, ann, _ = room
    with writing(engine) as db:
        set_references(
            db=db,
            workspace_id=scoring.workspace_id,
            dimension="effort",
            chosen=[
                ReferenceSet(candidate_id=5, label="5"),
                ReferenceSet(candidate_id=4, label="2"),
            ],
        )
        titles = {c: get_candidate(db=db, candidate_id=c).title for c in (4, 5)}
    card = client.get(
        "/api/ballot/candidate?round=1&candidate=1", headers={"X-Ballot-Key": ann.token}
    ).json()
    assert card["references"] == {"value": [], "effort": [["2", titles[4]], ["5", titles[5]]]}


def test_a_vote_and_a_card_load_cost_few_statements(client, room):
    """Every stakeholder sends one every few seconds: the key and its round are checked
    in one statement, the done list in one, the card's yardsticks come from the shared
    cache (a town hall of 600 on PostgreSQL was held up by the statements)."""
    _, ann, _ = room
    mine = {"X-Ballot-Key": ann.token}
    vote(client, ann.token, 1, 1, "4")
    client.get("/api/ballot/candidate?round=1&candidate=1", headers=mine)
    statements = []

    def count(_conn, _cursor, statement, *_):
        if not statement.startswith("BEGIN"):
            statements.append(statement)

    event.listen(Engine, "before_cursor_execute", count)
    try:
        assert vote(client, ann.token, 2, 1, "4").status_code == 200
        voted = len(statements)
        assert client.get("/api/ballot/candidate?round=1&candidate=2", headers=mine).is_success
    finally:
        event.remove(Engine, "before_cursor_execute", count)
    # key and round, round open, the vote, my answers, my done list
    assert voted == 5
    # key and round, the card, its channels, my comment, my answers, my done list
    assert len(statements) - voted == 6
