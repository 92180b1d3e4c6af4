"""Rate limiting in the database: a try recorded as a failure until it succeeds, a
success forgiving the client's failures at that target, the wait refused with whole
seconds. Simultaneous tries: the check, the try and the record are one transaction, so 30
guesses at once from one client let at most the 5 free ones through, and a try still
under way is never a failure: a room joining at once from one address all get in."""

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import event, func, select

from planner.access.rate_limit import FREE_FAILURES, MAX_WAIT, Buckets
from planner.core.db import reading, writing
from planner.core.errors import Conflict, NotFound
from planner.demo import DEMO_PASSPHRASE
from planner.models import AccessAttempt, SessionCreate, SignIn, Stakeholder, StakeholderJoin
from planner.store.access.attempts import (
    TooManyAttempts,
    begin_try,
    end_try,
    known_try,
    limited,
)
from planner.store.access.grants import sign_in
from planner.store.scoring.sessions import open_session
from planner.store.scoring.stakeholders import join_session
from tests.factories import add_candidate, make_journey

pytestmark = pytest.mark.storage
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
ROOM = "203.0.113.9"  # everyone behind one address


def at_once(count: int, attempt, workers: int | None = None) -> list:
    start = threading.Barrier(min(count, workers or count))

    def one(n: int):
        if n < start.parties:
            start.wait()
        try:
            return attempt(n)
        except TooManyAttempts:
            return "refused"

    with ThreadPoolExecutor(max_workers=start.parties) as pool:
        return list(pool.map(one, range(count)))


@pytest.fixture(name="code")
def code_fixture(engine) -> str:
    """The join code of an open session, committed."""
    with writing(engine) as db:
        journey = make_journey(db)
        idea = add_candidate(db, journey, "Idea")
        scoring = open_session(
            db=db,
            workspace_id=journey.workspace.id,
            session_in=SessionCreate(name="All hands"),
            candidate_ids=[idea.id],
        )
    return scoring.code


def join(engine, code: str, name: str, now: datetime = NOW):
    return limited(
        engine,
        buckets=Buckets.of("join", "*", ROOM),
        now=now,
        action=lambda db: join_session(db=db, code=code, join_in=StakeholderJoin(name=name)),
    )


def failures(engine) -> int:
    with reading(engine) as db:
        return db.scalar(
            select(func.count()).where(
                AccessAttempt.bucket == f"join:*@{ROOM}", AccessAttempt.ok.is_(False)
            )
        )


def bucket_rows(engine) -> list[tuple[str, bool]]:
    with reading(engine) as db:
        rows = db.execute(select(AccessAttempt.bucket, AccessAttempt.ok).order_by(AccessAttempt.id))
        return [tuple(row) for row in rows]


def test_a_try_is_a_failure_in_every_bucket_until_it_ends_well(engine):
    buckets = Buckets.of("signin", "demo", ROOM)
    with writing(engine) as db:
        ids = begin_try(db=db, buckets=buckets, now=NOW)
    assert len(ids) == 3
    assert bucket_rows(engine) == [(bucket, False) for bucket in buckets.all()]
    with writing(engine) as db:
        ids = begin_try(db=db, buckets=buckets, now=NOW)
        end_try(db=db, buckets=buckets, ids=ids, ok=True)
    # the success is no failure, and forgives this client's failure at this target
    assert bucket_rows(engine) == [
        (buckets.client, False),
        (buckets.target, False),
        (buckets.client, True),
        (buckets.pair, True),
        (buckets.target, True),
    ]


def test_a_success_at_every_target_of_a_kind_forgives_nothing(engine):
    buckets = Buckets.of("join", "*", ROOM)
    with writing(engine) as db:
        begin_try(db=db, buckets=buckets, now=NOW)
        ids = begin_try(db=db, buckets=buckets, now=NOW)
        end_try(db=db, buckets=buckets, ids=ids, ok=True)
    assert [ok for bucket, ok in bucket_rows(engine) if bucket == buckets.pair] == [False, True]


def test_past_the_free_failures_the_next_try_is_refused_with_whole_seconds(engine):
    buckets = Buckets.of("signin", "demo", ROOM)
    with writing(engine) as db:
        for _ in range(FREE_FAILURES):
            begin_try(db=db, buckets=buckets, now=NOW)
    with writing(engine) as db, pytest.raises(TooManyAttempts) as refused:
        begin_try(db=db, buckets=buckets, now=NOW + timedelta(milliseconds=300))
    assert refused.value.wait == timedelta(seconds=2)  # 1.7 s left, said as 2
    assert "2" in refused.value.message("en")


def test_the_next_try_deletes_the_failures_older_than_the_window(engine):
    buckets = Buckets.of("signin", "demo", ROOM)
    with writing(engine) as db:
        for _ in range(FREE_FAILURES):
            begin_try(db=db, buckets=buckets, now=NOW - timedelta(hours=1))
    with writing(engine) as db:
        assert begin_try(db=db, buckets=buckets, now=NOW)
    assert len(bucket_rows(engine)) == 3  # only this try's rows are left


