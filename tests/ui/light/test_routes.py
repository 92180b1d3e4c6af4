"""The light stakeholder page and its routes: the join follows the Vote page's rules,
the cookie brings a browser back, the ballot gets the Vote page's data, a room behind
one address is never refused while failures stay limited."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, update
from sqlmodel import select
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.testclient import TestClient

from planner.core.db import reading, writing
from planner.models import (
    AccessAttempt,
    RoleWeightCreate,
    ScoringSession,
    SessionCreate,
    StakeholderJoin,
    utcnow,
)
from planner.store.scoring.ballot import ballot_list, round_state
from planner.store.scoring.scoring_model import (
    load_scoring_setup,
    set_criterion_roles,
    set_role_weights,
)
from planner.store.scoring.sessions import close_session, open_session, participants, reveal_round
from planner.store.scoring.stakeholders import join_session
from planner.store.scoring.votes import cast_vote
from planner.ui.access.headers import SecurityHeaders, headers_for
from planner.ui.light import assets, routes
from planner.ui.scoring.ballot_data import StakeholderBallot, ballot_data
from planner.ui.scoring.ballot_routes import BODY_MAX, STATES
from planner.ui.scoring.ballot_routes import ROUTES as BALLOT
from tests.asgi_bodies import post_endlessly
from tests.factories import add_candidate, make_journey


@pytest.fixture(name="client")
def client_fixture(database_url):
    STATES.forget()
    routes._round_table.cache_clear()
    routes.ANSWERED.forget()
    with TestClient(Starlette(routes=routes.ROUTES + assets.ROUTES + BALLOT)) as client:
        yield client


@pytest.fixture(name="scoring")
def scoring_fixture(engine, demo):
    """A session named with markup, on the demo's first three candidates."""
    with writing(engine) as db:
        return open_session(
            db=db,
            workspace_id=demo.id,
            session_in=SessionCreate(name="Town <hall>"),
            candidate_ids=[1, 2, 3],
        )


def join(client, code, name="Ann", role="", lang="en", **headers):
    form = {"code": code, "name": name, "role": role, "lang": lang}
    return client.post("/api/light/join", json=form, headers=headers)


def enrol(client, code, **headers):
    return client.post("/api/light/enrol", json={"code": code, "lang": "en"}, headers=headers)


def test_a_listed_role_is_chosen_from_the_workspaces_roles(client, scoring, engine, demo):
    with writing(engine) as db:
        set_role_weights(
            db=db,
            workspace_id=demo.id,
            weights_in=[RoleWeightCreate(role=r, weight=1) for r in ("IT", "Marketing")],
        )
    page = client.get(f"/b/{scoring.code}")
    assert '<option value="Marketing">Marketing</option>' in page.text
    refused = join(client, scoring.code, role="")
    assert refused.status_code == 400
    assert refused.json()["error"] == "Choose your role: one of IT, Marketing."
    assert join(client, scoring.code, role="Sales").json()["reason"] == "error.role_not_listed"
    assert join(client, scoring.code, role="marketing").status_code == 200
    with reading(engine) as db:
        [ann] = participants(db=db, session_id=scoring.id)
    assert (ann.name, ann.role) == ("Ann", "Marketing")


@pytest.mark.parametrize(
    ("form", "status", "message"),
    [
        ({"name": ""}, 400, "Name"),
        ({"name": "x" * 81}, 400, "Name"),
        ({"code": "NOSUCH"}, 404, "No scoring session has this code"),
    ],
)
def test_a_join_refused_says_why_naming_the_field(client, scoring, form, status, message):
    body = {"code": scoring.code, "name": "Ann", "role": "", "lang": "en"} | form
    refused = client.post("/api/light/join", json=body)
    assert refused.status_code == status and message in refused.json()["error"]


@pytest.mark.parametrize("body", [b"[]", b"{", b'{"name": 5}'])
def test_a_body_that_is_no_join_form_is_a_400(client, scoring, body):
    answer = client.post(
        "/api/light/join", content=body, headers={"Content-Type": "application/json"}
    )
    assert answer.status_code == 400


def test_a_join_over_the_limit_is_refused_before_it_is_read(client, scoring):
    headers = {"Content-Type": "application/json"}
    large = client.post("/api/light/join?lang=nl", content=b"x" * 9_000, headers=headers)
    assert large.status_code == 413 and "8.000 bytes" in large.json()["error"]
    app = Starlette(routes=routes.ROUTES)
    assert post_endlessly(app, "/api/light/join", declared=400_000_000) == (413, 0)
    status, read = post_endlessly(app, "/api/light/join")  # chunked: no Content-Length
    assert status == 413 and read <= BODY_MAX + 1_000


