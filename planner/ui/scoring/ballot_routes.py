"""The ballot's JSON routes, served beside the pages by `st.App` (see app.py).

A click on the ballot is one request carrying {round, candidate, criterion, answer}:
the answer is stored for exactly what the clicked control was drawn for, whatever the
page did meanwhile, and no page rerun is needed. Who answers follows from the personal
link's token in the `X-Ballot-Key` header, checked on every request.

    GET  /api/ballot/state?session=S          round, statuses, time left, nudges (cached
                                              1 s, shared; reveals a round that is due)
    GET  /api/ballot/events?session=S         the same, pushed (ballot_events.py); the poll
                                              of /state is the ballot's fallback
    GET  /api/ballot/candidate?round=R&candidate=C   one candidate with my answers
    POST /api/ballot/vote     {round, candidate, criterion, answer}
    POST /api/ballot/comment  {round, candidate, comment}
    POST /api/ballot/remember  (DELETE: forget)  the personal link as an HttpOnly cookie

A key answers only about the sessions its stakeholder takes part in, and their rounds:
another session, another workspace, an unknown or impossible id all get the same 404
(no oracle of what exists). A body is at most 8,000 bytes of flat JSON: a longer one is
refused (413) by its Content-Length, or once 8,001 bytes of it have arrived, never read
whole (`capped_body`, for every JSON route).
"""

import json
from collections.abc import Callable
from datetime import datetime
from typing import NamedTuple, TypeVar

from sqlmodel import Session
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from planner.core.config import database_url
from planner.core.db import reading, writing
from planner.core.errors import PlannerError, validated
from planner.core.i18n import supported, t
from planner.core.ids import row_id
from planner.core.numbers import whole
from planner.core.timed_cache import TimedCache
from planner.models import CommentSet, Stakeholder, VoteCast, utcnow
from planner.scoring.answers import Answer
from planner.scoring.lifecycle import accepts_votes
from planner.scoring.time_box import seconds_left
from planner.store.scoring.ballot import (
    RoundState,
    answered_ids,
    candidate_card,
    my_answers,
    my_comment,
    round_state,
    takes_part,
)
from planner.store.scoring.calibration import references
from planner.store.scoring.round_timing import due_reveal, nudged, reveal_if_due
from planner.store.scoring.stakeholders import key_holder, link_hash, stakeholder_by_link
from planner.store.scoring.votes import cast_vote, set_comment
from planner.ui.access.personal_cookie import COOKIE, personal_cookie_name, set_personal_cookie

T = TypeVar("T")
KEY_HEADER = "x-ballot-key"
BODY_MAX = 8_000
NESTING_MAX = 1  # a body is one flat object: deeper JSON is refused before it is parsed
STATE_TTL = 1.0  # seconds one answer to /state serves every ballot of the session
MEMBER_TTL = 5.0  # seconds a key's "takes part in this session" serves its state polls


def _engine():
    # The pages' engine: one pool per process for pages and routes alike.
    from planner.ui.shell.engine import get_engine

    return get_engine(database_url())


def _lang(request: Request, body: dict | None = None) -> str:
    lang = (body or {}).get("lang") or request.query_params.get("lang", "en")
    return supported(lang)


def _error(status: int, key: str, lang: str, reason: str = "", **params) -> JSONResponse:
    return JSONResponse({"error": t(key, lang, **params), "reason": reason}, status_code=status)


class TooLarge(ValueError):
    """A request's body is longer than BODY_MAX bytes."""


async def capped_body(request: Request, limit: int = BODY_MAX) -> bytes:
    """The request's body, at most `limit` bytes: refused (`TooLarge`) at once when its
    Content-Length says more, or as soon as more has arrived (a chunked body has no
    Content-Length), so a large body is never held in memory."""
    declared = request.headers.get("content-length", "")
    if declared.strip().isdigit() and int(declared) > limit:
        raise TooLarge(declared)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise TooLarge(size)
        chunks.append(chunk)
    return b"".join(chunks)


def too_large(lang: str) -> JSONResponse:
    """The 413 answer to a body over BODY_MAX, in the request's language."""
    return _error(413, "error.request_too_large", lang, "too_large", limit=whole(BODY_MAX, lang))


def _not_found(lang: str) -> JSONResponse:
    return _error(404, "error.not_on_ballot", lang, "refused")


def nesting(raw: bytes) -> int:
    r"""How deep the brackets of a JSON text nest, those inside its strings aside.

    >>> nesting(b'{"comment": "Options: [a] [b] {c}", "round": 1}')
    1
    >>> nesting(b'{"a": "\\\\", "b": [[]]}')
    3
    """
    depth = deepest = 0
    in_string = escaped = False
    for byte in raw:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash: the next character is escaped
                escaped = True
            elif byte == 0x22:  # the closing quote
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x7B, 0x5B):  # { [
            depth += 1
            deepest = max(deepest, depth)
        elif byte in (0x7D, 0x5D):  # } ]
            depth -= 1
    return deepest


