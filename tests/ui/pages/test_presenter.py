"""The presenter view: full screen on the projector, the way in while a round votes."""

import pytest

from planner.core.db import writing
from planner.models import SessionCreate, StakeholderJoin
from planner.store.scoring.round_timing import start_timer
from planner.store.scoring.scoring_model import load_scoring_setup
from planner.store.scoring.sessions import (
    current_round,
    open_session,
)
from planner.store.scoring.stakeholders import join_session
from planner.store.scoring.votes import set_comment
from tests.factories import vote_all
from tests.ui.conftest import texts


@pytest.fixture(name="scoring")
def scoring_fixture(engine, demo):
    """Candidates 1-3; Ann and Bo agree on 1 and 2 and disagree on 3, with comments."""
    with writing(engine) as db:
        scoring = open_session(
            db=db,
            workspace_id=demo.id,
            session_in=SessionCreate(name="Buying workshop"),
            candidate_ids=[1, 2, 3],
        )
        setup = load_scoring_setup(db=db, workspace_id=demo.id)
        for name, divided in (("Ann", "1"), ("Bo", "5")):
            person = join_session(db=db, code=scoring.code, join_in=StakeholderJoin(name=name))[1]
            vote_all(db, scoring, person, 1, setup, "3")
            vote_all(db, scoring, person, 3, setup, divided)
            set_comment(
                db=db,
                round_id=current_round(db=db, session_id=scoring.id).id,
                stakeholder_id=person.id,
                candidate_id=3,
                comment=f"{name} thinks so",
            )
    return scoring


def presenter(open_page, scoring):
    at = open_page("workspaces")
    at.query_params["session"] = str(scoring.id)
    at.switch_page("planner/ui/pages/presenter.py").run()
    assert not at.exception
    return at


def test_while_voting_it_shows_the_way_in_and_how_far_the_room_is(open_page, scoring, engine):
    with writing(engine) as db:
        start_timer(db=db, session_id=scoring.id, minutes=5)
    at = presenter(open_page, scoring)
    assert at.title[0].value == "Buying workshop"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Join code"] == scoring.code
    assert metrics["Joined"] == "2" and metrics["Scored so far"] == "67%"  # 4 of 6
    assert at.get("image")[0].proto.imgs[0].caption == "Scan to join"
    assert f"/b/{scoring.code}" in texts(at)
    assert any(c.proto.component_name == "planner.countdown" for c in at.get("bidi_component"))
    assert any("stSidebar" in h.proto.body for h in at.get("html"))  # the projector: no sidebar