def test_a_join_posted_by_a_form_of_another_site_is_refused(client, scoring, engine):
    """text/plain that parses as JSON: what a cross-site form can send without asking."""
    body = f'{{"code": "{scoring.code}", "name": "Mallory", "role": "", "lang": "en"}}'
    answer = client.post("/api/light/join", content=body, headers={"Content-Type": "text/plain"})
    assert answer.status_code == 400 and "set-cookie" not in answer.headers
    with reading(engine) as db:
        assert participants(db=db, session_id=scoring.id) == []


def test_brackets_in_a_name_are_text(client, scoring, engine):
    assert join(client, scoring.code, name="Ann [IT] {north}").status_code == 200
    with reading(engine) as db:
        [ann] = participants(db=db, session_id=scoring.id)
    assert ann.name == "Ann [IT] {north}"


def test_a_name_taken_and_a_closed_session_are_refused(client, scoring, engine):
    assert join(client, scoring.code).status_code == 200
    taken = join(client, scoring.code, name="ann")
    assert taken.status_code == 409 and "already joined" in taken.json()["error"]
    with writing(engine) as db:
        close_session(db=db, session_id=scoring.id)
    closed = join(client, scoring.code, name="Bert", lang="nl")
    assert closed.status_code == 409 and "gesloten" in closed.json()["error"]


def test_joining_sets_the_personal_cookie_and_the_ballot_resumes_by_it(client, scoring, engine):
    joined = join(client, scoring.code)
    key = joined.json()["key"]
    cookie = joined.headers["set-cookie"]
    assert cookie.startswith(f"planner_me={key};")
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Secure" not in cookie
    view = client.get("/api/light/ballot", params={"code": scoring.code, "joined": "1"})
    assert view.status_code == 200 and view.json()["view"] == "ballot"
    client.cookies.clear()  # another browser: nothing, until the personal link is sent
    assert client.get("/api/light/ballot", params={"code": scoring.code}).status_code == 401
    by_link = client.get(
        "/api/light/ballot", params={"code": scoring.code}, headers={"X-Ballot-Key": key}
    )
    assert by_link.json()["token"] == key


def test_over_https_the_cookie_is_host_prefixed_and_secure(client, scoring):
    joined = join(client, scoring.code, **{"X-Forwarded-Proto": "https"})
    cookie = joined.headers["set-cookie"]
    assert cookie.startswith("__Host-planner_me=") and "Secure" in cookie


def test_the_ballot_gets_the_data_the_vote_page_hands_it(client, scoring, engine):
    key = join(client, scoring.code, lang="nl").json()["key"]
    view = client.get(
        "/api/light/ballot", params={"code": scoring.code, "lang": "nl", "joined": "1"}
    ).json()
    with reading(engine) as db:
        state = round_state(db=db, session_id=scoring.id)
        setup = load_scoring_setup(db=db, workspace_id=scoring.workspace_id)
        [me] = participants(db=db, session_id=scoring.id)
        titles, done = ballot_list(db=db, round_id=state.round_id, stakeholder_id=me.id)
    expected = ballot_data(
        StakeholderBallot(
            session_id=scoring.id,
            state=state,
            stakeholder_id=me.id,
            token=key,
            setup=setup,
            criteria=setup.criteria_for(me.role),
            candidates=titles,
            done=done,
            joined=True,
        ),
        lang="nl",
        now=utcnow(),
    )
    assert view["data"] == expected
    assert view["data"]["text"]["progress"] == "{done} van {total} gescoord"
    assert view["who"].startswith("Je bent Ann")
    assert view["signoff"] == f"/signoff?me={key}"


def test_another_workspaces_personal_link_gets_nothing_here(client, scoring, engine):
    with writing(engine) as db:
        journey = make_journey(db)
        elsewhere = open_session(
            db=db,
            workspace_id=journey.workspace.id,
            session_in=SessionCreate(name="Elsewhere"),
            candidate_ids=[add_candidate(db, journey).id],
        )
        stranger = join_session(db=db, code=elsewhere.code, join_in=StakeholderJoin(name="Zed"))
    view = client.get(
        "/api/light/ballot",
        params={"code": scoring.code},
        headers={"X-Ballot-Key": stranger.token},
    )
    assert view.status_code == 401