async def _parse(request: Request, schema: type[T]) -> tuple[T | None, str, PlannerError | None]:
    """The request's JSON body as `schema`, the language, and why it is not one (None
    with a None value: not a flat JSON object; `TooLarge`: longer than BODY_MAX)."""
    lang = _lang(request)
    raw = await capped_body(request)
    try:
        if nesting(raw) > NESTING_MAX:
            raise ValueError("nested")
        body = json.loads(raw or b"{}")
        if not isinstance(body, dict):
            raise ValueError("not an object")
        lang = _lang(request, body)
        return validated(schema, **body), lang, None
    except PlannerError as error:
        return None, lang, error
    except (ValueError, RecursionError):  # JSONDecodeError is a ValueError
        return None, lang, None


def _as_stakeholder(
    request: Request,
    lang: str,
    work: Callable[[Session, Stakeholder], dict],
    *,
    write: bool,
    round_id: int,
) -> JSONResponse:
    """Run `work` for the stakeholder of the request's personal link, in one transaction,
    when the round is one of their sessions' (else 404, as for a round that does not
    exist)."""
    opener = writing if write else reading
    try:
        with opener(_engine()) as db:
            token = request.headers.get(KEY_HEADER, "")
            me, in_round = key_holder(db=db, token=token, round_id=round_id)
            if me is None:
                return _error(401, "error.personal_link_unknown", lang, "identity")
            if not in_round:
                return _not_found(lang)
            return JSONResponse(work(db, me))
    except PlannerError as error:
        if error.key == "error.not_on_ballot":
            return _not_found(lang)
        closed = error.key in ("error.round_not_voting", "error.session_closed")
        return JSONResponse(
            {"error": error.message(lang), "reason": "round_closed" if closed else "refused"},
            status_code=409 if closed else 400,
        )


def _answers(db: Session, round_id: int, me: Stakeholder, candidate_id: int) -> dict:
    """My answers on this candidate and the candidates I completed: what the ballot
    redraws from after a click."""
    mine = my_answers(db=db, round_id=round_id, stakeholder_id=me.id, candidate_id=candidate_id)
    return {
        "candidate": candidate_id,
        "answers": {str(k): Answer(v).wire for k, v in mine.items()},
        "done": answered_ids(db=db, round_id=round_id, stakeholder_id=me.id),
    }


def _read_yardsticks(entry: tuple[str, int], db: Session) -> dict[str, list[list[str]]]:
    found = references(db=db, workspace_id=entry[1])
    return {dimension: [[r.label, r.title] for r in refs] for dimension, refs in found.items()}


# The calibration references every card shows: the same for the whole workspace, read
# once a second for all its ballots (by database and workspace: tests share a process).
YARDSTICKS: TimedCache[tuple[str, int], dict[str, list[list[str]]]] = TimedCache(
    _read_yardsticks, ttl=STATE_TTL
)


def _card(db: Session, round_id: int, me: Stakeholder, candidate_id: int) -> dict:
    card = candidate_card(db=db, round_id=round_id, candidate_id=candidate_id)
    comment = my_comment(db=db, round_id=round_id, stakeholder_id=me.id, candidate_id=candidate_id)
    yardsticks = YARDSTICKS.get((database_url(), me.workspace_id), db)
    return (
        card._asdict()
        | {"comment": comment, "references": yardsticks}
        | _answers(db, round_id, me, candidate_id)
    )


async def candidate(request: Request) -> Response:
    lang = _lang(request)
    round_id = row_id(request.query_params.get("round"))
    candidate_id = row_id(request.query_params.get("candidate"))
    if round_id is None or candidate_id is None:
        return _not_found(lang)
    return await run_in_threadpool(
        _as_stakeholder,
        request,
        lang,
        lambda s, me: _card(s, round_id, me, candidate_id),
        write=False,
        round_id=round_id,
    )


async def vote(request: Request) -> Response:
    try:
        cast, lang, _ = await _parse(request, VoteCast)
    except TooLarge:
        return too_large(_lang(request))
    if cast is None:
        return _error(400, "error.not_on_ballot", lang, "refused")

    def work(db: Session, me: Stakeholder) -> dict:
        cast_vote(
            db=db,
            round_id=cast.round,
            stakeholder_id=me.id,
            candidate_id=cast.candidate,
            criterion_id=cast.criterion,
            label=Answer.from_wire(cast.answer).label,
        )
        return _answers(db, cast.round, me, cast.candidate)

    return await run_in_threadpool(
        _as_stakeholder, request, lang, work, write=True, round_id=cast.round
    )


