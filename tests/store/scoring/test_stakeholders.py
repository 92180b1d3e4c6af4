"""Stakeholders and their personal links: who a ballot request comes from, and whether
they take part in the round it names."""

import pytest

from planner.models import SessionCreate, StakeholderJoin
from planner.store.scoring.sessions import current_round, open_session
from planner.store.scoring.stakeholders import join_session, key_holder, renew_link

pytestmark = pytest.mark.storage


def test_a_key_names_its_stakeholder_and_whether_they_take_part_in_the_round(db, workshop):
    journey, ideas, scoring, _ = workshop
    ann = join_session(db=db, code=scoring.code, join_in=StakeholderJoin(name="Ann"))
    other = open_session(
        db=db,
        workspace_id=journey.workspace.id,
        session_in=SessionCreate(name="Another"),
        candidate_ids=[ideas[2].id],
    )
    mine = current_round(db=db, session_id=scoring.id).id
    theirs = current_round(db=db, session_id=other.id).id

    me, in_round = key_holder(db=db, token=ann.token, round_id=mine)
    assert (me.id, in_round) == (ann.stakeholder.id, True)
    me, in_round = key_holder(db=db, token=ann.token, round_id=theirs)
    assert (me.id, in_round) == (ann.stakeholder.id, False)  # known, but not of that round
    me, in_round = key_holder(db=db, token=ann.token, round_id=theirs + 1000)
    assert (me.id, in_round) == (ann.stakeholder.id, False)  # no such round


@pytest.mark.parametrize("token", ["", "x" * 101, "not-a-link"])
def test_an_unknown_key_names_nobody(db, workshop, token):
    _, _, scoring, _ = workshop
    join_session(db=db, code=scoring.code, join_in=StakeholderJoin(name="Ann"))
    round_id = current_round(db=db, session_id=scoring.id).id
    assert key_holder(db=db, token=token, round_id=round_id) == (None, False)


def test_a_replaced_link_names_nobody_any_more(db, workshop):
    _, _, scoring, _ = workshop
    ann = join_session(db=db, code=scoring.code, join_in=StakeholderJoin(name="Ann"))
    round_id = current_round(db=db, session_id=scoring.id).id
    renewed = renew_link(
        db=db, workspace_id=ann.stakeholder.workspace_id, stakeholder_id=ann.stakeholder.id
    )
    assert key_holder(db=db, token=ann.token, round_id=round_id) == (None, False)
    assert key_holder(db=db, token=renewed, round_id=round_id)[1] is True