def test_a_known_try_records_nothing_but_still_waits_while_the_client_must(engine, code):
    buckets = Buckets.of("join", "*", ROOM)
    joined = known_try(
        engine,
        buckets=buckets,
        now=NOW,
        action=lambda db: join_session(db=db, code=code, join_in=StakeholderJoin(name="Ann")),
    )
    assert joined.stakeholder.name == "Ann" and bucket_rows(engine) == []
    with writing(engine) as db:
        for _ in range(FREE_FAILURES):
            begin_try(db=db, buckets=buckets, now=NOW)
    with pytest.raises(TooManyAttempts):
        known_try(engine, buckets=buckets, now=NOW, action=lambda db: "not reached")


def test_the_wait_is_read_in_one_query(engine):
    """A page view at a known code reads the limit once, all three buckets together."""
    buckets = Buckets.of("join", "*", ROOM)
    with writing(engine) as db:
        begin_try(db=db, buckets=buckets, now=NOW)  # one failure in each bucket
    reads: list[str] = []

    def seen(connection, cursor, statement, *args):
        if "access_attempt" in statement.lower():
            reads.append(statement)

    event.listen(engine, "before_cursor_execute", seen)
    try:
        assert known_try(engine, buckets=buckets, now=NOW, action=lambda db: "in") == "in"
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    assert len(reads) == 1


def test_too_many_attempts_waits_at_least_a_second():
    assert TooManyAttempts(timedelta(milliseconds=10)).wait == timedelta(seconds=1)
    assert TooManyAttempts(timedelta(seconds=29.2)).wait == timedelta(seconds=30)


def test_thirty_join_codes_at_once_let_five_through(engine):
    tried = []

    def guess(n: int):
        def action(_db):
            tried.append(n)
            return False  # a wrong code

        return limited(engine, buckets=Buckets.of("join", "*", ROOM), now=NOW, action=action)

    results = at_once(30, guess)
    assert len(tried) == FREE_FAILURES
    assert results.count("refused") == 30 - FREE_FAILURES


def test_a_try_under_way_counts_as_no_failure(engine, code):
    """Reproduction of the load issue: while a join is under way, nobody counts it."""
    seen = []

    def action(db):
        seen.append(failures(engine))  # what any other try would see now
        return join_session(db=db, code=code, join_in=StakeholderJoin(name="Anna"))

    limited(engine, buckets=Buckets.of("join", "*", ROOM), now=NOW, action=action)
    assert seen == [0]
    assert failures(engine) == 0


def test_six_people_joining_at_the_same_moment_all_get_in(engine, code):
    results = at_once(FREE_FAILURES + 1, lambda n: join(engine, code, f"Person {n}"))
    assert "refused" not in results


def test_three_hundred_joins_in_a_minute_from_one_address_all_get_in(engine, code):
    """A room behind one address: 300 joins within 60 s, 30 at a time."""
    results = at_once(
        300,
        lambda n: join(engine, code, f"Person {n}", NOW + timedelta(seconds=n / 5)),
        workers=30,
    )
    assert "refused" not in results
    with reading(engine) as db:
        assert db.scalar(select(func.count()).select_from(Stakeholder)) == 300
    assert failures(engine) == 0


def test_a_refused_join_is_a_failure_and_writes_nothing(engine, code):
    with pytest.raises(NotFound):
        join(engine, "NOSUCH", "Anna")
    assert failures(engine) == 1
    join(engine, code, "Bo")  # one code found says nothing of the wrong ones: kept
    assert failures(engine) == 1
    with reading(engine) as db:
        assert db.scalars(select(Stakeholder.name)).all() == ["Bo"]


def test_a_name_taken_with_the_right_code_is_no_failure(engine, code):
    join(engine, code, "Bo")
    for _ in range(3 * FREE_FAILURES):
        with pytest.raises(Conflict):
            limited(
                engine,
                buckets=Buckets.of("join", "*", ROOM),
                now=NOW,
                action=lambda db: join_session(
                    db=db, code=code, join_in=StakeholderJoin(name="bo")
                ),
                guessed=lambda error: error.key == "error.session_not_found",
            )
    assert failures(engine) == 0
    join(engine, code, "Cy")


def test_wrong_codes_from_a_room_slow_it_down_for_thirty_seconds_at_most(engine, code):
    for n in range(30):  # a guesser who waits out every wait
        with pytest.raises(NotFound):
            join(engine, "NOSUCH", "Guess", NOW + timedelta(seconds=30 * n))
    last_failure = NOW + timedelta(seconds=30 * 29)
    with pytest.raises(TooManyAttempts) as refused:
        join(engine, code, "Anna", last_failure)
    assert refused.value.wait <= MAX_WAIT
    assert join(engine, code, "Anna", last_failure + refused.value.wait).stakeholder.name == "Anna"


def test_thirty_passphrases_at_once_let_five_be_checked(engine, demo):
    def guess(n: int):
        with writing(engine) as db:
            return sign_in(
                db=db,
                sign_in_in=SignIn(workspace=demo.name, passphrase=f"guess {n}", actor="X"),
                now=NOW,
                client=ROOM,
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
