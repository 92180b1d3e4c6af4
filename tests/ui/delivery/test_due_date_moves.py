"""Re-planning on the commitment card: a product owner moves a due date with a reason,
the history keeps it, and Progress counts the days moved per owner."""

from datetime import date

import pytest

from planner.core.db import reading, writing
from planner.models import CommitmentCreate, StatusChange
from planner.store.delivery.commitments import change_status, commit, get_commitment, history
from tests.factories import saved_version
from tests.ui.conftest import texts


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
