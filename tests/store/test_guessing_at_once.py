"""Simultaneous guesses: the check and the record are one transaction, so 30 tries at
once from one client let at most the 5 free ones through."""

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

import pytest

from planner.access.rate_limit import FREE_FAILURES, Buckets
from planner.core.db import writing
from planner.demo import DEMO_PASSPHRASE
from planner.models import SignIn
from planner.store.access import sign_in
from planner.store.attempts import TooManyAttempts, limited

pytestmark = pytest.mark.storage
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def at_once(count: int, attempt) -> list:
    start = threading.Barrier(count)

    def one(n: int):
        start.wait()
        try:
            return attempt(n)
        except TooManyAttempts:
            return "refused"

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(one, range(count)))


def test_thirty_join_codes_at_once_let_five_through(engine):
    tried = []

    def guess(n: int):
        def action():
            tried.append(n)
            return False  # a wrong code

        return limited(
            engine, buckets=Buckets.of("join", "*", "203.0.113.9"), now=NOW, action=action
        )

    results = at_once(30, guess)
    assert len(tried) == FREE_FAILURES
    assert results.count("refused") == 30 - FREE_FAILURES


def test_thirty_passphrases_at_once_let_five_be_checked(engine, demo):
    def guess(n: int):
        with writing(engine) as db:
            return sign_in(
                db=db,
                sign_in_in=SignIn(workspace=demo.name, passphrase=f"guess {n}", actor="X"),
                now=NOW,
                client="203.0.113.9",
            )

    results = at_once(30, guess)
    assert results.count(None) == FREE_FAILURES  # checked, and wrong
    assert results.count("refused") == 30 - FREE_FAILURES
    with writing(engine) as db:  # the facilitator elsewhere is not held up
        grant = sign_in(
            db=db,
            sign_in_in=SignIn(workspace=demo.name, passphrase=DEMO_PASSPHRASE, actor="Eva"),
            now=NOW,
            client="198.51.100.4",
        )
    assert grant.role == "facilitator"
