"""The facilitator's time box and reveal rules on the session page."""

import json
from datetime import timedelta

import pytest

from planner.core.db import reading, writing
from planner.models import SessionSettings, StakeholderJoin, utcnow
from planner.store.scoring.ballot import round_state
from planner.store.scoring.round_timing import start_timer
from planner.store.scoring.scoring_model import load_scoring_setup
from planner.store.scoring.sessions import change_settings, get_session
from planner.store.scoring.stakeholders import join_session
from tests.factories import demo_session, vote_all
from tests.ui.conftest import texts


@pytest.fixture(name="scoring")
def scoring_fixture(engine, demo):
    return demo_session(engine, demo.id, "Workshop", [1, 2])


def people(engine, scoring, scored: dict[str, int]) -> dict[str, int]:
    """Join each name and have them score their first `scored` candidates; their ids."""
    ids = {}
    with writing(engine) as db:
        setup = load_scoring_setup(db=db, workspace_id=scoring.workspace_id)
        for name, count in scored.items():
            person = join_session(db=db, code=scoring.code, join_in=StakeholderJoin(name=name))[1]
            ids[name] = person.id
            for candidate in (1, 2)[:count]:
                vote_all(db, scoring, person, candidate, setup, "3")
    return ids


def test_the_facilitator_starts_and_stops_a_timer(open_page, scoring, engine):
    at = open_page("scoring_session")
    at.number_input(key=f"timer_minutes_{scoring.id}").set_value(7)
    at.button(key=f"FormSubmitter:timer_{scoring.id}-Start the timer").click().run()
    assert not at.exception and "Timer started: 7 minutes." in texts(at)
    with reading(engine) as db:
        left = round_state(db=db, session_id=scoring.id).deadline - utcnow()
    assert timedelta(minutes=6, seconds=50) < left <= timedelta(minutes=7)
    [clock] = at.get("bidi_component")[-1:]  # the countdown, ticking in the browser
    assert json.loads(clock.proto.json)["left"] == "⏱ {time} left"
    at.button(key=f"timer_stop_{scoring.id}").click().run()
    with reading(engine) as db:
        assert round_state(db=db, session_id=scoring.id).deadline is None


def test_reveal_rules_are_settings_of_the_session(open_page, scoring, engine):
    at = open_page("scoring_session")
    at.toggle(key=f"reveal_at_zero_{scoring.id}").set_value(True).run()
    at.toggle(key=f"reveal_when_done_{scoring.id}").set_value(True).run()
    with reading(engine) as db:
        saved = get_session(db=db, session_id=scoring.id)
    assert saved.reveal_at_zero and saved.reveal_when_done


def test_a_round_whose_time_is_up_reveals_on_the_facilitators_screen(open_page, scoring, engine):
    people(engine, scoring, {"Ann": 1, "Bo": 0})
    with writing(engine) as db:
        change_settings(
            db=db,
            session_id=scoring.id,
            settings=SessionSettings(reveal_at_zero=True, reveal_when_done=False),
        )
        start_timer(db=db, session_id=scoring.id, minutes=1, now=utcnow() - timedelta(minutes=1))
    at = open_page("scoring_session")
    assert not at.exception
    with reading(engine) as db:
        assert round_state(db=db, session_id=scoring.id).round_status == "revealed"
    assert at.dataframe[0].value["value_n"].tolist()[:1] == [1]  # the results show


def current_round(engine, scoring) -> int:
    """The voting round's id (widget keys carry it)."""
    with reading(engine) as db:
        return round_state(db=db, session_id=scoring.id).round_id


def test_one_minute_is_one_in_dutch(open_page, scoring):
    """The confirmation takes the plural form of its number."""
    at = open_page("scoring_session", lang="nl")
    at.number_input(key=f"timer_minutes_{scoring.id}").set_value(1)
    at.button(key=f"FormSubmitter:timer_{scoring.id}-Start de timer").click().run()
    assert not at.exception and "Timer gestart: 1 minuut." in texts(at)
