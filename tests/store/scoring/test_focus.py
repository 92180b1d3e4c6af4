"""Focus mode: one candidate at a time, together; each one revealed and re-scored alone."""

import json

import pytest

from planner.backup.export import dump_workspace, read_document
from planner.backup.restore import restore_workspace
from planner.core.errors import Conflict, InvalidInput
from planner.models import SessionCreate
from planner.store.scoring.ballot import round_state
from planner.store.scoring.consensus import workspace_consensus
from planner.store.scoring.focus import focus_of, focus_on
from planner.store.scoring.sessions import get_session, open_session, reveal_round
from tests.factories import add_candidate, join, vote_all

pytestmark = pytest.mark.storage


@pytest.fixture(name="focus")
def focus_fixture(workshop, db):
    journey, ideas, _, setup = workshop
    scoring = open_session(
        db=db,
        workspace_id=journey.workspace.id,
        session_in=SessionCreate(name="Poker", focus=True),
        candidate_ids=[ideas[2].id, ideas[0].id, ideas[1].id],
    )
    return journey, ideas, scoring, setup


def test_the_room_starts_on_the_first_candidate_alone(focus, db):
    _, ideas, scoring, _ = focus
    found = focus_of(db=db, session_id=scoring.id)
    assert found.current == ideas[2].id and found.position() == 1
    assert [s.candidate_id for s in found.queue] == [ideas[2].id, ideas[0].id, ideas[1].id]
    assert found.next() == ideas[0].id


def test_moving_on_needs_the_reveal_or_a_skip(focus, db):
    _, ideas, scoring, _ = focus
    with pytest.raises(Conflict, match="Reveal the scores of this candidate first"):
        focus_on(db=db, session_id=scoring.id, candidate_id=ideas[0].id)
    focus_on(db=db, session_id=scoring.id, candidate_id=ideas[0].id, skip=True)
    found = focus_of(db=db, session_id=scoring.id)
    assert found.current == ideas[0].id and found.round_status == "voting"
    assert found.queue[0].revealed and found.queue[0].rounds == 1


def test_each_candidate_is_revealed_and_rescored_on_its_own(focus, db):
    journey, ideas, scoring, setup = focus
    people = [join(db, scoring, name) for name in ("Ann", "Bo", "Cy")]
    for person, label in zip(people, ("1", "5", "1"), strict=True):
        vote_all(db, scoring, person, ideas[2].id, setup, label)
    reveal_round(db=db, session_id=scoring.id)
    focus_on(db=db, session_id=scoring.id, candidate_id=ideas[2].id)  # again, after talking
    state = round_state(db=db, session_id=scoring.id)
    assert (state.number, state.round_status) == (2, "voting")
    for person in people:
        vote_all(db, scoring, person, ideas[2].id, setup, "2")
    reveal_round(db=db, session_id=scoring.id)
    found = focus_of(db=db, session_id=scoring.id)
    assert found.queue[0].rounds == 2 and found.next() == ideas[0].id
    settled = workspace_consensus(db=db, workspace_id=journey.workspace.id)
    assert settled.loc[ideas[2].id, "value"] == 2.5  # the newest round counts: "2" of 1-5


def test_only_the_sessions_candidates_and_only_in_focus_mode(focus, workshop, db):
    journey, ideas, scoring, _ = focus
    _, _, side_by_side, _ = workshop
    reveal_round(db=db, session_id=scoring.id)
    outsider = add_candidate(db, journey, "Not in the queue")
    with pytest.raises(InvalidInput):
        focus_on(db=db, session_id=scoring.id, candidate_id=outsider.id)
    reveal_round(db=db, session_id=side_by_side.id)
    with pytest.raises(InvalidInput, match="side by side"):
        focus_on(db=db, session_id=side_by_side.id, candidate_id=ideas[0].id)


def test_a_backup_keeps_the_queue(focus, db):
    journey, ideas, scoring, _ = focus
    document = dump_workspace(db=db, workspace_id=journey.workspace.id)
    restored = restore_workspace(db=db, document=read_document(json.dumps(document).encode()))
    again = dump_workspace(db=db, workspace_id=restored.id)
    [poker] = [s for s in again["sessions"] if s["name"] == "Poker"]
    titles = {c["key"]: c["title"] for c in again["candidates"]}
    assert [titles[c] for c in poker["focus_queue"]] == [ideas[i].title for i in (2, 0, 1)]
    assert get_session(db=db, session_id=scoring.id).focus_queue == [ideas[i].id for i in (2, 0, 1)]
