"""The light stakeholder page and its JSON routes, served beside the pages by `st.App`.

    GET  /b/CODE[?lang=nl]         the join form, then the ballot (light.js)
    POST /api/light/join           {code, name, role, lang} -> {key}; sets `planner_me`
    POST /api/light/enrol          {code, lang} -> {key}: the stakeholder of the personal
                                   link (header or cookie) takes part in the session of
                                   `code` too (one of their workspace's)
    GET  /api/light/ballot?code=C  what to show now: the ballot's data, the reveal, or
                                   nothing for this role; who by the `X-Ballot-Key`
                                   header (a personal link) or the `planner_me` cookie;
                                   only for a session they take part in (a GET changes
                                   nothing): any other code is answered as an unknown
                                   one, 401, and counted as a guess unless it is a
                                   session of their workspace

The join follows the Vote page's rules, by the same functions: the code's lookup and the
join are tries in the join rate limit (planner.store.access.attempts.limited, the same buckets),
and planner.store.scoring.stakeholders.join_session decides who may join. Everything else the
ballot does goes to its own routes (planner/ui/scoring/ballot_routes.py), as on the Vote
page.
"""

import json
import os
import re
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from functools import lru_cache
from typing import TypeVar

import pandas as pd
from sqlmodel import Session
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from planner.access.clients import client_address, trusted_proxies
from planner.access.rate_limit import Buckets
from planner.core.config import database_url
from planner.core.db import reading
from planner.core.errors import NotFound, PlannerError, validated
from planner.core.i18n import supported, t
from planner.core.numbers import one_decimal
from planner.core.timed_cache import TimedCache
from planner.models import ScoringSession, Stakeholder, StakeholderJoin, utcnow
from planner.scoring.lifecycle import SessionStatus, accepts_votes
from planner.scoring.setup import aggregate_votes
from planner.store.access import attempts
from planner.store.scoring.ballot import ballot_list, round_state, takes_part
from planner.store.scoring.scoring_model import load_scoring_setup
from planner.store.scoring.sessions import find_session
from planner.store.scoring.stakeholders import (
    JoinInfo,
    join_info,
    join_session,
    rejoin,
    stakeholder_by_link,
)
from planner.store.scoring.votes import round_votes
from planner.ui.access.personal_cookie import personal_cookie_name, set_personal_cookie
from planner.ui.light.page import join_page, problem_page
from planner.ui.scoring.ballot_data import StakeholderBallot, ballot_data, follow_data
from planner.ui.scoring.ballot_routes import KEY_HEADER, TooLarge, capped_body, too_large

FIELD_MAX = 200  # characters of any one field of the join form's body, before validation
ATTEMPT = re.compile(r"[0-9a-f]{32}")  # 128 random bits, hex
ATTEMPT_TTL = 600.0  # seconds a join's answer is kept for the same attempt sent again
KNOWN_TTL = 10.0  # seconds a join code found stays known (KNOWN_CODES)
T = TypeVar("T")


def _engine():
    from planner.ui.shell.engine import get_engine  # the pages' pool, one per process

    return get_engine(database_url())


def _client(request: Request) -> str:
    peer = request.client.host if request.client else None
    return client_address(peer, request.headers.get("x-forwarded-for"), trusted_proxies(os.environ))


def _buckets(request: Request) -> Buckets:
    return Buckets.of("join", "*", _client(request))  # as the Vote page's join counts


def _wrong_code(error: PlannerError) -> bool:
    return error.key == "error.session_not_found"


# Join codes found a moment ago (by database and code): a page view or join at one is no
# guess, so it skips the limit's one queue (a town hall joins by one code at once); a
# code gone since falls back to the counted try.
KNOWN_CODES: TimedCache[tuple[str, str], bool] = TimedCache(lambda *_: False, ttl=KNOWN_TTL)


