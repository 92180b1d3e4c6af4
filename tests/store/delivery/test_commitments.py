from datetime import date

import pytest

from planner.core.errors import Conflict, InvalidInput, NotFound, validated
from planner.models import CommitmentCreate, DueMove, ResultRecord, SessionCreate, StatusChange
from planner.store.delivery.commitments import (
    change_status,
    commit,
    commitment_frame,
    due_moves,
    find_done_commitment,
    find_open_commitment,
    get_commitment,
    history,
    latest_commitments,
    move_due,
    record_result,
    rescore_requests,
)
from planner.store.roadmap.versions import delete_version, open_version, update_version
from planner.store.scoring.sessions import open_session
from tests.factories import saved_version

pytestmark = pytest.mark.storage

TODAY = date(2027, 2, 15)


@pytest.fixture(name="version")
def version_fixture(db, demo):
    return saved_version(db, demo.id)


def promise(db, version, position=0, **fields):
    values = {"owner": "Team Web", "committed_by": "Paula", "period": 0} | fields
    return commit(
        db=db,
        version_id=version.id,
        position=position,
        commitment_in=CommitmentCreate(**values),
    )


def move(db, commitment, status, comment="", today=TODAY):
    return change_status(
        db=db,
        commitment_id=commitment.id,
        change=StatusChange(status=status, by="Paula", comment=comment),
        today=today,
    )


def test_commit_copies_the_item_and_takes_the_period_end_as_due(db, version):
    item = open_version(db=db, version_id=version.id).items.iloc[0]
    commitment = promise(db, version, kpi_name="Conversion", kpi_baseline=2.1, kpi_target=3)
    assert commitment.title == item["title"]
    assert commitment.candidate_id == item["candidate_id"]
    assert commitment.due == date(2027, 3, 31)
    assert commitment.status == "committed"
    [event] = history(db=db, commitment_id=commitment.id).to_dict("records")
    assert (event["from_status"], event["to_status"], event["by"]) == (None, "committed", "Paula")


def test_a_due_date_alone_finds_its_period(db, version):
    commitment = promise(db, version, period=None, due=date(2027, 5, 10))
    assert (commitment.period, commitment.due) == (1, date(2027, 5, 10))
    outside = promise(db, version, position=1, period=None, due=date(2030, 1, 1))
    assert outside.period is None


def test_commit_needs_a_period_or_a_due_date(db, version):
    with pytest.raises(InvalidInput, match="Due date is required"):
        promise(db, version, period=None)
    with pytest.raises(InvalidInput, match="Committed period"):
        promise(db, version, period=4)
    with pytest.raises(NotFound):
        promise(db, version, position=999)


def test_one_open_commitment_per_item_and_version(db, version):
    first = promise(db, version)
    with pytest.raises(Conflict, match="already committed to by Team Web"):
        promise(db, version, owner="Team App")
    move(db, first, "dropped", "No budget this year")
    assert promise(db, version, owner="Team App").owner == "Team App"


def test_status_walk_is_recorded_with_who_when_and_why(db, version):
    commitment = promise(db, version, status="proposed")
    move(db, commitment, "committed")
    move(db, commitment, "in_progress")
    move(db, commitment, "blocked", "Waiting for the payment provider")
    move(db, commitment, "in_progress", "Provider delivered")
    move(db, commitment, "done", today=date(2027, 3, 20))
    assert commitment.done_on == date(2027, 3, 20)
    steps = history(db=db, commitment_id=commitment.id)
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


def test_refused_transition_and_missing_reason_change_nothing(db, version):
    commitment = promise(db, version)
    with pytest.raises(InvalidInput):
        move(db, commitment, "done")
    with pytest.raises(InvalidInput, match="Reason is required"):
        move(db, commitment, "blocked", " ")
    assert commitment.status == "committed"
    assert len(history(db=db, commitment_id=commitment.id)) == 1


