"""One commitment's card: the status changes it allows, its measured result and actual
effort, and re-planning: a product owner moves a due date with a reason, the history keeps
it, and Progress counts the days moved per owner."""

from datetime import date

import pytest

from planner.core.db import reading, writing
from planner.models import CommitmentCreate, StatusChange
from planner.store.delivery.commitments import (
    change_status,
    commit,
    commitment_frame,
    get_commitment,
    history,
    rescore_requests,
)
from tests.factories import saved_version
from tests.ui.conftest import texts
from tests.ui.pages.test_commitments import (
    move,
    promise,
    submit,
    version_fixture,  # noqa: F401 (a fixture)
)


@pytest.fixture(name="promised")
def promised_fixture(engine, demo) -> int:
    """One commitment of Team Web, due 31 Mar 2027 (the end of the version's Q1)."""
    with writing(engine) as db:
        version = saved_version(db, demo.id)
        return commit(
            db=db,
            version_id=version.id,
            position=0,
            commitment_in=CommitmentCreate(owner="Team Web", committed_by="Paula", period=0),
        ).id


def move_on_the_card(at, commitment_id: int, due: date, reason: str, label="Move the due date"):
    at.date_input(key=f"due_new_{commitment_id}").set_value(due)
    at.text_input(key=f"due_reason_{commitment_id}").input(reason)
    at.button(key=f"FormSubmitter:due_{commitment_id}-{label}").click().run()
    assert not at.exception
    return at


def test_a_product_owner_moves_a_due_date_and_progress_counts_it(open_page, engine, promised):
    at = open_page("commitments", role="owner")
    assert at.text_input(key=f"due_by_{promised}").value == "Eva"  # who is signed in
    move_on_the_card(at, promised, date(2027, 4, 30), "Payment provider late")
    assert "is now due 30 Apr 2027." in texts(at)
    with reading(engine) as db:
        assert get_commitment(db=db, commitment_id=promised).due == date(2027, 4, 30)
        last = history(db=db, commitment_id=promised).to_dict("records")[-1]
    assert (last["kind"], last["by"], last["comment"]) == ("due", "Eva", "Payment provider late")
    steps = at.dataframe[-1].value
    assert steps["Change"].tolist()[-1] == "Due date 31 Mar 2027 → 30 Apr 2027"
    assert steps["Comment"].tolist()[-1] == "Payment provider late"
    assert at.text_input(key=f"due_reason_{promised}").value == ""  # the form starts afresh

    progress = open_page("progress", role="owner")
    assert "Due dates moved" in texts(progress)
    [moved] = [d.value for d in progress.dataframe if "Days moved" in d.value.columns]
    assert moved.to_dict("records") == [
        {"Owner": "Team Web", "Commitments moved": 1, "Moves": 1, "Days moved": 30}
    ]


def test_progress_says_when_no_due_date_moved(open_page, promised):
    at = open_page("progress", lang="nl", role="viewer")
    assert "Er is geen uiterste datum verzet." in texts(at)


def test_a_move_without_a_reason_is_refused_at_the_form(open_page, engine, promised):
    at = open_page("commitments", lang="nl", role="owner")
    move_on_the_card(at, promised, date(2027, 4, 30), "", label="Uiterste datum verzetten")
    assert "Reden moet minstens 3 teken(s) hebben." in texts(at)
    assert at.date_input(key=f"due_new_{promised}").value == date(2027, 4, 30)  # kept
    with reading(engine) as db:
        assert get_commitment(db=db, commitment_id=promised).due == date(2027, 3, 31)


def test_only_open_commitments_of_those_who_commit_can_be_moved(open_page, engine, promised):
    viewer = open_page("commitments", role="viewer")
    assert f"due_new_{promised}" not in [w.key for w in viewer.date_input]
    with writing(engine) as db:
        for status in ("in_progress", "done"):
            change_status(
                db=db,
                commitment_id=promised,
                change=StatusChange(status=status, by="Paula"),
                today=date(2027, 3, 1),
            )
    owner = open_page("commitments", role="owner")
    assert f"due_new_{promised}" not in [w.key for w in owner.date_input]