def _code_try(request: Request, code: str, attempt: Callable[[Session], T]) -> T:
    """`attempt(db)` as a try at join code `code` from the request's address, in the
    join limit (planner.store.access.attempts.limited, the Vote page's buckets). Only a
    wrong code is a failed guess: a name taken, too long, a role missing or a closed
    session once the code is right is told, and not counted. At a code found a moment
    ago, no try is counted (attempts.known_try), but a client made to wait still waits."""
    known, now = (database_url(), code), datetime.now(UTC)
    if KNOWN_CODES.get(known):
        try:
            return attempts.known_try(_engine(), buckets=_buckets(request), now=now, action=attempt)
        except NotFound as error:
            if not _wrong_code(error):
                raise
            KNOWN_CODES.put(known, False)  # gone since: a counted try says so
    result = attempts.limited(
        _engine(),
        buckets=_buckets(request),
        now=now,
        action=attempt,
        guessed=_wrong_code,
    )
    KNOWN_CODES.put(known, True)
    return result


def _keyed(request: Request, key: str) -> JSONResponse:
    """The answer of a join or enrolment: the personal link's key, in the body and in
    the personal cookie."""
    response = JSONResponse({"key": key})
    set_personal_cookie(response, request, key)
    return response


def _lookup(request: Request, code: str) -> JoinInfo | None:
    """The session of `code`, a try at it like the Vote page's lookup (None: no such)."""
    try:
        return _code_try(request, code, lambda db: join_info(db=db, code=code))
    except NotFound as error:
        if not _wrong_code(error):
            raise
        return None


async def page(request: Request) -> Response:
    code = request.path_params["code"][:20]
    asked = request.query_params.get("lang")
    try:
        info = await run_in_threadpool(_lookup, request, code)
    except PlannerError as error:  # too many tries from here
        lang = supported(asked or "en")
        return HTMLResponse(problem_page(error.message(lang), lang), status_code=429)
    if info is None:
        lang = supported(asked or "en")
        message = t("error.session_not_found", lang)
        return HTMLResponse(problem_page(message, lang), status_code=404)
    lang = supported(asked or info.language)
    return HTMLResponse(join_page(info, lang), headers={"Cache-Control": "no-store"})


def _problem(error: PlannerError, lang: str) -> JSONResponse:
    status = 429 if isinstance(error, attempts.TooManyAttempts) else 400
    if error.key == "error.session_not_found":
        status = 404
    elif error.key in ("error.session_closed", "error.stakeholder_taken"):
        status = 409
    return JSONResponse({"error": error.message(lang), "reason": error.key}, status_code=status)


async def _join_form(request: Request) -> dict[str, str] | Response:
    """The join form's fields, or the answer to a body that is none (400) or too long."""
    try:
        form = await _form(request)
    except TooLarge:
        return too_large(supported(request.query_params.get("lang", "en")))
    if form is None:
        return JSONResponse({"error": "bad request", "reason": "refused"}, status_code=400)
    return form


async def _form(request: Request) -> dict[str, str] | None:
    """The join form's fields; None if the body is no join form (`TooLarge`: longer
    than BODY_MAX, refused before it is read whole)."""
    # JSON only: a form on another site can post text/plain that parses as JSON, but
    # not application/json without the browser asking this app first (CORS).
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/json":
        return None
    raw = await capped_body(request)
    try:
        body = json.loads(raw or b"{}")
    except ValueError:
        return None
    if not isinstance(body, dict):
        return None
    fields = ("code", "name", "role", "lang", "attempt")
    if any(not isinstance(body.get(f, ""), str) for f in fields):
        return None
    return {f: body.get(f, "")[:FIELD_MAX] for f in fields}


