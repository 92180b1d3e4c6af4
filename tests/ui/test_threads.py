"""planner/ui/threads.py: the app's start limits the worker threads to PLANNER_THREADS."""

import anyio
from anyio import to_thread

from planner.ui.threads import lifespan


async def tokens_once_started() -> float:
    async with lifespan(object()):
        return to_thread.current_default_thread_limiter().total_tokens


def test_the_start_limits_the_worker_threads(monkeypatch):
    monkeypatch.setenv("PLANNER_THREADS", "3")
    assert anyio.run(tokens_once_started) == 3
    monkeypatch.delenv("PLANNER_THREADS")
    assert anyio.run(tokens_once_started) == 8  # anyio's own default is 40