def test_only_allowed_transitions_are_offered_and_blocked_needs_a_reason(
    open_page, engine, version
):
    commitment = promise(engine, version, status="proposed")
    at = open_page("commitments")
    assert at.selectbox(key="status_to").options == ["committed", "blocked", "dropped"]
    at.selectbox(key="status_to").set_value("blocked")
    at.text_input(key="status_by").input("Paula")
    submit(at, f"status_{commitment}", "Change status")
    assert "Reason is required to mark a commitment blocked" in texts(at)
    at.text_input(key="status_comment").input("Waiting for legal")
    submit(at, f"status_{commitment}", "Change status")
    assert "is now blocked" in texts(at)
    with reading(engine) as db:
        steps = history(db=db, commitment_id=commitment)
    assert steps["to_status"].tolist() == ["proposed", "blocked"]
    history_table = at.dataframe[-1].value
    assert history_table["Comment"].tolist()[-1] == "Waiting for legal"
    assert at.selectbox(key="status_to").options == ["committed", "in progress", "dropped"]


def test_done_item_records_its_result_and_goes_back_to_scoring(open_page, engine, demo, version):
    commitment = promise(engine, version)
    move(engine, commitment, "in_progress", "done")
    at = open_page("commitments")
    assert "To check" in [m.label for m in at.metric]
    at.number_input(key=f"result_value_{commitment}").set_value(4.2)
    at.text_input(key=f"result_by_{commitment}").input("Paula")
    at.text_area(key=f"result_learnings_{commitment}").input("Mobile users gained most")
    at.checkbox(key=f"result_rescore_{commitment}").check()
    submit(at, f"result_{commitment}", "Save the result")
    assert "Result of" in texts(at)
    with reading(engine) as db:
        [row] = commitment_frame(db=db, workspace_id=demo.id).to_dict("records")
        assert rescore_requests(db=db, workspace_id=demo.id) == [row["candidate_id"]]
    assert row["kpi_result"] == 4.2


def test_the_owner_saves_an_actual_effort_alone_and_it_is_shown_and_counted(
    open_page, engine, demo, version
):
    """The issue's steps by the product owner's role: done, actual effort 3, save (no
    KPI measured yet); the card shows it and Progress counts it (nobody scored it)."""
    commitment = promise(engine, version, kpi_name="Conversion")
    move(engine, commitment, "in_progress", "done")
    at = open_page("commitments", role="owner")
    assert "Actual effort: not recorded yet" in texts(at)
    at.number_input(key=f"result_actual_effort_{commitment}").set_value(3.0)
    at.text_input(key=f"result_by_{commitment}").input("Paula")
    submit(at, f"result_{commitment}", "Save the result")
    assert "Result of" in texts(at) and "Actual effort: 3.0 of 10" in texts(at)
    with reading(engine) as db:
        [row] = commitment_frame(db=db, workspace_id=demo.id).to_dict("records")
    assert row["actual_effort"] == 3.0 and row["kpi_result"] != row["kpi_result"]
    assert "Werkelijke inspanning: 3,0 van 10" in texts(open_page("commitments", lang="nl"))
    at = open_page("progress", role="owner")
    assert "1 delivered item has its actual effort recorded, but no stakeholder" in texts(at)
    assert "No delivered item has its actual effort" not in texts(at)


def test_a_refused_result_says_why_at_the_form_and_saves_nothing(open_page, engine, version):
    commitment = promise(engine, version)
    move(engine, commitment, "in_progress", "done")
    at = open_page("commitments", role="owner")
    at.number_input(key=f"result_actual_effort_{commitment}").set_value(3.0)
    submit(at, f"result_{commitment}", "Save the result")
    assert [error.value for error in at.error] == ["By is required\\."]  # Markdown
    at.text_input(key=f"result_by_{commitment}").input("Paula")
    at.number_input(key=f"result_actual_effort_{commitment}").set_value(None)
    submit(at, f"result_{commitment}", "Save the result")
    assert "Nothing to save" in at.error[0].value
    with reading(engine) as db:
        assert get_commitment(db=db, commitment_id=commitment).actual_effort is None


def test_each_commitment_has_its_own_result_form(open_page, engine, version):
    """A value typed for one done commitment never shows (or is saved) on another."""
    first, second = promise(engine, version), promise(engine, version, position=1)
    move(engine, first, "in_progress", "done")
    move(engine, second, "in_progress", "done")
    at = open_page("commitments")
    at.selectbox(key="commitment_open").set_value(first).run()
    at.number_input(key=f"result_actual_effort_{first}").set_value(3.0)
    at.text_input(key=f"result_by_{first}").input("Paula")
    submit(at, f"result_{first}", "Save the result")
    at.selectbox(key="commitment_open").set_value(second).run()
    assert at.number_input(key=f"result_actual_effort_{second}").value is None
    assert "Actual effort: not recorded yet" in texts(at)