def test_result_only_when_done_and_it_can_send_back_for_rescoring(db, demo, version):
    commitment = promise(db, version)
    result = ResultRecord(kpi_result=3.4, learnings="Mobile users gained most", by="Paula")
    with pytest.raises(InvalidInput, match="Measured result"):
        record_result(db=db, commitment_id=commitment.id, result=result)
    move(db, commitment, "in_progress")
    move(db, commitment, "done")
    assert rescore_requests(db=db, workspace_id=demo.id) == []
    record_result(
        db=db,
        commitment_id=commitment.id,
        result=result.model_copy(update={"rescore": True}),
    )
    assert commitment.kpi_result == 3.4
    assert rescore_requests(db=db, workspace_id=demo.id) == [commitment.candidate_id]
    assert history(db=db, commitment_id=commitment.id)["comment"].iloc[-1] == (
        "3.4 · Mobile users gained most"
    )
    open_session(
        db=db,
        workspace_id=demo.id,
        session_in=SessionCreate(name="Round two"),
        candidate_ids=[commitment.candidate_id],
    )
    assert rescore_requests(db=db, workspace_id=demo.id) == []


def test_actual_effort_is_a_result_of_its_own_and_kept_by_later_ones(db, demo, version):
    """Known at delivery, before the KPI can be measured; a later result keeps it."""
    commitment = promise(db, version, kpi_name="Conversion")
    move(db, commitment, "in_progress")
    move(db, commitment, "done")
    record_result(
        db=db, commitment_id=commitment.id, result=ResultRecord(actual_effort=3, by="Paula")
    )
    [row] = commitment_frame(db=db, workspace_id=demo.id).to_dict("records")
    assert row["actual_effort"] == 3.0
    assert row["kpi_result"] != row["kpi_result"]  # NaN: still to check
    record_result(
        db=db,
        commitment_id=commitment.id,
        result=ResultRecord(kpi_result=2.5, learnings="Slow start", by="Paula"),
    )
    record_result(
        db=db, commitment_id=commitment.id, result=ResultRecord(actual_effort=4.5, by="Paula")
    )
    [row] = commitment_frame(db=db, workspace_id=demo.id).to_dict("records")
    assert (row["kpi_result"], row["actual_effort"], row["learnings"]) == (2.5, 4.5, "Slow start")
    comments = history(db=db, commitment_id=commitment.id)["comment"].tolist()
    assert comments[-3:] == ["", "2.5 · Slow start", ""]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({}, "Nothing to save"),
        ({"learnings": ""}, "Nothing to save"),
        ({"actual_effort": 10.5}, "Actual effort"),
        ({"actual_effort": -1}, "Actual effort"),
        ({"actual_effort": float("nan")}, "Actual effort"),
    ],
)
def test_a_result_without_anything_or_out_of_range_is_refused(db, version, fields, message):
    commitment = promise(db, version)
    move(db, commitment, "in_progress")
    move(db, commitment, "done")
    with pytest.raises(InvalidInput, match=message):
        record_result(
            db=db,
            commitment_id=commitment.id,
            result=validated(ResultRecord, by="Paula", **fields),
        )
    assert commitment.actual_effort is None


def test_the_done_commitment_is_found_by_title_and_version(db, demo, version):
    commitment = promise(db, version)
    title = commitment.title
    with pytest.raises(NotFound, match="is done"):
        find_done_commitment(db=db, workspace_id=demo.id, title=title)
    move(db, commitment, "in_progress")
    move(db, commitment, "done")
    found = find_done_commitment(db=db, workspace_id=demo.id, title=f" {title.upper()} ")
    assert found.id == commitment.id
    again = promise(db, saved_version(db, demo.id, name="Q2 plan"), owner="Team App")
    assert again.title == title  # the same roadmap, saved again
    move(db, again, "in_progress")
    move(db, again, "done")
    with pytest.raises(InvalidInput, match="Q1 plan, Q2 plan"):
        find_done_commitment(db=db, workspace_id=demo.id, title=title)
    assert (
        find_done_commitment(db=db, workspace_id=demo.id, title=title, version="q2 plan").id
        == again.id
    )
    with pytest.raises(NotFound):
        find_done_commitment(db=db, workspace_id=demo.id, title=title, version="Q9")


def test_frame_and_latest_per_candidate(db, demo, version):
    first = promise(db, version)
    move(db, first, "dropped", "Replaced by a bigger plan")
    second = promise(db, version, owner="Team App")
    promise(db, version, position=1, owner="Team Store")
    frame = commitment_frame(db=db, workspace_id=demo.id)
    assert len(frame) == 3
    assert set(frame["version"]) == {"Q1 plan"}
    latest = latest_commitments(db=db, workspace_id=demo.id).set_index("candidate_id")
    assert latest.loc[second.candidate_id, "owner"] == "Team App"
    assert latest.loc[second.candidate_id, "status"] == "committed"


