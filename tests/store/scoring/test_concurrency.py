"""Concurrent stakeholders never lose a vote and never make a duplicate."""

import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

import pytest
from sqlalchemy import func
from sqlmodel import select

from planner.core.db import reading, writing
from planner.core.errors import Conflict
from planner.models import SessionCreate, Stakeholder, StakeholderJoin, Vote
from planner.store.scoring.scoring_model import load_scoring_setup
from planner.store.scoring.sessions import current_round, open_session, reveal_round
from planner.store.scoring.stakeholders import join_session
from planner.store.scoring.votes import cast_vote
from tests.factories import add_candidate, make_journey
from tests.stress import process_worker, stakeholder_session

pytestmark = pytest.mark.storage


@pytest.fixture(name="ballot")
def ballot_fixture(engine):
    """A session on 5 candidates: (code, round id, candidate ids, criterion ids)."""
    with writing(engine) as db:
        journey = make_journey(db)
        ids = [add_candidate(db, journey, f"Idea {i}").id for i in range(5)]
        scoring = open_session(
            db=db,
            workspace_id=journey.workspace.id,
            session_in=SessionCreate(name="Load"),
            candidate_ids=ids,
        )
        criteria = [
            c.id for c in load_scoring_setup(db=db, workspace_id=journey.workspace.id).criteria
        ]
        round_id = current_round(db=db, session_id=scoring.id).id
    return scoring.code, round_id, ids, criteria


def stored_votes(engine) -> dict:
    with reading(engine) as db:
        rows = db.exec(
            select(
                Vote.stakeholder_id, Vote.candidate_id, Vote.criterion_id, Vote.label, Vote.score
            )
        ).all()
    return {(s, c, k): (label if score is not None else None) for s, c, k, label, score in rows}


def test_thirty_stakeholders_in_threads(engine, ballot):
    code, round_id, candidates, criteria = ballot
    with ThreadPoolExecutor(max_workers=30) as pool:
        results = list(
            pool.map(
                lambda i: stakeholder_session(
                    engine, code, f"Person {i}", round_id, candidates, criteria, seed=i
                ),
                range(30),
            )
        )
    expected = {key: label for final, _ in results for key, label in final.items()}
    assert len(expected) == 30 * 5 * 3
    stored = stored_votes(engine)
    assert len(stored) == len(expected)  # exactly once each: no loss, no duplicate
    assert stored == expected  # the last answer of everyone is the one kept


@pytest.mark.sqlite_only
def test_three_processes_on_one_sqlite_file(database_url, engine, ballot):
    code, round_id, candidates, criteria = ballot
    # Three processes of their own, forked from a server process that imported the
    # worker's code once (no database opened there): each opens its own connection, as a
    # spawned process would, and the test starts one interpreter instead of three.
    processes = multiprocessing.get_context("forkserver")
    processes.set_forkserver_preload(["tests.stress"])
    with ProcessPoolExecutor(max_workers=3, mp_context=processes) as pool:
        futures = [
            pool.submit(
                process_worker,
                database_url,
                code,
                [f"P{p}-{i}" for i in range(4)],
                round_id,
                candidates,
                criteria,
                seed=100 * p,
            )
            for p in range(3)
        ]
        expected = {key: label for f in futures for key, label in f.result().items()}
    assert len(expected) == 3 * 4 * 5 * 3
    assert stored_votes(engine) == expected


def test_the_same_name_joining_at_once_is_one_stakeholder(engine, ballot):
    code = ballot[0]

    def join(_):
        try:
            with writing(engine) as db:
                return join_session(
                    db=db, code=code, join_in=StakeholderJoin(name="Anna")
                ).stakeholder.id
        except Conflict:
            return None

    with ThreadPoolExecutor(max_workers=10) as pool:
        outcomes = list(pool.map(join, range(10)))
    with reading(engine) as db:
        assert db.exec(select(func.count()).select_from(Stakeholder)).one() == 1
    assert len([o for o in outcomes if o is not None]) == 1  # the others are told it's taken


def _in_thread(work) -> tuple[threading.Thread, threading.Event, list]:
    """`work()` in a thread: (the thread, set when it is done, what it raised)."""
    done, raised = threading.Event(), []

    def run():
        try:
            work()
        except Exception as error:
            raised.append(error)
        finally:
            done.set()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, done, raised


def test_an_answer_being_written_when_the_round_is_revealed_counts(engine, ballot):
    """The reveal waits for the answers in flight: none lands after it, none is lost."""
    code, round_id, candidates, criteria = ballot
    with writing(engine) as db:
        joined = join_session(db=db, code=code, join_in=StakeholderJoin(name="Ann"))
    session_id = joined.scoring.id
    answering = writing(engine)
    db = answering.__enter__()
    cast_vote(
        db=db,
        round_id=round_id,
        stakeholder_id=joined.stakeholder.id,
        candidate_id=candidates[0],
        criterion_id=criteria[0],
        label="4",
    )

    def reveal():
        with writing(engine) as other:
            reveal_round(db=other, session_id=session_id)

    thread, revealed, raised = _in_thread(reveal)
    try:
        assert not revealed.wait(1.0), "the reveal did not wait for the answer being written"
    finally:
        answering.__exit__(None, None, None)  # the answer is stored
        thread.join(30)
    assert revealed.is_set() and raised == []
    assert stored_votes(engine) == {(joined.stakeholder.id, candidates[0], criteria[0]): "4"}


def test_an_answer_begun_during_the_reveal_is_refused(engine, ballot):
    """An answer that arrives while the reveal is being written waits, then is refused:
    it is not counted in a round whose scores are already shown."""
    code, round_id, candidates, criteria = ballot
    with writing(engine) as db:
        joined = join_session(db=db, code=code, join_in=StakeholderJoin(name="Ann"))
    revealing = writing(engine)
    db = revealing.__enter__()
    reveal_round(db=db, session_id=joined.scoring.id)

    def answer():
        with writing(engine) as other:
            cast_vote(
                db=other,
                round_id=round_id,
                stakeholder_id=joined.stakeholder.id,
                candidate_id=candidates[0],
                criterion_id=criteria[0],
                label="4",
            )

    thread, answered, raised = _in_thread(answer)
    try:
        assert not answered.wait(1.0), "the answer did not wait for the reveal"
    finally:
        revealing.__exit__(None, None, None)
        thread.join(30)
    assert answered.is_set()
    assert [error.key for error in raised] == ["error.round_not_voting"]
    assert stored_votes(engine) == {}