class _Answered:
    """A join's attempt id (random, made by light.js per submit) and code -> the key it
    answered with, for ATTEMPT_TTL: a join sent again because its answer was lost on the
    way (a connection closed) gets the same key, not "name taken"; the same id with
    another code is another join. One attempt runs at a time."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running: dict[str, threading.Lock] = {}
        self._keys: dict[str, tuple[float, str]] = {}

    def once(self, attempt: str, code: str, join: Callable[[], str]) -> str:
        if not ATTEMPT.fullmatch(attempt):
            return join()  # no usable id: an ordinary join
        attempt = f"{attempt}:{code}"
        with self._lock:
            running = self._running.setdefault(attempt, threading.Lock())
        with running:
            now = time.monotonic()
            with self._lock:
                found = self._keys.get(attempt)
            if found is not None and now - found[0] < ATTEMPT_TTL:
                return found[1]
            key = join()
            with self._lock:
                if len(self._keys) > 10_000:
                    self._keys.clear()
                    self._running.clear()
                self._keys[attempt] = (now, key)
            return key

    def forget(self) -> None:
        with self._lock:
            self._keys.clear()
            self._running.clear()


ANSWERED = _Answered()


async def join(request: Request) -> Response:
    form = await _join_form(request)
    if isinstance(form, Response):
        return form
    lang = supported(form["lang"])

    def attempt(db) -> str:
        find_session(db=db, code=form["code"])  # NotFound: a wrong guess; first
        join_in = validated(StakeholderJoin, name=form["name"], role=form["role"])
        return join_session(db=db, code=form["code"], join_in=join_in).token

    try:
        key = await run_in_threadpool(
            ANSWERED.once,
            form["attempt"],
            form["code"],
            lambda: _code_try(request, form["code"], attempt),
        )
    except PlannerError as error:
        return _problem(error, lang)
    return _keyed(request, key)


def results_table(setup, votes, titles: dict[int, str], lang: str) -> dict:
    """Title, value, effort, n and flag per candidate, flagged ones first (as on the Vote
    page), numbers as `lang` writes them."""
    results = aggregate_votes(setup, votes)
    if results.empty:
        return {"columns": [], "rows": [], "empty": t("session.no_votes", lang)}
    discuss = results["discuss"].fillna(False).astype(bool)
    insufficient = results["insufficient"].fillna(True).astype(bool)
    flagged = [c for c in titles if c in results.index and discuss[c]]
    order = flagged + [c for c in titles if c not in flagged]

    def number(value) -> str:
        return "–" if pd.isna(value) else one_decimal(float(value), lang)

    rows = []
    for candidate in order:
        if candidate not in results.index:
            rows.append([titles[candidate], "–", "–", "0", ""])
            continue
        row = results.loc[candidate]
        flag = (
            "⚑ " + t("session.discuss", lang)
            if discuss[candidate]
            else ("… " + t("session.insufficient", lang) if insufficient[candidate] else "")
        )
        count = 0 if pd.isna(row["value_n"]) else int(row["value_n"])
        rows.append(
            [titles[candidate], number(row["value"]), number(row["effort"]), str(count), flag]
        )
    value = t("chart.value", lang)
    columns = [
        t("field.title", lang),
        value,
        t("chart.effort", lang),
        t("session.stat_n", lang, dimension=value),
        t("session.flag", lang),
    ]
    return {"columns": columns, "rows": rows, "empty": ""}


@lru_cache(maxsize=64)
def _round_table(
    url: str, workspace_id: int, round_id: int, titles: tuple[tuple[int, str], ...], lang: str
) -> dict:
    """The table of a round that is over (revealed, or its session closed): it never
    changes, so every stakeholder's page shares one read."""
    from planner.ui.shell.engine import get_engine

    with reading(get_engine(url)) as db:
        setup = load_scoring_setup(db=db, workspace_id=workspace_id)
        votes = round_votes(db=db, round_ids=[round_id])
    return results_table(setup, votes, dict(titles), lang)


def _identity(lang: str) -> dict:
    return {"error": t("error.personal_link_unknown", lang), "reason": "identity"}


def _token(request: Request) -> str:
    """The personal link: the `X-Ballot-Key` header, or else the `planner_me` cookie."""
    token = request.headers.get(KEY_HEADER) or request.cookies.get(
        personal_cookie_name(request), ""
    )
    return token if len(token) <= 100 else ""


async def enrol(request: Request) -> Response:
    """The stakeholder of the request's personal link takes part in the session of
    `code` too (a session of their workspace): a try at the code, like a join (a wrong
    code is a failure; a closed session is told, and no failure). A POST of JSON: a
    page of another origin cannot send one without asking first (CORS)."""
    form = await _join_form(request)
    if isinstance(form, Response):
        return form
    code, lang = form["code"], supported(form["lang"])
    token = _token(request)
    if not token:
        return JSONResponse(_identity(lang), status_code=401)

    def attempt(db) -> str:
        find_session(db=db, code=code)  # NotFound: a wrong guess
        return rejoin(db=db, token=token, code=code).token

    try:
        key = await run_in_threadpool(_code_try, request, code, attempt)
    except PlannerError as error:
        if error.key == "error.personal_link_unknown":
            return JSONResponse(_identity(lang), status_code=401)
        return _problem(error, lang)
    return _keyed(request, key)