async def comment(request: Request) -> Response:
    try:
        given, lang, problem = await _parse(request, CommentSet)
    except TooLarge:
        return too_large(_lang(request))
    if given is None and problem is not None:  # names the field: a comment too long, say
        return JSONResponse({"error": problem.message(lang), "reason": "refused"}, 400)
    if given is None:
        return _error(400, "error.request_unreadable", lang, "refused")

    def work(db: Session, me: Stakeholder) -> dict:
        set_comment(
            db=db,
            round_id=given.round,
            stakeholder_id=me.id,
            candidate_id=given.candidate,
            comment=given.comment,
        )
        return {"candidate": given.candidate, "comment": given.comment}

    return await run_in_threadpool(
        _as_stakeholder, request, lang, work, write=True, round_id=given.round
    )


class Shared(NamedTuple):
    """What every ballot of a session follows: the round, and who was nudged when."""

    state: RoundState
    nudged: dict[int, datetime]


def _read_shared(session_id: int) -> Shared | None:
    """The session's state; a round whose time is up (or that everyone finished) is
    revealed here first when the session says so (planner.store.scoring.round_timing)."""
    now = utcnow()
    with reading(_engine()) as db:
        found = round_state(db=db, session_id=session_id)
        if found is None:
            return None
        voting = accepts_votes(found.session_status, found.round_status)
        due = voting and due_reveal(db=db, session_id=session_id, now=now)
        nudges = nudged(db=db, session_id=session_id, now=now) if voting else {}
    if due:
        with writing(_engine()) as db:
            reveal_if_due(db=db, session_id=session_id, now=now)
        with reading(_engine()) as db:
            found = round_state(db=db, session_id=session_id)
        nudges = {}
    return Shared(found, nudges)


STATES: TimedCache[int, Shared | None] = TimedCache(_read_shared, ttl=STATE_TTL)


def _takes_part_in(entry: tuple[str, int], key: str) -> bool:
    _, session_id = entry
    with reading(_engine()) as db:
        me = stakeholder_by_link(db=db, token=key)
        return me is not None and takes_part(db=db, stakeholder_id=me.id, session_id=session_id)


class _Members:
    """(key's hash, session id) -> whether it takes part: the answer to a state poll
    every 2 s needs no query each time (a replaced link stops within MEMBER_TTL)."""

    def __init__(self) -> None:
        self._cache: TimedCache[tuple[str, int], bool] = TimedCache(
            _takes_part_in, ttl=MEMBER_TTL, maxsize=10_000
        )

    def get(self, key: str, session_id: int) -> bool:
        return self._cache.get((link_hash(key), session_id), key)  # the key is not kept

    def forget(self) -> None:
        self._cache.forget()


MEMBERS = _Members()


async def state(request: Request) -> Response:
    lang = _lang(request)
    session_id = row_id(request.query_params.get("session"))
    key = request.headers.get(KEY_HEADER, "")
    if not key or len(key) > 100:
        return _error(401, "error.personal_link_unknown", lang, "identity")
    if session_id is None or not await run_in_threadpool(MEMBERS.get, key, session_id):
        return _not_found(lang)
    found = await run_in_threadpool(STATES.get, session_id)
    if found is None:
        return _not_found(lang)
    return JSONResponse(state_body(found, utcnow()))


def state_body(found: Shared, now: datetime) -> dict:
    """What a ballot follows, as /state answers it and /events pushes it."""
    return {
        "round": found.state.round_id,
        "round_status": found.state.round_status,
        "status": found.state.session_status,
        # seconds, not a time: the browser's clock may be off
        "seconds_left": seconds_left(found.state.deadline, now),
        "nudged": {str(who): at.timestamp() for who, at in found.nudged.items()},
    }


async def remember(request: Request) -> Response:
    """Keep the personal link in an HttpOnly cookie, so a reload resumes the ballot."""
    token = request.headers.get(KEY_HEADER, "")
    response = JSONResponse({"ok": True})
    name = personal_cookie_name(request)
    if request.method == "DELETE":
        response.delete_cookie(name, path="/", secure=name != COOKIE, httponly=True)
        return response

    def known() -> bool:
        with reading(_engine()) as db:
            return stakeholder_by_link(db=db, token=token) is not None

    if not await run_in_threadpool(known):
        return _error(401, "error.personal_link_unknown", _lang(request), "identity")
    set_personal_cookie(response, request, token)
    return response


ROUTES = [
    Route("/api/ballot/state", state, methods=["GET"]),
    Route("/api/ballot/candidate", candidate, methods=["GET"]),
    Route("/api/ballot/vote", vote, methods=["POST"]),
    Route("/api/ballot/comment", comment, methods=["POST"]),
    Route("/api/ballot/remember", remember, methods=["POST", "DELETE"]),
]
