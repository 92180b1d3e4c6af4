"""The round state pushed (GET /api/ballot/events): the same key check as /state, the
state at once and at every change, heartbeats, one reader per session, and a stream that
never holds up the server's stop."""

import json
import queue
import threading
import time
from datetime import timedelta

import httpx2
import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.testclient import TestClient

from planner.core.db import writing
from planner.models import SessionCreate, SessionSettings, StakeholderJoin, utcnow
from planner.store.scoring.round_timing import nudge, start_timer
from planner.store.scoring.sessions import (
    change_settings,
    close_session,
    open_session,
    reveal_round,
)
from planner.store.scoring.stakeholders import join_session, renew_link
from planner.store.scoring.votes import cast_vote
from planner.ui.scoring import ballot_events, ballot_routes
from planner.ui.scoring.ballot_events import WATCHES
from planner.ui.scoring.ballot_routes import MEMBERS, ROUTES, STATES
from tests.factories import add_candidate, make_journey
from tests.served_app import free_port, served_app

EVENTS = ballot_events.ROUTES


@pytest.fixture(autouse=True)
def fresh_caches():
    STATES.forget()
    MEMBERS.__init__()
    WATCHES.forget()
    yield
    WATCHES.forget()


@pytest.fixture(name="room")
def room_fixture(engine, demo):
    """Ann's session; another session of her workspace; a session of another workspace."""
    with writing(engine) as db:
        own = open_session(
            db=db, workspace_id=demo.id, session_in=SessionCreate(name="Own"), candidate_ids=[1]
        )
        ann = join_session(db=db, code=own.code, join_in=StakeholderJoin(name="Ann"))
        bert = join_session(db=db, code=own.code, join_in=StakeholderJoin(name="Bert"))
        other = open_session(
            db=db, workspace_id=demo.id, session_in=SessionCreate(name="Other"), candidate_ids=[2]
        )
        journey = make_journey(db, name="Bank")
        secret = add_candidate(db, journey, title="Confidential")
        foreign = open_session(
            db=db,
            workspace_id=journey.workspace.id,
            session_in=SessionCreate(name="Theirs"),
            candidate_ids=[secret.id],
        )
    return {"own": own.id, "other session": other.id, "other workspace": foreign.id}, ann, bert


