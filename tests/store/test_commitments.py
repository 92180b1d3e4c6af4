from datetime import date

import pytest

from planner.core.errors import Conflict, InvalidInput, NotFound
from planner.models import CommitmentCreate, ResultRecord, SessionCreate, StatusChange
from planner.store.commitments import (
    change_status,
    commit,
    commitment_frame,
    history,
    latest_commitments,
    record_result,
    rescore_requests,
)
from planner.store.sessions import open_session
from planner.store.versions import delete_version, open_version, update_version
from tests.factories import saved_version

pytestmark = pytest.mark.storage

TODAY = date(2027, 2, 15)


@pytest.fixture(name="version")
def version_fixture(session, demo):
    return saved_version(session, demo.id)


def promise(session, version, position=0, **fields):
    values = {"owner": "Team Web", "committed_by": "Paula", "period": 0} | fields
    return commit(
        session=session,
        version_id=version.id,
        position=position,
        commitment_in=CommitmentCreate(**values),
    )


def move(session, commitment, status, comment="", today=TODAY):
    return change_status(
        session=session,
        commitment_id=commitment.id,
        change=StatusChange(status=status, by="Paula", comment=comment),
        today=today,
    )


def test_commit_copies_the_item_and_takes_the_period_end_as_due(session, version):
    item = open_version(session=session, version_id=version.id).items.iloc[0]
    commitment = promise(session, version, kpi_name="Conversion", kpi_baseline=2.1, kpi_target=3)
    assert commitment.title == item["title"]
    assert commitment.candidate_id == item["candidate_id"]
    assert commitment.due == date(2027, 3, 31)
    assert commitment.status == "committed"
    [event] = history(session=session, commitment_id=commitment.id).to_dict("records")
    assert (event["from_status"], event["to_status"], event["by"]) == (None, "committed", "Paula")


def test_a_due_date_alone_finds_its_period(session, version):
    commitment = promise(session, version, period=None, due=date(2027, 5, 10))
    assert (commitment.period, commitment.due) == (1, date(2027, 5, 10))
    outside = promise(session, version, position=1, period=None, due=date(2030, 1, 1))
    assert outside.period is None


def test_commit_needs_a_period_or_a_due_date(session, version):
    with pytest.raises(InvalidInput, match="Due date is required"):
        promise(session, version, period=None)
    with pytest.raises(InvalidInput, match="Committed period"):
        promise(session, version, period=4)
    with pytest.raises(NotFound):
        promise(session, version, position=999)


def test_one_open_commitment_per_item_and_version(session, version):
    first = promise(session, version)
    with pytest.raises(Conflict, match="already committed to by Team Web"):
        promise(session, version, owner="Team App")
    move(session, first, "dropped", "No budget this year")
    assert promise(session, version, owner="Team App").owner == "Team App"


def test_status_walk_is_recorded_with_who_when_and_why(session, version):
    commitment = promise(session, version, status="proposed")
    move(session, commitment, "committed")
    move(session, commitment, "in_progress")
    move(session, commitment, "blocked", "Waiting for the payment provider")
    move(session, commitment, "in_progress", "Provider delivered")
    move(session, commitment, "done", today=date(2027, 3, 20))
    assert commitment.done_on == date(2027, 3, 20)
    steps = history(session=session, commitment_id=commitment.id)
    assert steps["to_status"].tolist() == [
        "proposed",
        "committed",
        "in_progress",
        "blocked",
        "in_progress",
        "done",
    ]
    assert steps["comment"].iloc[3] == "Waiting for the payment provider"
    assert steps["at"].notna().all()


def test_refused_transition_and_missing_reason_change_nothing(session, version):
    commitment = promise(session, version)
    with pytest.raises(InvalidInput):
        move(session, commitment, "done")
    with pytest.raises(InvalidInput, match="Reason is required"):
        move(session, commitment, "blocked", " ")
    assert commitment.status == "committed"
    assert len(history(session=session, commitment_id=commitment.id)) == 1


def test_result_only_when_done_and_it_can_send_back_for_rescoring(session, demo, version):
    commitment = promise(session, version)
    result = ResultRecord(kpi_result=3.4, learnings="Mobile users gained most", by="Paula")
    with pytest.raises(InvalidInput, match="Measured result"):
        record_result(session=session, commitment_id=commitment.id, result=result)
    move(session, commitment, "in_progress")
    move(session, commitment, "done")
    assert rescore_requests(session=session, workspace_id=demo.id) == []
    record_result(
        session=session,
        commitment_id=commitment.id,
        result=result.model_copy(update={"rescore": True}),
    )
    assert commitment.kpi_result == 3.4
    assert rescore_requests(session=session, workspace_id=demo.id) == [commitment.candidate_id]
    assert history(session=session, commitment_id=commitment.id)["comment"].iloc[-1] == (
        "3.4 · Mobile users gained most"
    )
    open_session(
        session=session,
        workspace_id=demo.id,
        session_in=SessionCreate(name="Round two"),
        candidate_ids=[commitment.candidate_id],
    )
    assert rescore_requests(session=session, workspace_id=demo.id) == []


def test_frame_and_latest_per_candidate(session, demo, version):
    first = promise(session, version)
    move(session, first, "dropped", "Replaced by a bigger plan")
    second = promise(session, version, owner="Team App")
    promise(session, version, position=1, owner="Team Store")
    frame = commitment_frame(session=session, workspace_id=demo.id)
    assert len(frame) == 3
    assert set(frame["version"]) == {"Q1 plan"}
    latest = latest_commitments(session=session, workspace_id=demo.id).set_index("candidate_id")
    assert latest.loc[second.candidate_id, "owner"] == "Team App"
    assert latest.loc[second.candidate_id, "status"] == "committed"


def test_a_committed_version_cannot_be_replaced_or_deleted(session, demo, version):
    roadmap = open_version(session=session, version_id=version.id)
    update_version(session=session, version_id=version.id, roadmap=roadmap)
    promise(session, version)
    with pytest.raises(Conflict, match="has commitments"):
        update_version(session=session, version_id=version.id, roadmap=roadmap)
    with pytest.raises(Conflict, match="has commitments"):
        delete_version(session=session, version_id=version.id)
