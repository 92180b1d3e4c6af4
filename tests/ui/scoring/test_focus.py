"""Focus mode on the session page: open one, move the room on, score one again."""

import pytest

from planner.core.db import reading, writing
from planner.store.scoring.focus import focus_of
from planner.store.scoring.sessions import reveal_round
from tests.factories import demo_session
from tests.ui.conftest import texts


@pytest.fixture(name="poker")
def poker_fixture(engine, demo):
    return demo_session(engine, demo.id, "Poker", [3, 1, 2], focus=True)


def test_a_session_opens_in_focus_mode(open_page, demo, engine):
    at = open_page("scoring_session")
    at.text_input(key="session_name").input("Poker night")
    at.multiselect(key="session_phase").select("Buying").run()
    at.toggle(key="session_focus").set_value(True)
    at.button(key="open_session").click().run()
    assert not at.exception
    assert "Focus mode · candidate 1 of 7" in texts(at)


def test_the_facilitator_moves_the_room_through_the_queue(open_page, poker, engine):
    at = open_page("scoring_session")
    assert "candidate 1 of 3" in texts(at)
    assert not [b for b in at.button if b.key == f"focus_next_{poker.id}"]  # reveal first
    at.button(key=f"focus_skip_{poker.id}").click().run()  # nobody scored: skip it
    with reading(engine) as db:
        focus = focus_of(db=db, session_id=poker.id)
    assert focus.current == 1 and focus.queue[0].revealed
    with writing(engine) as db:
        reveal_round(db=db, session_id=poker.id)
    at.run()
    at.button(key=f"focus_again_{poker.id}").click().run()  # the same one, once more
    with reading(engine) as db:
        focus = focus_of(db=db, session_id=poker.id)
    assert focus.current == 1 and focus.round_status == "voting" and focus.queue[1].rounds == 2
    with writing(engine) as db:
        reveal_round(db=db, session_id=poker.id)
    at.run()
    at.button(key=f"focus_next_{poker.id}").click().run()
    with reading(engine) as db:
        assert focus_of(db=db, session_id=poker.id).current == 2
    assert "candidate 3 of 3" in texts(at)
    assert not [w for w in at.multiselect if w.key and w.key.startswith("revote_")]