@pytest.fixture(name="server")
def server_fixture(database_url):
    """The ballot's routes served by uvicorn in a thread (a stream never ends by itself:
    TestClient waits for a response's end)."""
    port = free_port()
    config = uvicorn.Config(
        Starlette(routes=ROUTES + EVENTS), host="127.0.0.1", port=port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and thread.is_alive() and time.monotonic() < deadline:
        thread.join(0.05)  # between looks at a deadline-bound condition
    assert server.started
    yield f"http://127.0.0.1:{port}"
    server.servers[0].get_loop().call_soon_threadsafe(WATCHES.close)  # as a SIGTERM does
    server.should_exit = True
    thread.join(15)
    assert not thread.is_alive()


class Listener:
    """One EventSource: a stream read in a thread, its events and comments in a queue."""

    def __init__(self, url: str, *, cookie: str = "", header: str = "") -> None:
        self.lines: queue.Queue = queue.Queue()
        self.status: queue.Queue = queue.Queue()
        self._closing = threading.Event()
        cookies = {"planner_me": cookie} if cookie else {}
        headers = {"X-Ballot-Key": header} if header else {}
        self._thread = threading.Thread(target=self._read, args=(url, cookies, headers))
        self._thread.daemon = True
        self._thread.start()

    def _read(self, url, cookies, headers) -> None:
        try:
            with (
                httpx2.Client(timeout=30, cookies=cookies, headers=headers) as client,
                client.stream("GET", url) as response,
            ):
                self.status.put((response.status_code, response.headers.get("content-type")))
                for line in response.iter_lines():
                    if self._closing.is_set():
                        break  # leaving the block closes the connection
                    self.lines.put(line)
        except httpx2.HTTPError:
            pass
        self.lines.put(None)  # the stream ended

    def next(self, *, seconds: float = 15) -> str | dict | None:
        """The next event's state, a comment line (':...'), or None when the stream ended."""
        while True:
            line = self.lines.get(timeout=seconds)
            if line is None or line.startswith(":"):
                return line
            if line.startswith("data: "):
                return json.loads(line.removeprefix("data: "))

    def state(self, *, seconds: float = 15) -> dict:
        """The next state pushed (comments skipped)."""
        deadline = time.monotonic() + seconds
        while True:
            got = self.next(seconds=max(deadline - time.monotonic(), 0.01))
            assert got is not None, "the stream ended"
            if isinstance(got, dict):
                return got

    def close(self) -> None:
        """Hang up at the next line (a heartbeat at the latest)."""
        self._closing.set()


@pytest.fixture(name="listen")
def listen_fixture(server, room):
    sessions, ann, _ = room
    opened = []

    def listen(*, session=None, cookie=ann.token, header="") -> Listener:
        session = sessions["own"] if session is None else session
        listener = Listener(
            f"{server}/api/ballot/events?session={session}", cookie=cookie, header=header
        )
        opened.append(listener)
        return listener

    yield listen
    for listener in opened:
        listener.close()


# ---- the key check: refusals answer at once, as /state's ---------------------------------


@pytest.mark.parametrize(
    ("scope", "key", "status"),
    [
        ("own", "none", 401),
        ("own", "too long", 401),
        ("own", "unknown", 404),
        ("other session", "ann", 404),
        ("other workspace", "ann", 404),
        ("999", "ann", 404),
        ("2**70", "ann", 404),
        ("x", "ann", 404),
    ],
)
@pytest.mark.parametrize("carrier", ["cookie", "header"])
def test_the_stream_answers_only_a_key_that_takes_part(room, scope, key, status, carrier):
    sessions, ann, _ = room
    session = sessions.get(scope, {"999": 999, "2**70": 2**70}.get(scope, scope))
    token = {"none": "", "too long": "a" * 101, "unknown": "guess", "ann": ann.token}[key]
    with TestClient(Starlette(routes=EVENTS)) as client:
        if carrier == "cookie":
            client.cookies.set("planner_me", token)
            answer = client.get(f"/api/ballot/events?session={session}")
        else:
            answer = client.get(
                f"/api/ballot/events?session={session}&lang=nl", headers={"X-Ballot-Key": token}
            )
    assert answer.status_code == status
    assert answer.headers["content-type"] == "application/json"
    if carrier == "header":
        assert answer.json()["error"]  # in the request's language, as /state's
    assert len(WATCHES) == 0


def test_a_replaced_link_gets_no_new_stream(room, engine, demo):
    sessions, ann, _ = room
    with writing(engine) as db:
        renew_link(db=db, workspace_id=demo.id, stakeholder_id=ann.stakeholder.id)
    with TestClient(Starlette(routes=EVENTS)) as client:
        client.cookies.set("planner_me", ann.token)
        assert client.get(f"/api/ballot/events?session={sessions['own']}").status_code == 404


# ---- the stream -------------------------------------------------------------------------


def test_the_state_comes_at_once_then_each_change(listen, room, engine):
    sessions, _, bert = room
    ann = listen()
    assert ann.status.get(timeout=15) == (200, "text/event-stream; charset=utf-8")
    assert ann.state() == {
        "round": 1,
        "round_status": "voting",
        "status": "open",
        "seconds_left": None,
        "nudged": {},
    }
    with writing(engine) as db:
        nudge(db=db, session_id=sessions["own"], stakeholder_ids=[bert.stakeholder.id])
    assert list(ann.state()["nudged"]) == [str(bert.stakeholder.id)]
    with writing(engine) as db:
        reveal_round(db=db, session_id=sessions["own"])
    assert ann.state()["round_status"] == "revealed"
    with writing(engine) as db:
        close_session(db=db, session_id=sessions["own"])
    assert ann.state()["status"] == "closed"


def test_the_header_carries_the_key_too(listen, room):
    _, ann, _ = room
    assert listen(cookie="", header=ann.token).state()["round"] == 1


def test_a_due_round_is_revealed_by_the_watcher_and_pushed(listen, room, engine):
    """No poll at all: the watcher reveals a round whose time is up, as /state does."""
    sessions, ann, _ = room
    with writing(engine) as db:
        cast_vote(  # a round nobody voted in does not reveal itself
            db=db,
            round_id=1,
            stakeholder_id=ann.stakeholder.id,
            candidate_id=1,
            criterion_id=1,
            label="4",
        )
        change_settings(
            db=db,
            session_id=sessions["own"],
            settings=SessionSettings(reveal_at_zero=True, reveal_when_done=False),
        )
        start_timer(db=db, session_id=sessions["own"], minutes=2)
    stream = listen()
    assert 115 <= stream.state()["seconds_left"] <= 120
    with writing(engine) as db:
        start_timer(
            db=db, session_id=sessions["own"], minutes=2, now=utcnow() - timedelta(minutes=2)
        )
    pushed = [stream.state()]  # the time box ended (0 s left), then the reveal
    while pushed[-1]["round_status"] == "voting":
        assert pushed[-1]["seconds_left"] == 0 and len(pushed) < 3
        pushed.append(stream.state())
    assert pushed[-1]["round_status"] == "revealed"


def test_an_idle_stream_sends_heartbeats(listen, monkeypatch):
    monkeypatch.setattr(ballot_events, "HEARTBEAT_S", 0.2)
    ann = listen()
    ann.state()
    assert ann.next() == ": heartbeat" and ann.next() == ": heartbeat"


def test_a_stream_ends_in_time_and_the_next_gets_the_state_at_once(listen, monkeypatch):
    """So that the key is checked again now and then (the browser reconnects itself)."""
    monkeypatch.setattr(ballot_events, "STREAM_S", 0.5)
    first = listen()
    assert first.state()["round"] == 1
    while (got := first.next()) is not None:
        assert got == ": heartbeat"
    assert listen().state()["round"] == 1


def test_one_reader_serves_every_listener_of_a_session(listen, room, engine, monkeypatch):
    sessions, _, _ = room
    monkeypatch.setattr(ballot_events, "HEARTBEAT_S", 0.3)  # so the listeners hang up soon
    reads = []
    read = ballot_routes._read_shared
    monkeypatch.setattr(ballot_routes, "_read_shared", lambda s: reads.append(s) or read(s))
    listeners = [listen() for _ in range(6)]
    for listener in listeners:
        listener.state()
    assert len(WATCHES) == 1
    began, first = time.monotonic(), len(reads)
    with writing(engine) as db:
        reveal_round(db=db, session_id=sessions["own"])
    for listener in listeners:
        assert listener.state()["round_status"] == "revealed"
    seconds = time.monotonic() - began
    # at most one read a second (plus the one under way), whatever the number of listeners
    assert len(reads) - first <= seconds / ballot_routes.STATE_TTL + 2
    for listener in listeners:
        listener.close()
    deadline = time.monotonic() + 15
    while len(WATCHES) and time.monotonic() < deadline:
        listeners[0]._thread.join(0.05)  # between looks at a deadline-bound condition
    assert len(WATCHES) == 0  # the last listener gone, the watcher ends


def test_an_open_stream_does_not_hold_up_the_stop(tmp_path, room, database_url):
    """The served app (uvicorn waits for open responses) stops at once, streams ended."""
    sessions, ann, _ = room
    with served_app(database_url, tmp_path / "server.log") as served:
        listener = Listener(
            f"{served.url}/api/ballot/events?session={sessions['own']}", cookie=ann.token
        )
        assert listener.state()["round"] == 1
        stopping = time.monotonic()
    stopped = time.monotonic() - stopping
    assert listener.next(seconds=5) in (None, ": heartbeat")
    # served_app kills what is still up after 20 s: a stream that held the stop would be
    assert stopped < 15, f"the stop took {stopped:.1f} s"
    listener.close()