def _member(db, token: str, code: str) -> tuple[Stakeholder | None, ScoringSession | None, bool]:
    """The stakeholder of `token`, the session of `code` when they take part in it, and
    whether `code` is a session of their workspace at all."""
    me = stakeholder_by_link(db=db, token=token)
    if me is None or not code:
        return me, None, False
    try:
        scoring = find_session(db=db, code=code)
    except NotFound:
        return me, None, False
    if scoring.workspace_id != me.workspace_id:
        return me, None, False
    if not takes_part(db=db, stakeholder_id=me.id, session_id=scoring.id):
        return me, None, True
    return me, scoring, True


def _not_theirs(request: Request, lang: str, *, ours: bool) -> tuple[int, dict]:
    """A code that is none of the key's sessions: answered as an unknown code (401), or
    429 while the address must wait. Counted as a failed try at a code unless it is a
    session of the key's workspace (`ours`): a right code, so no failed guess, but still
    refused while the address must wait (else a key made to wait could tell its
    workspace's codes from wrong ones, without limit)."""
    check = attempts.known_try if ours else attempts.limited
    try:
        check(_engine(), buckets=_buckets(request), now=datetime.now(UTC), action=lambda db: False)
    except PlannerError as error:
        return 429, {"error": error.message(lang), "reason": error.key}
    return 401, _identity(lang)


def _view(request: Request, token: str, code: str, lang: str, joined: bool) -> tuple[int, dict]:
    """What the light page shows this stakeholder now (401: no such personal link, or
    not in the session of `code`; 429: too many unknown codes from here)."""
    with reading(_engine()) as db:
        stakeholder, scoring, ours = _member(db, token, code)
        if stakeholder is not None and scoring is not None:
            state = round_state(db=db, session_id=scoring.id)
            setup = load_scoring_setup(db=db, workspace_id=scoring.workspace_id)
            titles, done = ballot_list(
                db=db, round_id=state.round_id, stakeholder_id=stakeholder.id
            )
    if stakeholder is None:
        return 401, _identity(lang)
    if scoring is None:
        return _not_theirs(request, lang, ours=ours)
    voting = accepts_votes(state.session_status, state.round_status)
    who = "vote.who" if voting else "vote.who_closed"  # "can be changed until the reveal"
    common = {
        "session": scoring.name,
        "who": t(who, lang, name=stakeholder.name, number=state.number),
        "token": token,
        "signoff": f"/signoff?me={token}",
    }
    criteria = setup.criteria_for(stakeholder.role)
    follow = follow_data(session_id=scoring.id, state=state, token=token)
    if voting and not criteria:
        message = t("vote.nothing_for_role", lang, role=stakeholder.role)
        return 200, common | {"view": "nothing", "message": message, "follow": follow}
    if voting:
        data = ballot_data(
            StakeholderBallot(
                session_id=scoring.id,
                state=state,
                stakeholder_id=stakeholder.id,
                token=token,
                setup=setup,
                criteria=criteria,
                candidates=titles,
                done=done,
                joined=joined,
            ),
            lang=lang,
            now=utcnow(),
        )
        focus = t("focus.ballot", lang) if scoring.focus_queue is not None else ""
        return 200, common | {"view": "ballot", "data": data, "focus": focus}
    message = (
        t("vote.revealed", lang)
        if state.session_status == SessionStatus.OPEN
        else t("error.session_closed", lang, name=scoring.name)
    )
    table = _round_table(
        database_url(), scoring.workspace_id, state.round_id, tuple(map(tuple, titles)), lang
    )
    return 200, common | {"view": "results", "message": message, "results": table, "follow": follow}


async def ballot(request: Request) -> Response:
    token = _token(request)
    lang = supported(request.query_params.get("lang", "en"))
    if not token:
        return JSONResponse(_identity(lang), status_code=401)
    code = request.query_params.get("code", "")[:20]
    joined = request.query_params.get("joined") == "1"
    status, body = await run_in_threadpool(_view, request, token, code, lang, joined)
    return JSONResponse(body, status_code=status, headers={"Cache-Control": "no-store"})


ROUTES = [
    Route("/b/{code}", page, methods=["GET"]),
    Route("/api/light/join", join, methods=["POST"]),
    Route("/api/light/enrol", enrol, methods=["POST"]),
    Route("/api/light/ballot", ballot, methods=["GET"]),
]