def test_after_the_reveal_the_page_shows_the_results_and_follows(client, scoring, engine):
    key = join(client, scoring.code).json()["key"]
    with writing(engine) as db:
        [me] = participants(db=db, session_id=scoring.id)
        state = round_state(db=db, session_id=scoring.id)
        for criterion in (1, 2, 3):
            cast_vote(
                db=db,
                round_id=state.round_id,
                stakeholder_id=me.id,
                candidate_id=2,
                criterion_id=criterion,
                label="4",
            )
        reveal_round(db=db, session_id=scoring.id)
    view = client.get("/api/light/ballot", params={"code": scoring.code, "lang": "nl"}).json()
    assert view["view"] == "results"
    assert view["message"] == "De scores van deze ronde zijn bekendgemaakt."
    assert view["follow"]["follow_only"] and view["follow"]["round_status"] == "revealed"
    table = view["results"]
    assert table["columns"][:3] == ["Titel", "Waarde", "Inspanning"]
    rows = {row[0]: row for row in table["rows"]}
    assert len(rows) == 3
    [voted] = [row for row in table["rows"] if row[3] == "1"]
    assert "," in voted[1] or voted[1] == "–"  # Dutch decimals
    assert key


def test_a_room_behind_one_address_joins_300_at_once_and_failures_stay_limited(
    client, scoring, engine
):
    """300 page loads and joins from one address, 16 at a time: none refused; then
    wrong codes from there are slowed down after the free failures."""

    def arrive(n: int) -> tuple[int, int]:
        page = client.get(f"/b/{scoring.code}")
        joined = join(client, scoring.code, name=f"Person {n}")
        return page.status_code, joined.status_code

    with ThreadPoolExecutor(max_workers=16) as pool:
        answers = list(pool.map(arrive, range(300)))
    assert answers == [(200, 200)] * 300
    with reading(engine) as db:
        assert len(participants(db=db, session_id=scoring.id)) == 300
    wrong = [join(client, "WRONG1", name=f"Guess {n}").status_code for n in range(6)]
    assert wrong == [404] * 5 + [429]


def test_honest_mistakes_with_the_right_code_are_no_guesses(client, scoring, engine, demo):
    """Issue #34: the limit counts failures only, and a failure is a wrong code. 30
    names taken, too long or without a role from one address: each told why, none
    refused for waiting; then a free name joins, and the page still opens."""
    assert join(client, scoring.code, name="Ann").status_code == 200
    taken = [join(client, scoring.code, name="ann").status_code for _ in range(20)]
    too_long = [join(client, scoring.code, name="x" * 81).status_code for _ in range(5)]
    with writing(engine) as db:
        set_role_weights(
            db=db, workspace_id=demo.id, weights_in=[RoleWeightCreate(role="IT", weight=1)]
        )
    no_role = [join(client, scoring.code, name="Bo").status_code for _ in range(5)]
    assert (taken, too_long, no_role) == ([409] * 20, [400] * 5, [400] * 5)
    assert join(client, scoring.code, name="Bo", role="IT").status_code == 200
    assert client.get(f"/b/{scoring.code}").status_code == 200


def test_the_page_of_a_known_code_does_not_reset_the_count_of_wrong_ones(client, scoring):
    """A guesser reloading a known code's page between guesses is still slowed down
    after the free failures (it once reset the count: 24 wrong codes in 68 s)."""
    wrong = [join(client, f"WRONG{n}").status_code for n in range(4)]
    assert client.get(f"/b/{scoring.code}").status_code == 200
    wrong += [join(client, "WRONG5").status_code, join(client, "WRONG6").status_code]
    assert wrong == [404] * 5 + [429]
    assert client.get("/b/WRONG7").status_code == 429


def attempts_recorded(engine) -> int:
    with reading(engine) as db:
        return db.exec(select(func.count()).select_from(AccessAttempt)).one()


def test_a_room_joining_by_a_code_found_a_moment_ago_skips_the_limits_queue(
    client, scoring, engine
):
    """A town hall joins by one code: once it is found, page views and joins at it are
    no guesses, neither taken one at a time nor recorded (600 on PostgreSQL queued on
    the limit's one lock)."""
    assert client.get(f"/b/{scoring.code}").status_code == 200
    before = attempts_recorded(engine)
    for n in range(10):
        assert client.get(f"/b/{scoring.code}").status_code == 200
        assert join(client, scoring.code, name=f"Person {n}").status_code == 200
    assert attempts_recorded(engine) == before
    assert join(client, scoring.code, name="Person 1").status_code == 409  # still checked


