"""Time boxes, automatic reveals and nudges, in the store."""

from datetime import UTC, datetime, timedelta

import pytest

from planner.core.db import writing
from planner.core.errors import Conflict, InvalidInput
from planner.models import SessionSettings, utcnow
from planner.store.audit import audit_log
from planner.store.scoring.ballot import round_state
from planner.store.scoring.round_timing import (
    nudge,
    nudged,
    reveal_if_due,
    reveal_when_due,
    start_timer,
    stop_timer,
)
from planner.store.scoring.sessions import change_settings, current_round, reveal_round
from tests.factories import join, vote_all

pytestmark = pytest.mark.storage
NOW = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)


def test_a_timer_gives_the_round_a_deadline_every_ballot_sees(workshop, db):
    _, _, scoring, _ = workshop
    start_timer(db=db, session_id=scoring.id, minutes=5, now=NOW)
    assert round_state(db=db, session_id=scoring.id).deadline == NOW + timedelta(minutes=5)
    start_timer(db=db, session_id=scoring.id, minutes=2, now=NOW)  # starts over
    assert round_state(db=db, session_id=scoring.id).deadline == NOW + timedelta(minutes=2)
    stop_timer(db=db, session_id=scoring.id)
    assert round_state(db=db, session_id=scoring.id).deadline is None


@pytest.mark.parametrize("minutes", [0, -1, 181])
def test_a_time_box_is_between_a_moment_and_three_hours(workshop, db, minutes):
    _, _, scoring, _ = workshop
    with pytest.raises(InvalidInput, match="between 0 and 180 minutes"):
        start_timer(db=db, session_id=scoring.id, minutes=minutes)


def test_no_timer_on_a_revealed_round(workshop, db):
    _, _, scoring, _ = workshop
    reveal_round(db=db, session_id=scoring.id)
    with pytest.raises(Conflict):
        start_timer(db=db, session_id=scoring.id, minutes=5)


def test_time_up_reveals_when_the_session_says_so(workshop, db):
    journey, ideas, scoring, setup = workshop
    vote_all(db, scoring, join(db, scoring, "Ann"), ideas[0].id, setup)
    start_timer(db=db, session_id=scoring.id, minutes=1, now=NOW)
    later = NOW + timedelta(minutes=1)
    assert reveal_if_due(db=db, session_id=scoring.id, now=later) is None  # rule off
    change_settings(
        db=db,
        session_id=scoring.id,
        settings=SessionSettings(reveal_at_zero=True, reveal_when_done=False),
    )
    assert reveal_if_due(db=db, session_id=scoring.id, now=later - timedelta(seconds=1)) is None
    assert reveal_if_due(db=db, session_id=scoring.id, now=later) == "time_up"
    assert current_round(db=db, session_id=scoring.id).status == "revealed"
    assert reveal_if_due(db=db, session_id=scoring.id, now=later) is None  # once
    log = audit_log(db=db, workspace_id=journey.workspace.id)
    assert log["action"].tolist() == ["Round 1 of “Workshop” revealed: time is up"]
    assert log["actor"].tolist() == ["the app"]


def test_everyone_finished_reveals_when_the_session_says_so(workshop, db):
    _, ideas, scoring, setup = workshop
    change_settings(
        db=db,
        session_id=scoring.id,
        settings=SessionSettings(reveal_at_zero=False, reveal_when_done=True),
    )
    ann, bo = join(db, scoring, "Ann"), join(db, scoring, "Bo")
    for idea in ideas[:2]:
        vote_all(db, scoring, ann, idea.id, setup)
    vote_all(db, scoring, bo, ideas[0].id, setup)
    assert reveal_if_due(db=db, session_id=scoring.id) is None  # Bo has one to go
    vote_all(db, scoring, bo, ideas[1].id, setup)
    assert reveal_if_due(db=db, session_id=scoring.id) == "all_done"


def test_nudges_reach_the_people_named_and_fade(workshop, db):
    _, _, scoring, _ = workshop
    ann, bo = join(db, scoring, "Ann"), join(db, scoring, "Bo")
    assert nudge(db=db, session_id=scoring.id, stakeholder_ids=[bo.id, 999], now=NOW) == 1
    assert nudged(db=db, session_id=scoring.id, now=NOW) == {bo.id: NOW}
    assert nudged(db=db, session_id=scoring.id, now=NOW + timedelta(minutes=11)) == {}
    assert ann.id not in nudged(db=db, session_id=scoring.id, now=NOW)


def test_a_polling_screen_writes_only_when_a_reveal_is_due(workshop, db, engine):
    _, ideas, scoring, setup = workshop
    vote_all(db, scoring, join(db, scoring, "Ann"), ideas[0].id, setup)
    db.commit()
    assert reveal_when_due(engine, scoring.id) is None  # rules off: a read, no write
    with writing(engine) as other:
        change_settings(
            db=other,
            session_id=scoring.id,
            settings=SessionSettings(reveal_at_zero=True),
        )
        start_timer(db=other, session_id=scoring.id, minutes=1, now=utcnow() - timedelta(minutes=2))
    assert reveal_when_due(engine, scoring.id) == "time_up"
