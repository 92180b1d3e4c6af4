"""Round state pushed to the ballots as Server-Sent Events, one watcher per session.

    GET /api/ballot/events?session=S    text/event-stream: the state (what /api/ballot/state
                                        answers) at once, again whenever it changes, and
                                        a comment line every HEARTBEAT_S seconds

EventSource sends no headers, and a key in the address would land in logs and the
history: the personal link travels in the HttpOnly cookie the ballot sets through
/api/ballot/remember (an X-Ballot-Key header is taken too, for clients that send one).
The same answers as /state: 401 without a key, 404 for a session the key takes no part in.

One watcher per session (an asyncio task) reads the state through STATES at most once a
second -- revealing a round that is due, as a poll does -- for all its listeners, and
ends with the last one: 1,000 idle stakeholders cost one read a second plus a heartbeat
each every 15 s, where polling every 2 s cost 500 requests a second.

A stream ends after about STREAM_S (the browser reconnects by itself and is sent the state
at once), so that a replaced link stops and the key is checked again; and at once when the
server is told to stop: uvicorn waits for open responses to finish before it exits
(see `_end_streams_on_signal`).
"""

import asyncio
import contextlib
import json
import random
import signal
import threading
import time
from collections.abc import AsyncIterator

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

from planner.core.ids import row_id
from planner.models import utcnow
from planner.ui.access.personal_cookie import personal_cookie_name
from planner.ui.scoring.ballot_routes import (
    KEY_HEADER,
    MEMBERS,
    STATES,
    Shared,
    _error,
    _lang,
    _not_found,
    state_body,
)

WATCH_S = 1.0  # seconds between two reads of a session's state, for all its listeners
HEARTBEAT_S = 15.0  # a comment line keeps proxies and the browser from timing out
STREAM_S = 300.0  # a stream ends after this (±25 %): the browser reconnects, key checked
RETRY_MS = 3000  # the browser's wait before it reconnects a stream that ended


def _mark(shared: Shared | None) -> tuple | None:
    """What a ballot follows of the state: a change of any of it is pushed."""
    if shared is None:
        return None
    found = shared.state
    nudges = tuple(sorted((who, at.timestamp()) for who, at in shared.nudged.items()))
    return (
        found.round_id,
        found.round_status,
        found.session_status,
        found.deadline,
        nudges,
    )


class _Watch:
    """One session's state as its listeners last got it, read by one task for all."""

    def __init__(self, session_id: int) -> None:
        self.session_id = session_id
        self.loop = asyncio.get_running_loop()
        self.listeners = 0
        self.version = 0  # grows with every change; 0: not read yet
        self.shared: Shared | None = None
        self.mark: tuple | None = ()
        self.changed = asyncio.Event()
        self.task: asyncio.Task | None = None

    def wake(self) -> None:
        """Every listener looks again (a change, or the server stopping)."""
        changed, self.changed = self.changed, asyncio.Event()
        changed.set()

    async def wait(self, changed: asyncio.Event, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(changed.wait(), max(seconds, 0.0))

    async def run(self) -> None:
        while self.listeners and not WATCHES.closing:
            try:
                shared = await run_in_threadpool(STATES.get, self.session_id)
            except Exception:  # a database hiccup: the listeners keep the last state
                shared = self.shared if self.version else None
            mark = _mark(shared)
            if mark != self.mark:
                self.shared, self.mark = shared, mark
                self.version += 1
                self.wake()
            await self.wait(WATCHES.stopping, WATCH_S)


class _Watches:
    """session id -> its watch, while it has listeners (one event loop: the server's)."""

    def __init__(self) -> None:
        self._watches: dict[int, _Watch] = {}
        self.closing = False
        self._stopping: asyncio.Event | None = None

    @property
    def stopping(self) -> asyncio.Event:
        if self._stopping is None:
            self._stopping = asyncio.Event()
        return self._stopping

    def join(self, session_id: int) -> _Watch:
        watch = self._watches.get(session_id)
        if watch is None or watch.loop is not asyncio.get_running_loop():
            watch = self._watches[session_id] = _Watch(session_id)
        watch.listeners += 1
        if watch.task is None or watch.task.done():
            watch.task = asyncio.create_task(watch.run())
        return watch

    def leave(self, watch: _Watch) -> None:
        watch.listeners -= 1
        if watch.listeners <= 0 and self._watches.get(watch.session_id) is watch:
            del self._watches[watch.session_id]

    def close(self) -> None:
        """The server stops: every stream ends now (called in the server's loop)."""
        self.closing = True
        self.stopping.set()
        for watch in list(self._watches.values()):
            watch.wake()

    def forget(self) -> None:
        """For tests: no watches, not closing."""
        self._watches.clear()
        self.closing = False
        self._stopping = None

    def __len__(self) -> int:
        return len(self._watches)


WATCHES = _Watches()
_SIGNALS = (signal.SIGTERM, signal.SIGINT)
_hooked = False


def _end_streams_on_signal(loop: asyncio.AbstractEventLoop) -> None:
    """Chain onto the server's own SIGTERM/SIGINT handlers (uvicorn's, installed when
    it started), so that a stop ends the open streams instead of waiting for them."""
    global _hooked
    if _hooked or threading.current_thread() is not threading.main_thread():
        return  # signal handlers can only be set in the main thread (not under TestClient)
    _hooked = True
    for number in _SIGNALS:
        previous = signal.getsignal(number)

        def handler(signum, frame, previous=previous) -> None:
            loop.call_soon_threadsafe(WATCHES.close)
            if callable(previous):
                previous(signum, frame)
            elif previous == signal.SIG_DFL:
                signal.signal(signum, signal.SIG_DFL)
                signal.raise_signal(signum)

        signal.signal(number, handler)


def _event(shared: Shared) -> str:
    return f"event: state\ndata: {json.dumps(state_body(shared, utcnow()))}\n\n"


async def _stream(session_id: int) -> AsyncIterator[str]:
    watch = WATCHES.join(session_id)
    try:
        yield f"retry: {RETRY_MS}\n\n"
        now = time.monotonic()
        ends = now + STREAM_S * random.uniform(0.75, 1.25)  # reconnects spread out
        beat = now + HEARTBEAT_S
        seen = 0
        while not WATCHES.closing:
            changed = watch.changed  # before looking: a change meanwhile wakes the wait
            if watch.version != seen:
                seen = watch.version
                if watch.shared is None:
                    return  # the session is gone: the reconnect gets its 404
                yield _event(watch.shared)
            now = time.monotonic()
            if now >= ends:
                return
            if now >= beat:
                yield ": heartbeat\n\n"
                beat = now + HEARTBEAT_S
            await watch.wait(changed, min(beat, ends) - now)
    finally:
        WATCHES.leave(watch)


async def events(request: Request) -> Response:
    lang = _lang(request)
    session_id = row_id(request.query_params.get("session"))
    key = request.headers.get(KEY_HEADER) or request.cookies.get(personal_cookie_name(request), "")
    if not key or len(key) > 100:
        return _error(401, "error.personal_link_unknown", lang, "identity")
    if session_id is None or not await run_in_threadpool(MEMBERS.get, key, session_id):
        return _not_found(lang)
    if WATCHES.closing:
        return Response(status_code=503)
    _end_streams_on_signal(asyncio.get_running_loop())
    return StreamingResponse(
        _stream(session_id),
        media_type="text/event-stream",
        headers={"X-Accel-Buffering": "no"},  # a proxy (nginx) passes each event on at once
    )


ROUTES = [Route("/api/ballot/events", events, methods=["GET"])]