def test_a_client_made_to_wait_waits_at_a_known_code_too(client, scoring):
    """Else a guesser made to wait could tell a right code from a wrong one by being
    let through."""
    assert client.get(f"/b/{scoring.code}").status_code == 200  # known from now
    wrong = [join(client, f"WRONG{n}").status_code for n in range(6)]
    assert wrong == [404] * 5 + [429]
    assert client.get(f"/b/{scoring.code}").status_code == 429
    assert join(client, scoring.code, name="Ann").status_code == 429


def test_a_known_code_that_is_gone_is_a_counted_guess_again(client, scoring, engine):
    assert client.get(f"/b/{scoring.code}").status_code == 200
    with writing(engine) as db:
        db.execute(update(ScoringSession).values(code="MOVED1"))
    answers = [client.get(f"/b/{scoring.code}").status_code for _ in range(6)]
    assert answers[0] == 404 and answers[-1] == 429


@pytest.fixture(name="second")
def second_fixture(engine, demo):
    """Another session of the same workspace."""
    with writing(engine) as db:
        return open_session(
            db=db,
            workspace_id=demo.id,
            session_in=SessionCreate(name="Second"),
            candidate_ids=[1, 2],
        )


def test_the_ballot_get_enrols_nobody(client, scoring, second, engine):
    """A GET changes nothing: a page on another port of the host could send one with
    the cookie. Another session of the workspace is answered as an unknown code, closed
    or not, and the key takes part in it only by a POST from the light page."""
    assert join(client, scoring.code).status_code == 200  # the cookie: planner_me
    other = client.get("/api/light/ballot", params={"code": second.code})
    unknown = client.get("/api/light/ballot", params={"code": "NOSUCH"})
    assert other.status_code == unknown.status_code == 401
    assert other.json() == unknown.json()
    with writing(engine) as db:
        assert participants(db=db, session_id=second.id) == []
        close_session(db=db, session_id=second.id)
    closed = client.get("/api/light/ballot", params={"code": second.code})
    assert closed.json() == unknown.json()
    assert enrol(client, second.code).status_code == 409
    with reading(engine) as db:
        assert participants(db=db, session_id=second.id) == []


def test_the_light_page_enrols_a_known_key_by_a_post(client, scoring, second, engine):
    key = join(client, scoring.code).json()["key"]
    client.cookies.clear()
    assert enrol(client, second.code).status_code == 401  # no key
    by_link = enrol(client, second.code, **{"X-Ballot-Key": key})
    assert by_link.status_code == 200 and by_link.json()["key"] == key
    assert by_link.headers["set-cookie"].startswith(f"planner_me={key};")
    view = client.get("/api/light/ballot", params={"code": second.code})
    assert view.status_code == 200 and view.json()["session"] == "Second"
    with reading(engine) as db:
        assert [p.name for p in participants(db=db, session_id=second.id)] == ["Ann"]
    wrong = [enrol(client, f"WRONG{n}").status_code for n in range(6)]
    assert wrong == [404] * 5 + [429]


def test_codes_that_are_none_of_the_keys_sessions_are_guesses(client, scoring, engine):
    """Another workspace's session or no session at all: the same 401, and counted."""
    with writing(engine) as db:
        journey = make_journey(db)
        elsewhere = open_session(
            db=db,
            workspace_id=journey.workspace.id,
            session_in=SessionCreate(name="Elsewhere"),
            candidate_ids=[add_candidate(db, journey).id],
        )
    join(client, scoring.code)
    codes = [elsewhere.code] + [f"WRONG{n}" for n in range(4)]
    answers = [client.get("/api/light/ballot", params={"code": c}) for c in codes]
    assert [a.status_code for a in answers] == [401] * 5
    assert len({a.text for a in answers}) == 1
    refused = client.get("/api/light/ballot", params={"code": "WRONG5"})
    assert refused.status_code == 429
    assert client.get("/api/light/ballot", params={"code": scoring.code}).status_code == 200


def test_a_key_made_to_wait_cannot_tell_its_workspaces_codes_from_wrong_ones(
    client, scoring, second
):
    """Found by an outside attack: a session of the key's own workspace answered 401,
    uncounted, even while the address had to wait (429 for every other code), so a key
    could test codes at will and find its workspace's other sessions."""
    join(client, scoring.code)
    assert client.get("/api/light/ballot", params={"code": second.code}).status_code == 401
    wrong = [client.get("/api/light/ballot", params={"code": f"WRONG{n}"}) for n in range(6)]
    assert [a.status_code for a in wrong] == [401] * 5 + [429]
    answers = {
        c: client.get("/api/light/ballot", params={"code": c}) for c in (second.code, "NOPE")
    }
    assert [a.status_code for a in answers.values()] == [429, 429]
    assert answers[second.code].json()["reason"] == answers["NOPE"].json()["reason"]