def test_a_committed_version_cannot_be_replaced_or_deleted(db, demo, version):
    roadmap = open_version(db=db, version_id=version.id)
    update_version(db=db, version_id=version.id, roadmap=roadmap)
    promise(db, version)
    with pytest.raises(Conflict, match="has commitments"):
        update_version(db=db, version_id=version.id, roadmap=roadmap)
    with pytest.raises(Conflict, match="has commitments"):
        delete_version(db=db, version_id=version.id)


def replan(db, commitment, due, reason="Supplier late", by="Paula"):
    return move_due(db=db, commitment_id=commitment.id, move=DueMove(due=due, reason=reason, by=by))


def test_a_due_date_moves_with_its_reason_into_the_history(db, demo, version):
    commitment = promise(db, version)  # due 31 Mar 2027, the end of Q1
    replan(db, commitment, date(2027, 5, 10))
    moved = get_commitment(db=db, commitment_id=commitment.id)
    assert (moved.due, moved.period, moved.status) == (date(2027, 5, 10), 1, "committed")
    last = history(db=db, commitment_id=commitment.id).to_dict("records")[-1]
    assert (last["kind"], last["by"], last["comment"]) == ("due", "Paula", "Supplier late")
    assert (last["from_due"], last["to_due"]) == (date(2027, 3, 31), date(2027, 5, 10))
    assert (last["from_status"], last["to_status"]) == ("committed", "committed")
    replan(db, commitment, date(2030, 1, 1), reason="After the rebuild")
    beyond = get_commitment(db=db, commitment_id=commitment.id)
    assert (beyond.due, beyond.period) == (date(2030, 1, 1), None)  # past the version's periods
    frame = due_moves(db=db, workspace_id=demo.id)
    assert frame[["commitment_id", "from_due", "to_due"]].values.tolist() == [
        [commitment.id, date(2027, 3, 31), date(2027, 5, 10)],
        [commitment.id, date(2027, 5, 10), date(2030, 1, 1)],
    ]
    assert frame["comment"].tolist() == ["Supplier late", "After the rebuild"]


@pytest.mark.parametrize(
    ("statuses", "due", "reason", "message"),
    [
        (["in_progress", "done"], date(2027, 5, 10), "Late", "only an open commitment"),
        (["dropped"], date(2027, 5, 10), "Gone", "only an open commitment"),
        ([], date(2027, 3, 31), "Same day", "already due that day"),
        ([], None, "No day", "Due date is required"),
    ],
)
def test_a_refused_move_changes_nothing(db, version, statuses, due, reason, message):
    commitment = promise(db, version)
    for status in statuses:
        move(db, commitment, status, comment="Out of budget")
    before = history(db=db, commitment_id=commitment.id)
    with pytest.raises(InvalidInput, match=message):
        replan(db, commitment, due, reason=reason)
    assert get_commitment(db=db, commitment_id=commitment.id).due == date(2027, 3, 31)
    assert len(history(db=db, commitment_id=commitment.id)) == len(before)


def test_a_move_needs_a_reason_and_a_name():
    with pytest.raises(InvalidInput, match="Reason must have at least 3"):
        validated(DueMove, due=date(2027, 5, 10), reason="no", by="Paula")
    with pytest.raises(InvalidInput, match="By is required"):
        validated(DueMove, due=date(2027, 5, 10), reason="Supplier late", by=" ")


def test_the_open_commitment_is_found_by_title_and_version(db, demo, version):
    commitment = promise(db, version)
    title = commitment.title
    assert find_open_commitment(db=db, workspace_id=demo.id, title=title.lower()).id == (
        commitment.id
    )
    again = promise(db, saved_version(db, demo.id, name="Q2 plan"), owner="Team App")
    with pytest.raises(InvalidInput, match="committed in more than one version"):
        find_open_commitment(db=db, workspace_id=demo.id, title=title)
    assert (
        find_open_commitment(db=db, workspace_id=demo.id, title=title, version="Q2 plan").id
        == again.id
    )
    move(db, commitment, "in_progress")
    move(db, commitment, "done")
    assert find_open_commitment(db=db, workspace_id=demo.id, title=title).id == again.id
    move(db, again, "dropped", comment="Not needed")
    with pytest.raises(NotFound, match="is open"):
        find_open_commitment(db=db, workspace_id=demo.id, title=title)
