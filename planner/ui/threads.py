"""How many requests one app process works on at once in its threads: the routes run
their database and file work in worker threads (`run_in_threadpool`), at most
`PLANNER_THREADS` of them (planner.core.config.worker_threads, 8 when unset) instead of
anyio's 40. The work mostly waits for the database, and more threads than the machine
has cores only queue for Python's one lock: the event loop that serves every page,
file and stream then waits its turn among them, and the database juggles as many
connections (bench/light_load.py, 600 joining on PostgreSQL with two processes, the
ballot usable after p95 5.0 s with 40 threads, 1.6 s with 8)."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from anyio import to_thread

from planner.core.config import worker_threads


@asynccontextmanager
async def lifespan(app: object) -> AsyncIterator[None]:
    """The app's start (`st.App(lifespan=...)`): the worker threads' limit, per process."""
    to_thread.current_default_thread_limiter().total_tokens = worker_threads()
    yield None