def test_no_cache_keeps_an_answer_of_the_routes(database_url, scoring, second):
    """Every /api/ answer, a key or my answers among them, is `no-store` (set by the
    security headers for the whole path), errors too."""
    app = Starlette(routes=routes.ROUTES + BALLOT, middleware=[Middleware(SecurityHeaders)])
    with TestClient(app) as client:
        key = join(client, scoring.code).json()["key"]
        me = {"X-Ballot-Key": key}
        view = client.get("/api/light/ballot", params={"code": scoring.code}).json()
        round_id = view["data"]["round"]
        answers = [
            join(client, scoring.code, name="Bo"),
            join(client, scoring.code, name="Bo"),  # taken: 409
            enrol(client, second.code, **me),
            client.get("/api/light/ballot", params={"code": scoring.code}),
            client.get("/api/ballot/state", params={"session": scoring.id}, headers=me),
            client.get(
                "/api/ballot/candidate",
                params={"round": round_id, "candidate": 1},
                headers=me,
            ),
            client.post(
                "/api/ballot/vote",
                json={"round": round_id, "candidate": 1, "criterion": 1, "answer": "3"},
                headers=me,
            ),
            client.post(
                "/api/ballot/comment",
                json={"round": round_id, "candidate": 1, "comment": "ok"},
                headers=me,
            ),
            client.post("/api/ballot/remember", headers=me),
            client.delete("/api/ballot/remember", headers=me),
            client.get("/api/ballot/candidate", params={"round": 1, "candidate": 1}),  # 401
        ]
    statuses = [a.status_code for a in answers]
    assert statuses == [200, 409] + [200] * 8 + [401]
    assert [a.headers["cache-control"] for a in answers] == ["no-store"] * len(answers)


def test_the_light_page_runs_its_own_files_only():
    csp = headers_for("/b/ABC234", https=False)["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe" not in csp
    assert "frame-ancestors 'none'" in csp


def test_a_role_that_rates_nothing_here_is_told_so(client, scoring, engine, demo):
    """Every criterion is Marketing's: Marketing gets the ballot, IT a thank-you."""
    with writing(engine) as db:
        set_role_weights(
            db=db,
            workspace_id=demo.id,
            weights_in=[RoleWeightCreate(role=r, weight=1) for r in ("IT", "Marketing")],
        )
        for criterion in load_scoring_setup(db=db, workspace_id=demo.id).criteria:
            set_criterion_roles(db=db, criterion_id=criterion.id, roles=["Marketing"])

    def view(name: str, role: str) -> dict:
        key = join(client, scoring.code, name=name, role=role).json()["key"]
        found = client.get(
            "/api/light/ballot", params={"code": scoring.code}, headers={"X-Ballot-Key": key}
        )
        return found.json()

    assert len(view("Mia", "Marketing")["data"]["criteria"]) == 3
    it = view("Ivo", "IT")
    assert it["view"] == "nothing" and "nothing for your role (IT)" in it["message"]
    assert it["follow"]["follow_only"]


def test_in_focus_mode_the_page_says_so(client, engine, demo):
    with writing(engine) as db:
        focused = open_session(
            db=db,
            workspace_id=demo.id,
            session_in=SessionCreate(name="Focus", focus=True),
            candidate_ids=[1, 2],
        )
    join(client, focused.code)
    view = client.get("/api/light/ballot", params={"code": focused.code}).json()
    assert view["focus"].startswith("Focus mode: the room scores this candidate together")
    assert len(view["data"]["candidates"]) == 1


def test_a_join_sent_again_after_its_answer_was_lost_gets_the_same_key(client, scoring, engine):
    """The same attempt id: the same key, one stakeholder; a new attempt: name taken."""
    attempt = "0123456789abcdef" * 2
    form = {"code": scoring.code, "name": "Ann", "role": "", "lang": "en", "attempt": attempt}
    first = client.post("/api/light/join", json=form)
    again = client.post("/api/light/join", json=form)
    assert first.status_code == again.status_code == 200
    assert first.json()["key"] == again.json()["key"]
    assert again.headers["set-cookie"].startswith(f"planner_me={first.json()['key']};")
    with reading(engine) as db:
        assert [p.name for p in participants(db=db, session_id=scoring.id)] == ["Ann"]
    other = client.post("/api/light/join", json=form | {"attempt": "f" * 32})
    assert other.status_code == 409
    # the same id with another code is another join: a wrong code is a wrong code
    assert client.post("/api/light/join", json=form | {"code": "WRONG1"}).status_code == 404
